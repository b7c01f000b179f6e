/* realworld: tf15269_two_batchnorm_scope (fixed)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/15269
 * Fix: ours, after the thread's explanation (facaiy: "it sees function
 *   two_batchnorm as an unit, and we create two ones here: two_batchnorm,
 *   and two_batchnorm_1"): the helper's variable scope takes its name as a
 *   default name, which TF makes unique per call,
 *       with tf.variable_scope(None, default_name='two_batchnorm'):
 *   so the second call's layers live under two_batchnorm_1.
 * Translation: as the failing program with that change.
 */
#include "varscope.h"

static const double batch_norm_decay = 0.997;
static const double batch_norm_epsilon = 1e-5;

static vs_tensor *two_batchnorm(vs_graph *g, vs_tensor *inputs)
{
    VS_VARIABLE_SCOPE(g, NULL, .default_name = "two_batchnorm") {
        inputs = vs_batch_normalization(g, inputs, .axis = 3, .momentum = batch_norm_decay, .epsilon = batch_norm_epsilon, .training = true);
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
