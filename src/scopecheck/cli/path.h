/* Paths as text: absolute and lexically normalized, relative to a
 * directory, the directory part.  No symlink is resolved (the files need
 * not exist: an editor's new buffer), so two spellings of one file through
 * a link stay two. */
#ifndef SC_PATH_H
#define SC_PATH_H

#include <stdbool.h>

/* path made absolute against the working directory, without "//", "."
 * and "..": malloc'd */
char *sc_path_abs(const char *path);
/* `to` relative to directory `from` (both absolute, normalized): "a/b.c",
 * "../x/b.c", or "." for the directory itself; malloc'd */
char *sc_path_rel(const char *from, const char *to);
/* the directory of a path ("." for a bare name); malloc'd */
char *sc_path_dir(const char *path);
/* true if `path` is `dir` or under it (both absolute, normalized) */
bool sc_path_under(const char *path, const char *dir);

#endif
