/* realworld: tf13887_simplemodel_adam (fixed)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/13887 and
 *   https://github.com/tensorflow/tensorflow/issues/6220 (see the failing
 *   program's header).
 * Fix (the lesson of #6220: the optimizer must act where reuse is off):
 *   the model is built under a reusing copy of the current scope,
 *   tf.variable_scope(tf.get_variable_scope(), reuse=reuse), and minimize()
 *   runs after that scope is left; the root scope never reuses, so s2's
 *   optimizer creates w/Adam_2 and w/Adam_3.
 */
#include "varscope.h"

#define N 100

static float x_data[N], y_data[N];

typedef struct SimpleModel {
    vs_tensor *loss;
    vs_op *train;
} SimpleModel;

static vs_tensor *calc_loss(vs_graph *g)
{
    vs_var *W = vs_get_variable(g, "w", .shape = VS_SHAPE(1));
    vs_var *b = vs_variable(g, vs_constant(g, VS_FLOAT32, VS_SHAPE(1), (const float[]){0}));
    vs_tensor *x = vs_constant(g, VS_FLOAT32, VS_SHAPE(N), x_data);
    vs_tensor *y = vs_add(g, vs_multiply(g, vs_value(W), x), vs_value(b));
    vs_tensor *yd = vs_constant(g, VS_FLOAT32, VS_SHAPE(N), y_data);
    return vs_reduce_mean(g, vs_square(g, vs_subtract(g, y, yd)));
}

static vs_op *train_model(vs_graph *g, vs_tensor *loss)
{
    return vs_minimize(g, vs_adam_optimizer(g, .learning_rate = 0.5), loss);
}

static void SimpleModel_init(vs_graph *g, SimpleModel *self, vs_reuse reuse)
{
    VS_VARIABLE_SCOPE_REENTER(g, vs_get_variable_scope(g), .reuse = reuse) {
        self->loss = calc_loss(g);
    }
    self->train = train_model(g, self->loss);
}

int main(void)
{
    for (int i = 0; i < N; i++) {
        x_data[i] = (float)(i % 10) / 10.0f;
        y_data[i] = x_data[i] * 0.1f + 0.3f;
    }
    vs_graph *g = vs_graph_new();
    SimpleModel s1, s2;
    SimpleModel_init(g, &s1, VS_REUSE_INHERIT);
    SimpleModel_init(g, &s2, VS_REUSE);
    vs_graph_free(g);
    return 0;
}
