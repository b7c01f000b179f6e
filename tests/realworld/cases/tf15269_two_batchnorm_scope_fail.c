/* realworld: tf15269_two_batchnorm_scope (failing)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/15269
 *   ("tf.layers.Layer.set_scope() problem might cause unexpected
 *   duplicate name ValueError", adamcavendish, 2017-12-11, TF 1.4.1).
 * TF raised (the report says "It'll trigger an unexpected ValueError";
 *   TF 1.15's text for that call, the layer's first variable being gamma,
 *   keras BatchNormalization.build):
 *   ValueError: Variable two_batchnorm/batch_normalization/gamma already
 *   exists, disallowed. Did you mean to set reuse=True or
 *   reuse=tf.AUTO_REUSE in VarScope?
 * Original Python (from the report):
 *   _BATCH_NORM_DECAY = 0.997
 *   _BATCH_NORM_EPSILON = 1e-5
 *   def two_batchnorm(inputs):
 *       with tf.variable_scope('two_batchnorm'):
 *           inputs = tf.layers.batch_normalization(
 *               inputs=inputs, axis=3, momentum=_BATCH_NORM_DECAY, epsilon=_BATCH_NORM_EPSILON,
 *               center=True, scale=True, training=True, fused=True)
 *           inputs = tf.layers.batch_normalization(
 *               inputs=inputs, axis=3, momentum=_BATCH_NORM_DECAY, epsilon=_BATCH_NORM_EPSILON,
 *               center=True, scale=True, training=True, fused=True)
 *       return inputs
 *   inputs = tf.placeholder(tf.float32, [1, 5, 5, 3])
 *   x = inputs
 *   x = two_batchnorm(x)
 *   x = two_batchnorm(x)
 * Why: a variable scope entered by its name is that name again (only its
 *   name scope becomes two_batchnorm_1), and leaving it resets the counts
 *   of the default names used inside (variable_scope.py,
 *   _pure_variable_scope.__exit__ -> close_variable_subscopes): the second
 *   call's first layer is batch_normalization again, whose variables the
 *   first call made, with reuse off.
 * Library calls: vs_placeholder, vs_batch_normalization, scopes (block
 *   form).
 * Translation: fused=True changes no name and is left out.
 */
#include "varscope.h"

static const double batch_norm_decay = 0.997;
static const double batch_norm_epsilon = 1e-5;

static vs_tensor *two_batchnorm(vs_graph *g, vs_tensor *inputs)
{
    VS_VARIABLE_SCOPE(g, "two_batchnorm") {
        inputs = vs_batch_normalization(g, inputs, .axis = 3, .momentum = batch_norm_decay, .epsilon = batch_norm_epsilon, .training = true); // expect: duplicate-variable
        inputs = inputs ? vs_batch_normalization(g, inputs, .axis = 3, .momentum = batch_norm_decay, .epsilon = batch_norm_epsilon, .training = true) : NULL;
    }
    return inputs;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *inputs = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(1, 5, 5, 3));
    vs_tensor *x = inputs;
    x = two_batchnorm(g, x);
    x = x ? two_batchnorm(g, x) : NULL;
    vs_graph_free(g);
    return 0;
}
