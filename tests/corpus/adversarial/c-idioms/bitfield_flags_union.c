/* c-idioms: options kept in a struct of one-bit fields overlaid with an
 * unsigned in a union (set as a whole from argc, read field by field).
 * argc 2 sets `share` (bit 1) with `twin` clear... the twin tower is
 * built when bit 0 is set, sharing when bit 1 is set too: argc 1 and 5
 * build it without sharing and create tower/w again.  (Bit-field order
 * is the compiler's: gcc on x86-64 puts the first field in bit 0.) */
// oracle-input: argc 1 2 3 4 5 6 7
#include "varscope.h"

typedef union opts {
    unsigned all;
    struct {
        unsigned twin : 1;
        unsigned share : 1;
        unsigned bias : 1;
    } bit;
} opts;

static void tower(vs_graph *g, opts o, int second)
{
    VS_VARIABLE_SCOPE(g, "tower", .reuse = second && o.bit.share ? VS_REUSE : VS_REUSE_INHERIT) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable
        if (o.bit.bias)
            vs_get_variable(g, "b", .shape = VS_SHAPE(4)); // expect: duplicate-variable
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    opts o = {.all = (unsigned)argc};
    vs_graph *g = vs_graph_new();
    tower(g, o, 0);
    if (o.bit.twin)
        tower(g, o, 1);
    vs_graph_free(g);
    return 0;
}
