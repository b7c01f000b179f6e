/* realworld: tf5390_name_scope_as_var_scope (fixed)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/5390
 * Fix (ours): the tower's name scope is not passed as the model's
 *   variable scope; one fixed scope name is, scope="InceptionV3", entered
 *   by string in every tower, so tower 0 creates InceptionV3/... and the
 *   later towers, under the reuse that reuse_variables() set, share them.
 *   (Leaving scope=None is not enough: the default name is made unique,
 *   InceptionV3_1 in tower 1, and is missing under reuse.)
 */
#include <stdio.h>

#include "tfcontrib.h"
#include "tfops.h"

enum { num_gpus = 2 };

/* slim.conv2d(inputs, num_outputs, [k, k], stride, padding, scope=...) */
static vs_tensor *slim_conv2d(vs_graph *g, vs_tensor *inputs, int num_outputs, int k, int stride, int same, const char *scope)
{
    vs_tensor *out = NULL;
    if (!inputs)                          /* Python raised before here */
        return NULL;
    VS_VARIABLE_SCOPE(g, scope, .default_name = "Conv") {
        int64_t in_ch = vs_tensor_shape(inputs)->dims[3];
        vs_var *weights = vs_get_variable(g, "weights", .shape = VS_SHAPE(k, k, in_ch, num_outputs), .initializer = vs_init_glorot_uniform());
        if (weights)
            vs_add_to_collection(g, VS_MODEL_VARIABLES, weights);
        vs_var *biases = tfc_model_variable(g, "biases", num_outputs, VS_FLOAT32, vs_init_zeros(), true, __FILE__, __LINE__);
        out = vs_relu(g, vs_bias_add(g, tf_conv2d(g, inputs, weights, stride, same), vs_value(biases)));
    }
    return out;
}

static vs_tensor *inception_v3_base(vs_graph *g, vs_tensor *inputs, vs_scope *scope)
{
    vs_tensor *net = NULL;
    VS_VARIABLE_SCOPE_REENTER(g, scope) {
        net = slim_conv2d(g, inputs, 32, 3, 2, 0, "Conv2d_1a_3x3");
        net = slim_conv2d(g, net, 32, 3, 1, 0, "Conv2d_2a_3x3");
        net = slim_conv2d(g, net, 64, 3, 1, 1, "Conv2d_2b_3x3");
    }
    return net;
}

static vs_tensor *inception_v3(vs_graph *g, vs_tensor *inputs, vs_reuse reuse, const char *scope)
{
    vs_tensor *net = NULL;
    VS_VARIABLE_SCOPE_AS(sc, g, scope, .default_name = "InceptionV3", .reuse = reuse) {
        net = inception_v3_base(g, inputs, sc);
    }
    return net;
}

static vs_tensor *tower_loss(vs_graph *g, vs_tensor *images, const char *scope)
{
    (void)scope;
    vs_tensor *logits = inception_v3(g, images, VS_REUSE_INHERIT, "InceptionV3");
    return tf_like(g, "loss", logits);
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *images = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(32, 299, 299, 3), .name = "images");
    for (int i = 0; i < num_gpus; i++) {
        char name[16];
        snprintf(name, sizeof name, "%s_%d", "tower", i);
        const char *scope = vs_name_scope_enter(g, name);
        if (!scope)
            break;
        vs_tensor *loss = tower_loss(g, images, scope);
        (void)loss;
        vs_reuse_variables(vs_get_variable_scope(g));
        vs_scope_exit(g);
    }
    vs_graph_free(g);
    return 0;
}
