/* api-models: an encoder for the question and one for the answer, each
 * a new LSTM cell run by dynamic_rnn under scope "encoder" given by the
 * same option: the second creates encoder/basic_lstm_cell/kernel again;
 * with argc > 1 the answer's scope is "encoder_answer". */
// oracle-input: argc 1 2
#include "varscope.h"

static vs_tensor *encode(vs_graph *g, vs_tensor *seq, const char *scope)
{
    vs_layer *cell = vs_basic_lstm_cell(g, 16);
    return vs_dynamic_rnn(g, cell, seq, .dtype = VS_FLOAT32, .scope = scope); // expect: duplicate-variable
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    vs_tensor *q = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(4, 12, 8));
    vs_tensor *a = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(4, 30, 8));
    encode(g, q, "encoder");
    encode(g, a, argc > 1 ? "encoder_answer" : "encoder");
    vs_graph_free(g);
    return 0;
}
