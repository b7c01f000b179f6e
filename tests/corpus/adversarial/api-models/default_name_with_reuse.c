/* api-models: a helper opens its scope by default name only, and the
 * caller's reuse flag reaches it: TF refuses reuse with a default name
 * ("The reuse parameter cannot be used without a name_or_scope"). */
// oracle-input: argc 1 2
#include "varscope.h"

static void block(vs_graph *g, vs_reuse reuse)
{
    VS_VARIABLE_SCOPE(g, NULL, .default_name = "block", .reuse = reuse) { // expect: reuse-without-name
        vs_get_variable(g, "w", .shape = VS_SHAPE(2, 2));
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    block(g, VS_REUSE_INHERIT);
    block(g, argc > 1 ? VS_REUSE : VS_REUSE_INHERIT);
    vs_graph_free(g);
    return 0;
}
