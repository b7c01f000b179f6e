/* realworld: tefla8_mmd_loss_tag (fixed)
 *
 * Source: https://github.com/openAGI/tefla/issues/8
 * Fix: the repository's ("its fixed in the master branch"): tefla's
 *   losses.py now names the op tag = 'MMD_Loss'.
 * Translation: as the failing program with that tag.
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
    const char *tag = "MMD_Loss";
    vs_tensor *barrier = vs_placeholder(g, VS_FLOAT32, VS_SCALAR, .name = tag);   /* tf.no_op(tag): an op named tag */
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
