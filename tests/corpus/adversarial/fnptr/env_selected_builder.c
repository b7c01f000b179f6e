/* fnptr: the optimizer is chosen by name from the environment (OPT unset:
 * sgd); adam's builder asks for the model's "w" under reuse to attach its
 * slots, and the model was built in scope "model", so adam's lookup of
 * plain "w" fails whenever OPT=adam. */
// oracle-input: env OPT - sgd adam
#include <stdlib.h>
#include <string.h>

#include "varscope.h"

static void sgd(vs_graph *g)
{
    vs_get_variable(g, "lr", .shape = VS_SCALAR);
}

static void adam(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: missing-variable
    }
    vs_get_variable(g, "beta1", .shape = VS_SCALAR);
}

static const struct {
    const char *name;
    void (*build)(vs_graph *);
} optimizers[] = {{"sgd", sgd}, {"adam", adam}};

int main(void)
{
    const char *want = getenv("OPT");
    void (*opt)(vs_graph *) = sgd;
    for (int i = 0; i < 2; i++)
        if (want && strcmp(want, optimizers[i].name) == 0)
            opt = optimizers[i].build;
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "model") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    }
    opt(g);
    vs_graph_free(g);
    return 0;
}
