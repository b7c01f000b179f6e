/* c-idioms: the eval tower is built when MODEL_EVAL is set; whether it
 * shares the train tower's weights is read from MODEL_SHARE ("1", "yes"
 * or unset).  With MODEL_EVAL set and MODEL_SHARE unset or "0", the eval
 * tower creates tower/w again. */
// oracle-input: env MODEL_EVAL - 1
// oracle-input: env MODEL_SHARE - 0 1 yes
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "varscope.h"

typedef struct config {
    bool eval, share;
} config;

static bool env_flag(const char *name)
{
    const char *v = getenv(name);
    return v && (strcmp(v, "1") == 0 || strcmp(v, "yes") == 0);
}

static void tower(vs_graph *g, bool reuse)
{
    VS_VARIABLE_SCOPE(g, "tower", .reuse = reuse ? VS_REUSE : VS_REUSE_INHERIT) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4)); // expect: duplicate-variable
    }
}

int main(void)
{
    config cfg = {.eval = getenv("MODEL_EVAL") != NULL, .share = env_flag("MODEL_SHARE")};
    vs_graph *g = vs_graph_new();
    tower(g, false);
    if (cfg.eval)
        tower(g, cfg.share);
    vs_graph_free(g);
    return 0;
}
