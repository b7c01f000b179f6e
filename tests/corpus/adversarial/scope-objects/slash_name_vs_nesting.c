/* scope-objects: a scope name with a slash ("enc/proj", written by one
 * helper) and the same path by nesting ("enc" then "proj", by another):
 * both give "enc/proj/w", so calling both helpers (argc 2) creates the
 * weight twice. */
// oracle-input: argc 1 2
#include "varscope.h"

static void flat(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "enc/proj") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(8));
    }
}

static void nested(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "enc") {
        VS_VARIABLE_SCOPE(g, "proj") {
            vs_get_variable(g, "w", .shape = VS_SHAPE(8)); // expect: duplicate-variable
        }
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    flat(g);
    if (argc > 1)
        nested(g);
    vs_graph_free(g);
    return 0;
}
