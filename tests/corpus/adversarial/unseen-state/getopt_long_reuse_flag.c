/* unseen-state: getopt_long sets `resume` through the flag pointer of its
 * option table.  With --resume the model is "restored": every layer is
 * asked for under VS_REUSE, but nothing was created in this graph, so
 * model/w does not exist and the call fails; without it the run is clean. */
// oracle-input: args - --resume --verbose --verbose,--resume
#define _GNU_SOURCE
#include <getopt.h>

#include "varscope.h"

static int resume;
static int verbose;

int main(int argc, char **argv)
{
    static const struct option options[] = {
        {"resume", no_argument, &resume, 1},
        {"verbose", no_argument, &verbose, 1},
        {0, 0, 0, 0},
    };
    while (getopt_long(argc, argv, "", options, NULL) != -1)
        ;
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "model", .reuse = resume ? VS_REUSE : VS_REUSE_INHERIT) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(16, 4)); // expect: missing-variable
    }
    vs_graph_free(g);
    return 0;
}
