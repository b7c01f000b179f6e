/* realworld: seq2seq_signal_rerun_rmsprop (fixed)
 *
 * Source: https://github.com/guillaume-chevalier/seq2seq-signal-prediction/issues/10
 *   (see the failing program's header).
 * Fix (pull request #11 there): reuse=tf.AUTO_REUSE on the 'Loss' and
 *   'Optimizer' scopes of the cell; run again, the new optimizer's slot
 *   scopes come out with the same names and get_variable("") shares the
 *   slots the first run made.
 */
#include <stdio.h>
#include <string.h>

#include "tfops.h"

enum { seq_length = 10, batch_size = 5, input_dim = 2, output_dim = 2, hidden_dim = 12, layers_stacked_count = 2 };
static const double learning_rate = 0.007, lr_decay = 0.92, momentum = 0.5, lambda_l2_reg = 0.003;

static vs_tensor *enc_inp[seq_length], *expected_sparse_output[seq_length], *dec_inp[seq_length];
static vs_tensor *reshaped_outputs[seq_length];

static vs_layer *make_cell(vs_graph *g)
{
    vs_layer *cells[layers_stacked_count];
    for (int i = 0; i < layers_stacked_count; i++) {
        char name[32];
        snprintf(name, sizeof name, "RNN_%d", i);
        VS_VARIABLE_SCOPE(g, name) {
            cells[i] = vs_gru_cell(g, hidden_dim);
        }
    }
    return vs_multi_rnn_cell(g, cells, layers_stacked_count);
}

/* contrib/rnn static_rnn(cell, inputs, dtype=dtype): scope "rnn" */
static vs_rnn_state *static_rnn(vs_graph *g, vs_layer *cell, vs_tensor *const *inputs, int n)
{
    vs_rnn_state *state = NULL;
    VS_VARIABLE_SCOPE_AS(varscope, g, "rnn") {
        state = vs_rnn_zero_state(g, cell, -1, VS_FLOAT32);
        for (int time = 0; time < n; time++) {
            if (time > 0)
                vs_reuse_variables(varscope);
            vs_rnn_cell_call(g, cell, inputs[time], state, .new_state = &state);
        }
    }
    return state;
}

/* legacy_seq2seq.rnn_decoder(decoder_inputs, initial_state, cell) */
static void rnn_decoder(vs_graph *g, vs_tensor *const *decoder_inputs, int n, vs_rnn_state *initial_state, vs_layer *cell, vs_tensor **outputs)
{
    VS_VARIABLE_SCOPE(g, "rnn_decoder") {
        vs_rnn_state *state = initial_state;
        for (int i = 0; i < n; i++) {
            if (i > 0)
                vs_reuse_variables(vs_get_variable_scope(g));
            outputs[i] = vs_rnn_cell_call(g, cell, decoder_inputs[i], state, .new_state = &state);
        }
    }
}

/* legacy_seq2seq.basic_rnn_seq2seq(encoder_inputs, decoder_inputs, cell) */
static void basic_rnn_seq2seq(vs_graph *g, vs_tensor *const *enc, vs_tensor *const *dec, int n, vs_layer *cell, vs_layer *enc_cell, vs_tensor **outputs)
{
    VS_VARIABLE_SCOPE(g, "basic_rnn_seq2seq") {
        vs_rnn_state *enc_state = static_rnn(g, enc_cell, enc, n);
        rnn_decoder(g, dec, n, enc_state, cell, outputs);
    }
}

static void cell7(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "Seq2seq") {
        for (int t = 0; t < seq_length; t++) {
            char name[32];
            snprintf(name, sizeof name, "inp_%d", t);
            enc_inp[t] = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, input_dim), .name = name);
        }
        for (int t = 0; t < seq_length; t++)
            expected_sparse_output[t] = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, output_dim), .name = "expected_sparse_output_");
        dec_inp[0] = vs_placeholder(g, VS_FLOAT32, vs_tensor_shape(enc_inp[0]), .name = "GO");
        for (int t = 1; t < seq_length; t++)
            dec_inp[t] = enc_inp[t - 1];

        vs_layer *cell = make_cell(g);
        vs_layer *enc_cell = make_cell(g); /* copy.deepcopy(cell), unbuilt */
        vs_tensor *dec_outputs[seq_length];
        basic_rnn_seq2seq(g, enc_inp, dec_inp, seq_length, cell, enc_cell, dec_outputs);

        vs_var *w_out = vs_variable(g, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(hidden_dim, output_dim), .name = "random_normal"));
        vs_var *b_out = vs_variable(g, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(output_dim), .name = "random_normal"));
        vs_var *output_scale_factor = vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "Output_ScaleFactor");
        for (int t = 0; t < seq_length; t++)
            reshaped_outputs[t] = vs_multiply(g, vs_value(output_scale_factor), vs_add(g, vs_matmul(g, dec_outputs[t], vs_value(w_out)), vs_value(b_out)));
    }
}

static vs_tensor *l2_loss(vs_graph *g, vs_tensor *x)
{
    return vs_reduce_mean(g, vs_square(g, x));
}

static void cell8(vs_graph *g)
{
    vs_tensor *loss = NULL;
    VS_VARIABLE_SCOPE(g, "Loss", .reuse = VS_AUTO_REUSE) {
        vs_tensor *output_loss = NULL;
        for (int t = 0; t < seq_length; t++) {
            vs_tensor *l = vs_reduce_mean(g, l2_loss(g, vs_subtract(g, reshaped_outputs[t], expected_sparse_output[t])));
            output_loss = output_loss ? vs_add(g, output_loss, l) : l;
        }
        vs_tensor *reg_loss = NULL;
        const vs_var_list *tvars = vs_get_collection(g, VS_TRAINABLE_VARIABLES);
        for (size_t i = 0; tvars && i < tvars->len; i++) {
            const char *name = vs_var_name(tvars->vars[i]);
            if (!(strstr(name, "Bias") || strstr(name, "Output_"))) {
                vs_tensor *l = vs_reduce_mean(g, l2_loss(g, vs_value(tvars->vars[i])));
                reg_loss = reg_loss ? vs_add(g, reg_loss, l) : l;
            }
        }
        loss = vs_add(g, output_loss, vs_multiply(g, vs_scalar_f32(g, (float)lambda_l2_reg), reg_loss));
    }
    VS_VARIABLE_SCOPE(g, "Optimizer", .reuse = VS_AUTO_REUSE) {
        vs_optimizer *optimizer = vs_rmsprop_optimizer(g, learning_rate, .decay = lr_decay, .momentum = momentum);
        vs_op *train_op = vs_minimize(g, optimizer, loss);
        (void)train_op;
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new(); /* tf.reset_default_graph() */
    cell7(g);
    cell8(g);
    cell8(g); /* the cell run again */
    vs_graph_free(g);
    return 0;
}
