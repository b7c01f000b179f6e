/* The block forms are for loops; an explicit enter/exit pair. */
#include "varscope.h"

void blocks(vs_graph *g, vs_scope *saved)
{
    VS_VARIABLE_SCOPE(g, "a") {
        vs_get_variable(g, "v");
    }
    VS_VARIABLE_SCOPE_AS(sc, g, "b",
                         .reuse = VS_AUTO_REUSE) {
        vs_reuse_variables(sc);
    }
    VS_VARIABLE_SCOPE_REENTER(g, saved) {
        VS_NAME_SCOPE(g, "ns") {
            continue;
        }
    }
    vs_variable_scope_enter(g, "c");
    vs_scope_exit(g);
}
