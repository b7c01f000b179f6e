/* macro-families: a scope name chosen by a ternary on the mode's first
 * letter: "eval" starts with 'e' like "export" does, and the test meant
 * to send only training to "train" sends "export" there too
 * (mode[1] == 'x' checked against the wrong index); on an export run
 * (argc 3) "train/w" is created twice. */
// oracle-input: argc 1 2 3
#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    const char *mode = argc == 1 ? "train" : argc == 2 ? "eval" : "export";
    const char *scope = mode[0] == 't' || mode[2] == 'p' ? "train" : "inference";
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "train") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    }
    if (argc > 1) {
        VS_VARIABLE_SCOPE(g, scope) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
