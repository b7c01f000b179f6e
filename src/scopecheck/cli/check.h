/* One check of a program: files -> program -> configurations -> pre-scan
 * -> map (parse and lower, through the cache, on N threads) -> link (the
 * engine over each program; the rules read its events) -> findings in the
 * named files -> suppressions, baselines.  What the command line prints
 * and what the language server publishes are both made here.
 *
 * A session holds what outlives one check in a server that checks again
 * after every edit: the cache, kept in memory too, and the pre-scan of
 * the files that did not change. */
#ifndef SC_CHECK_H
#define SC_CHECK_H

#include <stdbool.h>

#include "../report/findings.h"
#include "../report/source.h"
#include "../util/strmap.h"
#include "cache.h"
#include "map.h"
#include "options.h"
#include "overlay.h"

typedef struct sc_session sc_session;

/* A session over cache (owned by it from then on; NULL: none). */
sc_session *session_new(sc_cache *cache);
void session_free(sc_session *s);

typedef struct sc_check {
    /* in */
    const sc_options *o;
    const sc_overlays *overlays;  /* NULL: every file from disk */
    sc_session *session;          /* NULL: the options' cache, this once */
    const volatile int *cancel;   /* NULL, or set by another thread: stop */
    bool map_only;                /* --emit-summary: every named file
                                   * mapped, nothing linked */
    /* NULL, or the only files whose findings are wanted (absolute): an
     * editor's open documents, the rest of the tree being their program */
    const sc_strs *report_only;
    /* out: the findings (sorted; suppressed ones marked), the texts they
     * were found in, and what was checked */
    sc_report rep;
    sc_source_cache *src;
    sc_strs files;                /* the program's files */
    bool *reported;               /* per file: named, findings reported */
    size_t nreported;
    sc_map_item *items;           /* per file */
    bool cancelled;
    /* internal */
    struct sc_policy *pol;
    struct sc_args_ctx *args;
    sc_cache *own_cache;
    double map_seconds;
} sc_check;

/* Runs the check c->o says (c's "in" fields set, the rest zero).  The
 * report's failures say what could not be checked. */
void check_run(sc_check *c);
/* file hash as checked, for --fix: file -> (uint64_t *) */
void check_hashes(sc_check *c, sc_strmap *out);
void check_free(sc_check *c);

/* The link step over units (NULL entries skipped); plan may be NULL (no
 * configuration: --link); reported (absolute paths) NULL, or the files
 * whose findings are kept: analyses that cannot reach them are skipped
 * (reach.h). */
struct sc_policy_plan;
void check_link(const sc_options *o, ir_unit **units, size_t n,
                const struct sc_policy_plan *plan, const sc_strmap *reported,
                sc_report *rep, sc_source_cache *src,
                const volatile int *cancel);

/* the rules' defaults, then --enable/--disable */
void check_configure_rules(const sc_options *o, bool *enabled,
                           sc_severity *sev);

#endif
