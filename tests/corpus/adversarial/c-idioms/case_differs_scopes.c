/* c-idioms: two towers whose scope names differ only in case ("Tower"
 * and "tower", one from a config file written by hand).  TF's variable
 * names are case-sensitive (only op names are made unique without case),
 * so Tower/w and tower/w are two variables: no run fails. */
#include <ctype.h>
#include <stdio.h>

#include "varscope.h"

int main(void)
{
    char upper[16];
    snprintf(upper, sizeof upper, "%s", "tower");
    upper[0] = (char)toupper((unsigned char)upper[0]);
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, upper) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    }
    VS_VARIABLE_SCOPE(g, "tower") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    }
    vs_graph_free(g);
    return 0;
}
