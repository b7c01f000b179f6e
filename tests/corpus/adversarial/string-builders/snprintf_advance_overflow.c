/* string-builders: the same `pos += snprintf(...)` path builder, clamped
 * at the buffer's end, over a 16-byte buffer: "experiment_enc_l" fills it
 * before the layer number, so every layer of a part gets the same cut
 * name.  One layer (argc 1) is fine; with two, the second layer's weight
 * is created again under the cut name. */
// oracle-input: argc 1 2
#include <stdio.h>

#include "varscope.h"

static size_t put(char *buf, size_t cap, size_t pos, const char *piece)
{
    if (pos >= cap - 1)
        return pos;
    int n = snprintf(buf + pos, cap - pos, "%s%s", pos ? "_" : "", piece);
    if (n < 0)
        return pos;
    pos += (size_t)n;
    return pos < cap ? pos : cap - 1;
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    char buf[16];
    for (int l = 0; l < argc; l++) {
        char num[8];
        snprintf(num, sizeof num, "l%d", l);
        size_t pos = put(buf, sizeof buf, 0, "experiment");
        pos = put(buf, sizeof buf, pos, "enc");
        pos = put(buf, sizeof buf, pos, num);
        VS_VARIABLE_SCOPE(g, buf) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2, 2)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
