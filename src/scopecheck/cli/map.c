/* The map step: files parsed with their own flags and lowered to IR, on N
 * threads, through the summary cache.  Results land in the files' order
 * whatever N is, so the output is the same for any -j. */
#define _XOPEN_SOURCE 700   /* realpath, readlink */
#include "map.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../frontend/compdb.h"
#include "../frontend/driver.h"
#include "../frontend/lower.h"
#include "../frontend/parse.h"
#include "jsonfile.h"
#include "path.h"
#include "../util/strmap.h"

/* ---- our own include directory ---- */

/* Where varscope.h is, found from the running binary, so that nothing of
 * the build tree is compiled in and an installed tree can be moved:
 * PREFIX/bin/scopecheck finds PREFIX/include, and in the build tree
 * ./scopecheck (and build/scopecheck-san) find ./include.  NULL when
 * there is none: the file's own flags must then name it. */
static char *own_include;
static pthread_once_t own_include_once = PTHREAD_ONCE_INIT;

static void find_own_include(void)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return;
    *slash = '\0';
    static const char *const rel[] = {"/../include", "/include", "/../../include"};
    for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
        char *dir = sc_asprintf("%s%s", exe, rel[i]);
        char *header = sc_asprintf("%s/varscope.h", dir);
        bool found = access(header, R_OK) == 0;
        free(header);
        if (found) {
            own_include = realpath(dir, NULL);
            free(dir);
            return;
        }
        free(dir);
    }
}

const char *sc_own_include_dir(void)
{
    pthread_once(&own_include_once, find_own_include);
    return own_include;
}

/* ---- arguments ---- */

/* An argument vector kept by the context: files with the same command
 * (most of a tree) share one, rather than each copying the compiler's
 * view (a few hundred -D arguments) again. */
typedef struct argv_kept {
    char **argv;
    int argc;
} argv_kept;

typedef struct db_entry {
    char *dir;                    /* where compile_commands.json is */
    fe_compdb *db;                /* NULL: could not be loaded */
    char *err;
} db_entry;

struct sc_args_ctx {
    const sc_map_opts *o;
    sc_report *rep;               /* for the warnings */
    fe_compdb *fixed;             /* -p DIR */
    SC_VEC(db_entry) dbs;         /* found by walking up, loaded once */
    bool warned_none;
    sc_strmap kept;               /* argv_key -> argv_kept */
};

sc_args_ctx *args_new(const sc_map_opts *o, sc_report *rep)
{
    sc_args_ctx *a = calloc(1, sizeof *a);
    a->o = o;
    a->rep = rep;
    if (o->compdb_dir) {
        char *err = NULL;
        a->fixed = fe_compdb_load(o->compdb_dir, &err);
        if (!a->fixed) {
            report_failure(rep, "%s", err ? err : "cannot read the compile database");
            free(err);
            free(a);
            return NULL;
        }
    }
    return a;
}

void args_free(sc_args_ctx *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->dbs.len; i++) {
        free(a->dbs.items[i].dir);
        free(a->dbs.items[i].err);
        fe_compdb_free(a->dbs.items[i].db);
    }
    SC_VEC_FREE(a->dbs);
    for (size_t i = 0; i < a->kept.cap; i++)
        if (a->kept.keys && a->kept.keys[i]) {
            argv_kept *k = a->kept.vals[i];
            for (int j = 0; j < k->argc; j++)
                free(k->argv[j]);
            free(k->argv);
            free(k);
        }
    sc_strmap_free(&a->kept);
    fe_compdb_free(a->fixed);
    free(a);
}

/* the database's directory, for messages */
static const char *db_dir(sc_args_ctx *a, const fe_compdb *db)
{
    if (db == a->fixed)
        return a->o->compdb_dir;
    for (size_t i = 0; i < a->dbs.len; i++)
        if (a->dbs.items[i].db == db)
            return a->dbs.items[i].dir;
    return "?";
}

static fe_compdb *nearest_db(sc_args_ctx *a, const char *file, char **err)
{
    char *dir = fe_compdb_find(file);
    if (!dir)
        return NULL;
    for (size_t i = 0; i < a->dbs.len; i++)
        if (strcmp(a->dbs.items[i].dir, dir) == 0) {
            free(dir);
            if (!a->dbs.items[i].db && a->dbs.items[i].err)
                *err = sc_xstrdup(a->dbs.items[i].err);
            return a->dbs.items[i].db;
        }
    db_entry d = {dir, NULL, NULL};
    d.db = fe_compdb_load(dir, &d.err);
    SC_PUSH(a->dbs, d);
    if (!d.db && d.err)
        *err = sc_xstrdup(d.err);
    return d.db;
}

fe_compdb *args_compdb(sc_args_ctx *a, const char *file)
{
    if (a->fixed || a->o->compdb_dir)
        return a->fixed;
    char *err = NULL;
    fe_compdb *db = nearest_db(a, file, &err);
    free(err);
    return db;
}

/* The listed file whose flags an unlisted one gets, as clangd guesses:
 * the one sharing the longest leading directories with it, then the
 * longest common start of its name, then the first in the database. */
static const char *nearest_listed(const fe_compdb *db, const char *abs)
{
    const char *best = NULL;
    size_t best_dirs = 0, best_name = 0;
    const char *base = strrchr(abs, '/');
    base = base ? base + 1 : abs;
    for (size_t i = 0; i < fe_compdb_size(db); i++) {
        const char *f = fe_compdb_file(db, i);
        size_t k = 0, dirs = 0;
        while (f[k] && f[k] == abs[k]) {
            if (f[k] == '/')
                dirs++;
            k++;
        }
        const char *fb = strrchr(f, '/');
        fb = fb ? fb + 1 : f;
        size_t name = 0;
        if (fb - f == base - abs && strncmp(f, abs, (size_t)(fb - f)) == 0)
            while (fb[name] && fb[name] == base[name])
                name++;
        if (!best || dirs > best_dirs || (dirs == best_dirs && name > best_name)) {
            best = f;
            best_dirs = dirs;
            best_name = name;
        }
    }
    return best;
}

/* what an argument vector is made of: the compiler asked, the command's
 * flags, the "--" flags, --extra-arg and the per-file extras */
typedef SC_VEC(char) charvec;

static void key_add(charvec *k, const char *s)
{
    for (; *s; s++)
        SC_PUSH(*k, *s);
    SC_PUSH(*k, '\x1f');
}

static char *argv_key(const char *cc, char **db_args, int n, const sc_args_ctx *a,
                      const sc_strs *extra)
{
    charvec k = {0};
    key_add(&k, cc ? cc : "");
    SC_PUSH(k, db_args ? '\x1e' : '\x1d');
    for (int i = 0; db_args && i < n; i++)
        key_add(&k, db_args[i]);
    SC_PUSH(k, '\x1e');
    for (size_t i = 0; i < a->o->cflags->len; i++)
        key_add(&k, a->o->cflags->items[i]);
    SC_PUSH(k, '\x1e');
    for (size_t i = 0; i < a->o->extra_args->len; i++)
        key_add(&k, a->o->extra_args->items[i]);
    SC_PUSH(k, '\x1e');
    for (size_t i = 0; extra && i < extra->len; i++)
        key_add(&k, extra->items[i]);
    SC_PUSH(k, '\0');
    return k.items;
}

/* the compiler that would build a file with no compile command: $CC, else
 * cc (malloc'd; "gcc -m32": the program's name) */
static char *default_compiler(void)
{
    const char *env = getenv("CC");
    char *cc = sc_xstrdup(env && *env ? env : "cc");
    char *sp = strchr(cc, ' ');
    if (sp)
        *sp = '\0';
    return cc;
}

/* "--" flags win; else the compile database's (-p, or the nearest one
 * above the file; for a file it does not list, the nearest listed file's),
 * after its compiler's own view (without a command: $CC's, else cc's); then --extra-arg and per-file extras;
 * then our own include directory last, so that varscope.h is found
 * without flags. */
char *const *args_for(sc_args_ctx *a, const char *file, const sc_strs *extra,
                      int *argc, char **err)
{
    char **db_args = NULL;
    int n = 0;
    char *cc = NULL;
    if (a->o->cflags->len == 0) {
        fe_compdb *db = a->fixed;
        if (!db && !a->o->compdb_dir) {
            db = nearest_db(a, file, err);
            if (!db && *err)
                return NULL;
        }
        if (db) {
            db_args = fe_compdb_args(db, file, &n);
            const char *flags_of = file;
            if (!db_args) {
                char *abs = sc_path_abs(file);
                const char *near = nearest_listed(db, abs);
                if (near) {
                    db_args = fe_compdb_args(db, near, &n);
                    flags_of = near;
                    /* named as the database's directory sees it */
                    char *dir = sc_path_abs(db_dir(a, db));
                    char *shown = sc_path_rel(dir, near);
                    report_warning(a->rep, "%s is not in %s/compile_commands.json: "
                                           "parsed with the flags of %s, the "
                                           "nearest file it lists", file,
                                   db_dir(a, db), shown);
                    free(dir);
                    free(shown);
                } else {
                    report_warning(a->rep, "%s is not in %s/compile_commands.json, "
                                           "which lists no file: parsed with no "
                                           "flags", file, db_dir(a, db));
                }
                free(abs);
            }
            if (db_args)
                cc = fe_compdb_compiler(db, flags_of);
        } else if (!a->warned_none) {
            a->warned_none = true;
            report_warning(a->rep, "no compile_commands.json in the directory of "
                                   "%s or above it, and no flags after '--': "
                                   "parsed with no flags (give them after '--', "
                                   "or the database's directory with -p)", file);
        }
    }
    if (!db_args)
        cc = default_compiler();
    char *key = argv_key(cc, db_args, n, a, extra);
    argv_kept *kept = sc_strmap_get(&a->kept, key);
    if (kept) {
        free(key);
        free(cc);
        fe_args_free(db_args);
        *argc = kept->argc;
        return kept->argv;
    }
    SC_VEC(char *) v = {0};
    /* the compiler's own macros and include path first (see
     * frontend/driver.h), so that the command's own win; with no compile
     * command, those of the compiler that would build the file (with the
     * "--" flags, which may change them: -m32, -std=) */
    int nv = 0;
    char **view = db_args ? fe_driver_view(cc, db_args, n, &nv)
                          : fe_driver_view(cc, (char *const *)a->o->cflags->items,
                                           (int)a->o->cflags->len, &nv);
    for (int i = 0; i < nv; i++)
        SC_PUSH(v, view[i]);
    free(view);                   /* its strings are v's now */
    free(cc);
    for (size_t i = 0; i < a->o->cflags->len; i++)
        SC_PUSH(v, sc_xstrdup(a->o->cflags->items[i]));
    for (int i = 0; db_args && i < n; i++)
        SC_PUSH(v, sc_xstrdup(db_args[i]));
    for (size_t i = 0; i < a->o->extra_args->len; i++)
        SC_PUSH(v, sc_xstrdup(a->o->extra_args->items[i]));
    for (size_t i = 0; extra && i < extra->len; i++)
        SC_PUSH(v, sc_xstrdup(extra->items[i]));
    if (sc_own_include_dir())
        SC_PUSH(v, sc_asprintf("-I%s", sc_own_include_dir()));
    SC_PUSH(v, NULL);
    fe_args_free(db_args);
    kept = sc_xmalloc(sizeof *kept);
    kept->argv = v.items;
    kept->argc = (int)v.len - 1;
    sc_strmap_put(&a->kept, key, kept);
    free(key);
    *argc = kept->argc;
    return kept->argv;
}

/* ---- the workers ---- */

typedef struct job {
    sc_map_item *items;
    size_t n;
    const sc_map_env *env;
    sc_map_filter *keep;
    void *ctx;
    atomic_size_t next;
} job;

static void add_inclusion(CXFile included, CXSourceLocation *stack,
                          unsigned len, CXClientData data)
{
    (void)stack;
    (void)len;
    sc_strs *deps = data;
    CXString name = clang_getFileName(included);
    const char *s = clang_getCString(name);
    if (s)
        SC_PUSH(*deps, sc_xstrdup(s));
    clang_disposeString(name);
}

void map_item_clear(sc_map_item *it)
{
    for (size_t k = 0; k < it->deps.len; k++)
        free((void *)it->deps.items[k]);
    SC_VEC_FREE(it->deps);
}

static void *worker(void *arg)
{
    job *j = arg;
    sc_cache *cache = j->env->cache;
    const sc_overlays *ov = j->env->overlays;
    fe_index *idx = NULL;
    for (;;) {
        size_t i = atomic_fetch_add(&j->next, 1);
        if (i >= j->n || (j->env->cancel && *j->env->cancel))
            break;
        if (j->keep && !j->keep(j->ctx, i))
            continue;
        sc_map_item *it = &j->items[i];
        it->unit = cache_lookup(cache, it->file, it->argc, it->argv, &it->deps);
        if (it->unit) {
            it->from_cache = true;
            it->hashed = cache_file_hash(cache, it->file, &it->hash);
            continue;
        }
        if (!idx && !(idx = fe_index_new())) {
            const char *why = "libclang could not be loaded";
            sc_clang_load(&why);
            it->error = sc_xstrdup(why);
            continue;
        }
        CXTranslationUnit tu = fe_parse_unsaved(
            idx, it->file, it->argc,
            (const char *const *)it->argv, ov ? ov->unsaved : NULL,
            ov ? (unsigned)ov->items.len : 0, &it->error);
        if (!tu)
            continue;
        it->unit = fe_lower(tu, it->file);
        /* what libclang parsed, for --fix: a file changed since is not
         * touched */
        CXFile main = clang_getFile(tu, it->file);
        size_t size = 0;
        const char *text = main ? clang_getFileContents(tu, main, &size) : NULL;
        if (text) {
            it->hash = sc_fnv1a(SC_FNV_INIT, text, size);
            it->hashed = true;
        }
        clang_getInclusions(tu, add_inclusion, &it->deps);
        cache_store(cache, it->file, it->argc, it->argv, it->unit, &it->deps);
        fe_tu_free(tu);
    }
    if (idx)
        fe_index_free(idx);
    return NULL;
}

static int cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

void map_items(sc_map_item *items, size_t n, int jobs, const sc_map_env *env,
               sc_map_filter *keep, void *ctx)
{
    job j = {items, n, env, keep, ctx, 0};
    int threads = jobs > 0 ? jobs : cores();
    if ((size_t)threads > n)
        threads = (int)n;
    if (threads <= 1) {
        worker(&j);
        return;
    }
    /* lowering recurses along the program's nesting: give it room */
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 16u << 20);
    pthread_t *t = calloc((size_t)threads, sizeof *t);
    int started = 0;
    for (int i = 0; i < threads; i++) {
        if (pthread_create(&t[i], &attr, worker, &j) != 0)
            break;
        started++;
    }
    if (started == 0)
        worker(&j);
    for (int i = 0; i < started; i++)
        pthread_join(t[i], NULL);
    pthread_attr_destroy(&attr);
    free(t);
}
