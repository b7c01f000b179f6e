#include "file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"

char *sc_read_file(const char *path, size_t *len)
{
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    /* sized by fstat when it can (a tree's files are read once each: no
     * buffer larger than the file), grown if the file grows meanwhile */
    struct stat st;
    size_t cap = fstat(fileno(f), &st) == 0 && st.st_size > 0
                     ? (size_t)st.st_size + 1 : 4096, n;
    char *buf = sc_xmalloc(cap + 1);
    while ((n = fread(buf + *len, 1, cap - *len, f)) > 0) {
        *len += n;
        if (*len == cap)
            buf = sc_xrealloc(buf, (cap *= 2) + 1);
    }
    fclose(f);
    buf[*len] = '\0';
    return buf;
}

bool sc_make_dirs(const char *dir)
{
    char *p = sc_xstrdup(dir);
    bool ok = true;
    for (char *q = p + 1; ok && *q; q++)
        if (*q == '/') {
            *q = '\0';
            ok = mkdir(p, 0777) == 0 || errno == EEXIST;
            *q = '/';
        }
    ok = ok && (mkdir(p, 0777) == 0 || errno == EEXIST);
    free(p);
    return ok;
}

char *sc_user_cache_dir(void)
{
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    const char *base = xdg && xdg[0] == '/' ? xdg : home && home[0] == '/' ? home : NULL;
    if (!base)
        return NULL;
    const char *tail = base == xdg ? "/scopecheck" : "/.cache/scopecheck";
    char *d = sc_xmalloc(strlen(base) + strlen(tail) + 1);
    strcpy(d, base);
    strcat(d, tail);
    return d;
}
