/* macro-expansion: a generated middle part X16(BLOCK), BLOCK a macro
 * body holding a block form, a compound assignment `n += 1` and a test
 * `n == stop` (stop = 8 * argc) that makes the head once.  Afterwards,
 * with arguments, the head is made again by hand: argc 2 reached n == 16
 * inside the blocks ("Variable head already exists"); argc 3 never
 * reaches 24 and is clean. */
// oracle-input: argc 1 2 3
#include "varscope.h"

#define BLOCK                                                              \
    VS_VARIABLE_SCOPE(g, "tower", .reuse = VS_AUTO_REUSE) {                \
        vs_get_variable(g, "kernel", .shape = VS_SHAPE(3, 3));             \
    }                                                                      \
    n += 1;                                                                \
    if (n == stop)                                                         \
        vs_get_variable(g, "head", .shape = VS_SHAPE(2));
#define X4(s) s s s s
#define X16(s) X4(X4(s))

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    int n = 0, stop = 8 * argc;
    X16(BLOCK)
    if (argc > 1)
        vs_get_variable(g, "head", .shape = VS_SHAPE(2)); // expect: duplicate-variable
    vs_graph_free(g);
    return 0;
}
