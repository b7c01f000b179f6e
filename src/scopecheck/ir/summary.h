/* IR summaries: a unit as bytes (see summary.c for the format). */
#ifndef SC_SUMMARY_H
#define SC_SUMMARY_H

#include <stddef.h>

#include "ir.h"

#define SC_SUMMARY_VERSION 1

/* malloc'd bytes; *len their length */
unsigned char *ir_write(const ir_unit *u, size_t *len);
/* NULL if the bytes are not a valid summary of this version */
ir_unit *ir_read(const unsigned char *data, size_t len);

#endif
