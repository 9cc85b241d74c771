/* season_scenarios.c - the scenarios of a season, at once where the
 * machine has cores to spare. Every scenario after the first (as-is) runs
 * on a fresh copy of the model loaded from the same source, so each one
 * starts from the same state whether the scenarios run one after another
 * or in threads of their own: the results do not depend on how many run
 * at once. The library keeps no mutable global state and each thread has
 * its own model, so the threads share only the season record, where each
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
    const season_source *src; /* NULL: run on p */
    plant *p;                 /* the caller's plant for the first job */
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

/* A job's hours on its plant: the caller's, or a fresh copy of the model
 * from the source. */
static void job_run(scen_job *j)
{
    plant *own = NULL, *p = j->p;
    double *surface = calloc((size_t)j->s->n_fit + 1, sizeof *surface);
    j->rc = surface ? HL_OK
                    : hl_error_set(&j->err, HL_ENOMEM, "season: out of memory");
    if (!j->rc && !p) {
        j->rc = plant_open(&own, j->src->path, j->src->load, &j->err);
        p = own;
    }
    if (!j->rc)
        j->rc = season_scenario(j->s, p, j->si, surface, j->pr, &j->err);
    plant_close(own);
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
 * one core) and there is a source for the copies. */
static int parallel(const hl_season *s, const season_source *src)
{
    int want = s->opt.threads;
    if (want == 0)
        want = sysconf(_SC_NPROCESSORS_ONLN) > 1 ? s->n_scen : 1;
    return src && s->n_scen > 1 && want > 1;
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

int season_scenarios(hl_season *s, plant *p, const season_source *src,
                     hl_error *err)
{
    scen_job jobs[HL_SCEN_COUNT];
    season_progress pr = {jobs, s->n_scen, s->n_scen * s->n_hours,
                          s->opt.progress, pthread_self()};
    for (int i = 0; i < s->n_scen; i++) {
        scen_job *j = &jobs[i];
        j->s = s;
        j->src = src;
        j->p = i == 0 || !src ? p : NULL;
        j->si = i;
        atomic_init(&j->done, 0);
        atomic_init(&j->over, 0);
        j->rc = HL_OK;
        j->started = 0;
        j->pr = &pr;
        hl_error_clear(&j->err);
    }
    if (parallel(s, src))
        start_others(jobs, s->n_scen, &pr);
    else
        for (int i = 0; i < s->n_scen && (i == 0 || !jobs[i - 1].rc); i++)
            job_run(&jobs[i]);
    for (int i = 0; i < s->n_scen; i++)
        if (jobs[i].rc) {
            *err = jobs[i].err;
            return jobs[i].rc;
        }
    report(&pr);
    return HL_OK;
}
