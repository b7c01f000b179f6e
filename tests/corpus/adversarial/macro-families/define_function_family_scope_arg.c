/* macro-families: generated heads take their scope from a macro argument
 * separate from the function name (DEFINE_HEAD(cls_head, "head", 10));
 * two heads were generated with the same scope string "head" and the
 * same weight name, so building the auxiliary head as well (argc 2)
 * creates "head/w" twice. */
// oracle-input: argc 1 2
#include "varscope.h"

#define DEFINE_HEAD(fn, scope, classes)                                    \
    static vs_var *fn(vs_graph *g)                                         \
    {                                                                      \
        vs_var *v = NULL;                                                  \
        VS_VARIABLE_SCOPE(g, scope) {                                      \
            v = vs_get_variable(g, "w", .shape = VS_SHAPE(64, classes));   \
        }                                                                  \
        return v;                                                          \
    }

DEFINE_HEAD(cls_head, "head", 10)
DEFINE_HEAD(aux_head, "head", 10) // expect: duplicate-variable

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    cls_head(g);
    if (argc > 1)
        aux_head(g);
    vs_graph_free(g);
    return 0;
}
