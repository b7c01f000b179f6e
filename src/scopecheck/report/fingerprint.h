/* Fingerprints: a finding's identity across runs, for baselines
 * (cli/baseline.c) and for SARIF's partialFingerprints (report/sarif.c).
 *
 * A fingerprint never depends on line numbers (SARIF 2.1.0 §3.27.17 and
 * Appendix B on fingerprints; README "Suppressions, configuration, baselines"):
 * it is the hash of
 *   - the rule id,
 *   - the file path, as given (f->pos.file; baselines: relative to the
 *     baseline's directory, see report_fingerprints_named),
 *   - an empty field (version 1 of the encoding kept a place for the
 *     enclosing function's name, which no finding has; it stays empty so
 *     that baselines written so far still match),
 *   - the text of the finding's line with all whitespace removed,
 *   - the occurrence index: 0 for the first finding with the same values
 *     above, 1 for the next one, ... in the report's order (file, line,
 *     column, rule after report_finish).
 * so editing other lines, reindenting, or moving the code keeps it.
 * The value is 32 lowercase hex digits (the first 128 bits of a SHA-256
 * over a versioned, length-prefixed encoding of those values); it is the
 * same on every platform and every run.
 *
 * Occurrence indexes count every finding in the report, suppressed ones
 * included, so adding or removing a suppression comment does not renumber
 * the others.  Compute fingerprints over the final report (after
 * policy_apply): policy_apply only marks findings suppressed, or removes a
 * rule's findings altogether, so the fingerprints it computes and those a
 * reporter computes afterwards are the same. */
#ifndef SC_FINGERPRINT_H
#define SC_FINGERPRINT_H

#include <stddef.h>

#include "findings.h"
#include "source.h"

#define SC_FINGERPRINT_HEX 32

/* The occurrence index of every finding of a finished report, in
 * r->items order: a malloc'd array of r->items.len entries (free() it;
 * NULL when the report is empty). */
size_t *report_occurrences(sc_report *r, sc_source_cache *src);

/* Every finding's fingerprint, in r->items order: a malloc'd array of
 * r->items.len pointers (free() the array; the strings live in r's arena).
 * Linear in the number of findings: what a reporter should call. */
const char **report_fingerprints(sc_report *r, sc_source_cache *src);

/* The same, with each finding's file path as name(ctx, path) gives it
 * (a baseline names files relative to its own directory, so that a run
 * from another directory matches it). */
typedef const char *sc_fp_name_fn(void *ctx, const char *file);
const char **report_fingerprints_named(sc_report *r, sc_source_cache *src,
                                       sc_fp_name_fn *name, void *ctx);

/* The fingerprint of f with a given occurrence index (from
 * report_occurrences).  The string lives in r's arena. */
const char *finding_fingerprint_at(sc_report *r, sc_source_cache *src,
                                   const sc_finding *f, size_t occurrence);

/* The fingerprint of one finding of r (same value as report_fingerprints
 * gives it).  Finds its occurrence index by scanning the findings before
 * it: O(findings), so for all findings use report_fingerprints. */
const char *finding_fingerprint(sc_report *r, sc_source_cache *src,
                                const sc_finding *f);

/* SHA-256 (FIPS 180-4), exposed for the tests. */
void sc_sha256(const void *data, size_t len, unsigned char out[32]);

#endif
