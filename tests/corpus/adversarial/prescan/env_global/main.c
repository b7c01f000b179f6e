/* prescan: env.c sets warm_start from WARM_START; a warm start asks for
 * the checkpointed model/w under reuse in a fresh graph, which fails;
 * a cold start creates it. */
// oracle-input: env WARM_START - 1
#include "varscope.h"

extern int warm_start;
void read_environment(void);

int main(void)
{
    read_environment();
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "model", .reuse = warm_start ? VS_REUSE : VS_REUSE_INHERIT) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4)); // expect: missing-variable
    }
    vs_graph_free(g);
    return 0;
}
