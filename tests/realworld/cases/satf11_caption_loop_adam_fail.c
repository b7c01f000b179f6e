/* realworld: satf11_caption_loop_adam (failing)
 *
 * Source: https://github.com/tsenghungchen/SA-tensorflow/issues/11
 *   (code: Att.py at 6aad7db).
 * TF raised (quoted from the report):
 *   ValueError: Variable Wemb/Adam/ does not exist, or was not created
 *   with tf.get_variable(). Did you mean to set reuse=None in VarScope
 * Original Python (trimmed):
 *   class Video_Caption_Generator():
 *       def __init__(self, dim_image, n_words, dim_hidden, batch_size, n_lstm_steps, drop_out_rate, ...):
 *           self.Wemb = tf.Variable(tf.random_uniform([n_words, dim_hidden], -0.1, 0.1), name='Wemb')
 *           self.lstm3 = rnn_cell.LSTMCell(self.dim_hidden, 2*self.dim_hidden, use_peepholes=True)
 *           self.lstm3_dropout = rnn_cell.DropoutWrapper(self.lstm3, output_keep_prob=1 - self.drop_out_rate)
 *           self.encode_image_W = tf.Variable(...); ... self.embed_nn_bp = tf.Variable(...)
 *       def build_model(self):
 *           video = tf.placeholder(tf.float32, [self.batch_size, self.n_lstm_steps, self.dim_image])
 *           ...
 *           for i in range(n_caption_step):
 *               e = tf.tanh(tf.matmul(h_prev, self.embed_att_Wa) + image_part) ...
 *               atten = tf.reduce_sum(attention_list, 0)
 *               if i > 0: tf.get_variable_scope().reuse_variables()
 *               with tf.variable_scope("LSTM3"):
 *                   output1, state1 = self.lstm3_dropout(tf.concat(1, [atten, current_embed]), state1)
 *               output2 = tf.tanh(tf.nn.xw_plus_b(tf.concat(1, [output1, atten, current_embed]), self.embed_nn_Wp, self.embed_nn_bp))
 *               h_prev = output1
 *               current_embed = tf.nn.embedding_lookup(self.Wemb, caption[:, i])
 *               logit_words = tf.nn.xw_plus_b(output2, self.embed_word_W, self.embed_word_b)
 *               loss_caption += tf.reduce_sum(cross_entropy)
 *           ...
 *   def train():
 *       model = Video_Caption_Generator(dim_image=dim_image, n_words=len(wordtoix), ...)
 *       tf_loss, tf_video, tf_video_mask, tf_caption, tf_caption_mask = model.build_model()
 *       sess = tf.InteractiveSession(...)
 *       saver = tf.train.Saver(max_to_keep=100)
 *       train_op = tf.train.AdamOptimizer(learning_rate).minimize(tf_loss)
 * Why: reuse_variables() in the caption loop turns reuse on in the root
 *   variable scope (the loop is not inside a scope of its own), and
 *   nothing turns it off; Adam's slot creator then runs get_variable for
 *   Wemb/Adam under reuse (slot_creator.py) and finds nothing.  The
 *   thread's answer points at tensorflow#6220.
 * Library calls: vs_variable, vs_lstm_cell, vs_rnn_zero_state,
 *   vs_rnn_cell_call, vs_reuse_variables, vs_adam_optimizer, vs_minimize;
 *   tfops.h (tfg_* forms, so the loss depends on the variables as TF's).
 * Translation: Att.py's sizes (dim_image 8192, dim_hidden 1024, 45
 *   frames, 35 caption steps, batch 100); a vocabulary of 3000 words; the
 *   attention's tiles and batch_matmuls are loss-preserving stand-ins
 *   over the same variables; TF 0.12's concatenated LSTM state is the
 *   cell's zero state; the DropoutWrapper adds no variable.
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
    vs_tensor *tf_loss = build_model(g, &model);
    vs_op *train_op = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = 0.0001), tf_loss); // expect: missing-variable
    (void)train_op;
    vs_graph_free(g);
    return 0;
}
