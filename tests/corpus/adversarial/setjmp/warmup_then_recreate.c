/* setjmp: the same warm-up pass, but the real pass forgets the reuse: on
 * the second time through stage1/w exists and get_variable fails. */
#include <setjmp.h>

#include "varscope.h"

static jmp_buf again;

int main(void)
{
    vs_graph *g = vs_graph_new();
    volatile int pass = 0;
    if (setjmp(again))
        pass++;
    VS_VARIABLE_SCOPE(g, "stage1") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(5, 5)); // expect: duplicate-variable
    }
    if (pass == 0)
        longjmp(again, 1);
    vs_graph_free(g);
    return 0;
}
