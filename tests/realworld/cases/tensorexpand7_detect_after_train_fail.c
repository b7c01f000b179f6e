/* realworld: tensorexpand7_detect_after_train (failing)
 *
 * Source: https://github.com/wucng/TensorExpand/issues/7
 *   ("Gender Script return error"; code: the name-to-gender train5.py the
 *   traceback names, as stored in the repository).
 * TF raised (quoted from the report):
 *   File "train5.py", line 283, in <module>
 *     neural_network(len(vocabulary_list))
 *   File "train5.py", line 192, in neural_network
 *     initializer=tf.contrib.layers.xavier_initializer()) # [128*3,2]
 *   ValueError: Variable W already exists, disallowed. Did you mean to set
 *   reuse=True or reuse=tf.AUTO_REUSE in VarScope? Originally defined at:
 *     File "train5.py", line 192, in neural_network ...
 * Original Python (trimmed):
 *   def neural_network(vocabulary_size, embedding_size=128, num_filters=128):
 *       with tf.device('/cpu:0'), tf.name_scope("embedding"):
 *           W = tf.Variable(tf.random_uniform([vocabulary_size, embedding_size], -1.0, 1.0))
 *           embedded_chars = tf.nn.embedding_lookup(W, X)            # [-1,8,128]
 *           embedded_chars_expanded = tf.expand_dims(embedded_chars, -1)
 *       filter_sizes = [3, 4, 5]; pooled_outputs = []
 *       for i, filter_size in enumerate(filter_sizes):
 *           with tf.name_scope("conv-maxpool-%s" % filter_size):
 *               filter_shape = [filter_size, embedding_size, 1, num_filters]
 *               W = tf.Variable(tf.truncated_normal(filter_shape, stddev=0.1))
 *               b = tf.Variable(tf.constant(0.1, shape=[num_filters]))
 *               conv = tf.nn.conv2d(embedded_chars_expanded, W, strides=[1, 1, 1, 1], padding="VALID")
 *               h = tf.nn.relu(tf.nn.bias_add(conv, b))
 *               pooled = tf.nn.max_pool(h, ksize=[1, input_size - filter_size + 1, 1, 1], strides=[1, 1, 1, 1], padding='VALID')
 *               pooled_outputs.append(pooled)
 *       num_filters_total = num_filters * len(filter_sizes)
 *       h_pool = tf.concat(pooled_outputs, 3)
 *       h_pool_flat = tf.reshape(h_pool, [-1, num_filters_total])
 *       with tf.name_scope("dropout"):
 *           h_drop = tf.nn.dropout(h_pool_flat, dropout_keep_prob)
 *       with tf.name_scope("output"):
 *           W = tf.get_variable("W", shape=[num_filters_total, num_classes],
 *                               initializer=tf.contrib.layers.xavier_initializer())
 *           b = tf.Variable(tf.constant(0.1, shape=[num_classes]))
 *           output = tf.nn.xw_plus_b(h_drop, W, b)
 *       return output
 *   def train_neural_network():
 *       output = neural_network(len(vocabulary_list))
 *       optimizer = tf.train.AdamOptimizer(1e-3)
 *       loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=output, labels=Y))
 *       grads_and_vars = optimizer.compute_gradients(loss)
 *       train_op = optimizer.apply_gradients(grads_and_vars)
 *       ...   # Session, 201 epochs, saver.save every 50
 *   def detect_sex(name_list):
 *       ...   # names to id vectors
 *       output = neural_network(len(vocabulary_list))
 *       ...   # Saver, restore, argmax
 *   if __name__ == "__main__":
 *       ...   # csv2xy, Txt2Vec; input_size = 8; num_classes = 2
 *       X = tf.placeholder(tf.int32, [None, input_size])
 *       Y = tf.placeholder(tf.float32, [None, num_classes])
 *       dropout_keep_prob = tf.placeholder(tf.float32)
 *       train_neural_network()
 *       neural_network(len(vocabulary_list))       # line 283
 *       detect_sex(["...", "...", "...", "..."])
 * Why: tf.name_scope does not prefix tf.get_variable, so the output layer's
 *   weights are the root's "W"; the tf.Variable weights are renamed on
 *   every build, but the second build's get_variable("W") is refused.
 *   (detect_sex's third build would be refused the same way.)
 * Library calls: vs_variable, vs_get_variable (.initializer glorot
 *   uniform, xavier_initializer's default), vs_name_scope_enter (block
 *   form), vs_adam_optimizer, vs_minimize (compute_gradients then
 *   apply_gradients); tfops.h stand-ins for the ops.
 * Translation: the module-level X, Y and dropout_keep_prob are file
 *   globals as in the script; the device block is left out (no scoping);
 *   the vocabulary size is a constant where Txt2Vec counts it.
 */
#include <stddef.h>
#include <stdio.h>

#include "tfops.h"

enum { input_size = 8, num_classes = 2, vocabulary_len = 3000 };

static vs_tensor *X, *Y, *dropout_keep_prob;

static vs_tensor *neural_network(vs_graph *g, int64_t vocabulary_size)
{
    const int64_t embedding_size = 128, num_filters = 128;
    vs_tensor *embedded_chars_expanded = NULL;
    VS_NAME_SCOPE(g, "embedding") {
        vs_var *W = vs_variable(g, tf_shaped(g, "random_uniform", VS_FLOAT32, VS_SHAPE(vocabulary_size, embedding_size)));
        vs_tensor *embedded_chars = tfg_embedding_lookup(g, W, X);
        embedded_chars_expanded = tfg_reshape(g, embedded_chars, VS_SHAPE(-1, input_size, embedding_size, 1));
    }
    static const int filter_sizes[3] = {3, 4, 5};
    vs_tensor *pooled_outputs[3];
    for (int i = 0; i < 3; i++) {
        int filter_size = filter_sizes[i];
        char name[24];
        snprintf(name, sizeof name, "conv-maxpool-%d", filter_size);
        VS_NAME_SCOPE(g, name) {
            vs_var *W = vs_variable(g, tf_shaped(g, "truncated_normal", VS_FLOAT32, VS_SHAPE(filter_size, embedding_size, 1, num_filters)));
            vs_var *b = vs_variable(g, tf_shaped(g, "Const", VS_FLOAT32, VS_SHAPE(num_filters)));
            vs_tensor *conv = tfg_conv2d(g, embedded_chars_expanded, W, 1, 0);
            vs_tensor *h = conv ? vs_relu(g, vs_add(g, conv, vs_value(b))) : NULL;
            pooled_outputs[i] = tf_op(g, "MaxPool", &h, 1, VS_FLOAT32, VS_SHAPE(-1, 1, 1, num_filters));
        }
    }
    int64_t num_filters_total = num_filters * 3;
    vs_tensor *h_pool = tfg_concat(g, pooled_outputs, 3, 3);
    vs_tensor *h_pool_flat = tfg_reshape(g, h_pool, VS_SHAPE(-1, num_filters_total));
    vs_tensor *h_drop = NULL;
    VS_NAME_SCOPE(g, "dropout") {
        vs_tensor *ins[2] = {h_pool_flat, dropout_keep_prob};
        h_drop = h_pool_flat ? tf_op(g, "dropout", ins, 2, VS_FLOAT32, vs_tensor_shape(h_pool_flat)) : NULL;
    }
    vs_tensor *output = NULL;
    VS_NAME_SCOPE(g, "output") {
        vs_var *W = vs_get_variable(g, "W", .shape = VS_SHAPE(num_filters_total, num_classes), .initializer = vs_init_glorot_uniform()); // expect: duplicate-variable
        vs_var *b = vs_variable(g, tf_shaped(g, "Const", VS_FLOAT32, VS_SHAPE(num_classes)));
        output = W && h_drop ? vs_add(g, vs_matmul(g, h_drop, vs_value(W)), vs_value(b)) : NULL;
    }
    return output;
}

static void train_neural_network(vs_graph *g)
{
    vs_tensor *output = neural_network(g, vocabulary_len);
    vs_optimizer *optimizer = vs_adam_optimizer(g, .learning_rate = 1e-3);
    vs_tensor *loss = tfg_loss(g, "softmax_cross_entropy_with_logits", output, Y);
    vs_op *train_op = loss ? vs_minimize(g, optimizer, loss) : NULL;
    (void)train_op;                       /* Session, epochs, saver.save */
}

static void detect_sex(vs_graph *g)
{
    vs_tensor *output = neural_network(g, vocabulary_len);
    (void)output;                         /* Saver, restore, argmax */
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    X = vs_placeholder(g, VS_INT32, VS_SHAPE(-1, input_size));
    Y = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, num_classes));
    dropout_keep_prob = vs_placeholder(g, VS_FLOAT32, VS_SCALAR);

    train_neural_network(g);
    neural_network(g, vocabulary_len);    /* line 283 */
    detect_sex(g);
    vs_graph_free(g);
    return 0;
}
