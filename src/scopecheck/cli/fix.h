/* --fix: the fix-its of the findings, applied in place. */
#ifndef SC_FIX_H
#define SC_FIX_H

#include <stdint.h>
#include <stdio.h>

#include "../report/findings.h"
#include "../util/strmap.h"
#include "overlay.h"

/* hashes: file path -> (uint64_t *) content hash when it was checked; a
 * file whose content differs now is not touched.  Applies the first fix
 * of every unsuppressed finding that has one, file by file, atomically
 * (a temporary file renamed over the original); edits that overlap an
 * edit already taken are left out.  Fixed findings are removed from the
 * report.  Returns the number of findings fixed; problems (a changed
 * file, a write that failed) are recorded as failures. */
size_t fix_apply(sc_report *rep, const sc_strmap *hashes, size_t *nfiles);

/* What to do with the fixed texts. */
typedef enum sc_fix_mode {
    SC_FIX_WRITE,                 /* --fix: rewrite the files */
    SC_FIX_DIFF,                  /* --diff: print a unified diff to out;
                                   * the report keeps every finding */
    SC_FIX_PRINT                  /* --fix with --stdin-filename: print the
                                   * fixed text to out */
} sc_fix_mode;

/* fix_apply's choice of edits, done as `mode` says.  Files with an
 * overlay (overlays may be NULL) are taken from it and never written. */
size_t fix_run(sc_report *rep, const sc_strmap *hashes,
               const sc_overlays *overlays, sc_fix_mode mode,
               FILE *out, size_t *nfiles);

#endif
