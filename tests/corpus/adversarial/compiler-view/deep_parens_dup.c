/* compiler-view: the same kind of generated expression, 288 deep,, in a program
 * that creates wide/w twice without reuse: the second call fails. */
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

int main(void)
{
    vs_graph *g = vs_graph_new();
    const int width = INC32(INC256(0));
    VS_VARIABLE_SCOPE(g, "wide") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(width));
        vs_get_variable(g, "w", .shape = VS_SHAPE(width)); // expect: duplicate-variable
    }
    vs_graph_free(g);
    return 0;
}
