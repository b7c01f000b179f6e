/* The map step: each file, parsed with its flags and lowered to IR. */
#ifndef SC_MAP_H
#define SC_MAP_H

#include <stdbool.h>

#include "../ir/ir.h"
#include "../report/findings.h"
#include "cache.h"
#include "options.h"

typedef struct sc_map_opts {
    const char *compdb_dir;       /* -p, or NULL: search upward */
    const sc_strs *cflags;        /* after "--": replace the database's */
    const sc_strs *extra_args;    /* --extra-arg: appended */
} sc_map_opts;

/* Compiler arguments per file (compile databases loaded once each).
 * Where they come from is said as clang-tidy and clangd say it, as
 * warnings in the report: no compile database for a file (it is parsed
 * with no flags), a file the database does not list (it gets the flags of
 * the listed file nearest to it, as clangd guesses them). */
typedef struct sc_args_ctx sc_args_ctx;
sc_args_ctx *args_new(const sc_map_opts *o, sc_report *rep);
void args_free(sc_args_ctx *a);
/* NULL-terminated, owned by a (files with the same command share one),
 * valid until args_free; NULL and *err on failure */
char *const *args_for(sc_args_ctx *a, const char *file, const sc_strs *extra,
                      int *argc, char **err);
/* The compile database that describes file (-p, else the nearest above
 * it), or NULL; owned by a. */
struct fe_compdb *args_compdb(sc_args_ctx *a, const char *file);

/* The directory of varscope.h beside the running binary (see map.c), or
 * NULL. */
const char *sc_own_include_dir(void);

typedef struct sc_map_item {
    const char *file;
    char *const *argv;            /* args_for's */
    int argc;
    ir_unit *unit;                /* out: the IR, or NULL */
    char *error;                  /* out: why not (malloc'd) */
    bool from_cache;
    uint64_t hash;                /* out: the source's content as checked */
    bool hashed;
    sc_strs deps;                 /* out: the files it read (malloc'd) */
} sc_map_item;

/* Whether item i is to be mapped, asked by the worker that takes it (so
 * that a costly decision, the pre-scan, runs in parallel too); called
 * from several threads at once. */
typedef bool sc_map_filter(void *ctx, size_t i);

/* Parses and lowers the items on `jobs` threads (0: all cores); with a
 * filter, only the items it keeps (the others are left as they are).
 * Overlays (may be NULL) are parsed from memory.  When *cancel (may be
 * NULL) becomes true, the items not started yet are left alone. */
typedef struct sc_map_env {
    sc_cache *cache;
    const sc_overlays *overlays;
    const volatile int *cancel;
} sc_map_env;
void map_items(sc_map_item *items, size_t n, int jobs, const sc_map_env *env,
               sc_map_filter *keep, void *ctx);
void map_item_clear(sc_map_item *it);

#endif
