/*
 * fuzz_writers.c - the JSON, CSV and report writers of `heatline run` fed
 * by fuzzed models: the input is written as a model file and run through
 * the command itself (cli/ without main.c) with --json, --csv and
 * --report. Beyond not crashing: exit 0 (or 3, a solved state that
 * breaks a hard limit, with "feasible": false) with JSON that parses and
 * has no NaN, CSV tables without nan/inf; or exit 2 with one line on
 * stderr and no output file left.
 */
#include "fuzz_support.h"
#include "cli.h"

#include <dirent.h>
#include <fcntl.h>
#include <jansson.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Run argv with stdout and stderr into scratch files; returns the exit
 * status. */
static int run_cli(int argc, char **argv, const char *out, const char *err)
{
    fflush(stdout);
    fflush(stderr);
    int o = dup(1), e = dup(2);
    int fo = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int fe = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (o < 0 || e < 0 || fo < 0 || fe < 0)
        abort();
    dup2(fo, 1);
    dup2(fe, 2);
    int rc = cmd_run(argc, argv);
    fflush(stdout);
    fflush(stderr);
    dup2(o, 1);
    dup2(e, 2);
    close(o);
    close(e);
    close(fo);
    close(fe);
    return rc;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

/* No nan/inf word in a CSV table or the JSON (null stands for none). */
static void check_no_nonfinite(const char *path)
{
    char *text = slurp(path);
    if (text && has_internal_nonfinite(text))
        fuzz_fail("nan or inf in an output file", path);
}

static int count_files(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL)
        n += e->d_name[0] != '.';
    if (d)
        closedir(d);
    return n;
}

static void clean(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[1024];
    while (d && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    if (d)
        closedir(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_input(data, size);
    char model[512], csv[512], report[512], out[512], err[512], p[1024];
    snprintf(model, sizeof model, "%s", fuzz_write("m.yaml", data, size));
    snprintf(csv, sizeof csv, "%s/csv", fuzz_dir());
    snprintf(report, sizeof report, "%s/r.html", fuzz_dir());
    snprintf(out, sizeof out, "%s/out.json", fuzz_dir());
    snprintf(err, sizeof err, "%s/err.txt", fuzz_dir());
    mkdir(csv, 0700);
    clean(csv);
    unlink(report);
    char *argv[] = {"run", model,      "--json", "--csv",
                    csv,   "--report", report,   NULL};
    int rc = run_cli(7, argv, out, err);
    if (rc == 0 || rc == 3) { /* 3: solved but infeasible, said so */
        json_error_t je;
        json_t *j = json_load_file(out, 0, &je);
        if (!j)
            fuzz_fail("exit 0 or 3 with JSON that does not parse", je.text);
        if (json_is_true(json_object_get(j, "feasible")) != (rc == 0))
            fuzz_fail("exit status and the JSON's feasible disagree",
                      rc ? "exit 3" : "exit 0");
        json_decref(j);
        check_no_nonfinite(out);
        static const char *const tables[] = {"nodes.csv", "pipes.csv",
                                             "fittings.csv", "profile.csv"};
        for (int i = 0; i < 4; i++) {
            snprintf(p, sizeof p, "%s/%s", csv, tables[i]);
            check_no_nonfinite(p);
        }
        return 0;
    }
    char *msg = slurp(err);
    if (rc != 2 || !msg)
        fuzz_fail("an exit status other than 0, 2 or 3", msg);
    size_t n = strlen(msg);
    if (n == 0 || msg[n - 1] != '\n' || memchr(msg, '\n', n - 1))
        fuzz_fail("exit 2 without exactly one line on stderr", msg);
    msg[n - 1] = '\0';
    fuzz_check_message(msg);
    if (count_files(csv) != 0 || access(report, F_OK) == 0)
        fuzz_fail("output files left after an error", msg);
    return 0;
}
