/* realworld: styleganenc11_feature_shape_undefined (failing)
 *
 * Source: https://github.com/Puzer/stylegan-encoder/issues/11; code:
 *   encoder/perceptual_model.py and encoder/generator_model.py, master
 *   (commit 1e7e47f; the file as added in 0bc13be).
 * TF raised (quoted from the report):
 *   File "encode_images.py", line 61, in main
 *     perceptual_model.build_perceptual_model(generator.generated_image)
 *   File ".../encoder/perceptual_model.py", line 41, in build_perceptual_model
 *     dtype='float32', initializer=tf.initializers.zeros())
 *   ValueError: Shape of a new variable (ref_img_features) must be fully
 *   defined, but instead was (?, 64, 64, 256).
 * Original Python (perceptual_model.py, trimmed):
 *   def build_perceptual_model(self, generated_image_tensor):
 *       vgg16 = VGG16(include_top=False, input_shape=(self.img_size, self.img_size, 3))
 *       self.perceptual_model = Model(vgg16.input, vgg16.layers[self.layer].output)
 *       generated_image = preprocess_input(tf.image.resize_images(generated_image_tensor,
 *                                          (self.img_size, self.img_size), method=1))
 *       generated_img_features = self.perceptual_model(generated_image)
 *       self.ref_img_features = tf.get_variable('ref_img_features', shape=generated_img_features.shape,
 *                                               dtype='float32', initializer=tf.initializers.zeros())
 *   and generator_model.py takes the generator's output by name:
 *       self.generator_output = self.graph.get_tensor_by_name('G_synthesis_1/_Run/concat:0')
 * Why: the variable's shape is taken from a tensor whose batch dimension
 *   is unknown (the tensor found by that name has shape (?, 3, 1024,
 *   1024) in the reporter's graph, as the error's (?, 64, 64, 256) shows),
 *   and get_variable needs a fully defined shape for a new variable
 *   (variable_scope.py, _get_single_variable).
 * Library calls: vs_get_variable with a shape read from a tensor;
 *   tfops.h for resize, preprocess_input, VGG16's block3_conv3 and the
 *   NCHW->NHWC conversion.
 * Translation: encode_images.py's defaults (batch_size 1, image_size 256,
 *   layer 9 = block3_conv3: 64 x 64 x 256).  The generator's output
 *   "found by name" is a placeholder of the shape the report shows; the
 *   VGG16 model (keras) is one stand-in op.
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
    self->ref_img_features = vs_get_variable(g, "ref_img_features", .shape = vs_tensor_shape(generated_img_features), .dtype = VS_FLOAT32, .initializer = vs_init_zeros()); // expect: undefined-shape
    self->features_weight = vs_get_variable(g, "features_weight", .shape = vs_tensor_shape(generated_img_features), .dtype = VS_FLOAT32, .initializer = vs_init_zeros());
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    /* Generator(Gs_network, batch_size): the dlatents variable, then the
     * output found by name: G_synthesis_1/_Run/concat:0 */
    vs_var *dlatents = vs_get_variable(g, "learnable_dlatents", .shape = VS_SHAPE(batch_size, 18, 512), .dtype = VS_FLOAT32, .initializer = vs_init_random_normal(0, 1));
    (void)dlatents;
    vs_tensor *generator_output = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 3, 1024, 1024), .name = "concat");
    vs_tensor *in[1] = {generator_output};
    vs_tensor *generated_image = tf_op(g, "convert_images_to_uint8", in, 1, VS_FLOAT32, VS_SHAPE(-1, 1024, 1024, 3));

    PerceptualModel perceptual_model = {.img_size = img_size, .layer = 9, .batch_size = batch_size};
    build_perceptual_model(g, &perceptual_model, generated_image);
    vs_graph_free(g);
    return 0;
}
