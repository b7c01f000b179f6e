/* io-config: options read with getopt ("-n TOWERS", "-s" to share); the
 * towers loop names each tower "tower_<i>" unless sharing, where all
 * towers use "tower" and every tower after the first reuses.  No run
 * fails. */
// oracle-input: args - -n,3 -s,-n,3 -n,2,-s
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "varscope.h"

int main(int argc, char **argv)
{
    int towers = 1;
    bool share = false;
    int c;
    while ((c = getopt(argc, argv, "n:s")) != -1) {
        switch (c) {
        case 'n':
            towers = atoi(optarg);
            break;
        case 's':
            share = true;
            break;
        default:
            return 2;
        }
    }
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < towers; i++) {
        char name[16];
        if (share)
            snprintf(name, sizeof name, "tower");
        else
            snprintf(name, sizeof name, "tower_%d", i);
        VS_VARIABLE_SCOPE(g, name, .reuse = share && i > 0 ? VS_REUSE : VS_REUSE_INHERIT) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4));
        }
    }
    vs_graph_free(g);
    return 0;
}
