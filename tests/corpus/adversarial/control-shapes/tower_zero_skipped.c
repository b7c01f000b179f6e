/* control-shapes: towers where only tower 0 creates, but the loop starts
 * at the first GPU (`first_gpu = argc > 2`, tower 0 is the CPU): with
 * argc 3 the loop starts at tower 1, which asks to reuse a variable no
 * tower created. */
// oracle-input: argc 1 2 3
#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    int first_gpu = argc > 2 ? 1 : 0;
    vs_graph *g = vs_graph_new();
    for (int i = first_gpu; i < 3; i++) {
        VS_VARIABLE_SCOPE(g, "shared", .reuse = i != 0 ? VS_REUSE : VS_REUSE_INHERIT) {
            vs_get_variable(g, "emb", .shape = VS_SHAPE(100, 8)); // expect: missing-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
