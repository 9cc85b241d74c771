/*
 * cli_outputs.c - all the output files of one command or none: CSV tables
 * are written into a staging folder inside the CSV folder and the report
 * to a temporary beside it; only when every output succeeded are they
 * renamed into place. A failing report leaves no CSV behind, a failing
 * CSV no report.
 */
#include "cli_outputs.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int cli_outputs_begin(const char *cmd, cli_outputs *o, const char *csv_dir,
                      const char *report, int create_dir)
{
    memset(o, 0, sizeof *o);
    o->dir = csv_dir;
    o->report = report;
    if (report) {
        int n = snprintf(o->report_tmp, sizeof o->report_tmp, "%s.partial-%ld",
                         report, (long)getpid());
        if (n < 0 || (size_t)n >= sizeof o->report_tmp)
            return cli_fail(cmd, "--report '%s': path too long", report);
    }
    if (!csv_dir)
        return 0;
    struct stat st;
    int exists = stat(csv_dir, &st) == 0;
    if (!exists && create_dir) {
        if (mkdir(csv_dir, 0777) != 0)
            return cli_fail(cmd, "--csv '%s': cannot create: %s", csv_dir,
                            strerror(errno));
        o->made_dir = 1;
    } else if (!exists || !S_ISDIR(st.st_mode)) {
        return cli_fail(cmd, "--csv '%s': not a directory", csv_dir);
    }
    int n = snprintf(o->stage, sizeof o->stage, "%s/.heatline-XXXXXX", csv_dir);
    if (n < 0 || (size_t)n >= sizeof o->stage || !mkdtemp(o->stage)) {
        cli_outputs_abort(o);
        return cli_fail(cmd, "--csv '%s': cannot write there", csv_dir);
    }
    return 0;
}

/* Every file of the staging folder: moved into the CSV folder (move = 1)
 * or removed. */
static int each_staged(cli_outputs *o, int move)
{
    DIR *d = opendir(o->stage);
    if (!d)
        return -1;
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char from[8192], to[8192];
        snprintf(from, sizeof from, "%s/%s", o->stage, e->d_name);
        snprintf(to, sizeof to, "%s/%s", o->dir, e->d_name);
        if (move ? rename(from, to) != 0 : unlink(from) != 0)
            rc = -1;
    }
    closedir(d);
    return rc;
}

int cli_outputs_commit(const char *cmd, cli_outputs *o)
{
    if (o->report && rename(o->report_tmp, o->report) != 0) {
        int e = errno;
        cli_outputs_abort(o);
        return cli_fail(cmd, "--report '%s': cannot create: %s", o->report,
                        strerror(e));
    }
    if (o->stage[0]) {
        int rc = each_staged(o, 1);
        rmdir(o->stage);
        o->stage[0] = '\0';
        if (rc)
            return cli_fail(cmd, "--csv '%s': cannot move the tables in",
                            o->dir);
    }
    return 0;
}

void cli_outputs_abort(cli_outputs *o)
{
    if (o->report)
        unlink(o->report_tmp);
    if (o->stage[0]) {
        each_staged(o, 0);
        rmdir(o->stage);
        o->stage[0] = '\0';
    }
    if (o->made_dir)
        rmdir(o->dir);
}
