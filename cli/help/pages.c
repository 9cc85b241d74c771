/* pages.c - the list of help pages, in the order of `heatline help`. */
#include "help.h"

extern const cli_page cli_page_run, cli_page_surface, cli_page_thickness,
    cli_page_materials, cli_page_lab, cli_page_lab_fit, cli_page_lab_ageing,
    cli_page_pipe_loss, cli_page_season, cli_page_fitting, cli_page_water,
    cli_page_register, cli_page_surge, cli_page_dynamic;

const cli_page *const cli_pages[] = {
    &cli_page_run,        &cli_page_surface,   &cli_page_thickness,
    &cli_page_materials,  &cli_page_lab,       &cli_page_lab_fit,
    &cli_page_lab_ageing, &cli_page_pipe_loss, &cli_page_season,
    &cli_page_fitting,    &cli_page_water,     &cli_page_register,
    &cli_page_surge,      &cli_page_dynamic};
const int cli_n_pages = sizeof cli_pages / sizeof cli_pages[0];
