/*
 * pages_run.c - help pages of the commands that load a model: run, season,
 * dynamic, surge, register, and the loading options they share (help.h).
 */
#include "help.h"

/* load_args.h: the heat-transfer data of an EPANET .inp or GeoJSON import */
static const cli_opt_doc load_opts[] = {
    CLI_HEADING("EPANET .inp and GeoJSON imports take their heat-transfer "
                "data from (an error with a YAML model):"),
    {"supply-temp", "C",
     "temperature of the water entering at reservoirs and tanks, C "
     "(default 80)"},
    {"ambient", "C", "surroundings of every pipe, C (default 10)"},
    {"u", "W/M2K",
     "overall heat-transfer coefficient on the inner pipe surface, "
     "W/(m2 K) (default 0: no heat loss)"},
    {"cp", "J/KGK",
     "constant heat capacity of the water, J/(kg K) (default 4190)"},
    {"thermal-csv", "FILE",
     "per pipe: id, u_w_per_m2k or heat_loss_coefficient_w_per_mk, "
     "ambient_temp_c (default: --u and --ambient for every pipe)"},
    {"friction", "colebrook|swamee-jain",
     "friction law of Darcy-Weisbach pipes (default: the file's choice; "
     "Colebrook-White for a YAML model)"},
    CLI_HEADING("consumers (any model):"),
    {"pressure-driven", NULL,
     "consumers short of their minimum differential pressure get the flow "
     "it allows and less heat, counted as unmet heat (the model setting "
     "pressure_driven_consumers; default: demand-driven, such a state is "
     "infeasible)"},
    CLI_OPT_END};

static const cli_opt_doc run_opts[] = {
    {"json", NULL,
     "one JSON object (totals, nodes, pipes, fittings, warnings, ...) "
     "instead of the summary"},
    {"csv", "DIR",
     "write nodes.csv, pipes.csv, fittings.csv, profile.csv into DIR, "
     "created if missing (default: none written)"},
    {"report", "FILE.html",
     "the report of this run: HTML with plots and a network map "
     "(default: none written)"},
    {"geojson", "FILE",
     "the results as GeoJSON for QGIS: nodes (points) and pipes (lines) "
     "with every result; needs plan coordinates (default: none written)"},
    {"materials", "FILE",
     "extra or replacement materials (CSV, data/materials.csv format) for "
     "the model's pipe build-ups (default: the embedded table)"},
    {"allow-infeasible", NULL,
     "exit 0 even when the solved state violates hard limits (default: "
     "exit status 3)"},
    {"lang", "en|zh",
     "language of the text summary and the report: numbers, units and "
     "JSON keys stay as they are (default: zh when LC_ALL, LC_MESSAGES or "
     "LANG starts with zh, e.g. zh_CN.UTF-8; else en)"},
    {"period", NULL,
     "an EPANET .inp's extended period ([TIMES] Duration): tank levels, "
     "patterns and controls in time, results at every reporting time "
     "(summary, --json, or --csv DIR: period_*.csv) (default: one steady "
     "state)"},
    CLI_HEADING("what if (default: the model's own conditions):"),
    {"demand-scale", "F", "every consumer's demand times F, > 0 (default 1)"},
    {"source-temp", "C",
     "supply temperature of every source, C (default: the model's)"},
    {"ground-temp", "C",
     "undisturbed ground at the buried pipes, C (default: the model's)"},
    {"air-temp", "C",
     "outdoor air of overhead pipes, C (default: the model's)"},
    {"chamber-temp", "C",
     "air in every valve chamber, C (default: the model's)"},
    CLI_OPT_END};

const cli_page cli_page_run = {
    "run",
    "run the main job on a model (default: Tuoketuo-Hohhot)",
    "[MODEL] [--json] [--csv DIR] [--report FILE.html] [--geojson FILE]\n"
    " [--materials FILE] [--demand-scale F] [--source-temp C] [OPTIONS]",
    "Loads MODEL, solves its steady hydraulics and temperatures, and prints "
    "the summary a line engineer reads at a glance (or JSON, CSV tables, an "
    "HTML report, GeoJSON). MODEL is a YAML model (docs/model-format.md), "
    "an EPANET .inp file or a GeoJSON network; without MODEL the embedded "
    "Tuoketuo-Hohhot line. The fittings are also solved all bare, all "
    "coated and all jacketed. Exit status 0 solved, 2 bad input, 3 solved "
    "but infeasible.",
    NULL,
    {run_opts, load_opts, NULL}};

static const cli_opt_doc season_opts[] = {
    {"weather", "FILE",
     "EnergyPlus .epw or hourly CSV (time, temp_c, optional wind_m_per_s) "
     "(default: the embedded SYNTHETIC Hohhot year)"},
    {"from", "DATE", "first day, MM-DD or YYYY-MM-DD (default 10-15)"},
    {"to", "DATE", "last day, included (default 04-15)"},
    {"scenario", "as-is|coated|jacketed",
     "repeatable; as-is is always run as the baseline (default: all "
     "three)"},
    {"json", NULL, "one JSON object instead of the text summary"},
    {"csv", "DIR",
     "hourly.csv, monthly.csv, fittings.csv in DIR (default: none "
     "written)"},
    {"report", "FILE.html",
     "the self-contained HTML report (default: none written)"},
    {"allow-infeasible", NULL,
     "exit 0 even when an as-is hour is infeasible (default: exit status "
     "3)"},
    {"lang", "en|zh",
     "language of the text summary and the report: numbers, units and "
     "JSON keys stay as they are (default: zh when LC_ALL, LC_MESSAGES or "
     "LANG starts with zh, e.g. zh_CN.UTF-8; else en)"},
    {"regulation", "quality|quantity",
     "supply temperature from the reset curve (quality) or the design "
     "supply all season (default: the model's operation: regulation, else "
     "quality)"},
    CLI_HEADING("economics:"),
    {"heat-price", "CNY/GJ", "price of heat, CNY/GJ, >= 0 (default 25)"},
    {"elec-price", "CNY/KWH",
     "price of electricity, CNY/kWh, >= 0 (default 0.6)"},
    {"coating-cost", "CNY/M2",
     "installed coating, CNY per m2 of fitting surface (default 300)"},
    {"jacket-cost", "CNY/M2",
     "installed removable jacket, CNY/m2 (default 800)"},
    {"life", "YEARS", "service life, years, > 0 (default 10)"},
    {"discount-rate", "FRACTION", "discount rate, 0.08 = 8 % (default 0.08)"},
    {"tce-per-gj", "T",
     "tonnes of standard coal per GJ of heat (default 0.03412, GB/T "
     "2589-2020)"},
    {"co2-per-gj", "T", "tonnes of CO2 per GJ of heat (default 0.11)"},
    CLI_HEADING("fittings and burn risk:"),
    {"coating", "MATERIAL:MM",
     "the coating of the coated scenario, material id or k=W/MK and mm "
     "(default: the model's fitting_coating, ceramic-microbead:8)"},
    {"jacket", "MATERIAL:MM",
     "the jacket of the jacketed scenario (default: the model's "
     "fitting_jacket, aerogel-blanket:30)"},
    {"burn-limit", "C",
     "surface temperature counted as a burn risk, C (default: the model's "
     "burn_limit_c, 50)"},
    {"chamber", "model|ground|C",
     "chamber air: the model's, the ground at the pipe axis plus "
     "--chamber-offset, or fixed C (default model)"},
    {"chamber-offset", "K",
     "with --chamber ground: chamber air above the ground, K (default 0)"},
    CLI_HEADING("ground (Kusuda-Achenbach):"),
    {"ground", "kusuda|epw",
     "ground at pipe depth from Kusuda-Achenbach or the EPW header "
     "(default kusuda)"},
    {"ground-mean", "C", "mean ground surface temperature, C (default 8.5)"},
    {"ground-amplitude", "K",
     "annual amplitude at the reference depth, K (default 9)"},
    {"ground-min-day", "DAY",
     "day of the year of the coldest ground (default 60)"},
    {"ground-ref-depth", "M",
     "depth where the amplitude is given, m (default 2.33)"},
    {"ground-depth", "M", "depth of the pipe axes, m (default 2.33)"},
    {"soil-diffusivity", "M2/S",
     "thermal diffusivity of the soil, m2/s (default 7.5e-7)"},
    CLI_HEADING("demand line (default: the model's operation: section):"),
    {"design-load", "MW",
     "heat demand at the design outdoor temperature, MW (default: the heat "
     "the model delivers as loaded)"},
    {"design-outdoor", "C",
     "design outdoor temperature, C (default: the model's, -17 for "
     "Hohhot)"},
    {"balance", "C",
     "outdoor temperature of zero demand, C (default: the model's, 18)"},
    {"materials", "FILE",
     "extra material rows for the coating and the model (default: the "
     "embedded table)"},
    CLI_HEADING("time on the line (default: every hour a steady state):"),
    {"dynamic", NULL,
     "every hour through the transport engine: the water's transit time, "
     "heat stored in water and walls (default: off)"},
    {"step", "T",
     "with --dynamic: the transport step, a divisor of the hour (s, min or "
     "h; default 5min)"},
    {"soil", NULL,
     "with --dynamic: a lumped soil node per buried pipe (default: off)"},
    {"lead", "none|auto|HOURS",
     "with --dynamic: each hour's set point follows the reset curve at the "
     "outdoor temperature of the hour + lead (auto = the flow-weighted "
     "transit time, or 0 to 72 h); the consumers' supply error against the "
     "curve with and without lead: mean, max, under-supplied K h (default "
     "none)"},
    CLI_OPT_END};

const cli_page cli_page_season = {
    "season",
    "a heating season: energy, losses, savings, payback",
    "[MODEL] [--weather FILE] [--from DATE --to DATE]\n"
    " [--scenario as-is|coated|jacketed]... [--json] [--csv DIR] "
    "[--report FILE.html] [OPTIONS]",
    "A heating season hour by hour: heat produced and delivered, heat lost "
    "by pipes and by fittings (bare, coated, jacketed), pump electricity, "
    "fitting-hours above the burn limit, and the saving, payback and NPV "
    "of coating or jacketing every fitting. MODEL as for heatline run. "
    "Exit status 3 when an as-is hour solves to an infeasible state.",
    NULL,
    {season_opts, load_opts, NULL}};

static const cli_opt_doc dynamic_opts[] = {
    {"from", "DATE",
     "first day, MM-DD or YYYY-MM-DD (default 10-15, the heating "
     "season)"},
    {"to", "DATE", "last day (default 04-15)"},
    {"weather", "FILE",
     "EPW or weather CSV (default: the embedded Hohhot year)"},
    {"lead", "none|auto|HOURS",
     "the plant's set point follows the reset curve at the outdoor "
     "temperature of now + lead: auto = the flow-weighted transit time, or "
     "0 to 72 h (default none)"},
    {"boundary", "FILE.csv",
     "time_s, then SOURCE.supply_temp_c, CONSUMER.flow_kg_per_s, "
     "CONSUMER.heat_w, CONSUMER.return_temp_c, NODE.inflow_temp_c, "
     "ambient_temp_c, ground_temp_c, linear between rows; the run spans the "
     "file (default: the weather drives the run)"},
    {"step", "T",
     "transport step: seconds, or a number with s, min or h (default "
     "300 s)"},
    {"hydraulic-step", "T",
     "the flows are re-solved this often, at least the step (default 1 h)"},
    {"output-step", "T",
     "one row of the time series this often (default: the step)"},
    {"duration", "T",
     "the model's own conditions held for T instead of the weather "
     "(default: not used)"},
    {"initial", "steady|uniform:C",
     "start from the steady solution, or with water and walls at C "
     "(default steady)"},
    {"watch", "ID[,ID...]",
     "nodes whose temperature goes into the time series (default: none)"},
    {"soil", NULL,
     "a lumped soil node per buried pipe with a build-up (default: off)"},
    {"json", NULL,
     "the time series under series, the energy totals under totals"},
    {"csv", "DIR", "DIR/timeseries.csv (default: none written)"},
    {"report", "FILE.html",
     "plots: supply at the plant and at the consumers in time, transit "
     "time, stored heat, the error with and without lead (default: none "
     "written)"},
    CLI_OPT_END};

const cli_page cli_page_dynamic = {
    "dynamic",
    "the line in time: transit, storage, delay",
    "[MODEL] [--from DATE --to DATE] [--step T] [--hydraulic-step T]\n"
    " [--boundary FILE.csv | --weather FILE | --duration T] [OPTIONS]",
    "The water's temperature carried through every pipe with its transit "
    "time, the heat stored in the water and the steel walls, and the "
    "energy account of every step. Without --boundary the weather and the "
    "model's operation rules drive the run, as in heatline season.",
    NULL,
    {dynamic_opts, load_opts, NULL}};

static const cli_opt_doc surge_opts[] = {
    {"event", "EVENT",
     "pump-trip:ID | station-trip:NAME[,NAME...] (stations tripped "
     "together) | power-failure | "
     "valve-close:ID:SECONDS[:CURVE][:zeta=Z] (0 s = at once; CURVE "
     "linear, quadratic or sqrt, default linear; Z the fully open loss of "
     "a valve without one in the model) | pump-start:ID[:SECONDS] (ramp "
     "to speed, default 10 s) (required)"},
    {"duration", "S", "simulated time, s (default 60)"},
    {"dx", "M", "reach length, m, at most the shortest pipe (default 100)"},
    {"friction", "steady|brunone",
     "quasi-steady Darcy, or Brunone's unsteady friction with Vardy's "
     "coefficient (default steady)"},
    {"pump-control", "held|active",
     "pumps whose speed the steady model holds on a pressure: held at "
     "their running speed through the event, or their drives keep that "
     "pressure at a limited rate (default held)"},
    {"control-ramp", "FRACTION",
     "with --pump-control active: the drives' largest speed change per "
     "second, as a fraction of the running speed, 1/s (default 0.05)"},
    {"watch", "ID[,ID...]", "nodes whose time series are kept (default: none)"},
    {"json", NULL,
     "one JSON object (grid, envelope, pipes, cavities, verdict, series, "
     "warnings)"},
    {"csv", "DIR",
     "DIR/series.csv and DIR/envelope.csv (default: none written)"},
    {"report", "FILE.html",
     "one HTML page: the envelope of pressure along the line with PN and "
     "vapour pressure, the watched nodes in time, the cavities (default: "
     "none written)"},
    {"size", "air-vessel:NODE|relief-valve:NODE",
     "the smallest air vessel at NODE, or the highest set pressure and the "
     "capacity of a relief valve at NODE, that keep the event within the "
     "limits, every run reported; the summary is then the run with it "
     "(default: no sizing)"},
    CLI_OPT_END};

const cli_page cli_page_surge = {
    "surge",
    "pump trips, valve closures, column separation",
    "[MODEL] --event EVENT [--duration S] [--dx M] "
    "[--friction steady|brunone]\n"
    " [--pump-control held|active] [--control-ramp FRACTION]\n"
    " [--watch ID[,ID...]] [--json] [--csv DIR] [--report FILE.html]\n"
    " [--size air-vessel:NODE|relief-valve:NODE]",
    "Loads and solves MODEL (YAML or EPANET .inp; default the embedded "
    "Tuoketuo-Hohhot line), then runs the hydraulic transient of one event "
    "from that steady state by the method of characteristics with column "
    "separation. A failing verdict is a warning; the exit status stays 0.",
    NULL,
    {surge_opts, NULL}};

static const cli_opt_doc register_opts[] = {
    {"model", "MODEL",
     "init: model file of the line; ids match heatline run (default: the "
     "embedded Tuoketuo-Hohhot line)"},
    {"threshold-k", "K",
     "import-inspections: a measured hottest surface this far from the "
     "model's is a finding, K (default 10)"},
    {"option", "SPEC",
     "decide: 'coating MATERIAL:MM' or 'jacket MATERIAL:MM' (required; "
     "see options)"},
    {"by", "NAME", "who decides or records, for the history (default $USER)"},
    {"why", "TEXT", "decide: the reason of the decision (required)"},
    {"date", "D", "YYYY-MM-DD (decide: default today; work: required)"},
    {"crew", "NAME", "work: who did the work (required)"},
    {"material", "M", "work: material used (default: the decided one)"},
    {"batch", "B", "work: material batch (default: none)"},
    {"thickness-mm", "MM",
     "work: thickness applied, mm (default: the decided one)"},
    {"cost-cny", "X", "work: cost, CNY (default: none recorded)"},
    {"loss-tolerance", "PCT",
     "verify: measured loss within PCT % of the predicted (default 25)"},
    {"limit-c", "C",
     "verify: surface limit, C (default: the model's burn limit)"},
    {"json", NULL, "status: one JSON object"},
    {"template", "inspections",
     "print an empty inspections CSV to fill in (default: none)"},
    CLI_OPT_END};

const cli_page cli_page_register = {
    "register",
    "the retrofit loop in a register file",
    "FILE.db init [--model MODEL]\n"
    "FILE.db import-inspections CSV [--threshold-k K]\n"
    "FILE.db findings | options FITTING|CHAMBER\n"
    "FILE.db decide FITTING|CHAMBER --option SPEC --by NAME --why TEXT\n"
    " [--date D]\n"
    "FILE.db work FITTING|CHAMBER --date D --crew NAME [--material M]\n"
    " [--batch B] [--thickness-mm MM] [--cost-cny X]\n"
    "FILE.db verify CSV [--loss-tolerance PCT] [--limit-c C]\n"
    "FILE.db status [--json] | history ID | export DIR | report FILE.html\n"
    "--template inspections",
    "The retrofit loop in an SQLite register: inspections against the "
    "model, findings, options with payback, decisions, work, verification "
    "(docs/register.md). Exit status 0 done, 2 bad input (nothing written), "
    "1 verification found failed items.",
    "init import-inspections findings options decide work verify status "
    "history export report",
    {register_opts, NULL}};
