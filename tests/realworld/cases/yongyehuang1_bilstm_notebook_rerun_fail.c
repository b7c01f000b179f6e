/* realworld: yongyehuang1_bilstm_notebook_rerun (failing)
 *
 * Source: https://github.com/yongyehuang/Tensorflow-Tutorial/issues/1
 *   ("bi_lstm执行报错", the bi-LSTM word segmentation notebook).
 * TF raised (quoted from the report's traceback):
 *   --> 123 y_pred = bi_lstm(X_inputs)
 *   ---> 51     embedding = tf.get_variable("embedding", [vocab_size, embedding_size], dtype=tf.float32)
 *   ValueError  (the "Variable embedding already exists" of get_variable;
 *   the report cuts the message: TF 1.15's text for that call is
 *   "Variable embedding already exists, disallowed. Did you mean to set
 *   reuse=True or reuse=tf.AUTO_REUSE in VarScope?")
 * Original Python (from the traceback):
 *   def bi_lstm(X_inputs):
 *       """build the bi-LSTMs network. Return the y_pred"""
 *       # ** 0.char embedding
 *       embedding = tf.get_variable("embedding", [vocab_size, embedding_size], dtype=tf.float32)
 *       inputs = tf.nn.embedding_lookup(embedding, X_inputs)
 *       ...
 *   y_pred = bi_lstm(X_inputs)              # In[31], run a second time
 * Why: the cell that defines and calls bi_lstm was run again in the same
 *   kernel (the reporter thought X_inputs was the problem); the default
 *   graph still holds the first run's "embedding".
 * Library calls: vs_get_variable; tfops.h's embedding_lookup.
 * Translation: a notebook cell is a function, run twice on the kernel's
 *   default graph (a global); vocab_size 5159 and embedding_size 64 as
 *   the notebook's constants, timestep_size 32.  The rest of bi_lstm (the
 *   bidirectional LSTM, whose layer the library lacks) is not reached on
 *   the second run and is left out: the first run's variables after the
 *   embedding do not change the failure.
 */
#include "tfops.h"

enum { vocab_size = 5159, embedding_size = 64, timestep_size = 32 };

static vs_graph *default_graph;
static vs_tensor *X_inputs;

static vs_tensor *bi_lstm(vs_tensor *x_inputs)
{
    vs_graph *g = default_graph;
    vs_var *embedding = vs_get_variable(g, "embedding", .shape = VS_SHAPE(vocab_size, embedding_size), .dtype = VS_FLOAT32); // expect: duplicate-variable
    return tf_embedding_lookup(g, embedding, x_inputs);
}

/* In[31]: the model cell */
static void cell_31(void)
{
    vs_tensor *y_pred = bi_lstm(X_inputs);
    (void)y_pred;
}

int main(void)
{
    default_graph = vs_graph_new();
    X_inputs = vs_placeholder(default_graph, VS_INT32, VS_SHAPE(-1, timestep_size), .name = "X_input");
    cell_31();
    cell_31();                            /* the cell run again */
    vs_graph_free(default_graph);
    return 0;
}
