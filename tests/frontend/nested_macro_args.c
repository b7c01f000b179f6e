/* Operators spelled in a macro body that reaches the code as another
 * macro's argument (X2(BLOCK)): the file location of each of BLOCK's
 * tokens is the word BLOCK, so they are read where clang lexes them. */
#include "varscope.h"

#define STEP(n) n = n * 2 + 1, total -= n
#define BLOCK                                                             \
    VS_VARIABLE_SCOPE(g, "tower", .reuse = VS_AUTO_REUSE) {               \
        vs_get_variable(g, "kernel", .shape = VS_SHAPE(3, 3));            \
    }                                                                     \
    STEP(k);
#define X2(s) s s

int grow(vs_graph *g)
{
    int k = 1, total = 0;
    X2(BLOCK)
    return total;
}
