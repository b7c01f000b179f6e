/* c-idioms: a const char * array of stage names indexed by the loop
 * counter; the loop runs over two blocks per stage, and the index is
 * i / 2 on even turns but i on odd ones (a half-done refactor): turn 1
 * and turn 2 both name "s1", and turn 2 creates s1/w again. */
#include "varscope.h"

static const char *const stage_names[] = {"s0", "s1", "s2", "s3"};

int main(void)
{
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < 4; i++) {
        const char *stage = (i % 2 == 0) ? stage_names[i / 2] : stage_names[i];
        VS_VARIABLE_SCOPE(g, stage) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
