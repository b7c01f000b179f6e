/* realworld: tf4176_batch_norm_in_loop_function (failing)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/4176
 *   ("Why reuse default to True for loop_function() in
 *   seq2seq.rnn_decoder ?").
 * TF raised: the report says rnn_decoder's reuse=True "doesn't allow the
 *   tf.get_variable() functions [in the loop function] to construct
 *   variables"; TF 1.15's message for that call is
 *   ValueError: Variable rnn_decoder/loop_function/BatchNorm/beta does not
 *   exist, or was not created with tf.get_variable(). Did you mean to set
 *   reuse=tf.AUTO_REUSE in VarScope?
 * Original Python (the reporter's loop function, quoted, and the TF
 *   function it is given to, legacy_seq2seq.rnn_decoder, r1.15):
 *   def loop_function(output, i):
 *       ##some code##
 *       some_variable = tf.contrib.layers.batch_norm(some_variable, is_training=self.is_training)
 *       ##some code##
 *       return some_variable
 *   def rnn_decoder(decoder_inputs, initial_state, cell, loop_function=None, scope=None):
 *       with variable_scope.variable_scope(scope or "rnn_decoder"):
 *           state = initial_state; outputs = []; prev = None
 *           for i, inp in enumerate(decoder_inputs):
 *               if loop_function is not None and prev is not None:
 *                   with variable_scope.variable_scope("loop_function", reuse=True):
 *                       inp = loop_function(prev, i)
 *               if i > 0:
 *                   variable_scope.get_variable_scope().reuse_variables()
 *               output, state = cell(inp, state)
 *               outputs.append(output)
 *               if loop_function is not None:
 *                   prev = output
 *       return outputs, state
 * Why: the loop function first runs at step 1 inside
 *   variable_scope("loop_function", reuse=True); contrib's batch_norm
 *   opens its "BatchNorm" scope with reuse=None, which inherits that
 *   reuse, so beta is looked up before it was ever made.  The reporter's
 *   work-around (a copy of rnn_decoder with reuse=None on the first call
 *   of the loop function) is the fixed program.
 * Library calls: vs_variable_scope_enter (block form, .reuse),
 *   vs_reuse_variables, vs_basic_lstm_cell, vs_rnn_zero_state,
 *   vs_rnn_cell_call; tfcontrib.h's tfc_batch_norm (reuse inherited).
 * Translation: the report does not show the cell or the inputs ("##some
 *   code##"): ours are an LSTM of 32 units over 5 decoder steps of
 *   [batch, 32] inputs; the loop function's batch norm takes the previous
 *   output, as the report's "batchnormalizing activation maps in the
 *   loop_function()" says.  The loop function is a function pointer with
 *   its user data (self.is_training), as the Python closure is.
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
    some_variable = tfc_batch_norm(g, some_variable, .not_training = !self->is_training); // expect: missing-variable
    return some_variable;
}

static vs_tensor *rnn_decoder(vs_graph *g, vs_tensor *const *decoder_inputs, int n, vs_rnn_state *initial_state, vs_layer *cell, loop_fn lf, void *user)
{
    vs_tensor *last = NULL;
    VS_VARIABLE_SCOPE(g, "rnn_decoder") {
        vs_rnn_state *state = initial_state;
        vs_tensor *prev = NULL;
        for (int i = 0; i < n; i++) {
            vs_tensor *inp = decoder_inputs[i];
            if (lf && prev) {
                VS_VARIABLE_SCOPE(g, "loop_function", .reuse = VS_REUSE) {
                    inp = lf(g, user, prev, i);
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
    vs_tensor *out = rnn_decoder(g, decoder_inputs, n_steps, initial_state, cell, loop_function, &self);
    (void)out;
    vs_graph_free(g);
    return 0;
}
