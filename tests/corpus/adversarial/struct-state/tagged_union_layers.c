/* struct-state: a tagged union of layer kinds (dense with units, conv with
 * filters and kernel) built by a switch on the tag; names come from the
 * kind and a per-kind counter kept in an array indexed by the tag; all
 * distinct: no run fails. */
// oracle-input: argc 1 2 3
#include <stdio.h>

#include "varscope.h"

enum kind { K_DENSE, K_CONV, K_COUNT };

typedef struct layer {
    enum kind kind;
    union {
        struct { int units; } dense;
        struct { int filters, k; } conv;
    } u;
} layer;

static const char *const kind_name[K_COUNT] = {"dense", "conv"};

int main(int argc, char **argv)
{
    (void)argv;
    layer model[] = {
        {.kind = K_CONV, .u.conv = {32, 3}},
        {.kind = K_CONV, .u.conv = {64, 3}},
        {.kind = K_DENSE, .u.dense = {128}},
        {.kind = K_DENSE, .u.dense = {10}},
    };
    int counts[K_COUNT] = {0};
    int n = argc + 1;
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < n; i++) {
        char name[32];
        const layer *l = &model[i];
        snprintf(name, sizeof name, "%s_%d", kind_name[l->kind], counts[l->kind]++);
        VS_VARIABLE_SCOPE(g, name) {
            switch (l->kind) {
            case K_DENSE:
                vs_get_variable(g, "w", .shape = VS_SHAPE(l->u.dense.units));
                break;
            case K_CONV:
                vs_get_variable(g, "kernel", .shape = VS_SHAPE(l->u.conv.k, l->u.conv.k, l->u.conv.filters));
                break;
            default:
                break;
            }
        }
    }
    vs_graph_free(g);
    return 0;
}
