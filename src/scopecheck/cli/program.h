/* The program a run checks.  The files named on the command line (or by
 * an editor, a pre-commit hook) are often a few files of a larger program:
 * their findings depend on the files that call them and that they call.
 * So the run links the whole program they belong to, and reports the
 * findings located in them:
 *
 *   - with a compile database (-p DIR, or the nearest compile_commands.json
 *     above a named file, when no flags follow "--"): every C file it
 *     lists, when it lists the named file;
 *   - else, the files of the last run over a directory holding the named
 *     file that the cache recorded (cache_record_program).
 *
 * A file named that is part of no larger program is checked alone, as
 * before.  The answer for a named file is then the answer a run over the
 * whole tree gives for it. */
#ifndef SC_PROGRAM_H
#define SC_PROGRAM_H

#include <stdbool.h>

#include "../report/findings.h"
#include "cache.h"
#include "map.h"
#include "options.h"

/* files: the named files (files_expand), sorted.  Appends the other files
 * of their programs (absolute paths, malloc'd), and returns a per-file
 * array (malloc'd, files->len entries after the call) that says which
 * files were named: their findings are reported. */
bool *program_expand(const sc_options *o, sc_args_ctx *args, sc_cache *cache,
                     sc_strs *files);

/* After a run over directories: records its files in the cache for later
 * runs naming a few of them. */
void program_record(const sc_options *o, sc_cache *cache, const sc_strs *files);

#endif
