/* Where something happened: a location, the chain of calls that led there
 * and the loop iteration it happened in.  Plain, immutable data shared by
 * every path that reaches the same place the same way. */
#ifndef SC_SITE_H
#define SC_SITE_H

#include <stdint.h>

#include "../ir/ir.h"

typedef struct sc_chain {
    ir_loc call;                  /* the call site in the caller */
    const ir_unit *unit;          /* the caller's unit: call.file's table */
    const char *callee;
    const struct sc_chain *up;
} sc_chain;

typedef struct sc_iter {
    ir_loc loop;
    const ir_unit *unit;
    int64_t n;                    /* 1-based; 0: "a later iteration" */
    const struct sc_iter *up;
} sc_iter;

typedef struct sc_site {
    ir_loc loc;
    const ir_unit *unit;          /* whose files[] loc.file indexes; NULL:
                                     no site */
    const sc_chain *chain;        /* innermost call site first */
    const sc_iter *iter;          /* innermost loop first */
} sc_site;

#endif
