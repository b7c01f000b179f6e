/* realpath() is XSI */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#include "config.h"

#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../rules/rule.h"
#include "../util/strmap.h"
#include "jsonfile.h"

#define MAX_ERRORS 20

/* ---- paths ----------------------------------------------------------------- */

static char *abs_file(sc_config_cache *c, const char *file);

static char *dir_of(const char *file)
{
    const char *slash = strrchr(file, '/');
    if (!slash)
        return sc_xstrdup(".");
    if (slash == file)
        return sc_xstrdup("/");
    size_t n = (size_t)(slash - file);
    char *d = sc_xmalloc(n + 1);
    memcpy(d, file, n);
    d[n] = '\0';
    return d;
}

/* the parent of an absolute directory ("/" stays "/"), in place */
static void parent(char *dir)
{
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir)
        strcpy(dir, "/");
    else
        *slash = '\0';
}

/* the components of an absolute path, in a malloc'd copy */
typedef SC_VEC(const char *) parts;
static char *split(const char *path, parts *out)
{
    char *copy = sc_xstrdup(path);
    for (char *p = copy; *p;) {
        while (*p == '/')
            *p++ = '\0';
        if (!*p)
            break;
        SC_PUSH(*out, p);
        while (*p && *p != '/')
            p++;
    }
    return copy;
}

/* `to` (absolute) relative to directory `from` (absolute): "a/b.c", or
 * "../x/b.c" when it is not under it.  malloc'd. */
static char *relpath(const char *from, const char *to)
{
    parts f = {0}, t = {0};
    char *fc = split(from, &f), *tc = split(to, &t);
    size_t common = 0;
    while (common < f.len && common < t.len &&
           strcmp(f.items[common], t.items[common]) == 0)
        common++;
    size_t n = 1;
    for (size_t i = common; i < f.len; i++)
        n += 3;
    for (size_t i = common; i < t.len; i++)
        n += strlen(t.items[i]) + 1;
    char *out = sc_xmalloc(n);
    out[0] = '\0';
    for (size_t i = common; i < f.len; i++)
        strcat(out, "../");
    for (size_t i = common; i < t.len; i++) {
        strcat(out, t.items[i]);
        if (i + 1 < t.len)
            strcat(out, "/");
    }
    free(fc);
    free(tc);
    SC_VEC_FREE(f);
    SC_VEC_FREE(t);
    return out;
}

/* ---- messages -------------------------------------------------------------- */

typedef struct ctx {
    sc_config *cfg;
    sc_jdoc *doc;
    sc_report *rep;
    int errors;
} ctx;

/* a key as shown in a message: quoted, control characters escaped, long
 * ones cut */
static const char *q(ctx *c, const char *s)
{
    char buf[200];
    size_t k = 0;
    buf[k++] = '"';
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (k > 80) {
            memcpy(buf + k, "...", 3);
            k += 3;
            break;
        }
        if (*p < 32 || *p == 127 || *p == '"' || *p == '\\')
            k += (size_t)snprintf(buf + k, sizeof buf - k, "\\x%02x", *p);
        else
            buf[k++] = (char)*p;
    }
    buf[k++] = '"';
    buf[k] = '\0';
    return sc_strdup(&c->cfg->arena, buf);
}

static const char *type_name(const cJSON *v)
{
    if (cJSON_IsString(v)) return "a string";
    if (cJSON_IsNumber(v)) return "a number";
    if (cJSON_IsBool(v)) return v->type & cJSON_True ? "true" : "false";
    if (cJSON_IsNull(v)) return "null";
    if (cJSON_IsArray(v)) return "an array";
    if (cJSON_IsObject(v)) return "an object";
    return "something else";
}

static void error(ctx *c, const cJSON *at, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static void error(ctx *c, const cJSON *at, const char *fmt, ...)
{
    c->cfg->broken = true;
    if (++c->errors > MAX_ERRORS)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    report_failure(c->rep, "%s:%u: %s", c->cfg->path, jdoc_line(c->doc, at),
                   msg);
}

/* ---- the keys -------------------------------------------------------------- */

/* The members of obj whose key an earlier member has: a malloc'd array of
 * flags, one per member in order (sorting keeps it fast for big objects). */
typedef struct keyed {
    const char *key;
    size_t index;
} keyed;

static int by_key(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->index < y->index ? -1 : x->index > y->index);
}

static bool *duplicates(const cJSON *obj)
{
    size_t n = 0;
    for (const cJSON *m = obj->child; m; m = m->next)
        n++;
    bool *dup = sc_xmalloc(n + 1);
    memset(dup, 0, n + 1);
    keyed *k = sc_xmalloc((n + 1) * sizeof *k);
    size_t i = 0;
    for (const cJSON *m = obj->child; m; m = m->next, i++) {
        k[i].key = m->string ? m->string : "";
        k[i].index = i;
    }
    if (n > 1)
        qsort(k, n, sizeof *k, by_key);
    for (i = 1; i < n; i++)
        if (strcmp(k[i - 1].key, k[i].key) == 0)
            dup[k[i].index] = true;
    free(k);
    return dup;
}

static bool duplicate(ctx *c, const bool *dups, size_t i, const cJSON *member,
                      const char *where)
{
    if (!dups[i])
        return false;
    error(c, member, "%s%s: duplicate key", where, q(c, member->string));
    return true;
}

static void read_rules(ctx *c, const cJSON *v)
{
    if (!cJSON_IsObject(v)) {
        error(c, v, "\"rules\": expected an object (rule id -> \"off\", "
                    "\"error\", \"warning\" or \"note\"), not %s", type_name(v));
        return;
    }
    bool *dups = duplicates(v);
    size_t k = 0;
    for (const cJSON *m = v->child; m; m = m->next, k++) {
        if (duplicate(c, dups, k, m, "\"rules\": "))
            continue;
        int i = sc_rule_index(m->string);
        if (i < 0) {
            error(c, m, "\"rules\": %s: unknown rule (see --list-rules)",
                  q(c, m->string));
            continue;
        }
        if (!cJSON_IsString(m)) {
            error(c, m, "\"rules\": %s: expected \"off\", \"error\", "
                        "\"warning\" or \"note\", not %s", q(c, m->string),
                  type_name(m));
            continue;
        }
        bool ok;
        if (strcmp(m->valuestring, "off") == 0) {
            c->cfg->rules[i] = SC_RULE_OFF;
            continue;
        }
        sc_severity sev = sc_severity_parse(m->valuestring, &ok);
        if (!ok) {
            error(c, m, "\"rules\": %s: unknown setting %s (expected \"off\", "
                        "\"error\", \"warning\" or \"note\")",
                  q(c, m->string), q(c, m->valuestring));
            continue;
        }
        c->cfg->rules[i] = (int)sev;
    }
    free(dups);
}

static void read_strings(ctx *c, const cJSON *v, const char *key, sc_strs *out)
{
    if (!cJSON_IsArray(v)) {
        error(c, v, "\"%s\": expected an array of strings, not %s", key,
              type_name(v));
        return;
    }
    int k = 0;
    for (const cJSON *e = v->child; e; e = e->next, k++) {
        if (!cJSON_IsString(e)) {
            error(c, e, "\"%s\": element %d: expected a string, not %s", key,
                  k + 1, type_name(e));
            continue;
        }
        if (!e->valuestring[0]) {
            error(c, e, "\"%s\": element %d is empty", key, k + 1);
            continue;
        }
        SC_PUSH(*out, sc_strdup(&c->cfg->arena, e->valuestring));
    }
}

static bool identifier(const char *s)
{
    if (!*s || (*s >= '0' && *s <= '9'))
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

static void read_library(ctx *c, const cJSON *v)
{
    if (!cJSON_IsObject(v)) {
        error(c, v, "\"library\": expected an object (function name -> "
                    "varscope function), not %s", type_name(v));
        return;
    }
    size_t n = 0;
    for (const cJSON *m = v->child; m; m = m->next)
        n++;
    c->cfg->aliases = sc_alloc(&c->cfg->arena, (n + 1) * sizeof *c->cfg->aliases);
    bool *dups = duplicates(v);
    size_t k = 0;
    for (const cJSON *m = v->child; m; m = m->next, k++) {
        if (duplicate(c, dups, k, m, "\"library\": "))
            continue;
        if (!identifier(m->string)) {
            error(c, m, "\"library\": %s: not a C function name",
                  q(c, m->string));
            continue;
        }
        if (!cJSON_IsString(m)) {
            error(c, m, "\"library\": %s: expected the name of a varscope "
                        "function (a string), not %s", q(c, m->string),
                  type_name(m));
            continue;
        }
        const char *canon = m->valuestring;
        if (!sc_is_library_function(canon)) {
            char at[160];
            snprintf(at, sizeof at, "%.150s_at", canon);
            if (sc_is_library_function(at))
                error(c, m, "\"library\": %s: unknown varscope function %s "
                            "(did you mean \"%s\"?)", q(c, m->string),
                      q(c, canon), at);
            else
                error(c, m, "\"library\": %s: unknown varscope function %s "
                            "(expected one of the library's functions, such "
                            "as \"vs_get_variable_at\")", q(c, m->string),
                      q(c, canon));
            continue;
        }
        if (sc_is_library_function(m->string) &&
            strcmp(m->string, canon) != 0) {
            error(c, m, "\"library\": %s is itself a varscope function",
                  q(c, m->string));
            continue;
        }
        sc_alias *a = &c->cfg->aliases[c->cfg->naliases++];
        a->name = sc_strdup(&c->cfg->arena, m->string);
        a->canonical = sc_strdup(&c->cfg->arena, canon);
    }
    free(dups);
}

static sc_config *new_config(const char *shown, const char *dir)
{
    sc_config *cfg = sc_xmalloc(sizeof *cfg);
    memset(cfg, 0, sizeof *cfg);
    cfg->path = shown ? sc_strdup(&cfg->arena, shown) : NULL;
    cfg->dir = dir ? sc_strdup(&cfg->arena, dir) : NULL;
    cfg->rules = sc_alloc(&cfg->arena, (sc_nrules + 1) * sizeof *cfg->rules);
    for (size_t i = 0; i < sc_nrules; i++)
        cfg->rules[i] = SC_RULE_UNSET;
    cfg->strict = -1;
    return cfg;
}

static void read_doc(sc_config *cfg, sc_jdoc *doc, sc_report *rep)
{
    ctx c = {cfg, doc, rep, 0};
    const cJSON *root = doc->root;
    if (!cJSON_IsObject(root)) {
        error(&c, root, "expected a JSON object ({\"rules\": ...}), not %s",
              type_name(root));
        return;
    }
    bool *dups = duplicates(root);
    size_t k = 0;
    for (const cJSON *m = root->child; m; m = m->next, k++) {
        if (duplicate(&c, dups, k, m, ""))
            continue;
        if (strcmp(m->string, "rules") == 0)
            read_rules(&c, m);
        else if (strcmp(m->string, "exclude") == 0)
            read_strings(&c, m, "exclude", &cfg->exclude);
        else if (strcmp(m->string, "extra_args") == 0)
            read_strings(&c, m, "extra_args", &cfg->extra_args);
        else if (strcmp(m->string, "library") == 0)
            read_library(&c, m);
        else if (strcmp(m->string, "strict") == 0) {
            if (cJSON_IsBool(m))
                cfg->strict = cJSON_IsTrue(m);
            else
                error(&c, m, "\"strict\": expected true or false, not %s",
                      type_name(m));
        } else if (strcmp(m->string, "inherit") == 0) {
            if (cJSON_IsBool(m))
                cfg->inherit = cJSON_IsTrue(m);
            else
                error(&c, m, "\"inherit\": expected true or false, not %s",
                      type_name(m));
        } else {
            error(&c, m, "%s: unknown key (expected rules, exclude, "
                         "extra_args, library, strict, inherit)",
                  q(&c, m->string));
        }
    }
    free(dups);
    if (c.errors > MAX_ERRORS)
        report_failure(rep, "%s: %d more problems", cfg->path,
                       c.errors - MAX_ERRORS);
}

sc_config *config_parse(const char *shown, const char *dir, const char *text,
                        size_t len, sc_report *rep)
{
    sc_config *cfg = new_config(shown, dir);
    sc_jdoc doc;
    char *err = NULL;
    if (!jdoc_parse(&doc, cfg->path, text, len, &err)) {
        report_failure(rep, "%s", err);
        free(err);
        cfg->broken = true;
        return cfg;
    }
    read_doc(cfg, &doc, rep);
    jdoc_free(&doc);
    return cfg;
}

sc_config *config_load(const char *path, const char *shown, const char *dir,
                       sc_report *rep)
{
    sc_config *cfg = new_config(shown, dir);
    sc_jdoc doc;
    char *err = NULL;
    if (!jdoc_read(&doc, path, cfg->path, SC_CONFIG_MAX, &err)) {
        report_failure(rep, "%s", err);
        free(err);
        cfg->broken = true;
        return cfg;
    }
    read_doc(cfg, &doc, rep);
    jdoc_free(&doc);
    return cfg;
}

void config_free(sc_config *cfg)
{
    if (!cfg)
        return;
    SC_VEC_FREE(cfg->exclude);
    SC_VEC_FREE(cfg->extra_args);
    sc_arena_free(&cfg->arena);
    free(cfg);
}

int config_rule(const sc_config *cfg, int rule)
{
    if (!cfg || rule < 0 || (size_t)rule >= sc_nrules)
        return SC_RULE_UNSET;
    if (cfg->rules[rule] == SC_RULE_UNSET && cfg->parent)
        return config_rule(cfg->parent, rule);
    return cfg->rules[rule];
}

/* "inherit": cfg laid over parent (see config.h) */
static void inherit(sc_config *cfg, const sc_config *parent)
{
    cfg->parent = parent;
    if (parent->broken)
        cfg->broken = true;       /* its problems are reported already */
    if (cfg->strict == -1)
        cfg->strict = parent->strict;
    sc_strs args = {0};
    for (size_t i = 0; i < parent->extra_args.len; i++)
        SC_PUSH(args, sc_strdup(&cfg->arena, parent->extra_args.items[i]));
    for (size_t i = 0; i < cfg->extra_args.len; i++)
        SC_PUSH(args, cfg->extra_args.items[i]);
    SC_VEC_FREE(cfg->extra_args);
    cfg->extra_args = args;
    size_t n = cfg->naliases;
    sc_alias *all = sc_alloc(&cfg->arena,
                             (n + parent->naliases + 1) * sizeof *all);
    if (n)
        memcpy(all, cfg->aliases, n * sizeof *all);
    for (size_t i = 0; i < parent->naliases; i++) {
        bool mine = false;
        for (size_t k = 0; k < cfg->naliases && !mine; k++)
            mine = strcmp(cfg->aliases[k].name, parent->aliases[i].name) == 0;
        if (!mine) {
            all[n].name = sc_strdup(&cfg->arena, parent->aliases[i].name);
            all[n].canonical = sc_strdup(&cfg->arena, parent->aliases[i].canonical);
            n++;
        }
    }
    cfg->aliases = all;
    cfg->naliases = n;
}

/* ---- exclusion ------------------------------------------------------------- */

static bool glob_match(const char *glob, const char *rel)
{
    if (fnmatch(glob, rel, 0) == 0)
        return true;
    /* every directory above the file: "build" excludes build/x/y.c */
    size_t n = strlen(rel);
    char *buf = sc_xmalloc(n + 1);
    bool hit = false;
    for (size_t i = 0; i < n && !hit; i++)
        if (rel[i] == '/') {
            memcpy(buf, rel, i);
            buf[i] = '\0';
            hit = fnmatch(glob, buf, 0) == 0;
        }
    /* a glob without '/' matches any component ("third_party") */
    if (!hit && !strchr(glob, '/')) {
        const char *p = rel;
        while (*p && !hit) {
            const char *slash = strchr(p, '/');
            size_t k = slash ? (size_t)(slash - p) : strlen(p);
            memcpy(buf, p, k);
            buf[k] = '\0';
            hit = fnmatch(glob, buf, 0) == 0;
            p += k + (slash != NULL);
        }
    }
    free(buf);
    return hit;
}

bool config_excludes(sc_config_cache *c, const sc_config *cfg,
                     const char *file)
{
    if (cfg && cfg->parent && config_excludes(c, cfg->parent, file))
        return true;              /* "inherit": the parent's globs too */
    if (!cfg || !cfg->exclude.len || !cfg->dir)
        return false;
    char *abs = abs_file(c, file);
    if (!abs)
        return false;
    char *rel = relpath(cfg->dir, abs);
    bool hit = false;
    for (size_t i = 0; i < cfg->exclude.len && !hit; i++) {
        const char *g = cfg->exclude.items[i];
        while (g[0] == '.' && g[1] == '/')
            g += 2;
        size_t n = strlen(g);
        char *glob = sc_xstrdup(g);
        while (n > 1 && glob[n - 1] == '/')
            glob[--n] = '\0';
        hit = n && glob_match(glob, rel);
        free(glob);
    }
    free(rel);
    free(abs);
    return hit;
}

/* ---- the cache ------------------------------------------------------------- */

typedef struct dir_slot {
    char *dir;
    sc_config *cfg;               /* NULL: no configuration at or above */
} dir_slot;

struct sc_config_cache {
    const char *override;
    sc_config *forced;            /* --config, loaded on first use */
    bool forced_loaded;
    sc_config *none;              /* the empty configuration */
    dir_slot *slots;
    size_t cap, count;
    SC_VEC(sc_config *) owned;
    char *cwd;
    /* directory as named -> its realpath (or "" when it has none): once
     * per directory, since realpath reads a link per path component and
     * a tree's files share few directories */
    sc_strmap real_dirs;
};

sc_config_cache *config_cache_new(const char *override)
{
    sc_config_cache *c = sc_xmalloc(sizeof *c);
    memset(c, 0, sizeof *c);
    c->override = override;
    c->none = new_config(NULL, NULL);
    c->cap = 64;
    c->slots = sc_xmalloc(c->cap * sizeof *c->slots);
    memset(c->slots, 0, c->cap * sizeof *c->slots);
    c->cwd = realpath(".", NULL);
    return c;
}

void config_cache_free(sc_config_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->cap; i++)
        free(c->slots[i].dir);
    free(c->slots);
    for (size_t i = 0; i < c->owned.len; i++)
        config_free(c->owned.items[i]);
    SC_VEC_FREE(c->owned);
    config_free(c->forced);
    config_free(c->none);
    free(c->cwd);
    for (size_t i = 0; i < c->real_dirs.cap; i++)
        if (c->real_dirs.keys[i])
            free(c->real_dirs.vals[i]);
    sc_strmap_free(&c->real_dirs);
    free(c);
}

/* The absolute, symlink-free form of a file's path: the real path of its
 * directory joined with its name (malloc'd; NULL if the directory does
 * not exist).  With a cache, each directory's real path is taken once. */
static char *abs_file(sc_config_cache *c, const char *file)
{
    char *dir = dir_of(file);
    char *real = c ? sc_strmap_get(&c->real_dirs, dir) : NULL;
    if (!real) {
        real = realpath(dir, NULL);
        if (!real)
            real = sc_xstrdup("");
        if (c)
            sc_strmap_put(&c->real_dirs, dir, real);
    }
    free(dir);
    char *out = NULL;
    if (real[0]) {
        const char *slash = strrchr(file, '/');
        const char *base = slash ? slash + 1 : file;
        out = sc_asprintf("%s%s%s", real, strcmp(real, "/") == 0 ? "" : "/",
                          base);
    }
    if (!c)
        free(real);
    return out;
}

static dir_slot *find_slot(sc_config_cache *c, const char *dir)
{
    size_t j = (size_t)sc_hash(dir, strlen(dir)) & (c->cap - 1);
    while (c->slots[j].dir && strcmp(c->slots[j].dir, dir) != 0)
        j = (j + 1) & (c->cap - 1);
    return &c->slots[j];
}

static void remember(sc_config_cache *c, const char *dir, sc_config *cfg)
{
    if (2 * (c->count + 1) > c->cap) {
        dir_slot *old = c->slots;
        size_t oldcap = c->cap;
        c->cap *= 2;
        c->slots = sc_xmalloc(c->cap * sizeof *c->slots);
        memset(c->slots, 0, c->cap * sizeof *c->slots);
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].dir)
                *find_slot(c, old[i].dir) = old[i];
        free(old);
    }
    dir_slot *s = find_slot(c, dir);
    if (!s->dir) {
        s->dir = sc_xstrdup(dir);
        c->count++;
    }
    s->cfg = cfg;
}

/* the path shown in messages: relative to the working directory when it
 * is under it */
static char *shown_path(sc_config_cache *c, const char *abs)
{
    size_t n = c->cwd ? strlen(c->cwd) : 0;
    if (n > 1 && strncmp(abs, c->cwd, n) == 0 && abs[n] == '/')
        return sc_xstrdup(abs + n + 1);
    return sc_xstrdup(abs);
}

static const sc_config *config_in_dir(sc_config_cache *c, const char *start,
                                      sc_report *rep);

/* a configuration read from path (in dir), laid over its parent's when it
 * says "inherit" */
static sc_config *load_config(sc_config_cache *c, const char *path,
                              const char *shown, const char *dir,
                              sc_report *rep)
{
    sc_config *cfg = config_load(path, shown, dir, rep);
    SC_PUSH(c->owned, cfg);
    if (cfg->inherit && dir && strcmp(dir, "/") != 0) {
        char *up = sc_xstrdup(dir);
        parent(up);
        const sc_config *p = config_in_dir(c, up, rep);
        free(up);
        if (p != c->none)
            inherit(cfg, p);
    }
    return cfg;
}

/* the configuration of the files in directory `start` (absolute, real) */
static const sc_config *config_in_dir(sc_config_cache *c, const char *start,
                                      sc_report *rep)
{
    char *dir = sc_xstrdup(start);
    SC_VEC(char *) seen = {0};
    sc_config *found = NULL;
    for (;;) {
        dir_slot *s = find_slot(c, dir);
        if (s->dir) {
            found = s->cfg;
            break;
        }
        SC_PUSH(seen, sc_xstrdup(dir));
        char *path = sc_asprintf("%s%s%s", dir, strcmp(dir, "/") ? "/" : "",
                                 SC_CONFIG_NAME);
        struct stat st;
        if (stat(path, &st) == 0 || errno != ENOENT) {
            char *shown = shown_path(c, path);
            found = load_config(c, path, shown, dir, rep);
            free(shown);
            free(path);
            break;
        }
        free(path);
        if (strcmp(dir, "/") == 0)
            break;
        parent(dir);
    }
    for (size_t i = 0; i < seen.len; i++) {
        remember(c, seen.items[i], found);
        free(seen.items[i]);
    }
    SC_VEC_FREE(seen);
    free(dir);
    return found ? found : c->none;
}

const sc_config *config_for_file(sc_config_cache *c, const char *file,
                                 sc_report *rep)
{
    if (c->override) {
        if (!c->forced_loaded) {
            c->forced_loaded = true;
            char *abs = abs_file(c, c->override);
            char *dir = abs ? dir_of(abs) : NULL;
            c->forced = config_load(c->override, c->override, dir, rep);
            if (c->forced->inherit && dir && strcmp(dir, "/") != 0) {
                char *up = sc_xstrdup(dir);
                parent(up);
                const sc_config *p = config_in_dir(c, up, rep);
                free(up);
                if (p != c->none)
                    inherit(c->forced, p);
            }
            free(dir);
            free(abs);
        }
        return c->forced;
    }
    char *abs = abs_file(c, file);
    if (!abs)
        return c->none;
    char *dir = dir_of(abs);
    free(abs);
    const sc_config *cfg = config_in_dir(c, dir, rep);
    free(dir);
    return cfg;
}
