/* realworld: tf4176_batch_norm_in_loop_function (fixed)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/4176 (see the
 *   failing program's header).
 * Fix: the reporter's work-around, quoted from the report: "I made a
 *   work-around, by defining my own rnn_decoder. I copy-paste the
 *   Tensorflow implementation and set reuse=None during the first call"
 *   (rnn_decoder_rob: REUSE=None, then True after the loop function's
 *   first call), so the first call creates the batch norm's variables and
 *   the later calls share them.
 */
#include <stdbool.h>

#include "tfcontrib.h"
#include "tfops.h"

enum { n_steps = 5, batch = 16, units = 32 };

typedef struct model {
    bool is_training;
} model;

typedef vs_tensor *(*loop_fn)(vs_graph *g, void *user, vs_tensor *prev, int i);

static vs_tensor *loop_function(vs_graph *g, void *user, vs_tensor *output, int i)
{
    model *self = user;
    (void)i;
    vs_tensor *some_variable = tf_like(g, "Identity", output);
    some_variable = tfc_batch_norm(g, some_variable, .not_training = !self->is_training);
    return some_variable;
}

static vs_tensor *rnn_decoder_rob(vs_graph *g, vs_tensor *const *decoder_inputs, int n, vs_rnn_state *initial_state, vs_layer *cell, loop_fn lf, void *user)
{
    vs_tensor *last = NULL;
    VS_VARIABLE_SCOPE(g, "rnn_decoder") {
        vs_rnn_state *state = initial_state;
        vs_tensor *prev = NULL;
        vs_reuse reuse = VS_REUSE_INHERIT;   /* REUSE = None */
        for (int i = 0; i < n; i++) {
            vs_tensor *inp = decoder_inputs[i];
            if (lf && prev) {
                VS_VARIABLE_SCOPE(g, "loop_function", .reuse = reuse) {
                    inp = lf(g, user, prev, i);
                    reuse = VS_REUSE;
                }
            }
            if (i > 0)
                vs_reuse_variables(vs_get_variable_scope(g));
            vs_tensor *output = inp ? vs_rnn_cell_call(g, cell, inp, state, .new_state = &state) : NULL;
            last = output;
            if (lf)
                prev = output;
        }
    }
    return last;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    model self = {.is_training = true};
    vs_tensor *decoder_inputs[n_steps];
    for (int i = 0; i < n_steps; i++)
        decoder_inputs[i] = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch, units));
    vs_layer *cell = vs_basic_lstm_cell(g, units);
    vs_rnn_state *initial_state = vs_rnn_zero_state(g, cell, batch, VS_FLOAT32);
    vs_tensor *out = rnn_decoder_rob(g, decoder_inputs, n_steps, initial_state, cell, loop_function, &self);
    (void)out;
    vs_graph_free(g);
    return 0;
}
