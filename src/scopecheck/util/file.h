/* Whole files into memory. */
#ifndef SC_FILE_H
#define SC_FILE_H

#include <stdbool.h>
#include <stddef.h>

/* The bytes of the file at path, NUL-terminated (malloc'd; the NUL is not
 * counted in *len), or NULL (and *len 0) if it cannot be opened. */
char *sc_read_file(const char *path, size_t *len);

/* mkdir -p: false (errno set) if a directory cannot be made */
bool sc_make_dirs(const char *dir);

/* The user's cache directory for scopecheck (XDG Base Directory
 * Specification: $XDG_CACHE_HOME/scopecheck, else ~/.cache/scopecheck;
 * malloc'd), or NULL when neither is an absolute path. */
char *sc_user_cache_dir(void);

#endif
