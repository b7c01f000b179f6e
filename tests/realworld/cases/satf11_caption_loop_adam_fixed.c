/* realworld: satf11_caption_loop_adam (fixed)
 *
 * Source: https://github.com/tsenghungchen/SA-tensorflow/issues/11 (see
 *   the failing program's header).
 * Fix: the thread's answer ("solved here: tensorflow#6220"), as
 *   tensorflow#6220 gives it: build the model inside
 *   tf.variable_scope(tf.get_variable_scope()), so the reuse_variables()
 *   of the caption loop acts on that re-entered copy of the root scope
 *   and ends with it; Adam's slots are then made without reuse.
 */
#include "tfops.h"

enum { dim_image = 4096 * 2, dim_hidden = 512 * 2, n_frame_step = 45, n_caption_step = 35, batch_size = 100, n_words = 3000 };

typedef struct generator {
    vs_var *Wemb, *encode_image_W, *encode_image_b, *embed_att_w, *embed_att_Wa, *embed_att_Ua, *embed_att_ba;
    vs_var *embed_word_W, *embed_word_b, *embed_nn_Wp, *embed_nn_bp;
    vs_layer *lstm3;
} generator;

static vs_var *uniform_var(vs_graph *g, int64_t a, int64_t b, const char *name)
{
    vs_tensor *init = b ? tf_shaped(g, "random_uniform", VS_FLOAT32, VS_SHAPE(a, b)) : tf_shaped(g, "random_uniform", VS_FLOAT32, VS_SHAPE(a));
    return vs_variable(g, init, .name = name);
}

static void generator_init(vs_graph *g, generator *m)
{
    m->Wemb = uniform_var(g, n_words, dim_hidden, "Wemb");
    m->lstm3 = vs_lstm_cell(g, dim_hidden, .use_peepholes = true);
    m->encode_image_W = uniform_var(g, dim_image, dim_hidden, "encode_image_W");
    m->encode_image_b = uniform_var(g, dim_hidden, 0, "encode_image_b");
    m->embed_att_w = uniform_var(g, dim_hidden, 1, "embed_att_w");
    m->embed_att_Wa = uniform_var(g, dim_hidden, dim_hidden, "embed_att_Wa");
    m->embed_att_Ua = uniform_var(g, dim_hidden, dim_hidden, "embed_att_Ua");
    m->embed_att_ba = uniform_var(g, dim_hidden, 0, "embed_att_ba");
    m->embed_word_W = uniform_var(g, dim_hidden, n_words, "embed_word_W");
    m->embed_word_b = uniform_var(g, n_words, 0, "embed_word_b");
    m->embed_nn_Wp = uniform_var(g, 3 * dim_hidden, dim_hidden, "embed_nn_Wp");
    m->embed_nn_bp = uniform_var(g, dim_hidden, 0, "embed_nn_bp");
}

static vs_tensor *xw_plus_b(vs_graph *g, vs_tensor *x, vs_var *w, vs_var *b)
{
    return x ? vs_bias_add(g, vs_matmul(g, x, vs_value(w)), vs_value(b)) : NULL;
}

static vs_tensor *build_model(vs_graph *g, generator *m)
{
    vs_tensor *video = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size, n_frame_step, dim_image));
    vs_tensor *caption = vs_placeholder(g, VS_INT32, VS_SHAPE(batch_size, n_caption_step));
    vs_tensor *video_flat = tfg_reshape(g, video, VS_SHAPE(-1, dim_image));
    vs_tensor *image_emb = xw_plus_b(g, video_flat, m->encode_image_W, m->encode_image_b);
    image_emb = tfg_reshape(g, image_emb, VS_SHAPE(n_frame_step, batch_size, dim_hidden));
    vs_rnn_state *state1 = vs_rnn_zero_state(g, m->lstm3, batch_size, VS_FLOAT32);
    vs_tensor *h_prev = tf_shaped(g, "zeros", VS_FLOAT32, VS_SHAPE(batch_size, dim_hidden));
    vs_tensor *current_embed = tf_shaped(g, "zeros", VS_FLOAT32, VS_SHAPE(batch_size, dim_hidden));
    vs_tensor *ua_in[3] = {image_emb, vs_value(m->embed_att_Ua), vs_value(m->embed_att_ba)};
    vs_tensor *image_part = tf_op(g, "batch_matmul", ua_in, 3, VS_FLOAT32, VS_SHAPE(n_frame_step, batch_size, dim_hidden));
    vs_tensor *loss_caption = NULL;
    for (int i = 0; i < n_caption_step; i++) {
        vs_tensor *e_in[4] = {vs_matmul(g, h_prev, vs_value(m->embed_att_Wa)), image_part, vs_value(m->embed_att_w), image_emb};
        vs_tensor *atten = tf_op(g, "attention", e_in, 4, VS_FLOAT32, VS_SHAPE(batch_size, dim_hidden));
        if (i > 0)
            vs_reuse_variables(vs_get_variable_scope(g));
        vs_tensor *output1 = NULL;
        VS_VARIABLE_SCOPE(g, "LSTM3") {
            vs_tensor *in[2] = {atten, current_embed};
            output1 = vs_rnn_cell_call(g, m->lstm3, tfg_concat(g, in, 2, 1), state1, .new_state = &state1);
        }
        vs_tensor *cat3[3] = {output1, atten, current_embed};
        vs_tensor *output2 = vs_tanh(g, xw_plus_b(g, tfg_concat(g, cat3, 3, 1), m->embed_nn_Wp, m->embed_nn_bp));
        h_prev = output1;
        vs_tensor *word_ids = tf_shaped(g, "strided_slice", VS_INT32, VS_SHAPE(batch_size));
        (void)caption;
        current_embed = tfg_embedding_lookup(g, m->Wemb, word_ids);
        vs_tensor *logit_words = xw_plus_b(g, output2, m->embed_word_W, m->embed_word_b);
        vs_tensor *cross_entropy = tfg_loss(g, "softmax_cross_entropy_with_logits", logit_words, NULL);
        loss_caption = loss_caption ? vs_add(g, loss_caption, cross_entropy) : cross_entropy;
    }
    return loss_caption;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    generator model;
    generator_init(g, &model);
    vs_tensor *tf_loss = NULL;
    VS_VARIABLE_SCOPE_REENTER(g, vs_get_variable_scope(g)) {
        tf_loss = build_model(g, &model);
    }
    vs_op *train_op = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = 0.0001), tf_loss);
    (void)train_op;
    vs_graph_free(g);
    return 0;
}
