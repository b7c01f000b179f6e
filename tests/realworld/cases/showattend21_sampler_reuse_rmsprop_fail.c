/* realworld: showattend21_sampler_reuse_rmsprop (failing)
 *
 * Source: https://github.com/yunjey/show-attend-and-tell/issues/21
 *   (code: core/solver.py, core/model.py, train.py at 09cf83d, the
 *   report's day).
 * TF raised (quoted from the report):
 *   ValueError: Variable conv_featuresbatch_norm/beta/RMSProp/ does not
 *   exist, or was not created with tf.get_variable(). Did you mean to set
 *   reuse=None in VarScope?
 *   occured in this line(87):  train_op = optimizer.apply_gradients(grads_and_vars=grads_and_vars)
 * Original Python (trimmed):
 *   # CaptioningSolver.train():
 *   loss = self.model.build_model()
 *   tf.get_variable_scope().reuse_variables()
 *   _, _, generated_captions = self.model.build_sampler(max_len=20)
 *   with tf.name_scope('optimizer'):
 *       optimizer = self.optimizer(learning_rate=self.learning_rate)   # update_rule 'rmsprop'
 *       grads = tf.gradients(loss, tf.trainable_variables())
 *       grads_and_vars = list(zip(grads, tf.trainable_variables()))
 *       train_op = optimizer.apply_gradients(grads_and_vars=grads_and_vars)
 *   # CaptionGenerator:
 *   def _batch_norm(self, x, mode='train', name=None):
 *       return tf.contrib.layers.batch_norm(inputs=x, decay=0.95, center=True, scale=True,
 *           is_training=(mode=='train'), updates_collections=None, scope=(name+'batch_norm'))
 *   def build_model(self):
 *       features = self._batch_norm(self.features, mode='train', name='conv_features')
 *       c, h = self._get_initial_lstm(features=features)      # initial_lstm/w_h, b_h, w_c, b_c
 *       x = self._word_embedding(inputs=captions_in)          # word_embedding/w
 *       features_proj = self._project_features(features=features)   # project_features/w
 *       lstm_cell = tf.nn.rnn_cell.BasicLSTMCell(num_units=self.H)
 *       for t in range(self.T):
 *           context, alpha = self._attention_layer(features, features_proj, h, reuse=(t!=0))
 *           context, beta = self._selector(context, h, reuse=(t!=0))
 *           with tf.variable_scope('lstm', reuse=(t!=0)):
 *               _, (c, h) = lstm_cell(inputs=tf.concat(1, [x[:,t,:], context]), state=[c, h])
 *           logits = self._decode_lstm(x[:,t,:], h, context, dropout=self.dropout, reuse=(t!=0))
 *           loss += tf.reduce_sum(...)
 *   def build_sampler(self, max_len=20): the same network, in test mode, with a new
 *       BasicLSTMCell and the word embedding of the previous sampled word
 * Why: reuse_variables() before build_sampler turns reuse on in the root
 *   variable scope for good (a name scope does not reset it), so RMSProp's
 *   slot creator looks up the slot of the first trainable variable,
 *   conv_featuresbatch_norm/beta, instead of making it.  (The sampler
 *   itself is meant to share: every scope it opens with reuse=False
 *   inherits the root's reuse.)
 * Library calls: tfc_batch_norm (tfcontrib.h), vs_get_variable,
 *   vs_variable_scope_enter (block form, .reuse), vs_reuse_variables,
 *   vs_basic_lstm_cell, vs_rnn_cell_call, vs_rmsprop_optimizer,
 *   vs_minimize; tfops.h (tfg_* forms).
 * Translation: train.py's sizes (features 196 x 512, embed 512, hidden
 *   1024, 16 steps, selector, ctx2out, prev2out, dropout) and the
 *   reporter's update rule 'rmsprop' at train.py's learning rate; a
 *   vocabulary of 23110 words (ours; prepro.py builds it from COCO);
 *   tf.gradients over tf.trainable_variables() + apply_gradients is one
 *   minimize over the same variables at the apply_gradients line; the
 *   LSTM state (c, h) starts from initial_lstm's tensors, as the
 *   library's zero state of the cell here.
 */
#include <stdbool.h>

#include "tfcontrib.h"
#include "tfops.h"

enum { L = 196, D = 512, M = 512, H = 1024, T = 16, V = 23110 };

typedef struct caption_generator {
    vs_tensor *features, *captions;
} caption_generator;

static vs_tensor *batch_norm(vs_graph *g, vs_tensor *x, bool train)
{
    return tfc_batch_norm(g, x, .decay = 0.95, .scale = true, .not_training = !train, .no_updates_collections = true, .scope = "conv_featuresbatch_norm");
}

static vs_var *weight(vs_graph *g, const char *name, const vs_shape *shape)
{
    return vs_get_variable(g, name, .shape = shape, .initializer = vs_init_glorot_uniform());
}

static vs_var *bias(vs_graph *g, const char *name, int64_t n)
{
    return vs_get_variable(g, name, .shape = VS_SHAPE(n), .initializer = vs_init_constant(0.0));
}

static vs_tensor *affine(vs_graph *g, vs_tensor *x, vs_var *w, vs_var *b)
{
    return x && w && b ? vs_add(g, vs_matmul(g, x, vs_value(w)), vs_value(b)) : NULL;
}

static vs_tensor *get_initial_lstm(vs_graph *g, vs_tensor *features)
{
    vs_tensor *h = NULL;
    VS_VARIABLE_SCOPE(g, "initial_lstm") {
        vs_tensor *features_mean = tfg_reshape(g, features, VS_SHAPE(-1, D));
        vs_var *w_h = weight(g, "w_h", VS_SHAPE(D, H));
        vs_var *b_h = bias(g, "b_h", H);
        h = vs_tanh(g, affine(g, features_mean, w_h, b_h));
        vs_var *w_c = weight(g, "w_c", VS_SHAPE(D, H));
        vs_var *b_c = bias(g, "b_c", H);
        (void)affine(g, features_mean, w_c, b_c);
    }
    return h;
}

static vs_tensor *word_embedding(vs_graph *g, vs_tensor *inputs, bool reuse)
{
    vs_tensor *x = NULL;
    VS_VARIABLE_SCOPE(g, "word_embedding", .reuse = reuse ? VS_REUSE : VS_REUSE_INHERIT) {
        vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(V, M), .initializer = vs_init_random_uniform(-1.0, 1.0));
        x = tfg_embedding_lookup(g, w, inputs);
    }
    return x;
}

static vs_tensor *project_features(vs_graph *g, vs_tensor *features)
{
    vs_tensor *proj = NULL;
    VS_VARIABLE_SCOPE(g, "project_features") {
        vs_var *w = weight(g, "w", VS_SHAPE(D, D));
        proj = w ? tfg_reshape(g, vs_matmul(g, tfg_reshape(g, features, VS_SHAPE(-1, D)), vs_value(w)), VS_SHAPE(-1, L, D)) : NULL;
    }
    return proj;
}

static vs_tensor *attention_layer(vs_graph *g, vs_tensor *features, vs_tensor *features_proj, vs_tensor *h, bool reuse)
{
    vs_tensor *context = NULL;
    VS_VARIABLE_SCOPE(g, "attention_layer", .reuse = reuse ? VS_REUSE : VS_REUSE_INHERIT) {
        vs_var *w = weight(g, "w", VS_SHAPE(H, D));
        vs_var *b = bias(g, "b", D);
        vs_var *w_att = weight(g, "w_att", VS_SHAPE(D, 1));
        if (w && b && w_att && h) {
            vs_tensor *ins[5] = {features, features_proj, vs_matmul(g, h, vs_value(w)), vs_value(b), vs_value(w_att)};
            context = tf_op(g, "context", ins, 5, VS_FLOAT32, VS_SHAPE(-1, D));
        }
    }
    return context;
}

static vs_tensor *selector(vs_graph *g, vs_tensor *context, vs_tensor *h, bool reuse)
{
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, "selector", .reuse = reuse ? VS_REUSE : VS_REUSE_INHERIT) {
        vs_var *w = weight(g, "w", VS_SHAPE(H, 1));
        vs_var *b = bias(g, "b", 1);
        vs_tensor *beta = vs_sigmoid(g, affine(g, h, w, b));
        out = beta && context ? vs_multiply(g, beta, context, .name = "selected_context") : NULL;
    }
    return out;
}

static vs_tensor *decode_lstm(vs_graph *g, vs_tensor *x, vs_tensor *h, vs_tensor *context, bool reuse)
{
    vs_tensor *out_logits = NULL;
    VS_VARIABLE_SCOPE(g, "logits", .reuse = reuse ? VS_REUSE : VS_REUSE_INHERIT) {
        vs_var *w_h = weight(g, "w_h", VS_SHAPE(H, M));
        vs_var *b_h = bias(g, "b_h", M);
        vs_var *w_out = weight(g, "w_out", VS_SHAPE(M, V));
        vs_var *b_out = bias(g, "b_out", V);
        vs_tensor *h_logits = affine(g, h, w_h, b_h);
        vs_var *w_ctx2out = weight(g, "w_ctx2out", VS_SHAPE(D, M));
        if (h_logits && w_ctx2out && context && x) {
            h_logits = vs_add(g, h_logits, vs_matmul(g, context, vs_value(w_ctx2out)));
            h_logits = vs_tanh(g, vs_add(g, h_logits, x));
        }
        out_logits = affine(g, h_logits, w_out, b_out);
    }
    return out_logits;
}

static vs_tensor *step(vs_graph *g, vs_layer *lstm_cell, vs_rnn_state **state, vs_tensor *features, vs_tensor *features_proj, vs_tensor **h, vs_tensor *x_t, int t)
{
    vs_tensor *context = attention_layer(g, features, features_proj, *h, t != 0);
    context = selector(g, context, *h, t != 0);
    VS_VARIABLE_SCOPE(g, "lstm", .reuse = t != 0 ? VS_REUSE : VS_REUSE_INHERIT) {
        vs_tensor *in[2] = {x_t, context};
        vs_tensor *cat = x_t && context ? tfg_concat(g, in, 2, 1) : NULL;
        *h = cat ? vs_rnn_cell_call(g, lstm_cell, cat, *state, .new_state = state) : NULL;
    }
    return decode_lstm(g, x_t, *h, context, t != 0);
}

static vs_tensor *build_model(vs_graph *g, caption_generator *m)
{
    vs_tensor *features = batch_norm(g, m->features, true);
    vs_tensor *h = get_initial_lstm(g, features);
    vs_tensor *captions_in = tf_shaped(g, "strided_slice", VS_INT32, VS_SHAPE(-1, T));
    vs_tensor *x = word_embedding(g, captions_in, false);
    vs_tensor *features_proj = project_features(g, features);
    vs_layer *lstm_cell = vs_basic_lstm_cell(g, H);
    vs_rnn_state *state = vs_rnn_zero_state(g, lstm_cell, -1, VS_FLOAT32);
    vs_tensor *loss = NULL;
    for (int t = 0; t < T; t++) {
        vs_tensor *x_t = tfg_reshape(g, x, VS_SHAPE(-1, M));   /* x[:, t, :] */
        vs_tensor *logits = step(g, lstm_cell, &state, features, features_proj, &h, x_t, t);
        vs_tensor *l = tfg_loss(g, "sparse_softmax_cross_entropy_with_logits", logits, NULL);
        loss = loss ? vs_add(g, loss, l) : l;
    }
    return loss;
}

static vs_tensor *build_sampler(vs_graph *g, caption_generator *m, int max_len)
{
    vs_tensor *features = batch_norm(g, m->features, false);
    vs_tensor *h = get_initial_lstm(g, features);
    vs_tensor *features_proj = project_features(g, features);
    vs_layer *lstm_cell = vs_basic_lstm_cell(g, H);
    vs_rnn_state *state = vs_rnn_zero_state(g, lstm_cell, -1, VS_FLOAT32);
    vs_tensor *sampled_word = NULL;
    for (int t = 0; t < max_len; t++) {
        vs_tensor *x = t == 0 ? word_embedding(g, tf_shaped(g, "Fill", VS_INT32, VS_SHAPE(-1)), false)
                              : word_embedding(g, sampled_word, true);
        vs_tensor *logits = step(g, lstm_cell, &state, features, features_proj, &h, x, t);
        sampled_word = logits ? tf_shaped(g, "ArgMax", VS_INT64, VS_SHAPE(-1)) : NULL;
    }
    return sampled_word;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    caption_generator model = {vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, L, D)),
                               vs_placeholder(g, VS_INT32, VS_SHAPE(-1, T + 1))};
    vs_tensor *loss = build_model(g, &model);
    vs_reuse_variables(vs_get_variable_scope(g));
    vs_tensor *generated_captions = build_sampler(g, &model, 20);
    (void)generated_captions;
    VS_NAME_SCOPE(g, "optimizer") {
        vs_optimizer *optimizer = vs_rmsprop_optimizer(g, 0.001);
        vs_op *train_op = loss ? vs_minimize(g, optimizer, loss) : NULL; // expect: missing-variable
        (void)train_op;
    }
    vs_graph_free(g);
    return 0;
}
