/* The compiler's own view of a compile command.
 *
 * libclang parses as clang: it predefines clang's macros (__clang__, a
 * __GNUC__ of 4) and searches clang's include path, while the project may
 * be built with gcc, so `#if defined(__clang__)` would take the branch the
 * build does not.  As clangd's --query-driver does for the include path,
 * the compiler a compile command names is asked (`CC FLAGS -E -dM -v -x c
 * /dev/null`) for its predefined macros and its include search path, and
 * libclang is given those:
 *
 *   gcc (any driver not defining __clang__):  -U each of clang's own
 *       identifying macros, -D each of the compiler's predefined macros
 *       (__STDC__ and __STDC_VERSION__ aside: clang's follow the same
 *       -std; __GNUC__ and its minor and patch level -U'd first, so the
 *       program's version tests read gcc's), the few spellings glibc's
 *       headers at that gcc version need of clang's parser (driver.c:
 *       gcc_compat), then -nostdlibinc and -idirafter each directory of its
 *       <...> search list but its own builtin headers (lib/gcc/...: those
 *       use builtins clang lacks; clang's own stay);
 *   clang: its include search path only (its macros are libclang's).
 *
 * Only FLAGS that change the answer are passed (-std, -ansi, -O*, -m*,
 * -f*, -pthread, --sysroot, -isysroot, -target, --target, -nostdinc), and
 * the answer is cached per compiler and FLAGS for the life of the process,
 * and, as the compiler wrote it, in the user's cache (driver.c).
 * A compiler is asked only when its name looks like one (gcc, cc, clang,
 * c99, CROSS-gcc, gcc-12, ...: found in PATH, or an absolute path): a
 * compile database naming another program does not make us run it.  When
 * the compiler cannot be asked, there is no view and libclang parses as
 * it did. */
#ifndef SC_FE_DRIVER_H
#define SC_FE_DRIVER_H

#include <stdbool.h>

/* The arguments to put before a compile command's own for libclang: a
 * NULL-terminated, malloc'd vector (free with fe_args_free from compdb.h),
 * *n its length; NULL when the compiler cannot be asked.  compiler: the
 * command's argv[0] (a wrapper such as ccache already skipped); args: the
 * rest of the command.  Thread-safe. */
char **fe_driver_view(const char *compiler, char *const *args, int argc, int *n);

/* Whether `compiler` is a name fe_driver_view asks. */
bool fe_driver_askable(const char *compiler);

#endif
