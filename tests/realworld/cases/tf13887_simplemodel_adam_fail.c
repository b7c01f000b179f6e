/* realworld: tf13887_simplemodel_adam (failing)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/13887
 *   ("ValueError raised when using AdamOptimizer, but not for
 *   GradientDescentOptimizer"), the minimal program of
 *   https://github.com/tensorflow/tensorflow/issues/6220 (comment of
 *   2017-07-12).  Python beside this file: tf13887_simplemodel_adam.py.
 * TF raised (quoted from the report, TF 1.2.0):
 *   ValueError: Variable w/Adam_2/ does not exist, or was not created with
 *   tf.get_variable(). Did you mean to set reuse=None in VarScope?
 * Why: reuse_variables() on the root scope before building s2 shares w as
 *   intended, but s2's AdamOptimizer creates its slots for w through the
 *   slot creator (variable_scope(None, default_name="w/Adam") then
 *   get_variable("")): the uniquified scope is "w/Adam_2" (s1's optimizer
 *   took "w/Adam" and "w/Adam_1"), and with reuse on it must already exist.
 * Library calls: vs_adam_optimizer, vs_minimize, vs_multiply,
 *   vs_subtract, vs_square, vs_reduce_mean, and
 *   broadcasting in vs_multiply ([1] * [100]) as TF's Mul.
 * Translation: x_data is np.random.rand(100): a float32 constant of 100
 *   values; y_data = x_data * 0.1 + 0.3 likewise.  The failing call is the
 *   minimize() of the second model.
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
    return vs_minimize(g, vs_adam_optimizer(g, .learning_rate = 0.5), loss); // expect: missing-variable
}

static void SimpleModel_init(vs_graph *g, SimpleModel *self)
{
    self->loss = calc_loss(g);
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
    SimpleModel_init(g, &s1);
    vs_reuse_variables(vs_get_variable_scope(g));
    SimpleModel_init(g, &s2);
    vs_graph_free(g);
    return 0;
}
