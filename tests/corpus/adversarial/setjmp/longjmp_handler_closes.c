/* setjmp: the same validation jump, but the top-level handler knows the
 * depth it was at (vs_current_name_scope tells) and closes the scopes
 * the jump skipped before going on.  No run fails. */
#include <setjmp.h>
#include <string.h>

#include "varscope.h"

static jmp_buf on_invalid;

static void check_units(int units)
{
    if (units > 512)
        longjmp(on_invalid, 1);
}

static void decoder(vs_graph *g, int units)
{
    VS_VARIABLE_SCOPE(g, "decoder") {
        vs_get_variable(g, "proj", .shape = VS_SHAPE(64, 64));
        check_units(units);
        vs_get_variable(g, "out", .shape = VS_SHAPE(64, 10));
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    if (setjmp(on_invalid) == 0) {
        decoder(g, 1024);
    } else {
        while (strcmp(vs_current_name_scope(g), "") != 0)
            vs_scope_exit(g);
    }
    vs_graph_free(g);
    return 0;
}
