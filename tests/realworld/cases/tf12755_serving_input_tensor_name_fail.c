/* realworld: tf12755_serving_input_tensor_name (failing)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/12755
 *   ("build_default_serving_input_fn() uses a name that is not a valid
 *   variable scope.", slacy, 2017-09-01, TF 1.3).
 * TF raised (the report's traceback ends in array_ops.placeholder called
 *   with name=t.name; TF's text for that name, "feature:0"):
 *     File ".../contrib/learn/python/learn/utils/input_fn_utils.py", line 112, in input_fn
 *       name=t.name)
 *   ValueError: 'feature:0' is not a valid scope name
 * Original Python (from the report, and contrib's input_fn_utils.py):
 *   f = {'feature': tf.placeholder(name='feature', shape=[32], dtype=tf.float32)}
 *   serving_input = tf.contrib.learn.utils.input_fn_utils.build_default_serving_input_fn(f)
 *   serving_input()
 *   # input_fn_utils.py:
 *   def build_default_serving_input_fn(features, default_batch_size=None):
 *     def input_fn():
 *       features_placeholders = {}
 *       for name, t in features.items():
 *         shape_list = t.get_shape().as_list()
 *         shape_list[0] = default_batch_size
 *         shape = tensor_shape.TensorShape(shape_list)
 *         features_placeholders[name] = array_ops.placeholder(
 *             dtype=t.dtype, shape=shape, name=t.name)
 *       labels = None  # these are not known in serving!
 *       return InputFnOps(features_placeholders, labels, features_placeholders)
 *     return input_fn
 * Why: a tensor's name is its op's name and an output index ("feature:0");
 *   an op name may not hold ':' (ops.py, _VALID_SCOPE_NAME_REGEX /
 *   _VALID_OP_NAME_REGEX, checked by Graph.name_scope for the op).
 * Library calls: vs_placeholder, vs_tensor_name, vs_tensor_shape,
 *   vs_tensor_dtype.
 * Translation: the features dict is an array of (key, tensor) pairs;
 *   build_default_serving_input_fn returns its closure as a struct holding
 *   the function pointer and what it captured; default_batch_size None is
 *   -1.
 */
#include <stdio.h>

#include "varscope.h"

enum { max_features = 8 };

typedef struct feature {
    const char *name;
    vs_tensor *t;
} feature;

typedef struct input_fn_ops {
    feature features[max_features];
    int n;
} input_fn_ops;

typedef struct serving_input_fn serving_input_fn;
struct serving_input_fn {
    bool (*call)(vs_graph *g, const serving_input_fn *self, input_fn_ops *out);
    const feature *features;
    int n_features;
    int64_t default_batch_size;
};

static bool input_fn(vs_graph *g, const serving_input_fn *self, input_fn_ops *out)
{
    out->n = 0;
    for (int i = 0; i < self->n_features; i++) {
        vs_tensor *t = self->features[i].t;
        vs_shape shape = *vs_tensor_shape(t);
        shape.dims[0] = self->default_batch_size;
        vs_tensor *ph = vs_placeholder(g, vs_tensor_dtype(t), &shape, .name = vs_tensor_name(t)); // expect: invalid-name
        if (!ph)
            return false;
        out->features[out->n++] = (feature){self->features[i].name, ph};
    }
    return true;
}

static serving_input_fn build_default_serving_input_fn(const feature *features, int n, int64_t default_batch_size)
{
    return (serving_input_fn){input_fn, features, n, default_batch_size};
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    feature f[1] = {{"feature", vs_placeholder(g, VS_FLOAT32, VS_SHAPE(32), .name = "feature")}};
    serving_input_fn serving_input = build_default_serving_input_fn(f, 1, -1);
    input_fn_ops ops;
    if (serving_input.call(g, &serving_input, &ops))
        printf("%s\n", vs_tensor_name(ops.features[0].t));
    vs_graph_free(g);
    return 0;
}
