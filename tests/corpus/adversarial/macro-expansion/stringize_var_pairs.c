/* macro-expansion: VAR(name, ...) stringizes its name for get_variable
 * and forwards the keywords; DECL_PAIR(a, b) declares two.  The block
 * declares kernel and bias; with an argument a second pair (gamma,
 * kernel) is declared in the same scope: "Variable block/kernel already
 * exists". */
// oracle-input: argc 1 2
#include "varscope.h"

#define VAR(name, ...) vs_get_variable(g, #name, __VA_ARGS__)
#define DECL_PAIR(a, b)                                                    \
    VAR(a, .shape = VS_SHAPE(4));                                          \
    VAR(b, .shape = VS_SHAPE(4))

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "block") {
        DECL_PAIR(kernel, bias);
        if (argc > 1) {
            DECL_PAIR(gamma, kernel); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
