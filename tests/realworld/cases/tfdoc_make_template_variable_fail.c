/* realworld: tfdoc_make_template_variable (failing)
 *
 * Source: TensorFlow 1.15's documentation of tf.make_template, the
 *   docstring of make_template in tensorflow/python/ops/template.py
 *   (r1.15):
 *   "The function should create all trainable variables and any variables
 *   that should be reused by calling `tf.compat.v1.get_variable`. If a
 *   trainable variable is created using `tf.Variable`, then a ValueError
 *   will be thrown."  and  "As a safe-guard, the returned function will
 *   raise a `ValueError` after the first call if trainable variables are
 *   created by calling `tf.Variable`."
 * TF raised (the docstring names the error; its text from the same file,
 *   Template._call_func, r1.15):
 *   ValueError: Trainable variable created when calling a template after
 *   the first time, perhaps you used tf.Variable when you meant
 *   tf.get_variable: [<tf.Variable 'scale_by_y_1/y:0' ...>]
 * The docstring's example with the mistake it describes:
 *   def my_op(x, scalar_name):
 *     var1 = tf.Variable(1.0, name=scalar_name)      # not get_variable
 *     return x * var1
 *   scale_by_y = tf.make_template('scale_by_y', my_op, scalar_name='y')
 *   z = scale_by_y(input1)
 *   w = scale_by_y(input2)                             # FAILS
 * Why: tf.Variable ignores reuse and makes a new variable at each call
 *   (scale_by_y/y, then scale_by_y_1/y in the call's new name scope); the
 *   template counts the trainable variables around every call after the
 *   first and raises at the call.  The library reports TF's ValueError
 *   as duplicate-variable (docs/varscope.md, Templates).
 * Fix: the docstring's rule and example: tf.get_variable(scalar_name,
 *   shape=[], initializer=tf.constant_initializer(1)).
 * Translation: as in tfdoc_make_template_names, scalar_name is a field of
 *   the builder's user struct; input1 and input2 are [None] placeholders.
 */
#include "varscope.h"

typedef struct my_op_args {
    const char *scalar_name;
} my_op_args;

static vs_tensor *my_op(vs_graph *g, vs_tensor *x, void *user)
{
    const my_op_args *kw = user;
    vs_var *var1 = vs_variable(g, vs_scalar_f32(g, 1.0f), .name = kw->scalar_name);
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
    vs_tensor *w = vs_template_call(g, scale_by_y, input2); // expect: duplicate-variable
    (void)z, (void)w;
    vs_graph_free(g);
    return 0;
}
