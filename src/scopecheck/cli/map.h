/* The map step: each file, parsed with its flags and lowered to IR. */
#ifndef SC_MAP_H
#define SC_MAP_H

#include "../ir/ir.h"
#include "../report/findings.h"
#include "options.h"

typedef struct sc_map_opts {
    const char *compdb_dir;       /* -p, or NULL: search upward */
    const sc_strs *cflags;        /* after "--": replace the database's */
    const sc_strs *extra_args;    /* --extra-arg: appended */
    int jobs;
} sc_map_opts;

/* units[i] is files[i]'s IR, or NULL when it could not be checked (the
 * reason is recorded in rep). */
void map_files(const sc_strs *files, const sc_map_opts *o, ir_unit **units,
               sc_report *rep);

#endif
