/* compiler-view (deep nesting): 300 nested blocks from a generated
 * decision table (braces past clang's default bracket depth of 256);
 * the innermost block creates "leaf" once, and it is then created again
 * at the top: duplicate. */
#include "varscope.h"

#define B2(s) { { s } }
#define B4(s) B2(B2(s))
#define B8(s) B4(B4(s))
#define B16(s) B8(B8(s))
#define B32(s) B16(B16(s))
#define B64(s) B32(B32(s))
#define B128(s) B64(B64(s))
#define B256(s) B128(B128(s))

int main(void)
{
    vs_graph *g = vs_graph_new();
    B256(B32(B8(vs_get_variable(g, "leaf", .shape = VS_SHAPE(1));)))
    vs_get_variable(g, "leaf", .shape = VS_SHAPE(1)); // expect: duplicate-variable
    vs_graph_free(g);
    return 0;
}
