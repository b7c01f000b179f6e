/* macro-families: scope names chosen by chained ternaries from the mode
 * (argc 1 train, 2 eval, 3 export): eval and export both name their
 * scope "inference"; export (argc 3) builds it after eval's scope was
 * made only on an eval run, so each run builds "train" then at most one
 * "inference": no run fails. */
// oracle-input: argc 1 2 3
#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    const char *mode = argc == 1 ? "train" : argc == 2 ? "eval" : "export";
    const char *scope = mode[0] == 't' ? "train" : "inference";
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "train") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    }
    if (scope[0] != 't') {
        VS_VARIABLE_SCOPE(g, scope) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4));
        }
    }
    vs_graph_free(g);
    return 0;
}
