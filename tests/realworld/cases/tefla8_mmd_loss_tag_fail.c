/* realworld: tefla8_mmd_loss_tag (failing)
 *
 * Source: https://github.com/openAGI/tefla/issues/8
 *   ("ValueError: 'MMD Loss' is not a valid scope name", Rudrabha,
 *   2018-06-21: "I am getting this error whenever I try to call the
 *   function mmd_loss"; code: tefla/core/losses.py of that time).
 * TF raised (quoted from the report):
 *   ValueError: 'MMD Loss' is not a valid scope name
 * Original Python (tefla/core/losses.py, trimmed):
 *   def mmd_loss(source_samples, target_samples, weight, name='mmd_loss'):
 *       with tf.name_scope(name):
 *           sigmas = [1e-6, 1e-5, ..., 1e6]
 *           gaussian_kernel = partial(util.gaussian_kernel_matrix, sigmas=tf.constant(sigmas))
 *           loss_value = maximum_mean_discrepancy(source_samples, target_samples, kernel=gaussian_kernel)
 *           loss_value = tf.maximum(1e-4, loss_value) * weight
 *       assert_op = tf.Assert(tf.is_finite(loss_value), [loss_value])
 *       with tf.control_dependencies([assert_op]):
 *           tag = 'MMD Loss'
 *           barrier = tf.no_op(tag)
 *       return loss_value
 * Why: an op's name must match TF's pattern for names
 *   (ops.py, Graph.name_scope: _VALID_OP_NAME_REGEX at the root,
 *   "^[A-Za-z0-9.][A-Za-z0-9_.\-/>]*$"); "MMD Loss" has a space.
 * Library calls: vs_name_scope (block form), vs_constant_f32, vs_multiply,
 *   vs_subtract, vs_reduce_mean; tfops.h for the kernel matrix, maximum,
 *   Assert; tf.no_op(tag) is a placeholder named tag (an op that makes
 *   no variable, as tfops.h writes ops).
 * Translation: the report shows no caller; here two feature batches of
 *   [64, 128] (a source and a target domain) and weight 1.0;
 *   maximum_mean_discrepancy is the mean of the kernel over source-source
 *   and target-target pairs minus twice the cross pairs (tefla's
 *   implementation), each kernel matrix an op of the gaussian kernel.
 */
#include "tfops.h"

/* util.gaussian_kernel_matrix(x, y, sigmas) */
static vs_tensor *gaussian_kernel_matrix(vs_graph *g, vs_tensor *x, vs_tensor *y, vs_tensor *sigmas)
{
    vs_tensor *ins[3] = {x, y, sigmas};
    return tf_op(g, "Exp", ins, 3, VS_FLOAT32, VS_SHAPE(vs_tensor_shape(x)->dims[0], vs_tensor_shape(y)->dims[0]));
}

static vs_tensor *maximum_mean_discrepancy(vs_graph *g, vs_tensor *x, vs_tensor *y, vs_tensor *sigmas)
{
    vs_tensor *cost = NULL;
    VS_NAME_SCOPE(g, "MaximumMeanDiscrepancy") {
        vs_tensor *xx = vs_reduce_mean(g, gaussian_kernel_matrix(g, x, x, sigmas));
        vs_tensor *yy = vs_reduce_mean(g, gaussian_kernel_matrix(g, y, y, sigmas));
        vs_tensor *xy = vs_reduce_mean(g, gaussian_kernel_matrix(g, x, y, sigmas));
        cost = vs_subtract(g, vs_add(g, xx, yy), vs_multiply(g, vs_scalar_f32(g, 2.0f), xy));
    }
    return cost;
}

static vs_tensor *mmd_loss(vs_graph *g, vs_tensor *source_samples, vs_tensor *target_samples, float weight, const char *name)
{
    static const float sigmas[19] = {1e-6f, 1e-5f, 1e-4f, 1e-3f, 1e-2f, 1e-1f, 1, 5, 10, 15, 20, 25, 30, 35, 100, 1e3f, 1e4f, 1e5f, 1e6f};
    vs_tensor *loss_value = NULL;
    VS_NAME_SCOPE(g, name) {
        vs_tensor *kernel_sigmas = vs_constant_f32(g, 19, sigmas);
        loss_value = maximum_mean_discrepancy(g, source_samples, target_samples, kernel_sigmas);
        loss_value = vs_multiply(g, tfg_like(g, "Maximum", loss_value), vs_scalar_f32(g, weight));
    }
    vs_tensor *assert_op = tf_like(g, "Assert", loss_value);
    (void)assert_op;
    /* with tf.control_dependencies([assert_op]): */
    const char *tag = "MMD Loss";
    vs_tensor *barrier = vs_placeholder(g, VS_FLOAT32, VS_SCALAR, .name = tag);   /* tf.no_op(tag): an op named tag */ // expect: invalid-name
    if (!barrier)
        return NULL;
    return loss_value;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *source = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(64, 128), .name = "source_features");
    vs_tensor *target = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(64, 128), .name = "target_features");
    vs_tensor *loss = mmd_loss(g, source, target, 1.0f, "mmd_loss");
    (void)loss;
    vs_graph_free(g);
    return 0;
}
