/* Which analyses of a link can report in the files a run reports on.  An
 * editor checks one file of a program that has many mains: each main's
 * analysis runs the shared units too, but only the analyses that execute
 * code located in the reported files (or in the headers they include) can
 * find anything there; the others are skipped.
 *
 * Decided from the IR alone, erring towards running: the functions
 * reachable by name from the entry units' functions (all of them, not
 * only the engine's entry points; every function of that name when names
 * repeat), and an analysis runs if any of them has code located in a
 * reported file, takes a function's address or calls through a pointer
 * (the engine follows pointers to their targets), or if a unit of the
 * program keeps a function's address in a global (a table of callbacks
 * the library may be handed). */
#ifndef SC_REACH_H
#define SC_REACH_H

#include <stdbool.h>
#include <stddef.h>

#include "../ir/ir.h"
#include "../util/strmap.h"

/* units: every unit of the link (NULL entries allowed); program p is
 * programs[p][0..sizes[p]) with entry units entries[p][0..nentries[p]);
 * reported: absolute paths.  A malloc'd array: needed[p]. */
bool *reach_needed(ir_unit *const *units, size_t nunits,
                   ir_unit *const *const *programs, const size_t *sizes,
                   ir_unit *const *const *entries, const size_t *nentries,
                   size_t nprograms, const sc_strmap *reported);

#endif
