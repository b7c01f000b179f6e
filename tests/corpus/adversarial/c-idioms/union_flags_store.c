/* c-idioms: the options word is cleared with memset and then set whole
 * through the union's `all` member from argc; the towers read it through
 * the bit-field member.  argc 1 (and 5) set `twin` without `share`: the
 * twin tower is built without reuse and creates tower/w again.  (Bit-field
 * order is the compiler's: gcc on x86-64 puts the first field in bit 0.) */
// oracle-input: argc 1 2 3 4 5
#include <string.h>

#include "varscope.h"

typedef union opts {
    unsigned all;
    struct {
        unsigned twin : 1;
        unsigned share : 1;
    } bit;
} opts;

int main(int argc, char **argv)
{
    (void)argv;
    opts o;
    memset(&o, 0, sizeof o);
    o.all = (unsigned)argc;
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "tower") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    }
    if (o.bit.twin) {
        VS_VARIABLE_SCOPE(g, "tower", .reuse = o.bit.share ? VS_REUSE : VS_REUSE_INHERIT) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
