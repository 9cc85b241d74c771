/*
 * pages_insulation.c - help pages of the single calculations: surface,
 * thickness, materials, fitting, pipe-loss, lab, water (help.h).
 */
#include "help.h"

static const cli_opt_doc surface_opts[] = {
    {"shape", "pipe|flat|sphere",
     "a cylinder, a flat wall or a sphere (required)"},
    {"od", "MM",
     "outer diameter of the bare pipe or sphere, mm (required for pipe and "
     "sphere, or --dn/--nps for a pipe)"},
    {"dn", "DN",
     "a pipe's outer diameter from its DN, EN 10220 series 1 (GB/T 17395 "
     "series A): DN 15 to 1600, e.g. DN200 = 219.1 mm (default: --od)"},
    {"nps", "NPS",
     "a pipe's outer diameter from its NPS, ASME B36.10M: 1/2 to 48, as 2, "
     "2-1/2 or 2.5 (default: --od)"},
    {"temp", "C|FROM:TO:STEP",
     "process temperature: the inner surface, or the fluid with --film, C "
     "(required); heatline surface also takes a range FROM:TO:STEP in C, "
     "TO included when on the grid, at most 100000 rows: one row per "
     "temperature"},
    {"ambient", "C", "air temperature, C (default 20)"},
    {"radiant", "C",
     "mean radiant temperature of the surroundings, C (default: the air "
     "temperature)"},
    {"wind", "M/S", "wind speed, m/s; 0 = still air (default 0)"},
    {"orientation", "horizontal|vertical|up|down",
     "pipe: horizontal or vertical; flat: vertical wall, up or down plate "
     "(default: horizontal pipe, vertical wall)"},
    {"height", "M",
     "height of a vertical pipe or wall, side of a plate, m (default 1)"},
    {"layer", "MATERIAL:MM",
     "a layer, inside out, repeatable: a material id (heatline materials) "
     "and its thickness in mm, or k=W/MK:MM for a constant conductivity "
     "(default: none, bare)"},
    {"emissivity", "E",
     "outer surface emissivity, above 0 to 1 (default: the outer layer's "
     "material; 0.9 when bare)"},
    {"h-conv", "W/M2K",
     "fixed convective coefficient, W/(m2 K), radiation still computed "
     "(default: computed)"},
    {"h-out", "W/M2K",
     "fixed total outer coefficient, W/(m2 K) (default: computed)"},
    {"film", "W/M2K",
     "inner film coefficient, W/(m2 K); --temp is then the fluid (default: "
     "none)"},
    {"coefficients", "iso12241|astm-c680|gb50264",
     "outer coefficient set (default iso12241)"},
    {"materials", "FILE",
     "extra or replacement materials, CSV (default: the embedded table)"},
    {"air-pressure", "KPA",
     "air pressure for astm-c680, kPa (default 101.325)"},
    {"json", NULL, "one JSON object instead of the table"},
    CLI_OPT_END};

const cli_page cli_page_surface = {
    "surface",
    "heat loss and surface temperature of an insulated or bare surface",
    "--shape pipe|flat|sphere [--od MM] --temp C|FROM:TO:STEP [--ambient C] "
    "[--wind M/S]\n"
    " [--layer MATERIAL:MM]... [--emissivity E] [--coefficients SET] "
    "[--json] [OPTIONS]",
    "Heat loss and outer surface temperature of a pipe, flat wall or "
    "sphere, bare or with layers, by ISO 12241 (or ASTM C680, GB 50264 "
    "coefficients): W/m for a pipe, W/m2 for a wall, W for a sphere.",
    NULL,
    {surface_opts, NULL}};

static const cli_opt_doc thickness_opts[] = {
    CLI_HEADING("the target (exactly one):"),
    {"max-surface-temp", "C", "outer surface at most C (one target required)"},
    {"max-heat-loss", "W/M",
     "heat loss at most this: W/m pipe, W/m2 wall, W sphere (one target "
     "required)"},
    {"max-heat-flux", "W/M2",
     "heat flux at the outer surface at most this, W/m2 (one target "
     "required)"},
    CLI_HEADING("the search:"),
    {"vary", "N",
     "the layer to size, 1 = innermost (default: the last; its thickness is "
     "only a start value)"},
    {"max-thickness", "MM", "upper end of the search, mm (default 2000)"},
    CLI_HEADING("economic thickness (GB 50264, VDI 2055): the least total "
                "annual cost of the layer (volume x price x annuity factor) "
                "and of the heat lost:"),
    {"economic", NULL,
     "size the layer for the least total cost instead of a limit (needs "
     "--insulation-cost)"},
    {"insulation-cost", "CNY/M3",
     "installed price of the layer's volume, CNY/m3 (required with "
     "--economic; with --table: the cost columns)"},
    {"heat-price", "CNY/GJ", "price of the heat lost, CNY/GJ (default 25)"},
    {"hours", "H",
     "hours a year at the process temperature, 0 to 8784 (default 4392, "
     "the 183-day Hohhot heating season)"},
    {"life", "YEARS", "service life of the insulation, years (default 10)"},
    {"discount-rate", "FRACTION",
     "discount rate of the annuity factor, 0.08 = 8 % (default 0.08)"},
    CLI_HEADING("commercial thicknesses and tables:"),
    {"round", "MM",
     "the result rounded to a multiple of MM: up for a limit (which it "
     "still meets), to the cheaper neighbour for --economic (default: not "
     "rounded)"},
    {"table", "FROM:TO:STEP",
     "a table of thicknesses in mm: heat loss, surface temperature and, "
     "with --insulation-cost, the annual costs; alone or with a target "
     "(default: no table)"},
    CLI_OPT_END};

const cli_page cli_page_thickness = {
    "thickness",
    "layer thickness for a surface-temperature or heat-loss limit",
    "--shape pipe|flat|sphere [--od MM] --temp C --layer MATERIAL:MM...\n"
    " (--max-surface-temp C | --max-heat-loss W/M | --max-heat-flux W/M2 |\n"
    " --economic --insulation-cost CNY/M3) [--round MM] [--table A:B:S] "
    "[OPTIONS]",
    "The least thickness of one layer that meets a surface-temperature, "
    "heat-loss or heat-flux limit, or the economic thickness (the least "
    "total cost of insulation and heat over the life), optionally rounded "
    "to commercial thicknesses, with a table of thicknesses; the other "
    "options as heatline surface.",
    NULL,
    {surface_opts, thickness_opts, NULL}};

static const cli_opt_doc materials_opts[] = {
    {"materials", "FILE",
     "extra or replacement rows (CSV, data/materials.csv format) (default: "
     "the embedded table only)"},
    {"csv", NULL, "the table as CSV instead of aligned text"},
    CLI_OPT_END};

const cli_page cli_page_materials = {
    "materials",
    "list the material table",
    "[--materials FILE] [--csv]",
    "The materials every command knows by id: category, lambda(T) model "
    "and its valid range, emissivity, density and source "
    "(docs/materials.md).",
    NULL,
    {materials_opts, NULL}};

static const cli_opt_doc fitting_opts[] = {
    {"type", "TYPE",
     "gate-valve, butterfly-valve, ball-valve, globe-valve, flange-pair, "
     "blind-flange, bellows-compensator, sleeve-compensator, fixed-support, "
     "vent-drain (required; with --list: only that type)"},
    {"dn", "DN",
     "nominal diameter, mm (vent-drain: the branch DN); an unknown DN lists "
     "those there are (required)"},
    {"pn", "PN", "pressure class, bar (default 16)"},
    {"temp", "C",
     "medium (water) temperature, C; the wetted metal is at it (required)"},
    {"ambient", "C", "air temperature (chamber or outdoor), C (default 20)"},
    {"radiant", "C",
     "mean radiant temperature of the surroundings, C (default: the air)"},
    {"wind", "M/S", "wind speed, m/s (default 0, still air)"},
    {"coating", "MATERIAL:MM",
     "a coating on all metal: material id or k=W/MK, thickness in mm "
     "(default: bare)"},
    {"jacket", "MATERIAL:MM",
     "a removable jacket, as a conformal layer without air gap (default: "
     "bare)"},
    {"limit", "C", "surface-temperature limit of the verdict, C (default 50)"},
    {"contact-s", "S",
     "contact time for the ISO 13732-1 burn threshold, s, >= 0.5 (default "
     "1)"},
    {"emissivity", "E", "emissivity of the bare metal (default 0.9)"},
    {"coefficients", "iso12241|astm-c680|gb50264",
     "outer coefficient set (default iso12241)"},
    {"ref-insulation", "MATERIAL:MM|none",
     "the adjacent pipe's insulation for the equivalent length, or none "
     "(default pur-aged:100)"},
    {"materials", "FILE",
     "extra or replacement materials, CSV (default: the embedded table)"},
    {"patches", NULL,
     "list every part: area, loss, hottest and mean surface, fin "
     "efficiency"},
    {"json", NULL, "JSON instead of text"},
    {"fv-check", NULL,
     "flange-pair only: the axisymmetric finite-volume check against the "
     "patch model"},
    {"fillet", "MM",
     "with --fv-check: 45-degree cover fillet in the inside corners, mm, 0 "
     "to the cover thickness (default: the cover thickness)"},
    {"refine", "N", "with --fv-check: mesh density 1..16 (default 2)"},
    {"compare", NULL,
     "the fitting bare, coated and jacketed side by side: heat loss, "
     "saving, hottest and mean surface, verdict, equivalent length; "
     "--coating and --jacket name the covers (default ceramic-microbead:8 "
     "and aerogel-blanket:30)"},
    CLI_HEADING("catalogue and inventory:"),
    {"list", NULL,
     "type, DN, PN, bare area, pipe OD and source of every catalogue "
     "entry"},
    {"inventory", "FILE",
     "a CSV with one fitting per row (docs/cli.md, Inventory) instead of "
     "--type/--dn (default: one fitting)"},
    {"output", "FILE",
     "with --inventory: the results CSV, written whole or not at all "
     "(default: standard output)"},
    {"keep-going", NULL,
     "with --inventory: a bad row is reported and skipped (default: it "
     "stops the run)"},
    CLI_OPT_END};

const cli_page cli_page_fitting = {
    "fitting",
    "heat loss and hottest surface of a fitting",
    "--type TYPE --dn DN [--pn PN] --temp C [--ambient C] [--wind M/S]\n"
    " [--coating MATERIAL:MM | --jacket MATERIAL:MM] [--limit C] [--json] "
    "[OPTIONS]\n"
    "--type TYPE --dn DN --temp C --compare [--coating MATERIAL:MM] "
    "[--jacket MATERIAL:MM]\n"
    "--list [--type TYPE] [--json]\n"
    "--inventory FILE [--output FILE] [--json] [--keep-going] [OPTIONS]",
    "Heat loss, hottest surface, burn-safety verdict and minimum coating "
    "of a valve, compensator, flange pair, blind flange, fixed support or "
    "vent/drain branch from the catalogue, one at a time or a whole "
    "inventory. MATERIAL:MM may also be k=W/MK:MM.",
    NULL,
    {fitting_opts, NULL}};

static const cli_opt_doc pipe_loss_opts[] = {
    {"laying", "single|pair|twin|overhead|overhead-pair|duct|duct-pair",
     "buried single pipe, pair in one trench, twin (two carriers in one "
     "casing), overhead in air, in a duct or tunnel (required)"},
    {"carrier-od", "MM", "carrier (steel) outer diameter, mm (required)"},
    {"carrier-od-return", "MM",
     "return carrier's outer diameter, mm, not twin (default: as supply)"},
    {"insulation-od", "MM",
     "insulation outer diameter, mm, inside the casing if any; twin: the "
     "fill's (required)"},
    {"insulation-od-return", "MM",
     "return insulation's outer diameter, mm (default: as supply)"},
    {"lambda-ins", "W/MK",
     "insulation conductivity, W/(m K), constant (required, or "
     "--insulation)"},
    {"insulation", "MATERIAL",
     "insulation from the material table with its lambda(T) (required, or "
     "--lambda-ins)"},
    {"lambda-ins-return", "W/MK",
     "return pipe's insulation conductivity, W/(m K) (default: as "
     "supply)"},
    {"insulation-return", "MATERIAL",
     "return pipe's insulation material (default: as supply)"},
    {"casing-od", "MM",
     "casing (jacket) outer diameter, mm (default: no "
     "casing)"},
    {"casing-od-return", "MM",
     "return casing's outer diameter, mm (default: as supply)"},
    {"lambda-casing", "W/MK",
     "casing conductivity, W/(m K) (default 0.43, HDPE)"},
    {"casing", "MATERIAL",
     "casing from the material table (default: HDPE, 0.43 W/(m K))"},
    CLI_HEADING("buried layings:"),
    {"lambda-soil", "W/MK",
     "soil conductivity, W/(m K) (default 1.2; moist soils 1.5-2.0)"},
    {"cover", "M",
     "soil above the top of the casing, m (required, or --axis-depth)"},
    {"axis-depth", "M",
     "depth of the pipe axes (twin: casing axis), m (required, or "
     "--cover)"},
    {"surface-resistance", "M2K/W|en13941",
     "ground-surface resistance R0, m2 K/W; en13941 = 0.0685 (default 0)"},
    {"gap", "M",
     "pair: clear distance between the casings; twin: between the "
     "carriers, m (required, or --spacing)"},
    {"spacing", "M",
     "centre distance of the pipes (twin: of the carriers), m (required, "
     "or --gap)"},
    {"twin-method", "multipole|wallenten",
     "converged multipole solution or first-order closed form (default "
     "multipole)"},
    {"twin-order", "N", "multipole order 1..14 (default 12)"},
    CLI_HEADING("overhead and duct layings:"),
    {"h-out", "W/M2K",
     "fixed combined outer coefficient, W/(m2 K) (default: computed)"},
    {"wind", "M/S", "wind speed, m/s (default 0, still air)"},
    {"emissivity", "E",
     "outer surface emissivity (default: the casing or insulation "
     "material's, else 0.9)"},
    {"coefficients", "iso12241|astm-c680|gb50264",
     "outer coefficient set (default iso12241)"},
    CLI_HEADING("temperatures:"),
    {"supply", "C", "supply water temperature, C (required)"},
    {"return", "C",
     "return water temperature, C (required for two-pipe layings, refused "
     "for one pipe)"},
    {"ground", "C",
     "undisturbed soil at the axis depth, C (required when buried)"},
    {"air", "C", "air temperature, C (required for overhead and duct layings)"},
    {"materials", "FILE",
     "extra material table, data/materials.csv format (default: the "
     "embedded table)"},
    {"json", NULL, "one JSON object instead of the table"},
    CLI_OPT_END};

const cli_page cli_page_pipe_loss = {
    "pipe-loss",
    "heat loss per metre of a pipe or pair",
    "--laying LAYING --carrier-od MM --insulation-od MM\n"
    " (--lambda-ins W/MK | --insulation MATERIAL) --supply C [--return C]\n"
    " (--ground C | --air C) [--cover M | --axis-depth M] [--gap M | "
    "--spacing M] [OPTIONS]",
    "Heat loss per metre of one pipe build-up or a supply/return pair: "
    "buried single pipe, pair in one trench, twin pipe, overhead in air, "
    "in a duct or tunnel (EN 13941, the multipole method). Options that do "
    "not apply to the chosen laying are errors.",
    NULL,
    {pipe_loss_opts, NULL}};

static const cli_opt_doc lab_opts[] = {
    {"template", "pipe|plate|comparison",
     "print an empty runs file of that kind to fill in"},
    CLI_OPT_END};

const cli_page cli_page_lab = {
    "lab",
    "conductivity lambda(T) and ageing from lab test runs",
    "fit RUNS.csv [OPTIONS]\n"
    "ageing RUNS.csv [OPTIONS]\n"
    "--template pipe|plate|comparison",
    "Lab test runs to design values: lab fit gives lambda(T) with its "
    "uncertainty and a material row; lab ageing compares aged with unaged "
    "runs. heatline help lab fit, heatline help lab ageing: their options.",
    "fit ageing",
    {lab_opts, NULL}};

static const cli_opt_doc lab_fit_opts[] = {
    {"material", "ID", "fit only this material's runs (default: every one)"},
    {"cycles", "N",
     "fit the runs at N ageing cycles (default 0, the unaged runs)"},
    {"hours", "N",
     "the same for a file aged in hours: the runs at N hours (default 0)"},
    {"degree", "auto|1|2",
     "a line, a quadratic, or auto: the quadratic when an F-test at 5 % "
     "accepts it (default auto)"},
    {"design-temp", "C",
     "where lambda, its uncertainty and the declared value are quoted, C "
     "(default: the middle of the tested mean temperatures)"},
    {"coefficients", "iso12241|astm-c680|gb50264",
     "outer-coefficient set that reduces comparison runs (default "
     "iso12241)"},
    {"emissivity-step", "E",
     "sensitivity: each run's emissivity moved by -/+ E (default 0.05)"},
    {"name", "NAME",
     "write the fitted curve as a material row with this id (default: "
     "none written)"},
    {"category", "CAT", "with --name: the row's category (default coating)"},
    {"output", "FILE",
     "with --name: the row into FILE, whole or not at all (default: "
     "standard output)"},
    {"json", NULL, "one JSON object instead of the report"},
    CLI_OPT_END};

const cli_page cli_page_lab_fit = {
    "lab fit",
    "lambda(T) with its uncertainty from lab runs",
    "RUNS.csv [--material ID] [--cycles N] [--degree auto|1|2]\n"
    " [--design-temp C] [--name NAME [--category CAT] [--output FILE]] "
    "[--json]",
    "Fits each material's runs: the curve, its uncertainty, chi2, declared "
    "values every 10 C, and for comparison runs the sensitivities "
    "(docs/cli.md, lab fit).",
    NULL,
    {lab_fit_opts, NULL}};

static const cli_opt_doc lab_ageing_opts[] = {
    {"design-temp", "C",
     "temperature the groups are compared at, C (default: the middle of "
     "all tested mean temperatures)"},
    {"limit", "PCT", "allowed increase of lambda, % (default 10)"},
    {"coefficients", "iso12241|astm-c680|gb50264",
     "outer-coefficient set that reduces comparison runs (default "
     "iso12241)"},
    {"json", NULL, "one JSON object instead of the report"},
    CLI_OPT_END};

const cli_page cli_page_lab_ageing = {
    "lab ageing",
    "lambda's change with ageing from lab runs",
    "RUNS.csv [--design-temp C] [--limit PCT] [--coefficients SET] "
    "[--json]",
    "Groups the runs by material, thickness class and ageing state, and "
    "ranks the materials by their aged lambda with a verdict against the "
    "limit (docs/cli.md, lab ageing).",
    NULL,
    {lab_ageing_opts, NULL}};

static const cli_opt_doc water_opts[] = {
    {"temp", "C", "water temperature, 0 to 350 C (required)"},
    {"pressure", "BAR",
     "absolute pressure, bar (default 1.01325, or the saturation pressure "
     "where that is higher)"},
    {"json", NULL, "one JSON object with SI values"},
    CLI_OPT_END};

const cli_page cli_page_water = {
    "water",
    "properties of liquid water (IAPWS-IF97)",
    "--temp C [--pressure BAR] [--json]",
    "Density, heat capacity, enthalpy, viscosity, conductivity and "
    "saturation pressure of liquid water by IAPWS-IF97 region 1.",
    NULL,
    {water_opts, NULL}};
