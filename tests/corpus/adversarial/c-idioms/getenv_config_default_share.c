/* c-idioms: as getenv_config_reuse.c, but sharing is the default: only
 * MODEL_SHARE=0 turns it off, and then the eval tower is built in its
 * own scope "tower_eval".  No run fails. */
// oracle-input: env MODEL_EVAL - 1
// oracle-input: env MODEL_SHARE - 0 1 yes
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "varscope.h"

static bool env_off(const char *name)
{
    const char *v = getenv(name);
    return v != NULL && strcmp(v, "0") == 0;
}

static void tower(vs_graph *g, const char *scope, bool reuse)
{
    VS_VARIABLE_SCOPE(g, scope, .reuse = reuse ? VS_REUSE : VS_REUSE_INHERIT) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4));
    }
}

int main(void)
{
    bool eval = getenv("MODEL_EVAL") != NULL;
    bool share = !env_off("MODEL_SHARE");
    vs_graph *g = vs_graph_new();
    tower(g, "tower", false);
    if (eval)
        tower(g, share ? "tower" : "tower_eval", share);
    vs_graph_free(g);
    return 0;
}
