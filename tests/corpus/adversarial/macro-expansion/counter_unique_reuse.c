/* macro-expansion: UNIQUE(p) names a scope with __COUNTER__ ("blk_0",
 * "blk_1", ...: each expansion a new number).  Three blocks are clean;
 * with an argument a fourth block meant to share blk_0 asks for reuse
 * under UNIQUE("blk") too, which names it blk_3: "Variable blk_3/w does
 * not exist". */
// oracle-input: argc 1 2
#include "varscope.h"

#define STR_(x) #x
#define STR(x) STR_(x)
#define UNIQUE(p) p "_" STR(__COUNTER__)
#define BLOCK(...)                                                         \
    VS_VARIABLE_SCOPE(g, UNIQUE("blk"), __VA_ARGS__) {                     \
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));                     \
    }

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    BLOCK(.reuse = VS_REUSE_INHERIT)
    BLOCK(.reuse = VS_REUSE_INHERIT)
    BLOCK(.reuse = VS_REUSE_INHERIT)
    if (argc > 1)
        BLOCK(.reuse = VS_REUSE) // expect: missing-variable
    vs_graph_free(g);
    return 0;
}
