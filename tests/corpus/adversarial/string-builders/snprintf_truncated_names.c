/* string-builders: layer names printed into an 8-byte buffer with
 * snprintf ("block_%d_conv"): the name is cut to seven characters, so
 * "block_1_conv" and "block_10_conv" both become "block_1".  Blocks 0 and
 * 1 are distinct; the long model (argc 2) adds block 10, whose truncated
 * name repeats block 1's and creates its kernel again. */
// oracle-input: argc 1 2
#include <stdio.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    static const int blocks[] = {0, 1, 10};
    size_t n = argc > 1 ? 3 : 2;
    vs_graph *g = vs_graph_new();
    for (size_t i = 0; i < n; i++) {
        char name[8];
        int len = snprintf(name, sizeof name, "block_%d_conv", blocks[i]);
        if (len >= (int)sizeof name)
            fprintf(stderr, "note: name cut to %s\n", name);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "kernel", .shape = VS_SHAPE(3, 3)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
