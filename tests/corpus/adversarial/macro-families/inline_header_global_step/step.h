/* a static inline helper that creates the global step at the root; the
 * macro forwards the caller's file and line, as the library's own do */
#ifndef STEP_H
#define STEP_H
#include "varscope.h"

static inline vs_var *make_global_step_at(vs_graph *g, const char *file, int line)
{
    vs_get_variable_opts o = {.shape = VS_SCALAR, .dtype = VS_INT64, .not_trainable = true};
    return vs_get_variable_at(g, "global_step", &o, file, line);
}
#define make_global_step(g) make_global_step_at((g), __FILE__, __LINE__)
#endif
