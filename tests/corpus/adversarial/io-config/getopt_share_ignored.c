/* io-config: getopt options "-n TOWERS", "-s" and "-r"; sharing names
 * every tower "tower", but the reuse flag is only taken from "-r", so
 * "-s -n 2" creates "tower/w" twice; "-r" without "-s" asks the second
 * tower ("tower_1") to reuse a weight nobody created. */
// oracle-input: args - -n,2 -s,-n,2 -s -n,2,-r
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "varscope.h"

struct options { int towers; bool share, reuse; };

static void parse(struct options *o, int argc, char **argv)
{
    int c;
    while ((c = getopt(argc, argv, "n:sr")) != -1) {
        if (c == 'n')
            o->towers = atoi(optarg);
        else if (c == 's')
            o->share = true;
        else if (c == 'r')
            o->reuse = true;
    }
}

int main(int argc, char **argv)
{
    struct options o = {.towers = 1};
    parse(&o, argc, argv);
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < o.towers; i++) {
        char name[16];
        snprintf(name, sizeof name, o.share ? "tower" : "tower_%d", i);
        VS_VARIABLE_SCOPE(g, name, .reuse = o.reuse && i > 0 ? VS_REUSE : VS_REUSE_INHERIT) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable, missing-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
