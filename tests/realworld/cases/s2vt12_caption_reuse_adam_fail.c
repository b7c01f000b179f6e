/* realworld: s2vt12_caption_reuse_adam (failing)
 *
 * Source: https://github.com/chenxinpeng/S2VT/issues/12
 *   ("error model_rgb.train()", jinjinyuan, 2017-11-08; code: model_RGB.py
 *   at 77996fc, with the reporter's reuse=False scope around the saver
 *   and Adam, as the report's traceback shows it).
 * TF raised (the report's traceback, cut before the message, ends in
 *   AdamOptimizer.minimize -> apply_gradients -> _create_slots; TF 1.15's
 *   text for that call):
 *     ---> 290         train_op = tf.train.AdamOptimizer(learning_rate).minimize(tf_loss)
 *   ValueError: Variable Wemb/Adam/ does not exist, or was not created with
 *   tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?
 * Original Python (trimmed):
 *   class Video_Caption_Generator():
 *       def __init__(self, dim_image, n_words, dim_hidden, batch_size, n_lstm_steps, n_video_lstm_step, n_caption_lstm_step, bias_init_vector=None):
 *           with tf.device("/cpu:0"):
 *               self.Wemb = tf.Variable(tf.random_uniform([n_words, dim_hidden], -0.1, 0.1), name='Wemb')
 *           self.lstm1 = tf.nn.rnn_cell.BasicLSTMCell(dim_hidden, state_is_tuple=False)
 *           self.lstm2 = tf.nn.rnn_cell.BasicLSTMCell(dim_hidden, state_is_tuple=False)
 *           self.encode_image_W = tf.Variable(tf.random_uniform([dim_image, dim_hidden], -0.1, 0.1), name='encode_image_W')
 *           self.encode_image_b = tf.Variable(tf.zeros([dim_hidden]), name='encode_image_b')
 *           self.embed_word_W = tf.Variable(tf.random_uniform([dim_hidden, n_words], -0.1, 0.1), name='embed_word_W')
 *           self.embed_word_b = tf.Variable(bias_init_vector.astype(np.float32), name='embed_word_b')
 *       def build_model(self):
 *           video = tf.placeholder(tf.float32, [self.batch_size, self.n_video_lstm_step, self.dim_image])
 *           caption = tf.placeholder(tf.int32, [self.batch_size, self.n_caption_lstm_step+1])
 *           video_flat = tf.reshape(video, [-1, self.dim_image])
 *           image_emb = tf.nn.xw_plus_b(video_flat, self.encode_image_W, self.encode_image_b)
 *           image_emb = tf.reshape(image_emb, [self.batch_size, self.n_lstm_steps, self.dim_hidden])
 *           state1 = tf.zeros([self.batch_size, self.lstm1.state_size]); state2 = ...
 *           padding = tf.zeros([self.batch_size, self.dim_hidden])
 *           for i in range(0, self.n_video_lstm_step):
 *               if i > 0:
 *                   tf.get_variable_scope().reuse_variables()
 *               with tf.variable_scope("LSTM1"):
 *                   output1, state1 = self.lstm1(image_emb[:,i,:], state1)
 *               with tf.variable_scope("LSTM2"):
 *                   output2, state2 = self.lstm2(tf.concat(1, [padding, output1]), state2)
 *           for i in range(0, self.n_caption_lstm_step):
 *               with tf.device("/cpu:0"):
 *                   current_embed = tf.nn.embedding_lookup(self.Wemb, caption[:, i])
 *               tf.get_variable_scope().reuse_variables()
 *               with tf.variable_scope("LSTM1"):
 *                   output1, state1 = self.lstm1(padding, state1)
 *               with tf.variable_scope("LSTM2"):
 *                   output2, state2 = self.lstm2(tf.concat(1, [current_embed, output1]), state2)
 *               ... logit_words = tf.nn.xw_plus_b(output2, self.embed_word_W, self.embed_word_b)
 *               cross_entropy = tf.nn.softmax_cross_entropy_with_logits(logit_words, onehot_labels) * caption_mask[:,i]
 *               loss = loss + tf.reduce_sum(cross_entropy)/self.batch_size
 *           return loss, video, video_mask, caption, caption_mask, probs
 *   def train():
 *       ... (data, vocabulary)
 *       model = Video_Caption_Generator(dim_image=4096, n_words=len(wordtoix), dim_hidden=1000, batch_size=50,
 *                                       n_lstm_steps=80, n_video_lstm_step=80, n_caption_lstm_step=20, bias_init_vector=bias_init_vector)
 *       tf_loss, tf_video, tf_video_mask, tf_caption, tf_caption_mask, tf_probs = model.build_model()
 *       sess = tf.InteractiveSession()
 *       with tf.variable_scope(tf.get_variable_scope(), reuse=False):
 *           saver = tf.train.Saver(max_to_keep=100, write_version=1)
 *           train_op = tf.train.AdamOptimizer(learning_rate).minimize(tf_loss)
 * Why: build_model's reuse_variables() sets reuse on the root variable
 *   scope, and it stays on; reuse=False when re-entering the root scope
 *   object means "inherit", so Adam's slots (get_variable under the slot
 *   creator's scope) are looked up, and the first variable with a
 *   gradient, Wemb, has none.
 * Library calls: vs_variable, vs_basic_lstm_cell, vs_rnn_zero_state,
 *   vs_rnn_cell_call, scopes (block forms), vs_reuse_variables,
 *   vs_adam_optimizer, vs_minimize; tfops.h for reshape, concat, the
 *   embedding lookups and the losses.
 * Translation: the cells' state_is_tuple=False (a concatenated state,
 *   which the library's cells do not have) is their state tuple: the
 *   variables and their names are the same; the vocabulary of MSVD's
 *   captions is 12593 words here (the program counts it from the data);
 *   the session and the Saver make no variable.
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
    vs_tensor *tf_loss = build_model(g, &model);
    VS_VARIABLE_SCOPE_REENTER(g, vs_get_variable_scope(g), .reuse = VS_REUSE_INHERIT) {   /* reuse=False */
        vs_op *train_op = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = 0.0001), tf_loss); // expect: missing-variable
        (void)train_op;
    }
    vs_graph_free(g);
}

int main(void)
{
    train();
    return 0;
}
