/* unseen-state: a command table searched with bsearch; the found entry's
 * function (a target the engine cannot pick: bsearch decides) switches the
 * global build mode to "shared".  The command is "share", so the second
 * build reuses model/w: no run fails. */
#include <stdlib.h>
#include <string.h>

#include "varscope.h"

static vs_reuse mode = VS_REUSE_INHERIT;

static void cmd_fresh(void) { mode = VS_REUSE_INHERIT; }
static void cmd_share(void) { mode = VS_REUSE; }

struct command {
    const char *name;
    void (*run)(void);
};

static const struct command commands[] = {
    {"fresh", cmd_fresh},
    {"share", cmd_share},
};

static int by_name(const void *key, const void *elem)
{
    return strcmp(key, ((const struct command *)elem)->name);
}

static void build(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "model", .reuse = mode) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2, 2));
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    build(g);
    const struct command *c = bsearch("share", commands, 2, sizeof commands[0], by_name);
    if (c)
        c->run();
    build(g);
    vs_graph_free(g);
    return 0;
}
