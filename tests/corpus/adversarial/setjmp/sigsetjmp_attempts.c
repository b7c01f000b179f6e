/* setjmp: sigsetjmp/siglongjmp around three attempts, each building in
 * its own scope attempt_<n>; after the third the loop stops.  Each
 * attempt's name is new: no run fails. */
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
    snprintf(name, sizeof name, "attempt_%d", attempt);
    VS_VARIABLE_SCOPE(g, name) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    }
    if (++attempt < 3)
        siglongjmp(next_attempt, 1);
    vs_graph_free(g);
    return 0;
}
