/* Lowering a libclang translation unit to the IR (ir/ir.h).
 *
 * Every function definition and every file-scope variable that is not in
 * a system header is lowered (the main file and user headers).  See
 * lower.c's opening comment for the choices the IR leaves open: locations
 * of macro code, the callee of a direct call, static locals, operators
 * written inside macro bodies. */
#ifndef SC_FE_LOWER_H
#define SC_FE_LOWER_H

#include "clang_api.h"

#include "../ir/ir.h"

/* main_file: the path the unit was parsed from (stored as ir_unit.main_file
 * and registered as files[1]).  Never NULL; free with ir_unit_free. */
ir_unit *fe_lower(CXTranslationUnit tu, const char *main_file);

#endif
