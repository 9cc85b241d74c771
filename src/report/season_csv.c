/* season_csv.c - the season as CSV tables in a directory: hourly.csv,
 * monthly.csv and fittings.csv (columns in docs/cli.md). All three are
 * written to temporary files first and renamed only when all succeeded. */
#include "io/io.h"
#include "season/season_internal.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#define N_TABLES 3

static void scen_prefix(int scenario, char *buf, size_t cap)
{
    snprintf(buf, cap, "%s", hl_scenario_name(scenario));
    for (char *p = buf; *p; p++)
        if (*p == '-')
            *p = '_';
}

static void write_hourly(FILE *f, const hl_season *s)
{
    fprintf(f, "month,day,hour,outdoor_c,wind_m_per_s,ground_c,chamber_c,"
               "demand_w,supply_plant_c");
    for (int i = 0; i < s->n_scen; i++) {
        char p[32];
        scen_prefix(s->scen[i].scenario, p, sizeof p);
        fprintf(f,
                ",%s_source_w,%s_delivered_w,%s_loss_pipes_w,"
                "%s_loss_fittings_w,%s_pump_electric_w,%s_supply_city_c",
                p, p, p, p, p, p);
        if (s->opt.dynamic)
            fprintf(f, ",%s_stored_heat_j,%s_transit_s", p, p);
    }
    fputc('\n', f);
    const hl_weather *w = s->weather;
    for (int k = 0; k < s->n_hours; k++) {
        int i = (s->first + k) % w->n;
        fprintf(f, "%d,%d,%d,%.3f,%.2f,%.3f,%.3f,%.6g,%.3f", w->month[i],
                w->day[i], w->hour[i], s->outdoor_k[k] - HL_ZERO_C_K,
                w->wind_m_s[i], s->ground_k[k] - HL_ZERO_C_K,
                s->chamber_k[k] - HL_ZERO_C_K, s->demand_w[k],
                s->supply_k[k] - HL_ZERO_C_K);
        for (int j = 0; j < s->n_scen; j++) {
            const double *r = s->scen[j].hourly + (size_t)k * HL_HOUR_NCOLS;
            fprintf(f, ",%.9g,%.9g,%.9g,%.9g,%.9g,%.4f", r[0], r[1], r[2], r[3],
                    r[4], r[5] - HL_ZERO_C_K);
            if (s->opt.dynamic)
                fprintf(f, ",%.12g,%.1f", r[HL_HOUR_STORED_J],
                        r[HL_HOUR_TRANSIT_S]);
        }
        fputc('\n', f);
    }
}

static void energy_row(FILE *f, const char *scen, const char *period,
                       const hl_energy *e)
{
    fprintf(f, "%s,%s,%.0f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f\n", scen, period,
            e->hours, e->heat_source_j / 1e9, e->heat_delivered_j / 1e9,
            e->loss_pipes_j / 1e9, e->loss_fittings_j[0] / 1e9,
            e->loss_fittings_j[1] / 1e9, e->loss_fittings_j[2] / 1e9,
            e->pump_electric_j / 3.6e9);
}

static void write_monthly(FILE *f, const hl_season *s)
{
    fprintf(f, "scenario,month,hours,heat_source_gj,heat_delivered_gj,"
               "loss_pipes_gj,loss_fittings_bare_gj,loss_fittings_coated_gj,"
               "loss_fittings_jacketed_gj,pump_electric_mwh\n");
    for (int i = 0; i < s->n_scen; i++) {
        const char *name = hl_scenario_name(s->scen[i].scenario);
        for (int m = 0; m < 12; m++) {
            char period[12]; /* room for any int (-Wformat-truncation) */
            snprintf(period, sizeof period, "%d", m + 1);
            if (s->scen[i].month[m].hours > 0)
                energy_row(f, name, period, &s->scen[i].month[m]);
        }
        energy_row(f, name, "total", &s->scen[i].total);
    }
}

static void write_fittings(FILE *f, const hl_season *s)
{
    fprintf(f, "id,type,chainage_m,area_m2,state_as_is");
    for (int i = 0; i < s->n_scen; i++) {
        char p[32];
        scen_prefix(s->scen[i].scenario, p, sizeof p);
        fprintf(f, ",%s_burn_hours,%s_max_surface_c,%s_design_surface_c", p, p,
                p);
    }
    fputc('\n', f);
    for (int k = 0; k < s->n_fit; k++) {
        const hl_season_fitting *ft = &s->fit[k];
        fprintf(f, "%s,%s,%.1f,%.3f,%s", ft->id, ft->type, ft->chainage_m,
                ft->area_m2, hl_fitting_state_name(ft->state_as_is));
        for (int i = 0; i < s->n_scen; i++)
            fprintf(f, ",%d,%.3f,%.3f", s->scen[i].burn_hours[k],
                    s->scen[i].max_surface_k[k] - HL_ZERO_C_K,
                    s->scen[i].design_surface_k[k] - HL_ZERO_C_K);
        fputc('\n', f);
    }
}

static int ensure_dir(const char *dir, hl_error *err)
{
    struct stat st;
    if (stat(dir, &st) == 0)
        return S_ISDIR(st.st_mode)
                   ? HL_OK
                   : hl_error_set(err, HL_EIO, "--csv %s: not a directory",
                                  dir);
    if (mkdir(dir, 0777) != 0)
        return hl_error_set(err, HL_EIO, "--csv %s: cannot create: %s", dir,
                            strerror(errno));
    return HL_OK;
}

int hl_season_write_csv(const hl_season *s, const char *dir, hl_error *err)
{
    static const char *const names[N_TABLES] = {"hourly.csv", "monthly.csv",
                                                "fittings.csv"};
    void (*const writers[N_TABLES])(FILE *, const hl_season *) = {
        write_hourly, write_monthly, write_fittings};
    atomic_file a[N_TABLES];
    int rc = ensure_dir(dir, err), opened = 0;
    for (int i = 0; !rc && i < N_TABLES; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        rc = atomic_open(&a[i], path, err);
        if (!rc) {
            opened++;
            writers[i](a[i].f, s);
            if (fflush(a[i].f) != 0 || ferror(a[i].f))
                rc = hl_error_set(err, HL_EIO, "%s: write error", path);
        }
    }
    for (int i = 0; i < opened && i < N_TABLES; i++) {
        if (rc)
            atomic_abort(&a[i]);
        else
            rc = atomic_commit(&a[i], err);
    }
    return rc;
}
