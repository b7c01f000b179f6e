/* string-builders: the eval tower's scope is the train tower's name with
 * its first letter capitalised (toupper) for display; TF's names are
 * case-sensitive, so "Tower" is another scope, and reusing it (argc 2)
 * finds nothing. */
// oracle-input: argc 1 2
#include <ctype.h>
#include <string.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    char name[16] = "tower";
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, name) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    }
    if (argc > 1) {
        name[0] = (char)toupper((unsigned char)name[0]);
        VS_VARIABLE_SCOPE(g, name, .reuse = VS_REUSE) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: missing-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
