/* realworld: rlchatbot_wemb_adam (fixed)
 *
 * Source: https://github.com/pochih/RL-Chatbot/issues/7 (see the failing
 *   program's header).
 * Fix (the reporter's, in the thread): the graph-building part of
 *   build_model runs inside tf.variable_scope(tf.get_variable_scope()), a
 *   copy of the root scope; the reuse_variables() calls of the loops switch
 *   on reuse in that copy only, and the optimizer, built after the block,
 *   creates Wemb/Adam ... at the root.  (The useless reuse=False wrapper is
 *   kept: it no longer matters.)
 */
#include "tfops.h"

typedef struct Seq2Seq_chatbot {
    int dim_wordvec, n_words, dim_hidden, batch_size, n_encode_lstm_step, n_decode_lstm_step;
    double lr;
    vs_var *Wemb, *encode_vector_W, *encode_vector_b, *embed_word_W, *embed_word_b;
    vs_layer *lstm1, *lstm2;
} Seq2Seq_chatbot;

static vs_tensor *random_uniform(vs_graph *g, const vs_shape *shape)
{
    return vs_placeholder(g, VS_FLOAT32, shape, .name = "random_uniform");
}

static void Seq2Seq_chatbot_init(vs_graph *g, Seq2Seq_chatbot *self)
{
    self->Wemb = vs_variable(g, random_uniform(g, VS_SHAPE(self->n_words, self->dim_hidden)), .name = "Wemb");
    self->lstm1 = vs_basic_lstm_cell(g, self->dim_hidden);
    self->lstm2 = vs_basic_lstm_cell(g, self->dim_hidden);
    self->encode_vector_W = vs_variable(g, random_uniform(g, VS_SHAPE(self->dim_wordvec, self->dim_hidden)), .name = "encode_vector_W");
    self->encode_vector_b = vs_variable(g, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(self->dim_hidden), .name = "zeros"), .name = "encode_vector_b");
    self->embed_word_W = vs_variable(g, random_uniform(g, VS_SHAPE(self->dim_hidden, self->n_words)), .name = "embed_word_W");
    self->embed_word_b = vs_variable(g, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(self->n_words), .name = "Const"), .name = "embed_word_b");
}

/* one column of a [batch, steps, dim] tensor: x[:, i, :] */
static vs_tensor *column(vs_graph *g, vs_tensor *x)
{
    const vs_shape *s = vs_tensor_shape(x);
    vs_tensor *in[1] = {x};
    return tf_op(g, "strided_slice", in, 1, vs_tensor_dtype(x), VS_SHAPE(s->dims[0], s->dims[2]));
}

static vs_tensor *build_loss(vs_graph *g, Seq2Seq_chatbot *self)
{
    int B = self->batch_size, H = self->dim_hidden;
    vs_tensor *word_vectors = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(B, self->n_encode_lstm_step, self->dim_wordvec));
    vs_tensor *caption = vs_placeholder(g, VS_INT32, VS_SHAPE(B, self->n_decode_lstm_step + 1));
    vs_tensor *caption_mask = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(B, self->n_decode_lstm_step + 1));
    (void)caption_mask;

    vs_tensor *word_vectors_flat = tfg_reshape(g, word_vectors, VS_SHAPE(-1, self->dim_wordvec));
    vs_tensor *wordvec_emb = vs_add(g, vs_matmul(g, word_vectors_flat, vs_value(self->encode_vector_W)), vs_value(self->encode_vector_b));
    wordvec_emb = tfg_reshape(g, wordvec_emb, VS_SHAPE(B, self->n_encode_lstm_step, H));

    vs_rnn_state *state1 = vs_rnn_zero_state(g, self->lstm1, B, VS_FLOAT32);
    vs_rnn_state *state2 = vs_rnn_zero_state(g, self->lstm2, B, VS_FLOAT32);
    vs_tensor *padding = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(B, H), .name = "zeros");
    vs_tensor *loss = NULL;

    /* Encoding Stage */
    for (int i = 0; i < self->n_encode_lstm_step; i++) {
        if (i > 0)
            vs_reuse_variables(vs_get_variable_scope(g));
        vs_tensor *output1 = NULL;
        VS_VARIABLE_SCOPE(g, "LSTM1") {
            output1 = vs_rnn_cell_call(g, self->lstm1, column(g, wordvec_emb), state1, .new_state = &state1);
        }
        VS_VARIABLE_SCOPE(g, "LSTM2") {
            vs_tensor *parts[2] = {padding, output1};
            vs_rnn_cell_call(g, self->lstm2, tfg_concat(g, parts, 2, 1), state2, .new_state = &state2);
        }
    }

    /* Decoding Stage */
    for (int i = 0; i < self->n_decode_lstm_step; i++) {
        vs_tensor *ids = tfg_reshape(g, caption, VS_SHAPE(B)); /* caption[:, i] */
        vs_tensor *lookup_in[2] = {vs_value(self->Wemb), ids};
        vs_tensor *current_embed = tf_op(g, "embedding_lookup", lookup_in, 2, VS_FLOAT32, VS_SHAPE(B, H));
        vs_reuse_variables(vs_get_variable_scope(g));
        vs_tensor *output1 = NULL, *output2 = NULL;
        VS_VARIABLE_SCOPE(g, "LSTM1") {
            output1 = vs_rnn_cell_call(g, self->lstm1, padding, state1, .new_state = &state1);
        }
        VS_VARIABLE_SCOPE(g, "LSTM2") {
            vs_tensor *parts[2] = {current_embed, output1};
            output2 = vs_rnn_cell_call(g, self->lstm2, tfg_concat(g, parts, 2, 1), state2, .new_state = &state2);
        }
        vs_tensor *logit_words = vs_add(g, vs_matmul(g, output2, vs_value(self->embed_word_W)), vs_value(self->embed_word_b));
        vs_tensor *current_loss = tfg_loss(g, "softmax_cross_entropy_with_logits", logit_words, NULL);
        loss = loss ? vs_add(g, loss, current_loss) : current_loss;
    }

    return loss;
}

static vs_op *build_model(vs_graph *g, Seq2Seq_chatbot *self)
{
    vs_tensor *loss = NULL;
    VS_VARIABLE_SCOPE_REENTER(g, vs_get_variable_scope(g)) { /* add this line in model.py */
        loss = build_loss(g, self);
    }
    vs_op *train_op = NULL;
    VS_VARIABLE_SCOPE_REENTER(g, vs_get_variable_scope(g), .reuse = VS_REUSE_INHERIT) {
        train_op = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = self->lr), loss);
    }
    return train_op;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    Seq2Seq_chatbot model = {.dim_wordvec = 300, .n_words = 5000, .dim_hidden = 1000, .batch_size = 100, .n_encode_lstm_step = 22 + 22, .n_decode_lstm_step = 22, .lr = 0.0001};
    Seq2Seq_chatbot_init(g, &model);
    vs_op *train_op = build_model(g, &model);
    (void)train_op;
    vs_graph_free(g);
    return 0;
}
