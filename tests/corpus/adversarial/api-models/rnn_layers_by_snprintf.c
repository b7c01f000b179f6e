/* api-models: a stack of LSTM layers, each its own dynamic_rnn under a
 * scope named with snprintf("layer_%d"); the stack is built for training
 * and, with argc > 1, again for inference without reuse: the second
 * stack's layer_0/rnn/basic_lstm_cell/kernel already exists. */
// oracle-input: argc 1 2
#include <stdio.h>

#include "varscope.h"

static vs_tensor *stack(vs_graph *g, vs_tensor *x, int depth)
{
    for (int i = 0; i < depth && x; i++) {
        char name[16];
        snprintf(name, sizeof name, "layer_%d", i);
        VS_VARIABLE_SCOPE(g, name) {
            vs_layer *cell = vs_basic_lstm_cell(g, 16);
            x = vs_dynamic_rnn(g, cell, x, .dtype = VS_FLOAT32); // expect: duplicate-variable
        }
    }
    return x;
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(8, 20, 12));
    stack(g, x, 2);
    if (argc > 1)
        stack(g, x, 2);
    vs_graph_free(g);
    return 0;
}
