/* Parsing a translation unit with libclang.
 *
 * One fe_index per thread (or per job): libclang's indexes are not shared
 * between threads.  fe_parse returns a translation unit that has no
 * error-level diagnostics, or NULL and a one-line message naming the file
 * and the reason:
 *
 *     src/a.c: No such file or directory
 *     src/dir: not a regular file
 *     src/a.c:3:10: fatal error: 'missing.h' file not found
 *
 * The message is malloc'd; the caller frees it.  Dispose of the unit with
 * fe_tu_free (clang_disposeTranslationUnit) before freeing its index. */
#ifndef SC_FE_PARSE_H
#define SC_FE_PARSE_H

#include "clang_api.h"

typedef struct fe_index fe_index;

/* NULL when libclang cannot be loaded (sc_clang_load says why). */
fe_index *fe_index_new(void);
void fe_index_free(fe_index *idx);

/* argv: compiler arguments without the compiler and without the source
 * file (compdb.h gives them in that form).  "-w" is appended: warnings,
 * and -Werror turning them into errors, do not make a file unparsable
 * for us; and a bracket depth as deep as gcc's (none), so that clang's
 * default limit of 256 does not reject programs gcc builds. */
CXTranslationUnit fe_parse(fe_index *idx, const char *path, int argc,
                           const char *const *argv, char **err);
/* The same, with files whose text is not the one on disk (an editor's
 * unsaved buffers, standard input): libclang's unsaved files.  The main
 * file need not exist on disk when it is one of them. */
CXTranslationUnit fe_parse_unsaved(fe_index *idx, const char *path, int argc,
                                   const char *const *argv,
                                   struct CXUnsavedFile *unsaved,
                                   unsigned nunsaved, char **err);
void fe_tu_free(CXTranslationUnit tu);

#endif
