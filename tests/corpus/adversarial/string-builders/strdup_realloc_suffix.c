/* string-builders: a name grown with strdup + realloc + strcat ("enc",
 * "enc_block", "enc_block_block", ...), a scope per growth step: every
 * step's name is longer than the last, so no name repeats and no run
 * fails. */
// oracle-input: argc 1 2 3
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    char *name = strdup("enc");
    if (!name)
        return 1;
    for (int i = 0; i < argc + 1; i++) {
        VS_VARIABLE_SCOPE(g, name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4));
        }
        char *grown = realloc(name, strlen(name) + sizeof "_block");
        if (!grown)
            break;
        name = grown;
        strcat(name, "_block");
    }
    free(name);
    vs_graph_free(g);
    return 0;
}
