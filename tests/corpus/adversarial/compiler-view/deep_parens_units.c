/* compiler-view: the layer width is computed by a macro that nests 512
 * parenthesised additions (generated code of the kind a table compiler
 * emits); gcc accepts any depth, clang stops at 256 brackets by default.
 * The width is 512, the layer is created once and then shared: no run
 * fails. */
#include "varscope.h"

#define INC(x) ((x) + 1)
#define INC2(x) INC(INC(x))
#define INC4(x) INC2(INC2(x))
#define INC8(x) INC4(INC4(x))
#define INC16(x) INC8(INC8(x))
#define INC32(x) INC16(INC16(x))
#define INC64(x) INC32(INC32(x))
#define INC128(x) INC64(INC64(x))
#define INC256(x) INC128(INC128(x))
#define INC512(x) INC256(INC256(x))

int main(void)
{
    vs_graph *g = vs_graph_new();
    const int width = INC512(0);
    VS_VARIABLE_SCOPE(g, "wide") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(width));
    }
    VS_VARIABLE_SCOPE(g, "wide", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(width));
    }
    vs_graph_free(g);
    return 0;
}
