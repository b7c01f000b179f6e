/* The policy: what the project says about a run, applied around the
 * driver's steps.  Configuration files (config.h), inline suppressions
 * (suppress.h) and baselines (baseline.h).
 *
 * HOW THE DRIVER CALLS IT (src/scopecheck/cli/driver.c, sc_run):
 *
 *     sc_policy *pol = policy_new(o);
 *     ...
 *     files_expand(&o->paths, &r.files, &rep);
 *     const sc_policy_plan *plan = policy_prepare(pol, &r.files, &rep);
 *         // r.files is filtered in place: files excluded by their
 *         // configuration, and files under a broken one, are removed
 *         // (their strings freed); allocate r.items etc. after this.
 *     for each i:
 *         r.items[i].argv = args_for(args, r.files.items[i],
 *                                    &plan->extra_args[i], &argc, &err);
 *     r.aliases = plan->alias_names  (for the pre-scan; borrowed: do not
 *                                     free its strings, or copy them)
 *     ... map ...
 *     sc_rules_conf rc = {&rep, src, enabled, sev, plan->strict};
 *     eo.strict = plan->strict;             // --strict, or any config's
 *     eo.aliases = plan->aliases;           // the configs' "library"
 *     eo.naliases = plan->naliases;
 *     link_programs(...);
 *     report_finish(&rep);
 *     policy_apply(pol, &rep, src);         // right after report_finish:
 *                                           // before apply_fixes (--fix
 *                                           // skips suppressed findings),
 *                                           // before write_report, before
 *                                           // files_free (it reads the
 *                                           // files policy_prepare kept)
 *     if (o->fix) apply_fixes(...);
 *     write_report(...); failures; summary;
 *     exit_status(o, &rep)                  // unchanged: policy problems
 *                                           // are failures (2); suppressed
 *                                           // findings are not counted
 *     ...
 *     files_free(&r.files);
 *     policy_free(pol);                     // frees the plan
 *
 * With --link DIR (no sources): skip policy_prepare and still call
 * policy_apply (configurations are found from each finding's file).
 * With --emit-summary DIR: policy_prepare only.
 *
 * Everything goes through rep: problems (bad configuration, unbalanced
 * NOLINTBEGIN, unknown rule in a suppression, bad baseline, a baseline
 * that cannot be written) are report_failure()s, so the exit status is 2
 * and every other file is still checked and reported. */
#ifndef SC_POLICY_H
#define SC_POLICY_H

#include <stdbool.h>
#include <stddef.h>

#include "../engine/engine.h"
#include "../report/findings.h"
#include "../report/source.h"
#include "options.h"

typedef struct sc_policy sc_policy;

typedef struct sc_policy_plan {
    /* extra_args[i]: the compiler flags files->items[i]'s configuration
     * adds ("extra_args"), for args_for's `extra` (appended after
     * --extra-arg) */
    const sc_strs *extra_args;
    /* the configurations' "library" entries, for sc_engine_opts */
    const sc_alias *aliases;
    size_t naliases;
    /* the same names as called, for the pre-scan (prescan_mentions_library) */
    sc_strs alias_names;
    /* run the engine and the rules in strict mode: --strict, or some
     * configuration says "strict": true (policy_apply then drops the
     * "could fail" findings of files whose configuration does not) */
    bool strict;
} sc_policy_plan;

/* o must outlive the policy. */
sc_policy *policy_new(const sc_options *o);

/* Before the map step: reads the configuration of every file (once per
 * configuration file), removes from *files (in place, keeping the order,
 * free()ing the strings as files_free does) the files their configuration
 * excludes and the files under a configuration that could not be read,
 * and returns the plan for the remaining ones.  Never NULL; owned by p. */
const sc_policy_plan *policy_prepare(sc_policy *p, sc_strs *files,
                                     sc_report *rep);

/* Only the files with reported[i] (per file policy_prepare kept; borrowed:
 * it must outlive p) have their suppression comments read: the others are
 * part of the program but not checked by this run.  NULL: every file. */
void policy_report_only(sc_policy *p, const bool *reported);

/* After report_finish, before output.  In this order:
 *  1. findings in files their configuration excludes (headers) are
 *     dropped; each finding's rule as its file's configuration says:
 *     "off" drops it (unless --enable names the rule), a severity replaces
 *     its own (the "could fail" warnings of --strict stay at most
 *     warnings); the "could fail" findings of files that are not strict
 *     are dropped;
 *  2. suppression comments: findings they silence are marked suppressed
 *     (the reporters skip them unless --show-suppressed);
 *  3. with --report-unused-ignores (or --enable=unused-suppression, or a
 *     configuration giving that rule a severity): an unused-suppression
 *     finding for each suppression comment that silenced nothing;
 *  4. --write-baseline FILE: the findings not suppressed are written to
 *     FILE (not when any file could not be checked, or --baseline is
 *     bad), and then count as known: marked suppressed, as a later run
 *     with --baseline FILE would;
 *  5. --baseline FILE: findings whose fingerprint is in FILE are marked
 *     suppressed.
 * Findings are re-sorted (report_finish) if any were added.  Messages
 * about the baseline go to stderr unless --quiet.  Returns false if it
 * reported a problem. */
bool policy_apply(sc_policy *p, sc_report *rep, sc_source_cache *src);

void policy_free(sc_policy *p);

#endif
