/* string-builders: a model spec "enc:64:32;dec:32" split twice with
 * strtok_r (';' between parts, ':' between a part's name and its widths);
 * each part is an AUTO_REUSE scope and each width a weight "w<k>".  The
 * default spec is consistent; "enc:64;enc:32" (MODEL_SPEC)
 * re-enters "enc" and asks for w0 with another width. */
// oracle-input: env MODEL_SPEC - enc:64:32;dec:32 enc:64;enc:32
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "varscope.h"

int main(void)
{
    const char *env = getenv("MODEL_SPEC");
    char *spec = strdup(env ? env : "enc:16;dec:16:8");
    if (!spec)
        return 1;
    vs_graph *g = vs_graph_new();
    char *outer = NULL;
    for (char *part = strtok_r(spec, ";", &outer); part;
         part = strtok_r(NULL, ";", &outer)) {
        char *inner = NULL;
        char *name = strtok_r(part, ":", &inner);
        if (!name)
            continue;
        VS_VARIABLE_SCOPE(g, name, .reuse = VS_AUTO_REUSE) {
            int k = 0;
            for (char *w = strtok_r(NULL, ":", &inner); w;
                 w = strtok_r(NULL, ":", &inner), k++) {
                char vname[16];
                snprintf(vname, sizeof vname, "w%d", k);
                vs_get_variable(g, vname, .shape = VS_SHAPE(atoi(w))); // expect: shape-mismatch
            }
        }
    }
    free(spec);
    vs_graph_free(g);
    return 0;
}
