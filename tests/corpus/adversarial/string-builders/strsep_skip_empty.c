/* string-builders: a comma list split with strsep, which yields empty
 * tokens for ",," and a trailing ","; the loop skips them.  The default
 * list "enc,,dec," and "a,b" or ",x,,y," from LAYERS name distinct scopes:
 * no run fails. */
// oracle-input: env LAYERS - a,b ,x,,y,
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "varscope.h"

int main(void)
{
    const char *env = getenv("LAYERS");
    char *list = strdup(env ? env : "enc,,dec,");
    if (!list)
        return 1;
    vs_graph *g = vs_graph_new();
    char *rest = list, *tok;
    while ((tok = strsep(&rest, ",")) != NULL) {
        if (*tok == '\0')
            continue;
        vs_variable_scope_enter(g, tok);
        vs_get_variable(g, "kernel", .shape = VS_SHAPE(3));
        vs_scope_exit(g);
    }
    free(list);
    vs_graph_free(g);
    return 0;
}
