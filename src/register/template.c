/*
 * template.c - the commented inspection CSV (`heatline register --template
 * inspections`); lines starting with '#' are comments the reader skips.
 */
#include "heatline.h"

static const char template_text[] =
    "# heatline register: thermal-camera inspection of fittings, one row per\n"
    "# fitting and visit (docs/register.md). The same columns serve\n"
    "# `import-inspections` and `verify` (the re-inspection after work).\n"
    "# Required columns:\n"
    "#   fitting_id   fitting id as in the model (heatline run, fittings)\n"
    "#   date         day of the inspection, YYYY-MM-DD (not in the future)\n"
    "#   inspector    who measured\n"
    "#   supply_c     plant supply temperature at the time, C: the model\n"
    "#                is run at it for the water temperature at the chamber\n"
    "#   air_c        air in the chamber next to the fitting, C\n"
    "#   hottest_c    hottest surface temperature seen on the fitting, C\n"
    "# Optional columns (may be empty):\n"
    "#   ambient_c    outdoor air temperature, C\n"
    "#   mean_c       mean surface temperature of the fitting, C\n"
    "#   emissivity   emissivity set on the camera, (0, 1]\n"
    "#   camera       camera model or serial\n"
    "#   photo        path of the thermal image\n"
    "#   notes        free text\n"
    "# Temperatures below -50 C or above the water's (supply_c) are refused.\n"
    "fitting_id,date,inspector,supply_c,air_c,hottest_c,ambient_c,mean_c,"
    "emissivity,camera,photo,notes\n"
    "ST1-S-valve,2026-01-15,inspector A,128.5,24.0,104.2,-12.0,88.1,0.95,"
    "camera-1,photos/ST1-S-valve.jpg,bare body and bonnet\n";

const char *hl_register_template(void)
{
    return template_text;
}
