/* realworld: poems_compose_per_input (fixed: a fresh graph per poem)
 *
 * Source: https://github.com/lucasjinreal/tensorflow_poems/issues/29
 *   ("Variable embedding already exists, disallowed. Did you mean to set
 *   reuse=True in VarScope?"), code: compose_poem.py, models/model.py
 * The report: the first character typed into compose_poem.py works; typing
 *   another one to test again raises
 *   "ValueError: Variable embedding already exists, disallowed. Did you
 *   mean to set reuse=True in VarScope?"
 * Original (trimmed):
 *   def gen_poem(begin_word):
 *       batch_size = 1
 *       poems_vector, word_int_map, vocabularies = process_poems(corpus_file)
 *       input_data = tf.placeholder(tf.int32, [batch_size, None])
 *       end_points = rnn_model(model='lstm', input_data=input_data, output_data=None,
 *           vocab_size=len(vocabularies), rnn_size=128, num_layers=2, batch_size=64,
 *           learning_rate=FLAGS.learning_rate)
 *       ... session, restore, sampling loop ...
 *   def rnn_model(model, input_data, output_data, vocab_size, rnn_size=128, num_layers=2,
 *                 batch_size=64, learning_rate=0.01):
 *       cell = cell_fun(rnn_size, state_is_tuple=True)
 *       cell = tf.contrib.rnn.MultiRNNCell([cell] * num_layers, state_is_tuple=True)
 *       initial_state = cell.zero_state(1, tf.float32)   # output_data is None
 *       with tf.device("/cpu:0"):
 *           embedding = tf.get_variable('embedding', initializer=tf.random_uniform(
 *               [vocab_size + 1, rnn_size], -1.0, 1.0))
 *           inputs = tf.nn.embedding_lookup(embedding, input_data)
 *       outputs, last_state = tf.nn.dynamic_rnn(cell, inputs, initial_state=initial_state)
 *       output = tf.reshape(outputs, [-1, rnn_size])
 *       weights = tf.Variable(tf.truncated_normal([rnn_size, vocab_size + 1]))
 *       bias = tf.Variable(tf.zeros(shape=[vocab_size + 1]))
 *       logits = tf.nn.bias_add(tf.matmul(output, weights), bias=bias)
 *       prediction = tf.nn.softmax(logits)
 *   # the reporter's loop: one gen_poem() per character typed in
 * Why: every character builds rnn_model again in the same default graph.
 * Fix: tf.reset_default_graph() at the top of gen_poem(), or build once
 *   and only run the session per character (the thread has no answer).
 * Translation: two characters typed, as in the report.  dynamic_rnn and its
 *   LSTM cells are left out (they come after the failing call; the library
 *   has no cells yet); their output is a stand-in of TF's shape.
 *   vocab_size 6110 stands for len(vocabularies).
 */
#include "tfops.h"

enum { VOCAB = 6110 };

static vs_tensor *rnn_model(vs_graph *g, vs_tensor *input_data, int vocab_size, int rnn_size)
{
    vs_var *embedding = vs_get_variable(g, "embedding", .initializer = vs_init_value(tf_shaped(g, "random_uniform", VS_FLOAT32, VS_SHAPE(vocab_size + 1, rnn_size))));
    vs_tensor *inputs = tf_embedding_lookup(g, embedding, input_data);
    (void)inputs;
    vs_tensor *output = tf_shaped(g, "Reshape", VS_FLOAT32, VS_SHAPE(-1, rnn_size));
    vs_var *weights = vs_variable(g, tf_shaped(g, "truncated_normal", VS_FLOAT32, VS_SHAPE(rnn_size, vocab_size + 1)));
    vs_var *bias = vs_variable(g, tf_shaped(g, "zeros", VS_FLOAT32, VS_SHAPE(vocab_size + 1)));
    vs_tensor *logits = vs_add(g, vs_matmul(g, output, vs_value(weights)), vs_value(bias));
    return tf_like(g, "Softmax", logits);
}

static void gen_poem(vs_graph **default_graph)
{
    /* tf.reset_default_graph() */
    vs_graph_free(*default_graph);
    vs_graph *g = *default_graph = vs_graph_new();
    int batch_size = 1;
    vs_tensor *input_data = vs_placeholder(g, VS_INT32, VS_SHAPE(batch_size, -1));
    vs_tensor *prediction = rnn_model(g, input_data, VOCAB, 128);
    (void)prediction;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    for (int typed = 0; typed < 2; typed++)   /* one begin character each */
        gen_poem(&g);
    vs_graph_free(g);
    return 0;
}
