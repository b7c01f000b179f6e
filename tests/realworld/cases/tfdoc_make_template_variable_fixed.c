/* realworld: tfdoc_make_template_variable (fixed)
 *
 * Source: TensorFlow 1.15's make_template docstring (see the failing
 *   program's header).
 * Fix (the docstring's rule and example): my_op makes its variable with
 *   tf.get_variable(scalar_name, shape=[],
 *   initializer=tf.constant_initializer(1)); the second call shares
 *   scale_by_y/y.
 */
#include "varscope.h"

typedef struct my_op_args {
    const char *scalar_name;
} my_op_args;

static vs_tensor *my_op(vs_graph *g, vs_tensor *x, void *user)
{
    const my_op_args *kw = user;
    vs_var *var1 = vs_get_variable(g, kw->scalar_name, .shape = VS_SCALAR, .initializer = vs_init_constant(1));
    if (!var1)
        return NULL;
    return vs_multiply(g, x, vs_value(var1));
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *input1 = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1));
    vs_tensor *input2 = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1));

    static my_op_args kw = {"y"};
    vs_template *scale_by_y = vs_make_template(g, "scale_by_y", my_op, &kw);

    vs_tensor *z = vs_template_call(g, scale_by_y, input1);
    vs_tensor *w = vs_template_call(g, scale_by_y, input2);
    (void)z, (void)w;
    vs_graph_free(g);
    return 0;
}
