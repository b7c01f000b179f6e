/* control-shapes: stages built in a do/while whose condition reads a
 * counter changed inside a nested switch; stage k gets scope "stage_k";
 * the loop runs argc + 1 times; names distinct: no run fails. */
// oracle-input: argc 1 2 3
#include <stdio.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    int stage = 0;
    do {
        char name[16];
        snprintf(name, sizeof name, "stage_%d", stage);
        VS_VARIABLE_SCOPE(g, name) {
            switch (stage % 3) {
            case 0:
                vs_get_variable(g, "conv", .shape = VS_SHAPE(3, 3));
                break;
            case 1:
                vs_get_variable(g, "pool_proj", .shape = VS_SHAPE(1, 1));
                break;
            default:
                vs_get_variable(g, "fc", .shape = VS_SHAPE(10));
            }
        }
        stage++;
    } while (stage <= argc);
    vs_graph_free(g);
    return 0;
}
