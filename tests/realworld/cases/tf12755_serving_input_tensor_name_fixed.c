/* realworld: tf12755_serving_input_tensor_name (fixed)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/12755
 * Fix: TF's own fix of the same code in the estimator's serving input
 *   function (TF 1.15 estimator/export/export.py,
 *   build_raw_serving_input_receiver_fn): "Reuse the feature tensor's op
 *   name (t.op.name) for the placeholder, excluding the index from the
 *   tensor's name (t.name): t.name = "%s:%d" % (t.op.name, t._value_index)":
 *       receiver_tensors[name] = array_ops.placeholder(dtype=t.dtype, shape=shape, name=t.op.name)
 * Translation: as the failing program; t.op.name is the tensor's name up
 *   to its ':' (strcspn), copied into a buffer.
 */
#include <stdio.h>
#include <string.h>

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
        const char *tensor_name = vs_tensor_name(t);
        char op_name[128];                       /* t.op.name */
        snprintf(op_name, sizeof op_name, "%.*s", (int)strcspn(tensor_name, ":"), tensor_name);
        vs_tensor *ph = vs_placeholder(g, vs_tensor_dtype(t), &shape, .name = op_name);
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
