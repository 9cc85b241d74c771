/* season_scenarios.c - the scenarios of a season, at once where the
 * machine has cores to spare. Every scenario after the first (as-is) runs
 * on a clone of the season's plant made before any hour is solved (the
 * clones share the network, read-only, and have their own run state), so
 * each one starts from the same state whether the scenarios run one after
 * another or in threads of their own: the results do not depend on how
 * many run at once. The library keeps no mutable global state, so the
 * threads share only the network and the season record, where each
 * writes its own scenario (season.c: the fields all scenarios share are
 * written by the first alone). The caller's progress function is called
 * from the calling thread only. */
#include "season_internal.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define PROGRESS_EVERY 64 /* hours between progress reports */

typedef struct scen_job {
    hl_season *s;
    plant *p; /* the season's plant (first job) or a clone of it */
    int si;
    atomic_int done; /* hours solved */
    atomic_int over; /* the job has ended */
    int rc, started;
    hl_error err;
    pthread_t thread;
    struct season_progress *pr;
} scen_job;

struct season_progress {
    scen_job *jobs;
    int n, total;
    hl_season_progress cb;
    pthread_t owner; /* the calling thread: the only one that reports */
};

static int hours_done(const season_progress *pr)
{
    int sum = 0;
    for (int i = 0; i < pr->n; i++)
        sum += atomic_load(&pr->jobs[i].done);
    return sum;
}

static void report(season_progress *pr)
{
    if (pr->cb.fn && pthread_equal(pthread_self(), pr->owner))
        pr->cb.fn(pr->cb.user, hours_done(pr), pr->total);
}

void season_hour_done(season_progress *pr, int si)
{
    int mine = atomic_fetch_add(&pr->jobs[si].done, 1) + 1;
    if (mine % PROGRESS_EVERY == 0)
        report(pr);
}

/* A job's hours on its plant. */
static void job_run(scen_job *j)
{
    double *surface = calloc((size_t)j->s->n_fit + 1, sizeof *surface);
    j->rc = surface ? HL_OK
                    : hl_error_set(&j->err, HL_ENOMEM, "season: out of memory");
    if (!j->rc)
        j->rc = season_scenario(j->s, j->p, j->si, surface, j->pr, &j->err);
    free(surface);
    atomic_store(&j->over, 1);
}

static void *job_thread(void *arg)
{
    scen_job *j = arg;
    job_run(j);
    return NULL;
}

/* Scenarios at once: one thread each after the first, when asked for
 * (threads 0: as many as there are scenarios on a machine with more than
 * one core). */
static int parallel(const hl_season *s)
{
    int want = s->opt.threads;
    if (want == 0)
        want = sysconf(_SC_NPROCESSORS_ONLN) > 1 ? s->n_scen : 1;
    return s->n_scen > 1 && want > 1;
}

static void pause_ms(long ms)
{
    struct timespec t = {0, ms * 1000000L};
    nanosleep(&t, NULL);
}

/* The other jobs' threads; a job whose thread cannot start runs here. */
static void start_others(scen_job *jobs, int n, season_progress *pr)
{
    for (int i = 1; i < n; i++)
        jobs[i].started =
            pthread_create(&jobs[i].thread, NULL, job_thread, &jobs[i]) == 0;
    job_run(&jobs[0]);
    for (int i = 1; i < n; i++)
        if (!jobs[i].started)
            job_run(&jobs[i]);
    for (int i = 1; i < n; i++) {
        while (jobs[i].started && !atomic_load(&jobs[i].over)) {
            pause_ms(20);
            report(pr);
        }
        if (jobs[i].started)
            pthread_join(jobs[i].thread, NULL);
    }
}

static void jobs_init(scen_job *jobs, hl_season *s, season_progress *pr)
{
    for (int i = 0; i < s->n_scen; i++) {
        scen_job *j = &jobs[i];
        j->s = s;
        j->p = NULL;
        j->si = i;
        atomic_init(&j->done, 0);
        atomic_init(&j->over, 0);
        j->rc = HL_OK;
        j->started = 0;
        j->pr = pr;
        hl_error_clear(&j->err);
    }
}

int season_scenarios(hl_season *s, plant *p, hl_error *err)
{
    scen_job jobs[HL_SCEN_COUNT];
    season_progress pr = {jobs, s->n_scen, s->n_scen * s->n_hours,
                          s->opt.progress, pthread_self()};
    jobs_init(jobs, s, &pr);
    int rc = HL_OK;
    jobs[0].p = p;
    for (int i = 1; i < s->n_scen && !rc; i++) /* before any hour runs */
        rc = plant_copy(&jobs[i].p, p, err);
    if (!rc && parallel(s))
        start_others(jobs, s->n_scen, &pr);
    else if (!rc)
        for (int i = 0; i < s->n_scen && (i == 0 || !jobs[i - 1].rc); i++)
            job_run(&jobs[i]);
    for (int i = 0; !rc && i < s->n_scen; i++)
        if (jobs[i].rc) {
            *err = jobs[i].err;
            rc = jobs[i].rc;
        }
    for (int i = 1; i < s->n_scen; i++)
        plant_close(jobs[i].p);
    if (!rc)
        report(&pr);
    return rc;
}
