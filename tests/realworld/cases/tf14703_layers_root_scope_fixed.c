/* realworld: tf14703_layers_root_scope (fixed)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/14703
 * Fix: the report's own workaround ("I found that this works"):
 *   with tf.variable_scope(tf.get_variable_scope()):
 *       print(f(x))
 *   with tf.variable_scope(tf.get_variable_scope(), reuse=True):
 *       print(f(x)) # works
 *   Leaving a re-entered scope object restores the counts it found
 *   (_pure_variable_scope.__exit__: variable_scopes_count =
 *   self._old_subscopes), so the second block names the layer conv2d
 *   again and shares it.
 * Translation: as the failing program with that change.
 */
#include <stdio.h>

#include "varscope.h"

static vs_tensor *f(vs_graph *g, vs_tensor *x)
{
    return vs_conv2d(g, x, 30, 3, 3);
}

static void print_tensor(vs_tensor *t)
{
    if (t)
        printf("Tensor(\"%s\")\n", vs_tensor_name(t));
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    static const float zeros[3 * 20 * 20 * 1];
    vs_tensor *x = vs_constant(g, VS_FLOAT32, VS_SHAPE(3, 20, 20, 1), zeros);
    VS_VARIABLE_SCOPE(g, "a") {
        print_tensor(f(g, x));
    }
    VS_VARIABLE_SCOPE(g, "a", .reuse = VS_REUSE) {
        print_tensor(f(g, x));     /* works */
    }
    VS_VARIABLE_SCOPE_REENTER(g, vs_get_variable_scope(g)) {
        print_tensor(f(g, x));
    }
    VS_VARIABLE_SCOPE_REENTER(g, vs_get_variable_scope(g), .reuse = VS_REUSE) {
        print_tensor(f(g, x));     /* works */
    }
    vs_graph_free(g);
    return 0;
}
