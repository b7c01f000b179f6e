/* The C library's functions the engine computes: string.h over the bytes
 * it knows (copies, appends, truncations, comparisons, searches), the
 * printf family's formatting into buffers (sprintf at an offset,
 * snprintf's truncation, vsnprintf from a varargs helper's arguments),
 * atoi and friends, the character classes, and allocation.
 *
 * Each is computed as C computes it where the bytes it reads are known;
 * otherwise its result is a fresh unknown (one run-time value) and what it
 * writes becomes unknown (mem.h: from the first byte written on, or the
 * whole array when the place is not known). */
#ifndef SC_LIBC_H
#define SC_LIBC_H

#include "mem.h"

/* The field of a va_list's value (va_start) that holds the variadic
 * arguments, as an array. */
#define LIBC_VA_FIELD "__va_args"

/* If `name` is one of these functions: runs it on st with args, sets
 * *ret to its result and returns true. */
bool libc_call(sc_engine *e, sc_state *st, const char *name,
               const av **args, uint32_t nargs, const av **ret);

/* Whether name is a function of the C library or of POSIX: code that
 * cannot reach the program's globals by name (only what its arguments
 * point to, and its own state: errno, optind ...). */
bool libc_is_standard(const char *name);

/* printf-style formatting of known arguments (interned), or NULL if the
 * format or an argument it reads is not known. */
const char *libc_format(sc_engine *e, const sc_state *st, const av *fmt,
                        const av **args, uint32_t nargs);

#endif
