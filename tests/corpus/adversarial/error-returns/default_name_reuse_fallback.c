/* error-returns: a block scope entered by default name with reuse asked
 * for when the caller shares (argc 2): TF raises ("The reuse parameter
 * cannot be used without a name_or_scope"); the program checks the NULL
 * and enters without reuse instead, which works. */
// oracle-input: argc 1 2
#include "varscope.h"

static void block(vs_graph *g, vs_reuse reuse)
{
    vs_scope *s = vs_variable_scope_enter(g, NULL, .default_name = "block", .reuse = reuse); // expect: reuse-without-name
    if (!s)
        s = vs_variable_scope_enter(g, NULL, .default_name = "block");
    if (!s)
        return;
    vs_get_variable(g, "w", .shape = VS_SHAPE(3));
    vs_scope_exit(g);
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    block(g, VS_REUSE_INHERIT);
    block(g, argc > 1 ? VS_REUSE : VS_REUSE_INHERIT);
    vs_graph_free(g);
    return 0;
}
