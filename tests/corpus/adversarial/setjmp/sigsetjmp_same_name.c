/* setjmp: the attempt number is bumped only after the name was printed,
 * and the print uses attempt / 2: attempts 0 and 1 both build in
 * attempt_0, so the second one fails. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdio.h>

#include "varscope.h"

static sigjmp_buf next_attempt;

int main(void)
{
    vs_graph *g = vs_graph_new();
    volatile int attempt = 0;
    char name[24];
    sigsetjmp(next_attempt, 1);
    snprintf(name, sizeof name, "attempt_%d", attempt / 2);
    VS_VARIABLE_SCOPE(g, name) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2)); // expect: duplicate-variable
    }
    if (++attempt < 2)
        siglongjmp(next_attempt, 1);
    vs_graph_free(g);
    return 0;
}
