/* macro-expansion: ENABLE(m, b) sets a mode bit (`m |= (b)`), WHEN(c)
 * and OTHERWISE spell `if (c)` and `else`, TRAINING(m) masks the bit.  The
 * training model is built when the bit is set, else nothing; the eval
 * model always shares it (reuse): without arguments the training model
 * was never built and "Variable model/w does not exist". */
// oracle-input: argc 1 2 3
#include <stdio.h>

#include "varscope.h"

#define MODE_TRAIN 0x1u
#define MODE_LOG 0x2u
#define ENABLE(m, b) m |= (b)
#define WHEN(c) if (c)
#define OTHERWISE else
#define TRAINING(m) ((m) & MODE_TRAIN)

static void model(vs_graph *g, vs_reuse reuse)
{
    VS_VARIABLE_SCOPE(g, "model", .reuse = reuse) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(5)); // expect: missing-variable
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    unsigned mode = 0;
    if (argc > 1)
        ENABLE(mode, MODE_TRAIN);
    if (argc > 2)
        ENABLE(mode, MODE_LOG);
    vs_graph *g = vs_graph_new();
    WHEN(TRAINING(mode))
        model(g, VS_REUSE_INHERIT);
    OTHERWISE
        fprintf(stdout, "no training graph\n");
    model(g, VS_REUSE);
    vs_graph_free(g);
    return 0;
}
