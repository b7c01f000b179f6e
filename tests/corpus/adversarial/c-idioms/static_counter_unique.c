/* c-idioms: as static_counter_names.c, without the wrap: the static
 * counter only grows, each call of the helper (from two call sites) has
 * its own scope, and no run fails. */
#include <stdio.h>

#include "varscope.h"

static const char *fresh_name(const char *base)
{
    static char buf[32];
    static unsigned serial;
    snprintf(buf, sizeof buf, "%s_%u", base, serial++);
    return buf;
}

static void block(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, fresh_name("block")) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(8));
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < 3; i++)
        block(g);
    block(g);
    vs_graph_free(g);
    return 0;
}
