/* realworld: mnist_django_per_request (fixed: tf.reset_default_graph() at the start of the prediction)
 *
 * Source: https://github.com/jaehosung/tensorflow-mnist-tutorial/issues/1
 *   ("Bugs about 'ValueError: Variable W4 already exists, disallowed' when
 *   drawing numbers repeatedly"); code: mysite/blog/views.py (commit
 *   16284f6)
 * TF raised (quoted from the report's title): ValueError: Variable W4
 *   already exists, disallowed
 * The report: "I got this error about tf when I tried to redraw some
 *   numbers, because the graph already exists. So I added
 *   tf.reset_default_graph at the beginning of the prediction. It works!"
 * Original (trimmed; the Django view run for every drawing posted):
 *   @csrf_exempt
 *   def post_list(request):
 *       if(request.method == 'POST'):
 *           ... decode the drawing into data [1, 784] ...
 *           keep_prob = tf.placeholder(tf.float32)
 *           X = tf.placeholder(tf.float32, [None, 784])
 *           X_img = tf.reshape(X, [-1, 28, 28, 1])
 *           Y = tf.placeholder(tf.float32, [None, 10])
 *           W1 = tf.Variable(tf.random_normal([3, 3, 1, 32], stddev=0.01))
 *           L1 = tf.nn.conv2d(X_img, W1, strides=[1, 1, 1, 1], padding='SAME')
 *           L1 = tf.nn.relu(L1)
 *           L1 = tf.nn.max_pool(L1, ksize=[1, 2, 2, 1], strides=[1, 2, 2, 1], padding='SAME')
 *           L1 = tf.nn.dropout(L1, keep_prob=keep_prob)
 *           W2 = tf.Variable(tf.random_normal([3, 3, 32, 64], stddev=0.01))   # L2 alike
 *           W3 = tf.Variable(tf.random_normal([3, 3, 64, 128], stddev=0.01))  # L3 alike
 *           L3_flat = tf.reshape(L3, [-1, 128 * 4 * 4])
 *           W4 = tf.get_variable("W4", shape=[128 * 4 * 4, 625],
 *                                initializer=tf.contrib.layers.xavier_initializer())
 *           b4 = tf.Variable(tf.random_normal([625]))
 *           L4 = tf.nn.relu(tf.matmul(L3_flat, W4) + b4)
 *           L4 = tf.nn.dropout(L4, keep_prob=keep_prob)
 *           W5 = tf.get_variable("W5", shape=[625, 10],
 *                                initializer=tf.contrib.layers.xavier_initializer())
 *           b5 = tf.Variable(tf.random_normal([10]))
 *           logits = tf.matmul(L4, W5) + b5
 *           ... saver, session, restore, argmax ...
 * Why: the view builds the network again for every drawing in the
 *   server's one default graph; W1..W3 and the biases are tf.Variables and
 *   are silently renamed (Variable_5, ...), W4 comes from get_variable.
 * Fix (the reporter): tf.reset_default_graph() at the beginning of the
 *   prediction.
 * Translation: two drawings posted, as in the report; conv, pool, reshape,
 *   relu and dropout are stand-ins with TF's shapes (tfops.h).
 */
#include "tfops.h"

static vs_tensor *conv_block(vs_graph *g, vs_tensor *in, vs_var *W, vs_tensor *keep_prob)
{
    vs_tensor *L = tf_conv2d(g, in, W, 1, 1);
    L = tf_like(g, "Relu", L);
    L = tf_pool(g, "MaxPool", L, 2, 2, 1);
    (void)keep_prob;
    return tf_like(g, "dropout", L);
}

static void post_list(vs_graph **default_graph)
{
    /* tf.reset_default_graph() */
    vs_graph_free(*default_graph);
    vs_graph *g = *default_graph = vs_graph_new();
    vs_tensor *keep_prob = vs_placeholder(g, VS_FLOAT32, NULL);
    vs_tensor *X = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 784));
    vs_tensor *X_img = tf_shaped(g, "Reshape", VS_FLOAT32, VS_SHAPE(-1, 28, 28, 1));
    vs_tensor *Y = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 10));
    (void)X, (void)Y;

    vs_var *W1 = vs_variable(g, tf_shaped(g, "random_normal", VS_FLOAT32, VS_SHAPE(3, 3, 1, 32)));
    vs_tensor *L1 = conv_block(g, X_img, W1, keep_prob);
    vs_var *W2 = vs_variable(g, tf_shaped(g, "random_normal", VS_FLOAT32, VS_SHAPE(3, 3, 32, 64)));
    vs_tensor *L2 = conv_block(g, L1, W2, keep_prob);
    vs_var *W3 = vs_variable(g, tf_shaped(g, "random_normal", VS_FLOAT32, VS_SHAPE(3, 3, 64, 128)));
    vs_tensor *L3 = conv_block(g, L2, W3, keep_prob);
    (void)L3;
    vs_tensor *L3_flat = tf_shaped(g, "Reshape", VS_FLOAT32, VS_SHAPE(-1, 128 * 4 * 4));

    vs_var *W4 = vs_get_variable(g, "W4", .shape = VS_SHAPE(128 * 4 * 4, 625), .initializer = vs_init_glorot_uniform());
    vs_var *b4 = vs_variable(g, tf_shaped(g, "random_normal", VS_FLOAT32, VS_SHAPE(625)));
    vs_tensor *L4 = W4 ? tf_like(g, "Relu", vs_add(g, vs_matmul(g, L3_flat, vs_value(W4)), vs_value(b4))) : NULL;
    L4 = tf_like(g, "dropout", L4);

    vs_var *W5 = vs_get_variable(g, "W5", .shape = VS_SHAPE(625, 10), .initializer = vs_init_glorot_uniform());
    vs_var *b5 = vs_variable(g, tf_shaped(g, "random_normal", VS_FLOAT32, VS_SHAPE(10)));
    vs_tensor *logits = W5 && L4 ? vs_add(g, vs_matmul(g, L4, vs_value(W5)), vs_value(b5)) : NULL;
    (void)logits;
}

int main(void)
{
    vs_graph *g = vs_graph_new();   /* the Django process's default graph */
    for (int drawing = 0; drawing < 2; drawing++)
        post_list(&g);              /* POST: predict the digit drawn */
    vs_graph_free(g);
    return 0;
}
