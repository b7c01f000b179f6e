/* realworld: s2vt12_caption_reuse_adam (fixed)
 *
 * Source: https://github.com/chenxinpeng/S2VT/issues/12
 * Fix: the thread's answer (Tsingzao, 2017-12-28): "It seems adding a
 *   scope before model construction is feasible":
 *       with tf.variable_scope(tf.get_variable_scope()) as scope:
 *           tf_loss, tf_video, tf_video_mask, tf_caption, tf_caption_mask, tf_probs = model.build_model()
 *   build_model's reuse_variables() then sets reuse on the re-entered
 *   copy of the root scope, which ends with the block; Adam's slots are
 *   made under the root scope, whose reuse is still off.
 * Translation: as the failing program with build_model in
 *   VS_VARIABLE_SCOPE_REENTER of the root scope.
 */
#include "tfops.h"

enum { dim_image = 4096, dim_hidden = 1000, batch_size = 50, n_video_lstm_step = 80, n_caption_lstm_step = 20, n_frame_step = 80, n_words = 12593 };

typedef struct video_caption_generator {
    vs_var *Wemb, *encode_image_W, *encode_image_b, *embed_word_W, *embed_word_b;
    vs_layer *lstm1, *lstm2;
} video_caption_generator;

static void generator_init(vs_graph *g, video_caption_generator *self)
{
    self->Wemb = vs_variable(g, tf_shaped(g, "random_uniform", VS_FLOAT32, VS_SHAPE(n_words, dim_hidden)), .name = "Wemb");
    self->lstm1 = vs_basic_lstm_cell(g, dim_hidden);
    self->lstm2 = vs_basic_lstm_cell(g, dim_hidden);
    self->encode_image_W = vs_variable(g, tf_shaped(g, "random_uniform", VS_FLOAT32, VS_SHAPE(dim_image, dim_hidden)), .name = "encode_image_W");
    self->encode_image_b = vs_variable(g, tf_shaped(g, "zeros", VS_FLOAT32, VS_SHAPE(dim_hidden)), .name = "encode_image_b");
    self->embed_word_W = vs_variable(g, tf_shaped(g, "random_uniform", VS_FLOAT32, VS_SHAPE(dim_hidden, n_words)), .name = "embed_word_W");
    self->embed_word_b = vs_variable(g, tf_shaped(g, "bias_init_vector", VS_FLOAT32, VS_SHAPE(n_words)), .name = "embed_word_b");
}

static vs_tensor *build_model(vs_graph *g, video_caption_generator *self)
{
    vs_tensor *video = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size, n_video_lstm_step, dim_image));
    vs_tensor *caption = vs_placeholder(g, VS_INT32, VS_SHAPE(batch_size, n_caption_lstm_step + 1));
    vs_tensor *video_flat = tfg_reshape(g, video, VS_SHAPE(-1, dim_image));
    vs_tensor *image_emb = vs_add(g, vs_matmul(g, video_flat, vs_value(self->encode_image_W)), vs_value(self->encode_image_b));
    image_emb = tfg_reshape(g, image_emb, VS_SHAPE(batch_size, n_frame_step, dim_hidden));
    vs_rnn_state *state1 = vs_rnn_zero_state(g, self->lstm1, batch_size, VS_FLOAT32);
    vs_rnn_state *state2 = vs_rnn_zero_state(g, self->lstm2, batch_size, VS_FLOAT32);
    vs_tensor *padding = tf_shaped(g, "zeros", VS_FLOAT32, VS_SHAPE(batch_size, dim_hidden));
    vs_tensor *loss = vs_scalar_f32(g, 0.0f);

    /* Encoding Stage */
    for (int i = 0; i < n_video_lstm_step; i++) {
        if (i > 0)
            vs_reuse_variables(vs_get_variable_scope(g));
        vs_tensor *output1 = NULL;
        VS_VARIABLE_SCOPE(g, "LSTM1") {
            output1 = vs_rnn_cell_call(g, self->lstm1, tf_op(g, "strided_slice", &image_emb, 1, VS_FLOAT32, VS_SHAPE(batch_size, dim_hidden)), state1, .new_state = &state1);
        }
        VS_VARIABLE_SCOPE(g, "LSTM2") {
            vs_tensor *both[2] = {padding, output1};
            vs_rnn_cell_call(g, self->lstm2, tfg_concat(g, both, 2, 1), state2, .new_state = &state2);
        }
    }
    /* Decoding Stage */
    for (int i = 0; i < n_caption_lstm_step; i++) {
        vs_tensor *current_embed = tfg_embedding_lookup(g, self->Wemb, tf_op(g, "strided_slice", &caption, 1, VS_INT32, VS_SHAPE(batch_size)));
        vs_reuse_variables(vs_get_variable_scope(g));
        vs_tensor *output1 = NULL, *output2 = NULL;
        VS_VARIABLE_SCOPE(g, "LSTM1") {
            output1 = vs_rnn_cell_call(g, self->lstm1, padding, state1, .new_state = &state1);
        }
        VS_VARIABLE_SCOPE(g, "LSTM2") {
            vs_tensor *both[2] = {current_embed, output1};
            output2 = vs_rnn_cell_call(g, self->lstm2, tfg_concat(g, both, 2, 1), state2, .new_state = &state2);
        }
        vs_tensor *logit_words = vs_add(g, vs_matmul(g, output2, vs_value(self->embed_word_W)), vs_value(self->embed_word_b));
        vs_tensor *cross_entropy = tf_op(g, "SoftmaxCrossEntropyWithLogits", &logit_words, 1, VS_FLOAT32, VS_SHAPE(batch_size));
        vs_tensor *current_loss = tfg_loss(g, "Sum", cross_entropy, NULL);
        loss = vs_add(g, loss, current_loss);
    }
    return loss;
}

static void train(void)
{
    vs_graph *g = vs_graph_new();
    video_caption_generator model;
    generator_init(g, &model);
    vs_tensor *tf_loss = NULL;
    VS_VARIABLE_SCOPE_REENTER(g, vs_get_variable_scope(g)) {
        tf_loss = build_model(g, &model);
    }
    VS_VARIABLE_SCOPE_REENTER(g, vs_get_variable_scope(g), .reuse = VS_REUSE_INHERIT) {   /* reuse=False */
        vs_op *train_op = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = 0.0001), tf_loss);
        (void)train_op;
    }
    vs_graph_free(g);
}

int main(void)
{
    train();
    return 0;
}
