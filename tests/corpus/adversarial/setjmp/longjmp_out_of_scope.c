/* setjmp: C's "exception": a validation failure deep inside a scope
 * block longjmp()s to the top-level handler, which logs it and goes on to
 * free the graph.  The jump skipped the block's exit: the "decoder" scope
 * is still open at vs_graph_free (scope-leak). */
#include <setjmp.h>
#include <stdio.h>

#include "varscope.h"

static jmp_buf on_invalid;

static void check_units(int units)
{
    if (units > 512)
        longjmp(on_invalid, units);
}

static void decoder(vs_graph *g, int units)
{
    VS_VARIABLE_SCOPE(g, "decoder") { // expect: scope-leak
        vs_get_variable(g, "proj", .shape = VS_SHAPE(64, 64));
        check_units(units);
        vs_get_variable(g, "out", .shape = VS_SHAPE(64, 10));
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    int bad = setjmp(on_invalid);
    if (bad == 0)
        decoder(g, 1024);
    else
        fprintf(stdout, "invalid units %d\n", bad);
    vs_graph_free(g);
    return 0;
}
