/* realworld: dmn4_dense_reuse_kwarg (failing)
 *
 * Source: https://github.com/barronalex/Dynamic-Memory-Networks-in-TensorFlow/issues/4
 *   (TF 1.2); code: dmn_plus.py and dmn_train.py at commit 11b9ea6, the
 *   version the report ran (PR #5, commit 43a6609, fixed it).
 * TF raised (quoted from the report):
 *   Trying to share variable DMN/memory/attention/dense/kernel, but
 *   specified shape (100, 1) and found shape (400, 100)
 *   "this error comes from these two line[s]" (the two dense calls below).
 * Original Python (dmn_plus.py, trimmed):
 *   def get_attention(self, q_vec, prev_memory, fact_vec, reuse):
 *       with tf.variable_scope("attention", reuse=reuse):
 *           features = [fact_vec*q_vec, fact_vec*prev_memory,
 *                       tf.abs(fact_vec - q_vec), tf.abs(fact_vec - prev_memory)]
 *           feature_vec = tf.concat(features, 1)
 *           attention = tf.layers.dense(feature_vec, self.config.embed_size,
 *                   activation=tf.nn.tanh, reuse=reuse)
 *           attention = tf.layers.dense(attention, 1, activation=None, reuse=reuse)
 *       return attention
 *   def generate_episode(self, memory, q_vec, fact_vecs, hop_index):
 *       attentions = [tf.squeeze(self.get_attention(q_vec, memory, fv,
 *               bool(hop_index) or bool(i)), axis=1)
 *           for i, fv in enumerate(tf.unstack(fact_vecs, axis=1))]
 *   ... in inference(): with tf.variable_scope("memory", ...): for i in
 *   range(num_hops): episode = self.generate_episode(prev_memory, q_vec,
 *   fact_vecs, i); and dmn_train.py builds the model in
 *   `with tf.variable_scope('DMN') as scope:`.
 * Why: for the first fact reuse is False, and an unnamed dense layer takes
 *   a unique default scope: attention/dense, attention/dense_1.  For the
 *   second fact reuse is True, and a layer built with reuse=True enters
 *   variable_scope(base_name) by string, without making it unique
 *   (layers/base.py, Layer._set_scope): both layers are attention/dense,
 *   and the second asks for a [100, 1] kernel where a [400, 100] one is.
 * Library calls: vs_gru_cell + vs_dynamic_rnn (the question GRU), vs_dense
 *   with .reuse, variable scopes by string with .reuse, vs_multiply,
 *   vs_subtract; tfops.h for abs, concat, unstack, squeeze.
 * Translation: the report's shapes give embed_size = hidden_size = 100;
 *   batch 100, 4 facts, question length 6.  The fact vectors come from a
 *   bidirectional GRU the library lacks: a placeholder of its output shape
 *   stands for it (built in "input", before "memory", as the original).
 *   The episode GRU and the answer module come after the failing call and
 *   are left out.  reuse=False is VS_REUSE_INHERIT (TF treats False as
 *   None in variable_scope and in a layer's `if self._reuse`).
 */
#include <stdbool.h>

#include "tfops.h"

typedef struct Config {
    int batch_size, embed_size, hidden_size, num_hops, max_facts, max_q_len;
} Config;

typedef struct DMN_PLUS {
    Config config;
    vs_tensor *question, *facts;
} DMN_PLUS;

static vs_reuse as_reuse(bool reuse)
{
    return reuse ? VS_REUSE : VS_REUSE_INHERIT;
}

static vs_tensor *get_attention(vs_graph *g, DMN_PLUS *self, vs_tensor *q_vec, vs_tensor *prev_memory, vs_tensor *fact_vec, bool reuse)
{
    vs_tensor *attention = NULL;
    VS_VARIABLE_SCOPE(g, "attention", .reuse = as_reuse(reuse)) {
        vs_tensor *features[4] = {
            vs_multiply(g, fact_vec, q_vec),
            vs_multiply(g, fact_vec, prev_memory),
            tf_like(g, "Abs", vs_subtract(g, fact_vec, q_vec)),
            tf_like(g, "Abs_1", vs_subtract(g, fact_vec, prev_memory)),
        };
        vs_tensor *feature_vec = tf_concat(g, features, 4, 1);
        attention = vs_dense(g, feature_vec, self->config.embed_size, .activation = VS_ACT_TANH, .reuse = as_reuse(reuse));
        attention = vs_dense(g, attention, 1, .activation = VS_ACT_NONE, .reuse = as_reuse(reuse)); // expect: shape-mismatch
    }
    return attention;
}

static void generate_episode(vs_graph *g, DMN_PLUS *self, vs_tensor *memory, vs_tensor *q_vec, vs_tensor *fact_vecs, int hop_index)
{
    int n = (int)vs_tensor_shape(fact_vecs)->dims[1];
    for (int i = 0; i < n; i++) {
        vs_tensor *fv = tf_shaped(g, "unstack", VS_FLOAT32, VS_SHAPE(self->config.batch_size, self->config.hidden_size));
        vs_tensor *att = get_attention(g, self, q_vec, memory, fv, hop_index != 0 || i != 0);
        (void)att;
    }
}

static vs_tensor *get_question_representation(vs_graph *g, DMN_PLUS *self)
{
    vs_tensor *questions = tf_shaped(g, "embedding_lookup", VS_FLOAT32, VS_SHAPE(self->config.batch_size, self->config.max_q_len, self->config.embed_size));
    vs_layer *gru_cell = vs_gru_cell(g, self->config.hidden_size);
    vs_rnn_state *q_state = NULL;
    vs_dynamic_rnn(g, gru_cell, questions, .dtype = VS_FLOAT32, .final_state = &q_state);
    return q_state ? vs_rnn_state_tensor(q_state, 0) : NULL;
}

static void inference(vs_graph *g, DMN_PLUS *self)
{
    vs_tensor *q_vec = NULL, *fact_vecs = NULL;
    VS_VARIABLE_SCOPE(g, "question", .initializer = vs_init_glorot_uniform()) {
        q_vec = get_question_representation(g, self);
    }
    VS_VARIABLE_SCOPE(g, "input", .initializer = vs_init_glorot_uniform()) {
        fact_vecs = tf_shaped(g, "bidirectional_rnn_facts", VS_FLOAT32, VS_SHAPE(self->config.batch_size, self->config.max_facts, self->config.hidden_size));
    }
    VS_VARIABLE_SCOPE(g, "memory", .initializer = vs_init_glorot_uniform()) {
        vs_tensor *prev_memory = q_vec;
        for (int i = 0; i < self->config.num_hops; i++) {
            generate_episode(g, self, prev_memory, q_vec, fact_vecs, i);
            /* the episode GRU and the hop_%d memory update: left out */
        }
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    DMN_PLUS model = {.config = {.batch_size = 100, .embed_size = 100, .hidden_size = 100, .num_hops = 3, .max_facts = 4, .max_q_len = 6}};
    VS_VARIABLE_SCOPE(g, "DMN") {
        inference(g, &model);
    }
    vs_graph_free(g);
    return 0;
}
