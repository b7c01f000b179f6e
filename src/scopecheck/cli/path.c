#include "path.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../util/arena.h"

/* in place: an absolute path without empty, "." and ".." components */
static void normalize(char *p)
{
    size_t n = strlen(p), o = 0, i = 0;
    while (i < n) {
        while (i < n && p[i] == '/')
            i++;
        size_t s = i;
        while (i < n && p[i] != '/')
            i++;
        size_t len = i - s;
        if (len == 0 || (len == 1 && p[s] == '.'))
            continue;
        if (len == 2 && p[s] == '.' && p[s + 1] == '.') {
            while (o > 0 && p[o - 1] != '/')
                o--;
            if (o > 0)
                o--;
            continue;
        }
        p[o++] = '/';
        memmove(p + o, p + s, len);
        o += len;
    }
    if (o == 0)
        p[o++] = '/';
    p[o] = '\0';
}

char *sc_path_abs(const char *path)
{
    char *out;
    if (path[0] == '/') {
        out = sc_xstrdup(path);
    } else {
        size_t cap = 256;
        char *cwd = NULL;
        for (;;) {
            cwd = sc_xmalloc(cap);
            if (getcwd(cwd, cap))
                break;
            free(cwd);
            cwd = NULL;
            if (errno != ERANGE)
                break;
            cap *= 2;
        }
        const char *base = cwd ? cwd : "/";
        size_t a = strlen(base), b = strlen(path);
        out = sc_xmalloc(a + b + 2);
        memcpy(out, base, a);
        out[a] = '/';
        memcpy(out + a + 1, path, b + 1);
        free(cwd);
    }
    normalize(out);
    return out;
}

bool sc_path_under(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    if (strcmp(dir, "/") == 0)
        return path[0] == '/';
    return strncmp(path, dir, n) == 0 && (path[n] == '/' || path[n] == '\0');
}

/* the next component of an absolute path at *p: its start and length */
static size_t component(const char **p, const char **start)
{
    while (**p == '/')
        (*p)++;
    *start = *p;
    while (**p && **p != '/')
        (*p)++;
    return (size_t)(*p - *start);
}

char *sc_path_rel(const char *from, const char *to)
{
    const char *f = from, *t = to, *fs, *ts;
    /* skip the common components */
    for (;;) {
        const char *f0 = f, *t0 = t;
        size_t fn = component(&f, &fs), tn = component(&t, &ts);
        if (!fn || fn != tn || memcmp(fs, ts, fn) != 0) {
            f = f0;
            t = t0;
            break;
        }
    }
    size_t ups = 0;
    for (const char *q = f; component(&q, &fs);)
        ups++;
    while (*t == '/')
        t++;
    char *out = sc_xmalloc(ups * 3 + strlen(t) + 2);
    char *o = out;
    for (size_t k = 0; k < ups; k++, o += 3)
        memcpy(o, "../", 3);
    strcpy(o, t);
    size_t len = strlen(out);
    if (len == 0)
        strcpy(out, ".");
    else if (out[len - 1] == '/')
        out[len - 1] = '\0';
    return out;
}

char *sc_path_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return sc_xstrdup(".");
    if (slash == path)
        return sc_xstrdup("/");
    size_t n = (size_t)(slash - path);
    char *d = sc_xmalloc(n + 1);
    memcpy(d, path, n);
    d[n] = '\0';
    return d;
}
