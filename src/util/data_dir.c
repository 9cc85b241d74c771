/*
 * data_dir.c - where the installed data files are at run time.
 *
 * The tables and the default model are compiled in; what is read from disk
 * is what is too big or not ours to embed (the report's plotting library).
 * An installed copy is found relative to the install prefix that holds this
 * code: the directory of libheatline.so (or of the program, when the static
 * library was linked into it) plus the relative path from the install's
 * lib/ (or bin/) to share/heatline, fixed at configure time. So a tree
 * installed with `cmake --install build --prefix DIR` and then moved finds
 * its own data, not the one of the prefix it was configured for. A program
 * run from the build tree reads the source tree instead, and an installed
 * one never does.
 */
#define _GNU_SOURCE /* dladdr1, RTLD_DL_LINKMAP */
#include "util.h"

#include <dlfcn.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef HL_DATA_DIR
#define HL_DATA_DIR "/usr/local/share/heatline"
#endif
#ifndef HL_DATA_FROM_LIBDIR
#define HL_DATA_FROM_LIBDIR "../share/heatline"
#endif
#ifndef HL_DATA_FROM_BINDIR
#define HL_DATA_FROM_BINDIR "../share/heatline"
#endif
#ifndef HL_BUILD_DIR
#define HL_BUILD_DIR "/nonexistent"
#endif
#ifndef HL_SOURCE_DATA_DIR
#define HL_SOURCE_DATA_DIR "/nonexistent"
#endif

static const char anchor = 0; /* an address inside this module */

/* The directory of the file this code was loaded from, and whether it is
 * the program itself (static link) rather than a shared library. */
static int module_dir(char *out, size_t cap, int *is_program)
{
    Dl_info info;
    struct link_map *map = NULL;
    char path[4096];
    if (!dladdr1(&anchor, &info, (void **)&map, RTLD_DL_LINKMAP) || !map)
        return 0;
    *is_program = map->l_name == NULL || map->l_name[0] == '\0';
    if (*is_program) {
        ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
        if (n <= 0)
            return 0;
        path[n] = '\0';
    } else if (!realpath(map->l_name, path)) {
        return 0;
    }
    char *slash = strrchr(path, '/');
    if (!slash)
        return 0;
    *slash = '\0';
    copy_text(out, cap, path);
    return 1;
}

static int readable(const char *path)
{
    return access(path, R_OK) == 0;
}

/* Append path to the list of places looked in. */
static void note(char *looked, size_t cap, const char *path)
{
    size_t n = strlen(looked);
    if (n + 1 < cap)
        snprintf(looked + n, cap - n, "%s%s", n ? ", " : "", path);
}

static int try_dir(const char *dir, const char *rel, char *out, size_t cap,
                   char *looked, size_t looked_cap)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    if (readable(path)) {
        copy_text(out, cap, path);
        return 1;
    }
    note(looked, looked_cap, path);
    return 0;
}

/* Whether dir is the build tree or inside it. */
static int in_build_tree(const char *dir)
{
    char build[4096];
    if (!realpath(HL_BUILD_DIR, build))
        return 0;
    size_t n = strlen(build);
    return strncmp(dir, build, n) == 0 && (dir[n] == '/' || dir[n] == '\0');
}

int data_file_find(const char *rel, const char *source_rel, char *out,
                   size_t cap, char *looked, size_t looked_cap)
{
    looked[0] = '\0';
    const char *env = getenv("HEATLINE_DATA_DIR");
    if (env && *env) /* an explicit choice: only there */
        return try_dir(env, rel, out, cap, looked, looked_cap);
    char dir[4096], prefixed[4096 + 64];
    int is_program = 0, found_self = module_dir(dir, sizeof dir, &is_program);
    if (found_self && source_rel && in_build_tree(dir) &&
        try_dir(HL_SOURCE_DATA_DIR, source_rel, out, cap, looked, looked_cap))
        return 1;
    if (found_self) {
        snprintf(prefixed, sizeof prefixed, "%s/%s", dir,
                 is_program ? HL_DATA_FROM_BINDIR : HL_DATA_FROM_LIBDIR);
        if (try_dir(prefixed, rel, out, cap, looked, looked_cap))
            return 1;
    }
    return try_dir(HL_DATA_DIR, rel, out, cap, looked, looked_cap);
}
