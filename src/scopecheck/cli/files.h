/* Turns the command line's PATHs into the list of .c files to check. */
#ifndef SC_FILES_H
#define SC_FILES_H

#include "options.h"
#include "../report/findings.h"

/* Appends the .c files under each path (sorted, without duplicates) to
 * out; a path that is missing or a directory without C files is recorded
 * as a failure in rep.  Returns the number of files. */
size_t files_expand(const sc_strs *paths, sc_strs *out, sc_report *rep);
void files_free(sc_strs *files);

#endif
