/* compile_commands.json: the flags each source file is compiled with.
 *
 * Both entry forms are read: "arguments" (an array of strings) and
 * "command" (one string, split as a POSIX shell splits it: quotes and
 * backslashes, no expansions).  "file" is made absolute against
 * "directory" (itself made absolute against the database's directory when
 * relative).  For a source file, fe_compdb_args gives the arguments to
 * hand to libclang, which parses from our working directory, not from the
 * build's: the compiler (argv[0]), "-c", "-o X", the source file itself
 * and the -M* dependency flags are dropped, and relative -I, -isystem,
 * -iquote, -idirafter, -include, -imacros, -isysroot and --sysroot paths
 * are made absolute against "directory".
 *
 * Errors are one line, malloc'd, naming the file and the reason:
 *     build/compile_commands.json: not valid JSON near line 3
 *     build/compile_commands.json: entry 2 has no "file" string
 *
 * A loaded database is read-only and may be shared between threads. */
#ifndef SC_FE_COMPDB_H
#define SC_FE_COMPDB_H

#include <stddef.h>

typedef struct fe_compdb fe_compdb;

/* Loads DIR/compile_commands.json.  NULL and *err on failure. */
fe_compdb *fe_compdb_load(const char *dir, char **err);
void fe_compdb_free(fe_compdb *db);

/* The directory holding the compile_commands.json nearest to path, as
 * clang-tidy looks for it: path itself when it is a directory, else its
 * directory, then each parent up to the root.  Absolute, malloc'd; NULL
 * when there is none. */
char *fe_compdb_find(const char *path);

/* Number of entries, and entry i's source file (absolute, normalized). */
size_t fe_compdb_size(const fe_compdb *db);
const char *fe_compdb_file(const fe_compdb *db, size_t i);

/* The libclang arguments for source file `file` (relative to the current
 * directory, or absolute), from its first entry: a NULL-terminated,
 * malloc'd vector (free with fe_args_free), *argc its length.  NULL when
 * the database has no entry for the file. */
char **fe_compdb_args(const fe_compdb *db, const char *file, int *argc);
/* The compiler of file's first entry as written: argv[0], or the next
 * word when that is a compiler wrapper (ccache, distcc, sccache, icecc).
 * Malloc'd; NULL when the database has no entry for the file. */
char *fe_compdb_compiler(const fe_compdb *db, const char *file);
void fe_args_free(char **argv);

/* Splits a command line as a POSIX shell does: blanks separate words,
 * '...' is literal, "..." keeps blanks and lets a backslash escape
 * $ ` " \ and newline, a backslash elsewhere escapes the next character
 * and backslash-newline joins lines.  No expansions.  A NULL-terminated,
 * malloc'd vector (fe_args_free), or NULL and *err (malloc'd) on an
 * unterminated quote. */
char **fe_shell_split(const char *cmd, int *argc, char **err);

#endif
