/* control-shapes: a 3000-step loop that writes a checkpoint scope every
 * 1000 steps ("ckpt_1000", "ckpt_2000"), and on step 2500 a recovery
 * scope named like the 2000 checkpoint when argc > 1 (a bug in the
 * recovery code: it rounds down): its weight is created twice. */
// oracle-input: argc 1 2
#include <stdio.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    char name[32];
    for (int step = 1; step <= 3000; step++) {
        if (step % 1000 == 0 && step < 3000) {
            snprintf(name, sizeof name, "ckpt_%d", step);
            VS_VARIABLE_SCOPE(g, name) {
                vs_get_variable(g, "shadow", .shape = VS_SHAPE(4));
            }
        }
        if (step == 2500 && argc > 1) {
            snprintf(name, sizeof name, "ckpt_%d", step / 1000 * 1000);
            VS_VARIABLE_SCOPE(g, name) {
                vs_get_variable(g, "shadow", .shape = VS_SHAPE(4)); // expect: duplicate-variable
            }
        }
    }
    vs_graph_free(g);
    return 0;
}
