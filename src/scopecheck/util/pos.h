/* A place in a file, as the engine reports it and the report prints it.
 * Lines 1-based; columns 1-based bytes (reporters convert where they
 * promise characters); offsets 0-based bytes; the end is exclusive. */
#ifndef SC_POS_H
#define SC_POS_H

#include <stdint.h>

typedef struct sc_pos {
    const char *file;             /* NULL: no file */
    uint32_t line, col, end_line, end_col;
    uint32_t offset, end_offset;
} sc_pos;

#endif
