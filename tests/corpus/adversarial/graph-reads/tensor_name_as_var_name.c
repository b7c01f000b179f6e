/* graph-reads: a variable named after its input tensor's name for a
 * "running mean" ("x:0" as it is): ':' is rejected in a variable name,
 * invalid-name on every run. */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 3), .name = "x");
    VS_VARIABLE_SCOPE(g, "stats") {
        vs_get_variable(g, vs_tensor_name(x), .shape = VS_SHAPE(3)); // expect: invalid-name
    }
    vs_graph_free(g);
    return 0;
}
