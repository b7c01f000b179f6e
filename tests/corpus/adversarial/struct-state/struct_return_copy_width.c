/* struct-state: a spec returned by value from make_spec, copied by struct
 * assignment and the copy's width doubled for a wide variant; both are
 * built under one AUTO_REUSE scope with the same variable name, so the
 * wide variant (argc > 1) asks for "w" with another shape. */
// oracle-input: argc 1 2
#include "varscope.h"

typedef struct spec {
    const char *scope;
    int width;
} spec;

static spec make_spec(int width)
{
    spec s = {"shared", width};
    return s;
}

static void build(vs_graph *g, spec s)
{
    VS_VARIABLE_SCOPE(g, s.scope, .reuse = VS_AUTO_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(s.width)); // expect: shape-mismatch
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    spec base = make_spec(32);
    spec wide = base;
    if (argc > 1)
        wide.width *= 2;
    vs_graph *g = vs_graph_new();
    build(g, base);
    build(g, wide);
    vs_graph_free(g);
    return 0;
}
