/* realworld: lime259_inception_cell_rerun (failing)
 *
 * Source: https://github.com/marcotcr/lime/issues/259 (the
 *   tutorial-images notebook, TF-slim's inception_v3 from tf-models).
 * TF raised (quoted from the report):
 *   ValueError: Variable InceptionV3/Conv2d_1a_3x3/weights already exists,
 *   disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in
 *   VarScope? Originally defined at: ...
 *   ("i just restarted the kernel and cleared output. it worked fine.")
 * Original Python (the cell, from the report):
 *   with slim.arg_scope(inception.inception_v3_arg_scope()):
 *       logits, _ = inception.inception_v3(processed_images, num_classes=1001, is_training=False,)
 *   probabilities = tf.nn.softmax(logits)
 *   and tf-models' research/slim/nets/inception_v3.py:
 *   def inception_v3(inputs, num_classes=1000, is_training=True, ...,
 *                    reuse=None, scope='InceptionV3', ...):
 *     with tf.variable_scope(scope, 'InceptionV3', [inputs], reuse=reuse) as scope:
 *       with slim.arg_scope([slim.batch_norm, slim.dropout], is_training=is_training):
 *         net, end_points = inception_v3_base(inputs, scope=scope, ...)
 *   inception_v3_base: end_point = 'Conv2d_1a_3x3'
 *     net = slim.conv2d(inputs, depth(32), [3, 3], stride=2, scope=end_point) ...
 * Why: the cell was run a second time in the same kernel; the scope is
 *   the string 'InceptionV3' (entered by name, not made unique), so the
 *   first convolution's weights exist from the first run.
 * Library calls: variable scopes by string (re-entered by object for
 *   inception_v3_base), vs_get_variable + vs_add_to_collection as
 *   slim.conv2d makes its weights, tfc_batch_norm (tfcontrib.h) for the
 *   arg scope's normalizer_fn=slim.batch_norm (scale False, so no gamma,
 *   and conv2d then makes no biases); tfops.h for conv, pool, softmax.
 * Translation: the kernel's default graph is a global; the cell is a
 *   function run twice.  inception_v3 is cut to its first end points
 *   (Conv2d_1a_3x3 .. Conv2d_2b_3x3); the logits come from a stand-in.
 */
#include <stdbool.h>

#include "tfcontrib.h"
#include "tfops.h"

static vs_graph *default_graph;
static vs_tensor *processed_images;

/* slim.conv2d under inception_v3_arg_scope: weights, then batch_norm */
static vs_tensor *slim_conv2d(vs_graph *g, vs_tensor *inputs, int num_outputs, int k, int stride, int same, bool is_training, const char *scope)
{
    vs_tensor *out = NULL;
    if (!inputs)
        return NULL;
    VS_VARIABLE_SCOPE(g, scope, .default_name = "Conv") {
        int64_t in_ch = vs_tensor_shape(inputs)->dims[3];
        vs_var *weights = vs_get_variable(g, "weights", .shape = VS_SHAPE(k, k, in_ch, num_outputs), .initializer = vs_init_truncated_normal(0, 0.1)); // expect: duplicate-variable
        if (weights) {
            vs_add_to_collection(g, VS_MODEL_VARIABLES, weights);
            vs_tensor *conv = tf_conv2d(g, inputs, weights, stride, same);
            out = tfc_batch_norm(g, conv, .decay = 0.9997, .epsilon = 0.001, .not_training = !is_training, .activation = VS_ACT_RELU);
        }
    }
    return out;
}

static vs_tensor *inception_v3_base(vs_graph *g, vs_tensor *inputs, vs_scope *scope, bool is_training)
{
    vs_tensor *net = NULL;
    VS_VARIABLE_SCOPE_REENTER(g, scope) {
        net = slim_conv2d(g, inputs, 32, 3, 2, 0, is_training, "Conv2d_1a_3x3");
        net = slim_conv2d(g, net, 32, 3, 1, 0, is_training, "Conv2d_2a_3x3");
        net = slim_conv2d(g, net, 64, 3, 1, 1, is_training, "Conv2d_2b_3x3");
    }
    return net;
}

static vs_tensor *inception_v3(vs_graph *g, vs_tensor *inputs, int num_classes, bool is_training)
{
    vs_tensor *logits = NULL;
    VS_VARIABLE_SCOPE_AS(scope, g, "InceptionV3", .reuse = VS_REUSE_INHERIT) {
        vs_tensor *net = inception_v3_base(g, inputs, scope, is_training);
        logits = net ? tf_shaped(g, "Logits", VS_FLOAT32, VS_SHAPE(vs_tensor_shape(net)->dims[0], num_classes)) : NULL;
    }
    return logits;
}

/* the notebook's cell */
static void cell(void)
{
    vs_tensor *logits = inception_v3(default_graph, processed_images, 1001, false);
    vs_tensor *probabilities = logits ? tf_like(default_graph, "Softmax", logits) : NULL;
    (void)probabilities;
}

int main(void)
{
    default_graph = vs_graph_new();
    processed_images = vs_placeholder(default_graph, VS_FLOAT32, VS_SHAPE(-1, 299, 299, 3));
    cell();
    cell();                               /* run again */
    vs_graph_free(default_graph);
    return 0;
}
