/* The pre-scan.  A file can reach the library only by calling it (its
 * identifiers are then in the file or in a project header it includes,
 * where a wrapper macro could hide them), or by calling a function of
 * another file that reaches it (whose name is then in the file).  So:
 *   1. files whose text, with their project headers, names a vs_/VS_
 *      identifier (or a configured alias) are parsed;
 *   2. from their IR, the functions that reach the library are known;
 *      files naming one of those are parsed too, until nothing changes.
 * Every other file cannot reach the library and is never parsed: its
 * functions can call neither the library nor anything that calls it.
 * System headers (<...> not found under -I) are not read: varscope calls
 * in them would be the library itself. */
#include "prescan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/strmap.h"

typedef struct text_ids {
    char *path;
    char *text;                   /* kept: later passes look for names */
    size_t len;
    bool has_vs;                  /* a vs_ or VS_ identifier */
    SC_VEC(struct text_ids *) includes;
    bool scanned;
    bool binary;                  /* NUL bytes: not C source */
} text_ids;

struct sc_prescan {
    SC_VEC(text_ids *) files;
    sc_strmap by_path;
    sc_strmap exists;             /* path -> (void *)1 yes, 2 no */
};

sc_prescan *prescan_new(void) { return calloc(1, sizeof(sc_prescan)); }

void prescan_free(sc_prescan *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->files.len; i++) {
        text_ids *t = p->files.items[i];
        free(t->path);
        free(t->text);
        SC_VEC_FREE(t->includes);
        free(t);
    }
    SC_VEC_FREE(p->files);
    sc_strmap_free(&p->by_path);
    sc_strmap_free(&p->exists);
    free(p);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n;
    char *buf = sc_xmalloc(cap + 1);
    *len = 0;
    while ((n = fread(buf + *len, 1, cap - *len, f)) > 0) {
        *len += n;
        if (*len == cap)
            buf = sc_xrealloc(buf, (cap *= 2) + 1);
    }
    fclose(f);
    buf[*len] = '\0';
    return buf;
}

static bool ident_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool ident_char(char c)
{
    return ident_start(c) || (c >= '0' && c <= '9');
}

static bool exists(sc_prescan *p, const char *path)
{
    void *known = sc_strmap_get(&p->exists, path);
    if (known)
        return known == (void *)1;
    FILE *f = fopen(path, "rb");
    if (f)
        fclose(f);
    sc_strmap_put(&p->exists, path, f ? (void *)1 : (void *)2);
    return f != NULL;
}

/* The file an #include names: "x.h" next to the including file first,
 * then the -iquote/-I directories; <x.h> in the -I directories only. */
static char *resolve(sc_prescan *p, const char *from, const char *name,
                     bool quoted, char *const *argv)
{
    char buf[4096];
    if (name[0] == '/')
        return exists(p, name) ? sc_xstrdup(name) : NULL;
    if (quoted) {
        const char *slash = strrchr(from, '/');
        int dl = slash ? (int)(slash - from) : 0;
        snprintf(buf, sizeof buf, "%.*s%s%s", dl, from, slash ? "/" : "", name);
        if (exists(p, buf))
            return sc_xstrdup(buf);
    }
    for (int i = 0; argv && argv[i]; i++) {
        const char *dir = NULL;
        if (strncmp(argv[i], "-I", 2) == 0)
            dir = argv[i][2] ? argv[i] + 2 : argv[i + 1];
        else if (quoted && strncmp(argv[i], "-iquote", 7) == 0)
            dir = argv[i][7] ? argv[i] + 7 : argv[i + 1];
        if (!dir)
            continue;
        snprintf(buf, sizeof buf, "%s/%s", dir, name);
        if (exists(p, buf))
            return sc_xstrdup(buf);
    }
    return NULL;
}

static text_ids *scan(sc_prescan *p, const char *path, char *const *argv,
                      int depth);

/* Walks the identifiers outside comments and literals.  First pass
 * (names NULL): notes vs_/VS_ identifiers and follows #include lines.
 * Later passes: true as soon as an identifier is in `names`. */
static bool tokenize(sc_prescan *p, text_ids *t, const char *s, size_t n,
                     char *const *argv, int depth, const sc_strmap *names)
{
    bool line_start = true;
    for (size_t i = 0; i < n;) {
        char c = s[i];
        if (c == '\n') {
            line_start = true;
            i++;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            i++;
            continue;
        }
        if (c == '/' && i + 1 < n && s[i + 1] == '/') {
            while (i < n && s[i] != '\n')
                i++;
            continue;
        }
        if (c == '/' && i + 1 < n && s[i + 1] == '*') {
            i += 2;
            while (i + 1 < n && !(s[i] == '*' && s[i + 1] == '/'))
                i++;
            i += 2;
            continue;
        }
        if (c == '#' && line_start && !names) {
            size_t k = i + 1;
            while (k < n && (s[k] == ' ' || s[k] == '\t'))
                k++;
            if (n - k > 7 && strncmp(s + k, "include", 7) == 0) {
                k += 7;
                while (k < n && (s[k] == ' ' || s[k] == '\t'))
                    k++;
                char open = k < n ? s[k] : 0, close = open == '<' ? '>' : '"';
                if (open == '<' || open == '"') {
                    size_t e = k + 1;
                    while (e < n && s[e] != close && s[e] != '\n')
                        e++;
                    if (e < n && s[e] == close && depth < 32) {
                        char *name = sc_xmalloc(e - k);
                        memcpy(name, s + k + 1, e - k - 1);
                        name[e - k - 1] = '\0';
                        char *hdr = resolve(p, t->path, name, open == '"', argv);
                        if (hdr) {
                            text_ids *h = scan(p, hdr, argv, depth + 1);
                            if (h)
                                SC_PUSH(t->includes, h);
                            free(hdr);
                        }
                        free(name);
                    }
                }
                while (i < n && s[i] != '\n')
                    i++;
                continue;
            }
        }
        line_start = false;
        if (c == '"' || c == '\'') {
            for (i++; i < n && s[i] != c && s[i] != '\n'; i++)
                if (s[i] == '\\')
                    i++;
            i++;
            continue;
        }
        if (ident_start(c)) {
            size_t k = i;
            while (k < n && ident_char(s[k]))
                k++;
            if (!names && k - i > 3 && (strncmp(s + i, "vs_", 3) == 0 ||
                                        strncmp(s + i, "VS_", 3) == 0))
                t->has_vs = true;
            if (names && k - i < 256) {
                char id[256];
                memcpy(id, s + i, k - i);
                id[k - i] = '\0';
                if (sc_strmap_get(names, id))
                    return true;
            }
            i = k;
            continue;
        }
        i++;
    }
    return false;
}

static text_ids *scan(sc_prescan *p, const char *path, char *const *argv,
                      int depth)
{
    text_ids *t = sc_strmap_get(&p->by_path, path);
    if (t)
        return t;
    t = calloc(1, sizeof *t);
    t->path = sc_xstrdup(path);
    SC_PUSH(p->files, t);
    sc_strmap_put(&p->by_path, path, t);
    t->text = slurp(path, &t->len);
    if (t->text) {
        t->binary = memchr(t->text, '\0', t->len) != NULL;
        tokenize(p, t, t->text, t->len, argv, depth, NULL);
    }
    t->scanned = true;
    return t;
}

/* t or one of its includes (a graph: cycles are possible) names the
 * library (names NULL) or one of `names` */
static bool closure_has(sc_prescan *p, text_ids *t, const sc_strmap *names,
                        const text_ids **seen, size_t *nseen)
{
    for (size_t i = 0; i < *nseen; i++)
        if (seen[i] == t)
            return false;
    if (*nseen < 4096)
        seen[(*nseen)++] = t;
    if (!names ? t->has_vs
               : t->text && tokenize(p, t, t->text, t->len, NULL, 0, names))
        return true;
    for (size_t i = 0; i < t->includes.len; i++)
        if (closure_has(p, t->includes.items[i], names, seen, nseen))
            return true;
    return false;
}

static bool has(sc_prescan *p, const char *file, char *const *argv,
                const sc_strmap *names)
{
    text_ids *t = scan(p, file, argv, 0);
    const text_ids *seen[4096];
    size_t nseen = 0;
    return closure_has(p, t, names, seen, &nseen);
}

bool prescan_mentions_library(sc_prescan *p, const char *file,
                              char *const *argv, const sc_strs *aliases)
{
    if (has(p, file, argv, NULL))
        return true;
    if (!aliases || !aliases->len)
        return false;
    sc_strmap set = {0};
    for (size_t i = 0; i < aliases->len; i++)
        sc_strmap_put(&set, aliases->items[i], (void *)1);
    bool r = prescan_mentions_any(p, file, &set);
    sc_strmap_free(&set);
    return r;
}

bool prescan_is_binary(sc_prescan *p, const char *file)
{
    return scan(p, file, NULL, 0)->binary;
}

bool prescan_mentions_any(sc_prescan *p, const char *file,
                          const sc_strmap *names)
{
    return names->count && has(p, file, NULL, names);
}
