/* atomic_file.c - write to a temporary file beside the target, then rename:
 * a reader never sees a partial file, and an error leaves nothing behind. */
#include "io.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int atomic_open(atomic_file *a, const char *path, hl_error *err)
{
    memset(a, 0, sizeof *a);
    size_t n = strlen(path);
    if (n == 0 || n + 16 >= sizeof a->tmp)
        return hl_error_set(err, HL_EINVAL,
                            "output path '%s': empty or "
                            "too long",
                            path);
    memcpy(a->path, path, n + 1);
    snprintf(a->tmp, sizeof a->tmp, "%s.tmpXXXXXX", path);
    int fd = mkstemp(a->tmp);
    if (fd < 0)
        return hl_error_set(err, HL_EIO, "%s: cannot create: %s", path,
                            strerror(errno));
    mode_t mask =
        umask(0); /* mkstemp makes 0600; give the usual 0666 & ~umask */
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    a->f = fdopen(fd, "w");
    if (!a->f) {
        close(fd);
        unlink(a->tmp);
        return hl_error_set(err, HL_EIO, "%s: cannot open: %s", path,
                            strerror(errno));
    }
    return HL_OK;
}

int atomic_commit(atomic_file *a, hl_error *err)
{
    int bad = ferror(a->f);
    if (fclose(a->f) != 0)
        bad = 1;
    a->f = NULL;
    if (bad) {
        unlink(a->tmp);
        return hl_error_set(err, HL_EIO, "%s: write error", a->path);
    }
    if (rename(a->tmp, a->path) != 0) {
        int e = errno;
        unlink(a->tmp);
        return hl_error_set(err, HL_EIO, "%s: cannot rename into place: %s",
                            a->path, strerror(e));
    }
    return HL_OK;
}

void atomic_abort(atomic_file *a)
{
    if (a->f) {
        fclose(a->f);
        a->f = NULL;
    }
    if (a->tmp[0])
        unlink(a->tmp);
    a->tmp[0] = '\0';
}
