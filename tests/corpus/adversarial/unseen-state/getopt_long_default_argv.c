/* unseen-state: the options are parsed from a built-in default command
 * line (as a tool's "--defaults" does before the user's arguments), and
 * that command line holds --share: getopt_long sets `share` to 1 through
 * its flag pointer, so the second tower shares.  No run fails. */
#define _GNU_SOURCE
#include <getopt.h>

#include "varscope.h"

static int share;

static void parse(int argc, char **argv)
{
    static const struct option options[] = {
        {"share", no_argument, &share, 1},
        {0, 0, 0, 0},
    };
    optind = 1;
    while (getopt_long(argc, argv, "", options, NULL) != -1)
        ;
}

static void tower(vs_graph *g, vs_reuse reuse)
{
    VS_VARIABLE_SCOPE(g, "tower", .reuse = reuse) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(8, 8));
    }
}

int main(void)
{
    char prog[] = "train", opt[] = "--share";
    char *defaults[] = {prog, opt, NULL};
    parse(2, defaults);

    vs_graph *g = vs_graph_new();
    tower(g, VS_REUSE_INHERIT);
    tower(g, share ? VS_REUSE : VS_REUSE_INHERIT);
    vs_graph_free(g);
    return 0;
}
