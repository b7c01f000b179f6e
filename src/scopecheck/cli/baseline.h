/* Baselines: today's findings recorded by fingerprint, so that a project
 * can adopt scopecheck and be told only about new findings.
 *
 *   --write-baseline FILE   record every finding not silenced by a comment
 *   --baseline FILE         silence the findings whose fingerprint is in FILE
 *
 * The file (one finding a line, for readable diffs):
 *   {
 *     "version": 1,
 *     "tool": "scopecheck",
 *     "findings": [
 *       {"fingerprint": "3f0c...", "rule": "missing-dtype", "file": "a.c", "message": "..."},
 *       ...
 *     ]
 *   }
 * Files are named relative to the baseline's own directory, in "file" and
 * in the fingerprints, so that a run from any directory matches it.
 * Only "fingerprint" (32 hex digits, see report/fingerprint.h) is used for
 * matching; "rule", "file" and "message" are for people (strings when
 * present).  Unknown keys are ignored (later versions may add some);
 * another "version" is refused.  Files over SC_BASELINE_MAX bytes, invalid
 * UTF-8 or JSON, and wrong types are errors naming the file and the line. */
#ifndef SC_BASELINE_H
#define SC_BASELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "../report/findings.h"

#define SC_BASELINE_MAX (64u << 20)

typedef struct sc_baseline sc_baseline;

/* NULL and *err (malloc'd, one line) on failure. */
sc_baseline *baseline_load(const char *path, char **err);
sc_baseline *baseline_parse(const char *shown, const char *text, size_t len,
                            char **err);
void baseline_free(sc_baseline *b);

/* Number of distinct fingerprints. */
size_t baseline_size(const sc_baseline *b);
/* true if fp is in the baseline; it then counts as matched. */
bool baseline_take(sc_baseline *b, const char *fp);
/* fingerprints never matched by baseline_take */
size_t baseline_unmatched(const sc_baseline *b);

/* Writes the findings of r whose fps[i] is not NULL (fps: r->items.len
 * entries, in r->items order) to path: to a temporary file in the same
 * directory, then renamed over path, so path is never left half written.
 * files[i] (files may be NULL) names finding i's file.  false and *err
 * (malloc'd) on failure; *count: findings written. */
bool baseline_write(const char *path, const sc_report *r,
                    const char *const *fps, const char *const *files,
                    size_t *count, char **err);

#endif
