/* macro-families: the stringifying GET macro applied to an identifier
 * that expands to another (`#define w kernel` before it, for a port
 * from other code): `GET(g, w, ...)` still asks for "w" (# does not
 * expand its argument), while GET2 goes through one more macro level
 * and asks for "kernel": the layer with argc 2 calls both and creates
 * "kernel" twice. */
// oracle-input: argc 1 2
#include "varscope.h"

#define STR_(x) #x
#define STR(x) STR_(x)
#define GET(g, ident, ...) vs_get_variable((g), #ident, __VA_ARGS__)
#define GET2(g, ident, ...) vs_get_variable((g), STR(ident), __VA_ARGS__)
#define w kernel

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "layer") {
        GET(g, w, .shape = VS_SHAPE(4));
        GET2(g, w, .shape = VS_SHAPE(4));
        if (argc > 1)
            GET(g, kernel, .shape = VS_SHAPE(4)); // expect: duplicate-variable
    }
    vs_graph_free(g);
    return 0;
}
