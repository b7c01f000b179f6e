/* realworld: styleganenc11_feature_shape_undefined (fixed)
 *
 * Source: https://github.com/Puzer/stylegan-encoder/issues/11
 * Fix (commit ed5ca8d, "Use network _run_cache for generator_output"): the
 *   generator's output is the tensor of the run the encoder made itself
 *   (minibatch_size=batch_size, from the run cache) instead of a tensor
 *   looked up by name, so its batch dimension is batch_size and the
 *   feature variables' shapes are fully defined.
 */
#include "tfops.h"

enum { batch_size = 1, img_size = 256 };

typedef struct PerceptualModel {
    int img_size, layer, batch_size;
    vs_var *ref_img_features, *features_weight;
} PerceptualModel;

static void build_perceptual_model(vs_graph *g, PerceptualModel *self, vs_tensor *generated_image_tensor)
{
    int64_t b = vs_tensor_shape(generated_image_tensor)->dims[0];
    vs_tensor *in[1] = {generated_image_tensor};
    vs_tensor *generated_image = tf_op(g, "resize_images", in, 1, VS_FLOAT32, VS_SHAPE(b, self->img_size, self->img_size, 3));
    vs_tensor *in2[1] = {generated_image};
    vs_tensor *generated_img_features = tf_op(g, "block3_conv3", in2, 1, VS_FLOAT32, VS_SHAPE(b, self->img_size / 4, self->img_size / 4, 256));
    self->ref_img_features = vs_get_variable(g, "ref_img_features", .shape = vs_tensor_shape(generated_img_features), .dtype = VS_FLOAT32, .initializer = vs_init_zeros());
    self->features_weight = vs_get_variable(g, "features_weight", .shape = vs_tensor_shape(generated_img_features), .dtype = VS_FLOAT32, .initializer = vs_init_zeros());
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    /* Generator(Gs_network, batch_size): the dlatents variable, then the
     * output of its own run (the run cache) */
    vs_var *dlatents = vs_get_variable(g, "learnable_dlatents", .shape = VS_SHAPE(batch_size, 18, 512), .dtype = VS_FLOAT32, .initializer = vs_init_random_normal(0, 1));
    (void)dlatents;
    vs_tensor *generator_output = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size, 3, 1024, 1024), .name = "concat");
    vs_tensor *in[1] = {generator_output};
    vs_tensor *generated_image = tf_op(g, "convert_images_to_uint8", in, 1, VS_FLOAT32, VS_SHAPE(batch_size, 1024, 1024, 3));

    PerceptualModel perceptual_model = {.img_size = img_size, .layer = 9, .batch_size = batch_size};
    build_perceptual_model(g, &perceptual_model, generated_image);
    vs_graph_free(g);
    return 0;
}
