/* realworld: tfdoc_make_template_names (failing)
 *
 * Source: TensorFlow 1.15's documentation of tf.make_template, the
 *   docstring of make_template in tensorflow/python/ops/template.py
 *   (r1.15):
 *   "Internal scopes and variable names should not depend on any arguments
 *   that are not supplied to `make_template`. In general you will get a
 *   ValueError telling you that you are trying to reuse a variable that
 *   doesn't exist if you make a mistake."  and, of its example,
 *   "It is important to note that if we didn't assign `scalar_name` and
 *   used a different name for z and w that a `ValueError` would be thrown
 *   because it couldn't reuse the variable."
 * TF raised: the docstring names the error without its text ("a ValueError
 *   telling you that you are trying to reuse a variable that doesn't
 *   exist"); TF 1.15's message for that call (variable_scope.py,
 *   _get_single_variable) is
 *   ValueError: Variable scale_by_y/w does not exist, or was not created
 *   with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in
 *   VarScope?
 * The docstring's example, with the mistake it describes:
 *   def my_op(x, scalar_name):
 *     var1 = tf.get_variable(scalar_name,
 *                            shape=[],
 *                            initializer=tf.constant_initializer(1))
 *     return x * var1
 *   scale_by_y = tf.make_template('scale_by_y', my_op)   # no scalar_name
 *   z = scale_by_y(input1, scalar_name='y')
 *   w = scale_by_y(input2, scalar_name='w')               # FAILS in my_op
 * Why: the first call creates scale_by_y/y; every later call re-enters the
 *   template's scope with reuse, so get_variable('w') there must find
 *   scale_by_y/w, which was never created.  The traceback ends at the
 *   get_variable line of my_op (Template._call_func re-raises with the
 *   template's creation stack appended).
 * Fix: the docstring's own example, make_template('scale_by_y', my_op,
 *   scalar_name='y').
 * Translation: the builder takes one input and a user pointer; the keyword
 *   argument given at each call is a field of the struct the user pointer
 *   points to, set by the caller before each call.  input1 and input2 are
 *   float32 placeholders of shape [None] (the docstring does not define
 *   them).
 */
#include "varscope.h"

typedef struct my_op_args {
    const char *scalar_name;
} my_op_args;

static vs_tensor *my_op(vs_graph *g, vs_tensor *x, void *user)
{
    const my_op_args *kw = user;
    vs_var *var1 = vs_get_variable(g, kw->scalar_name, .shape = VS_SCALAR, .initializer = vs_init_constant(1)); // expect: missing-variable
    if (!var1)
        return NULL;
    return vs_multiply(g, x, vs_value(var1));
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *input1 = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1));
    vs_tensor *input2 = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1));

    my_op_args kw = {NULL};
    vs_template *scale_by_y = vs_make_template(g, "scale_by_y", my_op, &kw);

    kw.scalar_name = "y";
    vs_tensor *z = vs_template_call(g, scale_by_y, input1);
    kw.scalar_name = "w";
    vs_tensor *w = vs_template_call(g, scale_by_y, input2);
    (void)z, (void)w;
    vs_graph_free(g);
    return 0;
}
