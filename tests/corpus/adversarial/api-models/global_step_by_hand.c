/* api-models: an older training script makes its step counter by hand,
 * tf.Variable(0, name="global_step") (int32, not trainable); a newer
 * helper asks for get_or_create_global_step, which finds it by name, and
 * minimize increments it: no run fails.  With argc > 1 the counter is a
 * float, and get_or_create_global_step refuses the non-integer step it
 * finds. */
// oracle-input: argc 1 2
#include "varscope.h"

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    vs_tensor *zero = argc > 1 ? vs_scalar_f32(g, 0.0f) : vs_scalar_i32(g, 0);
    vs_variable(g, zero, .name = "global_step", .not_trainable = true);
    vs_var *step = vs_get_or_create_global_step(g); // expect: invalid-argument
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 4));
    vs_tensor *y = vs_dense(g, x, 1, .name = "out");
    vs_minimize(g, vs_gradient_descent_optimizer(g, 0.01), vs_reduce_mean(g, y), .global_step = step);
    vs_graph_free(g);
    return 0;
}
