/* uncalled: a table of "experiments" whose third entry is commented out
 * of the run list; its function opens a scope and never closes it.  The
 * run list holds experiments 0 and 1 only: no run fails. */
#include "varscope.h"

static void exp_baseline(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "baseline") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    }
}

static void exp_wide(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "wide") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(16));
    }
}

static void exp_broken(vs_graph *g)
{
    vs_variable_scope_enter(g, "broken");
    vs_get_variable(g, "w", .shape = VS_SHAPE(4));
}

static void (*const experiments[])(vs_graph *) = {exp_baseline, exp_wide, exp_broken};
static const int run_list[] = {0, 1 /*, 2 */};

int main(void)
{
    vs_graph *g = vs_graph_new();
    for (unsigned i = 0; i < sizeof run_list / sizeof run_list[0]; i++)
        experiments[run_list[i]](g);
    vs_graph_free(g);
    return 0;
}
