/* macro-families: an AUTO_SCOPE macro naming each scope after the line it
 * is written on ("scope_<__LINE__>"), to get unique names for free; each
 * use is on its own line: no run fails. */
// oracle-input: argc 1 2
#include "varscope.h"

#define STR_(x) #x
#define STR(x) STR_(x)
#define AUTO_SCOPE(g) VS_VARIABLE_SCOPE(g, "scope_" STR(__LINE__))

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    AUTO_SCOPE(g) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    }
    AUTO_SCOPE(g) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    }
    if (argc > 1) {
        AUTO_SCOPE(g) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(2));
        }
    }
    vs_graph_free(g);
    return 0;
}
