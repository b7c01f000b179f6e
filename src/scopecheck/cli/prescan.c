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

typedef struct text_ids {
    char *path;
    sc_interner ids;              /* the identifiers in the text */
    sc_arena arena;
    bool has_vs;                  /* a vs_ or VS_ identifier */
    SC_VEC(struct text_ids *) includes;
    bool scanned;
    bool binary;                  /* NUL bytes: not C source */
} text_ids;

struct sc_prescan {
    SC_VEC(text_ids *) files;
};

sc_prescan *prescan_new(void) { return calloc(1, sizeof(sc_prescan)); }

void prescan_free(sc_prescan *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->files.len; i++) {
        text_ids *t = p->files.items[i];
        free(t->path);
        sc_interner_free(&t->ids);
        sc_arena_free(&t->arena);
        SC_VEC_FREE(t->includes);
        free(t);
    }
    SC_VEC_FREE(p->files);
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

static bool exists(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f)
        fclose(f);
    return f != NULL;
}

/* The file an #include names: "x.h" next to the including file first,
 * then the -iquote/-I directories; <x.h> in the -I directories only. */
static char *resolve(const char *from, const char *name, bool quoted,
                     char *const *argv)
{
    char buf[4096];
    if (name[0] == '/')
        return exists(name) ? sc_xstrdup(name) : NULL;
    if (quoted) {
        const char *slash = strrchr(from, '/');
        int dl = slash ? (int)(slash - from) : 0;
        snprintf(buf, sizeof buf, "%.*s%s%s", dl, from, slash ? "/" : "", name);
        if (exists(buf))
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
        if (exists(buf))
            return sc_xstrdup(buf);
    }
    return NULL;
}

static text_ids *scan(sc_prescan *p, const char *path, char *const *argv,
                      int depth);

/* identifiers outside comments and literals; #include lines followed */
static void tokenize(sc_prescan *p, text_ids *t, const char *s, size_t n,
                     char *const *argv, int depth)
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
        if (c == '#' && line_start) {
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
                        char *hdr = resolve(t->path, name, open == '"', argv);
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
            if (k - i > 3 && (strncmp(s + i, "vs_", 3) == 0 ||
                              strncmp(s + i, "VS_", 3) == 0))
                t->has_vs = true;
            sc_intern(&t->ids, s + i, k - i);
            i = k;
            continue;
        }
        i++;
    }
}

static text_ids *scan(sc_prescan *p, const char *path, char *const *argv,
                      int depth)
{
    for (size_t i = 0; i < p->files.len; i++)
        if (strcmp(p->files.items[i]->path, path) == 0)
            return p->files.items[i];
    text_ids *t = calloc(1, sizeof *t);
    t->path = sc_xstrdup(path);
    t->ids.arena = &t->arena;
    SC_PUSH(p->files, t);
    size_t n;
    char *s = slurp(path, &n);
    if (s) {
        t->binary = memchr(s, '\0', n) != NULL;
        tokenize(p, t, s, n, argv, depth);
        free(s);
    }
    t->scanned = true;
    return t;
}

/* has `name` in t or its includes (the include graph may have cycles) */
static bool closure_has(const text_ids *t, const char *name, size_t len,
                        bool vs, const text_ids **seen, size_t *nseen)
{
    for (size_t i = 0; i < *nseen; i++)
        if (seen[i] == t)
            return false;
    if (*nseen < 4096)
        seen[(*nseen)++] = t;
    if (vs ? t->has_vs : false)
        return true;
    if (name && t->ids.count) {
        /* sc_intern would insert: look up without inserting */
        size_t cap = t->ids.cap;
        size_t j = sc_hash(name, len) & (cap - 1);
        for (; t->ids.slots[j]; j = (j + 1) & (cap - 1))
            if (strncmp(t->ids.slots[j], name, len) == 0 &&
                t->ids.slots[j][len] == '\0')
                return true;
    }
    for (size_t i = 0; i < t->includes.len; i++)
        if (closure_has(t->includes.items[i], name, len, vs, seen, nseen))
            return true;
    return false;
}

static bool has(sc_prescan *p, const char *file, char *const *argv,
                const char *name, bool vs)
{
    text_ids *t = scan(p, file, argv, 0);
    const text_ids *seen[4096];
    size_t nseen = 0;
    return closure_has(t, name, name ? strlen(name) : 0, vs, seen, &nseen);
}

bool prescan_mentions_library(sc_prescan *p, const char *file,
                              char *const *argv, const sc_strs *aliases)
{
    if (has(p, file, argv, NULL, true))
        return true;
    for (size_t i = 0; aliases && i < aliases->len; i++)
        if (has(p, file, argv, aliases->items[i], false))
            return true;
    return false;
}

bool prescan_is_binary(sc_prescan *p, const char *file)
{
    return scan(p, file, NULL, 0)->binary;
}

bool prescan_mentions_any(sc_prescan *p, const char *file,
                          const sc_strs *names)
{
    for (size_t i = 0; i < names->len; i++)
        if (has(p, file, NULL, names->items[i], false))
            return true;
    return false;
}
