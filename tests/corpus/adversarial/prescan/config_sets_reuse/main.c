/* prescan: config.c (no varscope identifier in it) sets share_towers,
 * which main reads to choose the towers' reuse: the second tower shares
 * tower/w.  No run fails. */
#include "config.h"
#include "varscope.h"

static void tower(vs_graph *g, vs_reuse reuse)
{
    VS_VARIABLE_SCOPE(g, "tower", .reuse = reuse) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(8, 8));
    }
}

int main(void)
{
    load_config();
    vs_graph *g = vs_graph_new();
    tower(g, VS_REUSE_INHERIT);
    tower(g, share_towers ? VS_AUTO_REUSE : VS_REUSE_INHERIT);
    vs_graph_free(g);
    return 0;
}
