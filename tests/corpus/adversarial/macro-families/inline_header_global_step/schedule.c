#include "step.h"

void build_schedule(vs_graph *g)
{
    vs_var *step = make_global_step(g); // expect: duplicate-variable
    (void)step;
    VS_VARIABLE_SCOPE(g, "lr") {
        vs_get_variable(g, "base", .shape = VS_SCALAR);
    }
}
