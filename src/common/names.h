/* TF's name patterns (ops.py: _VALID_OP_NAME_REGEX, _VALID_SCOPE_NAME_REGEX),
 * for the library and the linter's model both. */
#ifndef VS_NAMES_H
#define VS_NAMES_H

#include <stdbool.h>

/* ^[A-Za-z0-9.][A-Za-z0-9_.\-/]*$ : node names, and scope names at the
 * root (a trailing newline, which Python's $ lets through, is rejected) */
bool vs__valid_op_name(const char *s);
/* ^[A-Za-z0-9_.\-/]*$ : scope names below the root */
bool vs__valid_scope_name(const char *s);

#endif
