/* --fix: the fix-its of the findings, applied in place. */
#ifndef SC_FIX_H
#define SC_FIX_H

#include <stdint.h>

#include "../report/findings.h"
#include "../util/strmap.h"

/* hashes: file path -> (uint64_t *) content hash when it was checked; a
 * file whose content differs now is not touched.  Applies the first fix
 * of every unsuppressed finding that has one, file by file, atomically
 * (a temporary file renamed over the original); edits that overlap an
 * edit already taken are left out.  Fixed findings are removed from the
 * report.  Returns the number of findings fixed; problems (a changed
 * file, a write that failed) are recorded as failures. */
size_t fix_apply(sc_report *rep, const sc_strmap *hashes, size_t *nfiles);

#endif
