/* realworld: dmn4_dense_reuse_kwarg (fixed)
 *
 * Source: https://github.com/barronalex/Dynamic-Memory-Networks-in-TensorFlow/issues/4
 * Fix (PR #5, commit 43a6609 "Fixed error due to variable sharing in
 *   dense layers (TF 1.2). Replace with fully_connected with proper
 *   scoping"): the two layers get their own scopes,
 *     attention = tf.contrib.layers.fully_connected(feature_vec,
 *         self.config.embed_size, activation_fn=tf.nn.tanh, reuse=reuse, scope="fc1")
 *     attention = tf.contrib.layers.fully_connected(attention, 1,
 *         activation_fn=None, reuse=reuse, scope="fc2")
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
        attention = vs_fully_connected(g, feature_vec, self->config.embed_size, .activation = VS_ACT_TANH, .reuse = as_reuse(reuse), .scope = "fc1");
        attention = vs_fully_connected(g, attention, 1, .activation = VS_ACT_NONE, .reuse = as_reuse(reuse), .scope = "fc2");
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
