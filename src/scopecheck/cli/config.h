/* .scopecheck.json: per-directory settings.
 *
 * Each checked file takes the .scopecheck.json nearest above it (its own
 * directory first, then each parent up to the root; the nearest wins);
 * `--config FILE` gives FILE to every file instead.  A configuration with
 * "inherit": true is laid over the one above its directory, as clang-tidy's
 * InheritParentConfig: its rules and "strict" win where it sets them, the
 * parent's "exclude" globs still apply (relative to the parent's
 * directory), "extra_args" come after the parent's, and "library" adds to
 * the parent's.  The file:
 *
 *   {
 *     "rules":      {"scope-reentered": "off", "variable-renamed": "error"},
 *     "exclude":    ["third_party", "gen_*.c"],
 *     "extra_args": ["-DUSE_VARSCOPE", "-Iinclude"],
 *     "library":    {"my_get_var": "vs_get_variable_at"},
 *     "strict":     true,
 *     "inherit":    true
 *   }
 *
 * - rules: a rule id -> "off" | "error" | "warning" | "note".  The command
 *   line wins: --enable turns a rule on whatever the file says, --disable
 *   turns it off.
 * - exclude: globs (fnmatch(3), no flags: `*` also matches `/`) matched
 *   against the file's path relative to the configuration's directory; a
 *   glob also matches every file under a directory it matches, and a glob
 *   without `/` matches any single path component too ("third_party"
 *   excludes a/third_party/b.c).  Excluded files are not checked at all.
 * - extra_args: compiler flags added to every file under it (before
 *   --extra-arg, so the command line can override them).
 * - library: functions of the program that wrap varscope, by the name they
 *   are called with -> the varscope function they behave as (the same
 *   arguments), e.g. "vs_get_variable_at".  Given to the engine as aliases.
 * - strict: like --strict, for the files under it.
 * - inherit: lay this configuration over the parent directory's.
 *
 * Anything else is an error naming the file, the line and the key, e.g.
 *   proj/.scopecheck.json:4: "rulez": unknown key (expected rules, exclude, extra_args, library, strict)
 * reported with report_failure (exit status 2); the files under a broken
 * configuration are not checked.  Files over 1 MiB are refused. */
#ifndef SC_CONFIG_H
#define SC_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "../engine/engine.h"
#include "../report/findings.h"
#include "options.h"

#define SC_CONFIG_NAME ".scopecheck.json"
#define SC_CONFIG_MAX (1u << 20)

enum { SC_RULE_UNSET = -1, SC_RULE_OFF = -2 };

typedef struct sc_config {
    const char *path;             /* as shown in messages; NULL: none */
    const char *dir;              /* absolute; the globs are relative to it */
    bool broken;                  /* unreadable or invalid (reported) */
    int *rules;                   /* per sc_rules index: SC_RULE_UNSET,
                                   * SC_RULE_OFF or an sc_severity */
    sc_strs exclude;
    sc_strs extra_args;
    sc_alias *aliases;
    size_t naliases;
    int strict;                   /* -1 unset, 0, 1 */
    bool inherit;                 /* "inherit": true */
    const struct sc_config *parent; /* the configuration it is laid over */
    sc_arena arena;               /* every string above */
} sc_config;

typedef struct sc_config_cache sc_config_cache;

/* override: the --config FILE, or NULL to look for .scopecheck.json. */
sc_config_cache *config_cache_new(const char *override);
void config_cache_free(sc_config_cache *c);

/* The settings for `file` (a path as given).  Never NULL: a file without a
 * configuration gets an empty one (nothing set).  Each configuration file
 * is read once; its problems are reported to rep then. */
const sc_config *config_for_file(sc_config_cache *c, const char *file,
                                 sc_report *rep);

/* true if the configuration's "exclude" matches file (c: the cache that
 * remembers directories' real paths, or NULL) */
bool config_excludes(sc_config_cache *c, const sc_config *cfg,
                     const char *file);
/* the configured setting of rule sc_rules[rule]: SC_RULE_UNSET,
 * SC_RULE_OFF or an sc_severity */
int config_rule(const sc_config *cfg, int rule);

/* Parses a configuration's text.  shown: the path in messages; dir: the
 * directory its globs are relative to.  Problems go to rep (at most 20 per
 * file); the result is then marked broken.  Never NULL. */
sc_config *config_parse(const char *shown, const char *dir, const char *text,
                        size_t len, sc_report *rep);
/* Reads and parses a configuration file (at most SC_CONFIG_MAX bytes). */
sc_config *config_load(const char *path, const char *shown, const char *dir,
                       sc_report *rep);
void config_free(sc_config *cfg);

#endif
