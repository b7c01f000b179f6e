/* struct-state: a 1-bit share flag assigned from a mask test
 * (`f.share = mode & 2`): the value 2 does not fit in one bit and stores
 * 0, so "share" is never on and the second tower, named like the first
 * when sharing was meant, creates its weights again.  Mode comes from
 * argc (argc 2 and 3 have bit 2 set). */
// oracle-input: argc 1 2 3
#include "varscope.h"

struct flags {
    unsigned share : 1;
    unsigned twice : 1;
};

int main(int argc, char **argv)
{
    (void)argv;
    unsigned mode = (unsigned)argc;
    struct flags f = {0};
    f.share = mode & 2;
    f.twice = mode >= 2;
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "tower") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    }
    if (f.twice) {
        VS_VARIABLE_SCOPE(g, "tower", .reuse = f.share ? VS_REUSE : VS_REUSE_INHERIT) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
