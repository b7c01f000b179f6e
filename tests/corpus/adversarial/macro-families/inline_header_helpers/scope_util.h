/* static inline helpers shared by both files of the program */
#ifndef SCOPE_UTIL_H
#define SCOPE_UTIL_H
#include <stdio.h>

#include "varscope.h"

static inline vs_var *dense_weight(vs_graph *g, const char *scope, int in, int out)
{
    vs_var *w = NULL;
    VS_VARIABLE_SCOPE(g, scope) {
        w = vs_get_variable(g, "kernel", .shape = VS_SHAPE(in, out));
    }
    return w;
}

static inline const char *layer_name(char *buf, size_t cap, const char *prefix, int i)
{
    snprintf(buf, cap, "%s_%d", prefix, i);
    return buf;
}
#endif
