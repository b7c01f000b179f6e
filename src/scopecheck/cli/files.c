/* d_type in struct dirent */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include "files.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool is_c_file(const char *name)
{
    size_t n = strlen(name);
    return n > 2 && strcmp(name + n - 2, ".c") == 0;
}

static char *join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *p = sc_xmalloc(a + b + 2);
    memcpy(p, dir, a);
    size_t k = a;
    if (a && dir[a - 1] != '/')
        p[k++] = '/';
    memcpy(p + k, name, b + 1);
    return p;
}

/* Walks dir; hidden directories (.git, .scopecheck-cache) are skipped. */
static void walk(const char *dir, sc_strs *out, int depth)
{
    if (depth > 64)
        return;
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        /* the entry's type from readdir where the file system gives it
         * (no stat per file); links and unknown types are stat'ed:
         * a link to a .c file is checked, a link to a directory is not
         * walked (no cycles) */
        bool c_file = is_c_file(e->d_name);
        if (e->d_type == DT_REG && !c_file)
            continue;
        char *p = join(dir, e->d_name);
        struct stat st;
        bool is_dir = e->d_type == DT_DIR ||
                      (e->d_type != DT_REG && lstat(p, &st) == 0 &&
                       S_ISDIR(st.st_mode));
        if (is_dir)
            walk(p, out, depth + 1);
        else if (c_file && (e->d_type == DT_REG ||
                            (stat(p, &st) == 0 && S_ISREG(st.st_mode)))) {
            SC_PUSH(*out, p);
            continue;
        }
        free(p);
    }
    closedir(d);
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t files_expand(const sc_strs *paths, sc_strs *out, sc_report *rep)
{
    size_t start = out->len;
    for (size_t i = 0; i < paths->len; i++) {
        const char *p = paths->items[i];
        struct stat st;
        if (stat(p, &st) != 0) {
            report_failure(rep, "%s: %s", p, strerror(errno));
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            size_t before = out->len;
            char *clean = sc_xstrdup(p);
            size_t n = strlen(clean);
            while (n > 1 && clean[n - 1] == '/')
                clean[--n] = '\0';
            walk(clean, out, 0);
            free(clean);
            if (out->len == before)
                report_failure(rep, "%s: no C files (*.c) in this directory", p);
        } else {
            /* a file named on the command line is checked whatever its
             * name, as compilers do */
            SC_PUSH(*out, sc_xstrdup(p));
        }
    }
    if (out->len - start > 1)
        qsort(out->items + start, out->len - start, sizeof *out->items, cmp);
    size_t k = start;
    for (size_t i = start; i < out->len; i++) {
        if (k > start && strcmp(out->items[k - 1], out->items[i]) == 0) {
            free((void *)out->items[i]);
            continue;
        }
        out->items[k++] = out->items[i];
    }
    out->len = k;
    return k - start;
}

void files_free(sc_strs *files)
{
    for (size_t i = 0; i < files->len; i++)
        free((void *)files->items[i]);
    SC_VEC_FREE(*files);
}
