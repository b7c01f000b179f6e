/* string-builders: the eval scope's name made from the train scope's by
 * finding "train" with strstr and writing "eval_" over it in place with
 * memcpy ("model_train_v1" becomes "model_eval__v1"); the eval scope is
 * new: no run fails. */
// oracle-input: argc 1 2
#include <string.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    char name[32] = "model_train_v1";
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, name) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    }
    if (argc > 1) {
        char *at = strstr(name, "train");
        if (at)
            memcpy(at, "eval_", 5);
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4));
        }
    }
    vs_graph_free(g);
    return 0;
}
