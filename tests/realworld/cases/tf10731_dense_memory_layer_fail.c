/* realworld: tf10731_dense_memory_layer (failing)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/10731 (Python
 *   beside this file: tf10731_dense_memory_layer.py).
 * TF raised (quoted from the report, TF 1.2.0-rc0):
 *   ValueError: Variable main/memory_layer_1/kernel does not exist, or was
 *   not created with tf.get_variable(). Did you mean to set reuse=None in
 *   VarScope?
 * Why: a layer object picks its variable scope on its first call with
 *   variable_scope(None, default_name=name): the name is made unique, so a
 *   second Dense named "memory_layer" builds under main/memory_layer_1;
 *   with reuse on, that kernel must already exist (layers/base.py,
 *   Layer._set_scope).  name= is not the variable scope.
 * Library calls: vs_dense_layer (.name, .no_bias),
 *   vs_layer_apply.
 */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    static const float input_data[] = {1, 2, 3, 4, 5, 6};
    vs_tensor *input = vs_constant(g, VS_FLOAT32, VS_SHAPE(2, 3), input_data);
    VS_VARIABLE_SCOPE_AS(scope, g, "main") {
        vs_layer *memory_layer = vs_dense_layer(g, 10, .name = "memory_layer", .no_bias = true);
        vs_tensor *x = vs_layer_apply(g, memory_layer, input);
        vs_reuse_variables(scope);
        memory_layer = vs_dense_layer(g, 10, .name = "memory_layer", .no_bias = true);
        vs_tensor *y = vs_layer_apply(g, memory_layer, input); // expect: missing-variable
        (void)x, (void)y;
    }
    vs_graph_free(g);
    return 0;
}
