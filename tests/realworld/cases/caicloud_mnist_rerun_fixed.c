/* realworld: caicloud_mnist_rerun (fixed: tf.reset_default_graph() before the variables)
 *
 * Source: https://github.com/caicloud/tensorflow-tutorial/issues/73
 *   ("第九章2.改造后的mnist_trian.ipnb运行出现ValueError", the book
 *   "TensorFlow实战Google深度学习框架", chapter 9); code:
 *   Deep_Learning_with_TensorFlow/1.0.0/Chapter09/mnist_inference.py and
 *   "2. 改造后的mnist_train.ipynb"
 * TF raised (quoted from the report):
 *   ValueError: Variable layer1/weights already exists, disallowed. Did you
 *   mean to set reuse=True in VarScope? Originally defined at:...
 * Original (trimmed):
 *   # mnist_inference.py
 *   INPUT_NODE = 784; OUTPUT_NODE = 10; LAYER1_NODE = 500
 *   def get_weight_variable(shape, regularizer):
 *       weights = tf.get_variable("weights", shape, initializer=tf.truncated_normal_initializer(stddev=0.1))
 *       if regularizer != None: tf.add_to_collection('losses', regularizer(weights))
 *       return weights
 *   def inference(input_tensor, regularizer):
 *       with tf.variable_scope('layer1'):
 *           weights = get_weight_variable([INPUT_NODE, LAYER1_NODE], regularizer)
 *           biases = tf.get_variable("biases", [LAYER1_NODE], initializer=tf.constant_initializer(0.0))
 *           layer1 = tf.nn.relu(tf.matmul(input_tensor, weights) + biases)
 *       with tf.variable_scope('layer2'):
 *           weights = get_weight_variable([LAYER1_NODE, OUTPUT_NODE], regularizer)
 *           biases = tf.get_variable("biases", [OUTPUT_NODE], initializer=tf.constant_initializer(0.0))
 *           layer2 = tf.matmul(layer1, weights) + biases
 *       return layer2
 *   # the notebook
 *   def train(mnist):
 *       with tf.name_scope('input'):
 *           x = tf.placeholder(tf.float32, [None, mnist_inference.INPUT_NODE], name='x-input')
 *           y_ = tf.placeholder(tf.float32, [None, mnist_inference.OUTPUT_NODE], name='y-input')
 *       regularizer = tf.contrib.layers.l2_regularizer(REGULARIZATION_RATE)
 *       y = mnist_inference.inference(x, regularizer)
 *       global_step = tf.Variable(0, trainable=False)
 *       with tf.name_scope("moving_average"): ... ExponentialMovingAverage ... apply ...
 *       ... loss, GradientDescentOptimizer, session ...
 *   def main(argv=None):
 *       mnist = input_data.read_data_sets(...); train(mnist)
 *   main()      # the cell run a second time
 * Why: running the notebook's cells again builds inference() again in the
 *   kernel's graph.
 * Fix (the reporter, from Stack Overflow): "在jupyter上运行的话，要在定义变量前
 *   添加 tf.reset_default_graph() 来清除之前的变量定义" (in Jupyter, call
 *   tf.reset_default_graph() before defining the variables).
 * Translation: the regularizer's l2 loss is a stand-in op (the 'losses'
 *   collection holds no variable); the moving averages (a creator the
 *   library does not have yet), the loss and the optimizer are left out:
 *   they come after inference() in train().
 */
#include "tfops.h"

enum { INPUT_NODE = 784, OUTPUT_NODE = 10, LAYER1_NODE = 500 };

static vs_var *get_weight_variable(vs_graph *g, const vs_shape *shape, bool regularizer)
{
    vs_var *weights = vs_get_variable(g, "weights", .shape = shape, .initializer = vs_init_random_normal(0.0, 0.1));
    if (regularizer && weights)
        tf_shaped(g, "l2_regularizer", VS_FLOAT32, VS_SCALAR);
    return weights;
}

static vs_tensor *inference(vs_graph *g, vs_tensor *input_tensor, bool regularizer)
{
    vs_tensor *layer1 = NULL, *layer2 = NULL;
    VS_VARIABLE_SCOPE(g, "layer1") {
        vs_var *weights = get_weight_variable(g, VS_SHAPE(INPUT_NODE, LAYER1_NODE), regularizer);
        vs_var *biases = vs_get_variable(g, "biases", .shape = VS_SHAPE(LAYER1_NODE), .initializer = vs_init_constant(0.0));
        if (weights && biases)
            layer1 = tf_like(g, "Relu", vs_add(g, vs_matmul(g, input_tensor, vs_value(weights)), vs_value(biases)));
    }
    VS_VARIABLE_SCOPE(g, "layer2") {
        vs_var *weights = get_weight_variable(g, VS_SHAPE(LAYER1_NODE, OUTPUT_NODE), regularizer);
        vs_var *biases = vs_get_variable(g, "biases", .shape = VS_SHAPE(OUTPUT_NODE), .initializer = vs_init_constant(0.0));
        if (weights && biases && layer1)
            layer2 = vs_add(g, vs_matmul(g, layer1, vs_value(weights)), vs_value(biases));
    }
    return layer2;
}

static void train(vs_graph **default_graph)
{
    /* tf.reset_default_graph() */
    vs_graph_free(*default_graph);
    vs_graph *g = *default_graph = vs_graph_new();
    vs_tensor *x = NULL, *y_ = NULL;
    VS_NAME_SCOPE(g, "input") {
        x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, INPUT_NODE), .name = "x-input");
        y_ = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, OUTPUT_NODE), .name = "y-input");
    }
    vs_tensor *y = inference(g, x, true);
    vs_var *global_step = vs_variable(g, vs_scalar_i32(g, 0));
    (void)y_, (void)y, (void)global_step;
}

int main(void)
{
    vs_graph *g = vs_graph_new();   /* the notebook kernel's default graph */
    train(&g);                      /* main() */
    train(&g);                      /* the cell run again */
    vs_graph_free(g);
    return 0;
}
