/*
 * run_csv.c - `heatline run --csv DIR`: nodes.csv, pipes.csv, fittings.csv
 * and profile.csv (the pressure diagram along the main path). Each table
 * is written to a temporary file in DIR and all are renamed at the end, so
 * an error leaves no partial file. Values in SI with the unit in the
 * column name; a value that does not exist is an empty cell, never NaN.
 */
#include "run.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define N_TABLES 4
static const char *table_name[N_TABLES] = {"nodes.csv", "pipes.csv",
                                           "fittings.csv", "profile.csv"};

static void num(FILE *f, double v, int last)
{
    if (isfinite(v))
        fprintf(f, "%.10g", v);
    fputc(last ? '\n' : ',', f);
}

static const char *side_name(int side)
{
    return side == HL_SIDE_SUPPLY   ? "supply"
           : side == HL_SIDE_RETURN ? "return"
                                    : "";
}

static void write_nodes(FILE *f, hl_model *m)
{
    fputs("id,side,chainage_m,elevation_m,pressure_pa,head_m,temp_c,"
          "demand_kg_per_s,external_kg_per_s,connected\n",
          f);
    for (int i = 0; i < hl_model_count(m, HL_NODE); i++) {
        hl_node_result r;
        hl_model_node_result(m, i, &r);
        fprintf(f, "%s,%s,", hl_model_id(m, HL_NODE, i), side_name(r.side));
        num(f, r.chainage_m, 0);
        num(f, r.elevation_m, 0);
        num(f, r.pressure_pa, 0);
        num(f, r.head_m, 0);
        num(f, r.temp_k - HL_ZERO_C_K, 0);
        num(f, r.demand_kg_s, 0);
        num(f, r.external_kg_s, 0);
        fprintf(f, "%d\n", r.connected);
    }
}

static void write_pipes(FILE *f, hl_model *m)
{
    fputs("id,from,to,length_m,inner_diameter_m,mass_flow_kg_per_s,"
          "velocity_m_per_s,reynolds,friction_factor,dp_friction_pa,"
          "heat_loss_w,heat_loss_w_per_m,temp_in_c,temp_out_c,ambient_c,"
          "r11_k_m_per_w,r12_k_m_per_w,pair,open\n",
          f);
    for (int i = 0; i < hl_model_count(m, HL_PIPE); i++) {
        hl_pipe_result r;
        hl_model_pipe_result(m, i, &r);
        fprintf(f, "%s,%s,%s,", hl_model_id(m, HL_PIPE, i),
                hl_model_id(m, HL_NODE, r.from), hl_model_id(m, HL_NODE, r.to));
        num(f, r.length_m, 0);
        num(f, r.inner_diameter_m, 0);
        num(f, r.mass_flow_kg_s, 0);
        num(f, r.velocity_m_s, 0);
        num(f, r.reynolds, 0);
        num(f, r.friction_factor, 0);
        num(f, r.dp_friction_pa, 0);
        num(f, r.heat_loss_w, 0);
        num(f, r.heat_loss_w / r.length_m, 0);
        num(f, r.temp_in_k - HL_ZERO_C_K, 0);
        num(f, r.temp_out_k - HL_ZERO_C_K, 0);
        num(f, r.ambient_k - HL_ZERO_C_K, 0);
        num(f, r.r11_k_m_w, 0);
        num(f, r.r12_k_m_w, 0);
        fprintf(f, "%s,%d\n",
                r.pair >= 0 ? hl_model_id(m, HL_PIPE, r.pair) : "", r.open);
    }
}

static void write_fittings(FILE *f, hl_model *m)
{
    fputs("id,chamber,node,type,dn,pn,count,state,area_m2,medium_temp_c,"
          "air_temp_c,heat_loss_w,surface_temp_c,over_limit\n",
          f);
    for (int i = 0; i < hl_model_count(m, HL_FITTING); i++) {
        hl_chamber_fitting_result r;
        hl_model_fitting_result(m, i, &r);
        fprintf(f, "%s,%s,%s,%s,%d,%d,%d,%s,", hl_model_id(m, HL_FITTING, i),
                hl_model_id(m, HL_CHAMBER, r.chamber),
                hl_model_id(m, HL_NODE, r.node), r.type, r.dn, r.pn, r.count,
                run_state_name(r.state));
        num(f, r.area_m2, 0);
        num(f, r.medium_temp_k - HL_ZERO_C_K, 0);
        num(f, r.air_temp_k - HL_ZERO_C_K, 0);
        num(f, r.heat_loss_w, 0);
        num(f, r.surface_temp_k - HL_ZERO_C_K, 0);
        fprintf(f, "%d\n", r.over_limit);
    }
}

static const char *node_id(hl_model *m, int node)
{
    return node >= 0 ? hl_model_id(m, HL_NODE, node) : "";
}

/* The library's profile along the main path (hl_model_profile). */
static void write_profile(FILE *f, hl_model *m)
{
    fputs("chainage_m,elevation_m,supply_node,return_node,"
          "pressure_supply_pa,pressure_return_pa,head_supply_m,head_return_m,"
          "temp_supply_c,temp_return_c,static_head_m,max_head_m,min_head_m\n",
          f);
    hl_profile pr;
    if (hl_model_profile(m, &pr))
        return;
    for (int i = 0; i < pr.n_points; i++) {
        const hl_profile_point *p = &pr.point[i];
        num(f, p->chainage_m, 0);
        num(f, p->elevation_m, 0);
        fprintf(f, "%s,%s,", node_id(m, p->supply_node),
                node_id(m, p->return_node));
        num(f, p->pressure_supply_pa, 0);
        num(f, p->pressure_return_pa, 0);
        num(f, p->head_supply_m, 0);
        num(f, p->head_return_m, 0);
        num(f, p->temp_supply_k - HL_ZERO_C_K, 0);
        num(f, p->temp_return_k - HL_ZERO_C_K, 0);
        num(f, p->static_head_m, 0);
        num(f, p->max_head_m, 0);
        num(f, p->min_head_m, 1);
    }
}

typedef void (*table_fn)(FILE *f, hl_model *m);

static void remove_temps(char tmp[N_TABLES][1200], int n)
{
    for (int i = 0; i < n; i++)
        unlink(tmp[i]);
}

int run_write_csv(const char *dir, run_result *r)
{
    static const table_fn fn[N_TABLES] = {write_nodes, write_pipes,
                                          write_fittings, write_profile};
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return cli_fail("run", "--csv '%s': not a directory", dir);
    char tmp[N_TABLES][1200], dst[N_TABLES][1200];
    for (int t = 0; t < N_TABLES; t++) {
        snprintf(dst[t], sizeof dst[t], "%s/%s", dir, table_name[t]);
        snprintf(tmp[t], sizeof tmp[t], "%s/.%s.%ld.tmp", dir, table_name[t],
                 (long)getpid());
        FILE *f = fopen(tmp[t], "w");
        if (!f) {
            remove_temps(tmp, t);
            return cli_fail("run", "--csv: cannot write %s", tmp[t]);
        }
        fn[t](f, r->m);
        if (ferror(f) | fclose(f)) {
            remove_temps(tmp, t + 1);
            return cli_fail("run", "--csv: writing %s failed", dst[t]);
        }
    }
    for (int t = 0; t < N_TABLES; t++) /* all or none: check first */
        if (stat(dst[t], &st) == 0 && !S_ISREG(st.st_mode)) {
            remove_temps(tmp, N_TABLES);
            return cli_fail("run", "--csv: %s exists and is not a file",
                            dst[t]);
        }
    for (int t = 0; t < N_TABLES; t++)
        if (rename(tmp[t], dst[t]) != 0) {
            remove_temps(tmp, N_TABLES);
            return cli_fail("run", "--csv: cannot create %s", dst[t]);
        }
    return 0;
}
