/* string-builders: the layer list comes from the environment (LAYERS) as
 * a comma list ("conv,pool,dense"), split with strtok_r on a copy; each token
 * names a scope with one weight.  A list naming a layer twice
 * ("conv,conv") creates that weight twice. */
// oracle-input: env LAYERS - conv,pool,dense conv,dense,conv
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "varscope.h"

int main(void)
{
    const char *spec = getenv("LAYERS");
    if (!spec)
        spec = "embed,dense";
    char *copy = strdup(spec);
    if (!copy)
        return 1;
    vs_graph *g = vs_graph_new();
    char *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        VS_VARIABLE_SCOPE(g, tok) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4)); // expect: duplicate-variable
        }
    }
    free(copy);
    vs_graph_free(g);
    return 0;
}
