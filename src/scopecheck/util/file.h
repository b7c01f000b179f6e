/* Whole files into memory. */
#ifndef SC_FILE_H
#define SC_FILE_H

#include <stddef.h>

/* The bytes of the file at path, NUL-terminated (malloc'd; the NUL is not
 * counted in *len), or NULL (and *len 0) if it cannot be opened. */
char *sc_read_file(const char *path, size_t *len);

#endif
