/* The session: initializers, feeds, the computed ops, seeds.
 *
 * Expectations: the notebook's In[5] (fixtures/seed: two Dense layers
 * sharing weights give h12 == 2 * h11, printed by numpy as
 * "array([[-3.8509488, -2.121961 ]], dtype=float32)"), TF 1.15's
 * python/framework/random_seed.py get_seed, python/ops/init_ops.py
 * (VarianceScaling.__call__, _compute_fans), client/session.py's feed
 * checks, the kernels' definitions (Conv2D's SAME padding: pad_total =
 * max((out - 1) * stride + k - in, 0), the smaller half before), and the
 * layer tests that evaluate values (core_test.py, convolutional_test.py).
 * Numbers are computed by hand here, never read from the library. */
#include "helpers.h"

#define PH(g, nm, ...) vs_placeholder((g), VS_FLOAT32, VS_SHAPE(__VA_ARGS__), .name = (nm))

static vs_session *initialized(vs_graph *g)
{
    vs_session *s = vs_session_new(g);
    assert_non_null(vs_session_run_op(s, vs_global_variables_initializer(g)));
    return s;
}

static void assert_close(const float *got, const float *want, size_t n, double tol)
{
    for (size_t i = 0; i < n; i++)
        if (!(got[i] - want[i] <= tol && want[i] - got[i] <= tol))
            fail_msg("element %zu: got %.9g, want %.9g", i, (double)got[i], (double)want[i]);
}

/* mirrors the notebook In[5]: l1 = Dense(2) in "myscope", l2 = Dense(2)
 * in "myscope" with reuse=True: one kernel and bias; fed [[1, 2, 3]] and
 * [[2, 4, 6]], the second result is exactly twice the first (a linear
 * map; the bias starts at zeros) */
static void test_seed_in5_doubling(void **state)
{
    FX;
    vs_tensor *x1 = PH(g, "x1", -1, 3), *x2 = PH(g, "x2", -1, 3);
    vs_tensor *h11 = NULL, *h12 = NULL;
    VS_VARIABLE_SCOPE(g, "myscope") { h11 = vs_layer_apply(g, vs_dense_layer(g, 2), x1); }
    VS_VARIABLE_SCOPE(g, "myscope", .reuse = VS_REUSE) { h12 = vs_layer_apply(g, vs_dense_layer(g, 2), x2); }
    vs_session *s = initialized(g);
    static const float a[] = {1, 2, 3}, b[] = {2, 4, 6};
    const vs_ndarray *r = vs_session_run(s, h11, .feeds = &(vs_feed){x1, VS_SHAPE(1, 3), a}, .nfeeds = 1);
    assert_non_null(r);
    assert_int_equal(r->size, 2);
    assert_int_equal(r->shape.rank, 2);
    assert_int_equal(r->shape.dims[0], 1);
    float first[2] = {r->data[0], r->data[1]};
    assert_true(first[0] != 0 || first[1] != 0);
    r = vs_session_run(s, h12, .feeds = &(vs_feed){x2, VS_SHAPE(1, 3), b}, .nfeeds = 1);
    assert_true(r->data[0] == 2 * first[0]);
    assert_true(r->data[1] == 2 * first[1]);
    EXPECT_NO_ERROR();
}

/* numpy's array repr, as the notebook prints the two rows */
static void test_ndarray_repr_as_numpy(void **state)
{
    (void)state;
    char buf[256];
    float v[] = {-3.8509488f, -2.121961f};
    vs_ndarray a = {.shape = {2, {1, 2}}, .size = 2, .data = v};
    vs_ndarray_repr(&a, buf, sizeof buf);
    assert_string_equal(buf, "array([[-3.8509488, -2.121961 ]], dtype=float32)");
    float w[] = {-7.7018976f, -4.243922f};
    a.data = w;
    vs_ndarray_repr(&a, buf, sizeof buf);
    assert_string_equal(buf, "array([[-7.7018976, -4.243922 ]], dtype=float32)");
    float m[] = {1, 2, 3, 4};
    vs_ndarray b = {.shape = {2, {2, 2}}, .size = 4, .data = m};
    vs_ndarray_repr(&b, buf, sizeof buf);
    assert_string_equal(buf, "array([[1., 2.],\n       [3., 4.]], dtype=float32)");
    float h[] = {0.5f, -1.25f, 10};
    vs_ndarray c = {.shape = {1, {3}}, .size = 3, .data = h};
    vs_ndarray_repr(&c, buf, sizeof buf);
    assert_string_equal(buf, "array([ 0.5 , -1.25, 10.  ], dtype=float32)");
}

/* mirrors core_test.py DenseTest.testFunctionalDenseInitializerFromScope:
 * in variable_scope('scope', initializer=ones) the kernel is ones, the
 * bias still zeros; and the ops' values: x [[1, 2, 3]] -> [[6, 6]] */
static void test_dense_initializer_from_scope(void **state)
{
    FX;
    vs_tensor *x = PH(g, "x", 5, 3), *y = NULL;
    VS_VARIABLE_SCOPE(g, "scope", .initializer = vs_init_ones()) { y = vs_dense(g, x, 2); }
    vs_session *s = initialized(g);
    float in[15];
    for (int i = 0; i < 15; i++)
        in[i] = (float)(i % 3 + 1);
    const vs_ndarray *r = vs_session_run(s, vs_value(var_at(g, 0)));
    assert_close(r->data, (const float[]){1, 1, 1, 1, 1, 1}, 6, 0);
    r = vs_session_run(s, vs_value(var_at(g, 1)));
    assert_close(r->data, (const float[]){0, 0}, 2, 0);
    r = vs_session_run(s, y, .feeds = &(vs_feed){x, VS_SHAPE(5, 3), in}, .nfeeds = 1);
    assert_int_equal(r->size, 10);
    assert_close(r->data, (const float[]){6, 6, 6, 6}, 4, 0);
    EXPECT_NO_ERROR();
}

/* the elementwise ops and matmul on constants, by hand */
static void test_math_ops(void **state)
{
    FX;
    vs_tensor *a = vs_constant(g, VS_FLOAT32, VS_SHAPE(2, 2), ((const float[]){1, -2, 3, -4}));
    vs_tensor *b = vs_constant_f32(g, 2, ((const float[]){10, 20}));
    vs_tensor *z = vs_constant_f32(g, 3, ((const float[]){0, 1, -1}));
    vs_session *s = vs_session_new(g);
    const vs_ndarray *r;
    r = vs_session_run(s, vs_add(g, a, b));            /* broadcast rows */
    assert_close(r->data, (const float[]){11, 18, 13, 16}, 4, 0);
    r = vs_session_run(s, vs_bias_add(g, a, b));
    assert_close(r->data, (const float[]){11, 18, 13, 16}, 4, 0);
    r = vs_session_run(s, vs_matmul(g, a, a));         /* [[1,-2],[3,-4]]^2 */
    assert_close(r->data, (const float[]){-5, 6, -9, 10}, 4, 0);
    r = vs_session_run(s, vs_relu(g, a));
    assert_close(r->data, (const float[]){1, 0, 3, 0}, 4, 0);
    r = vs_session_run(s, vs_sigmoid(g, z));
    assert_close(r->data, (const float[]){0.5f, 0.7310586f, 0.2689414f}, 3, 1e-6);
    r = vs_session_run(s, vs_tanh(g, z));
    assert_close(r->data, (const float[]){0, 0.7615942f, -0.7615942f}, 3, 1e-6);
    r = vs_session_run(s, vs_reduce_mean(g, vs_square(g, vs_subtract(g, a, vs_multiply(g, a, b)))));
    /* a - a*b = [[-9, 38], [-27, 76]]: (81 + 1444 + 729 + 5776) / 4 */
    assert_int_equal(r->shape.rank, 0);
    assert_close(r->data, (const float[]){2007.5f}, 1, 0);
    EXPECT_NO_ERROR();
}

/* Conv2D with a ones kernel (kernel_initializer), VALID and SAME (the
 * extra padding after, as TF's Conv2D puts it), and MaxPool; 1..9 */
static void test_conv_and_pool_values(void **state)
{
    FX;
    float img[9], img16[16];
    for (int i = 0; i < 9; i++)
        img[i] = (float)(i + 1);
    for (int i = 0; i < 16; i++)
        img16[i] = (float)(i + 1);
    vs_tensor *x = PH(g, "x", 1, 3, 3, 1), *x2 = PH(g, "x2", 1, 2, 2, 1), *x4 = PH(g, "x4", 1, 4, 4, 1);
    vs_tensor *valid = vs_conv2d(g, x, 1, 2, 2, .kernel_initializer = vs_init_ones());
    vs_tensor *same3 = vs_conv2d(g, x2, 1, 3, 3, .padding = VS_SAME, .kernel_initializer = vs_init_ones());
    vs_tensor *same_s2 = vs_conv2d(g, x, 1, 2, 2, .padding = VS_SAME, .strides = {2, 2},
                                   .kernel_initializer = vs_init_ones());
    vs_tensor *pool = vs_max_pooling2d(g, x4, 2, 2);
    vs_tensor *flat = vs_flatten(g, pool);
    vs_session *s = initialized(g);
    const vs_ndarray *r = vs_session_run(s, valid, .feeds = &(vs_feed){x, VS_SHAPE(1, 3, 3, 1), img}, .nfeeds = 1);
    assert_close(r->data, (const float[]){12, 16, 24, 28}, 4, 0);
    r = vs_session_run(s, same3, .feeds = &(vs_feed){x2, VS_SHAPE(1, 2, 2, 1), img}, .nfeeds = 1);
    assert_close(r->data, (const float[]){10, 10, 10, 10}, 4, 0);
    r = vs_session_run(s, same_s2, .feeds = &(vs_feed){x, VS_SHAPE(1, 3, 3, 1), img}, .nfeeds = 1);
    assert_close(r->data, (const float[]){12, 9, 15, 9}, 4, 0);
    r = vs_session_run(s, flat, .feeds = &(vs_feed){x4, VS_SHAPE(1, 4, 4, 1), img16}, .nfeeds = 1);
    assert_int_equal(r->shape.rank, 2);
    assert_int_equal(r->shape.dims[1], 4);
    assert_close(r->data, (const float[]){6, 8, 14, 16}, 4, 0);
    EXPECT_NO_ERROR();
}

/* mirrors core_test.py DropoutTest.testFunctionalDropout (training=False:
 * ones stay ones) and keras BatchNormalization in inference: (x - mean) /
 * sqrt(variance + epsilon) * gamma + beta with mean 0, variance 1 */
static void test_dropout_and_batch_norm_inference(void **state)
{
    FX;
    vs_tensor *x = PH(g, "x", 1, 2);
    vs_tensor *d = vs_dropout(g, x, 0.5);
    vs_tensor *bn = vs_batch_normalization(g, x);
    vs_session *s = initialized(g);
    static const float in[] = {1, 2};
    const vs_ndarray *r = vs_session_run(s, d, .feeds = &(vs_feed){x, VS_SHAPE(1, 2), in}, .nfeeds = 1);
    assert_close(r->data, in, 2, 0);
    r = vs_session_run(s, bn, .feeds = &(vs_feed){x, VS_SHAPE(1, 2), in}, .nfeeds = 1);
    double k = 1.0 / 1.00049987506246;   /* 1 / sqrt(1.001) */
    assert_close(r->data, (const float[]){(float)k, (float)(2 * k)}, 2, 1e-6);
    EXPECT_NO_ERROR();
}

/* client/session.py and the runtime's messages: an unfed placeholder, a
 * value of the wrong shape, an uninitialized variable; and what this
 * session does not run (a training step, an RNN loop) */
static void test_run_errors(void **state)
{
    FX;
    vs_tensor *x1 = PH(g, "x1", -1, 3);
    vs_tensor *y = vs_dense(g, x1, 2);
    vs_session *s = vs_session_new(g);
    static const float four[] = {1, 2, 3, 4}, three[] = {1, 2, 3};
    vs_session_run(s, y, .feeds = &(vs_feed){x1, VS_SHAPE(1, 3), three}, .nfeeds = 1);
    assert_int_equal(f->r.count, 1);
    assert_true(starts_with(f->r.e[0].message, "Attempting to use uninitialized value dense/kernel"));
    rec_clear(&f->r);
    vs_session_run_op(s, vs_global_variables_initializer(g));
    vs_session_run(s, y);
    assert_int_equal(f->r.count, 1);
    assert_string_equal(f->r.e[0].message,
                        "You must feed a value for placeholder tensor 'x1' with dtype float and "
                        "shape [?,3]");
    rec_clear(&f->r);
    vs_session_run(s, y, .feeds = &(vs_feed){x1, VS_SHAPE(1, 4), four}, .nfeeds = 1);
    assert_int_equal(f->r.count, 1);
    assert_string_equal(f->r.e[0].message,
                        "Cannot feed value of shape (1, 4) for Tensor 'x1:0', which has shape "
                        "'(?, 3)'");
    rec_clear(&f->r);
    vs_tensor *loss = vs_reduce_mean(g, y);
    vs_op *train = vs_minimize(g, vs_gradient_descent_optimizer(g, 0.1), loss);
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_session_run_op(s, train));
    vs_layer *cell = vs_gru_cell(g, 2);
    vs_tensor *seq = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(1, 2, 3));
    vs_tensor *out = vs_dynamic_rnn(g, cell, seq, .dtype = VS_FLOAT32);
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_session_run(s, out));
    /* after all that, a good run still works */
    assert_non_null(vs_session_run(s, y, .feeds = &(vs_feed){x1, VS_SHAPE(1, 3), three}, .nfeeds = 1));
    EXPECT_NO_ERROR();
}

/* tf.global_variables_initializer: group(name="init"), a name made
 * unique; it initializes the variables that existed when it was made */
static void test_initializer_op(void **state)
{
    FX;
    vs_get_variable(g, "a", .shape = VS_SHAPE(1));
    vs_op *i1 = vs_global_variables_initializer(g);
    vs_var *b = vs_get_variable(g, "b", .shape = VS_SHAPE(1));
    vs_op *i2 = vs_global_variables_initializer(g);
    assert_string_equal(vs_op_name(i1), "init");
    assert_string_equal(vs_op_name(i2), "init_1");
    vs_session *s = vs_session_new(g);
    vs_session_run_op(s, i1);
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_session_run(s, vs_value(b)));
    vs_session_run_op(s, i2);
    assert_non_null(vs_session_run(s, vs_value(b)));
    EXPECT_NO_ERROR();
}

/* values of a variable in one graph built after tf.set_random_seed(seed),
 * with `extra` constants made first (they move the op count) */
static void seeded_values(int64_t seed, int extra, vs_init init, float *out, size_t n)
{
    vs_graph *g = vs_graph_new();
    vs_set_random_seed(g, seed);
    for (int i = 0; i < extra; i++)
        vs_scalar_f32(g, 1.0f);
    vs_var *v = vs_get_variable(g, "v", .shape = VS_SHAPE((int64_t)n), .initializer = init);
    vs_session *s = initialized(g);
    const vs_ndarray *r = vs_session_run(s, vs_value(v));
    memcpy(out, r->data, n * sizeof *out);
    vs_graph_free(g);
}

/* mirrors random_seed.py get_seed: with a graph seed the op seed is the
 * graph's op count (graph._last_id), so the same program gives the same
 * numbers and a program with more ops before gives others; an op seed
 * without a graph seed uses DEFAULT_GRAPH_SEED, also repeatable; a new
 * session replays a seeded op, a second run in the same session goes on
 * (a stateful random kernel) */
static void test_seeds(void **state)
{
    (void)state;
    float a[8], b[8], c[8], d[8], e[8];
    vs_init glorot = vs_init_glorot_uniform();
    seeded_values(1, 0, glorot, a, 8);
    seeded_values(1, 0, glorot, b, 8);
    assert_memory_equal(a, b, sizeof a);
    seeded_values(2, 0, glorot, c, 8);
    assert_memory_not_equal(a, c, sizeof a);
    seeded_values(1, 1, glorot, d, 8);
    assert_memory_not_equal(a, d, sizeof a);
    /* an op-level seed fixes the op seed: the op count no longer matters */
    seeded_values(1, 0, vs_init_seed(glorot, 7), d, 8);
    seeded_values(1, 3, vs_init_seed(glorot, 7), e, 8);
    assert_memory_equal(d, e, sizeof d);
    vs_graph *g = vs_graph_new();
    vs_var *v = vs_get_variable(g, "v", .shape = VS_SHAPE(8), .initializer = vs_init_seed(glorot, 7));
    vs_var *u = vs_get_variable(g, "u", .shape = VS_SHAPE(8));
    vs_op *i = vs_global_variables_initializer(g);
    vs_session *s1 = vs_session_new(g), *s2 = vs_session_new(g);
    float first[8], again[8], other[8], u1[8], u2[8];
    vs_session_run_op(s1, i);
    memcpy(first, vs_session_run(s1, vs_value(v))->data, sizeof first);
    memcpy(u1, vs_session_run(s1, vs_value(u))->data, sizeof u1);
    vs_session_run_op(s1, i);
    memcpy(again, vs_session_run(s1, vs_value(v))->data, sizeof again);
    memcpy(u2, vs_session_run(s1, vs_value(u))->data, sizeof u2);
    vs_session_run_op(s2, i);
    memcpy(other, vs_session_run(s2, vs_value(v))->data, sizeof other);
    assert_memory_not_equal(first, again, sizeof first);
    assert_memory_equal(first, other, sizeof first);
    assert_memory_not_equal(u1, u2, sizeof u1);     /* unseeded: fresh */
    vs_graph_free(g);
}

static double mean_of(const float *x, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += x[i];
    return s / (double)n;
}

static double std_of(const float *x, size_t n)
{
    double m = mean_of(x, n), s = 0;
    for (size_t i = 0; i < n; i++)
        s += (x[i] - m) * (x[i] - m);
    double v = s / (double)n, r = v;
    for (int k = 0; k < 40; k++)   /* sqrt without libm */
        r = 0.5 * (r + v / r);
    return r;
}

/* mirrors init_ops.py: glorot uniform is VarianceScaling(1, fan_avg,
 * uniform): limit sqrt(6 / (fan_in + fan_out)); truncated normal redraws
 * beyond two standard deviations; he_normal is VarianceScaling(2, fan_in,
 * truncated_normal): stddev sqrt(2 / fan_in) / .87962566103423978 before
 * truncation, sqrt(2 / fan_in) after; random uniform in [minval, maxval) */
static void test_initializer_distributions(void **state)
{
    FX;
    vs_set_random_seed(g, 3);
    vs_var *gu = vs_get_variable(g, "gu", .shape = VS_SHAPE(100, 50));
    vs_var *tn_ = vs_get_variable(g, "tn", .shape = VS_SHAPE(100, 100), .initializer = vs_init_truncated_normal(1.0, 0.5));
    vs_var *he = vs_get_variable(g, "he", .shape = VS_SHAPE(200, 100), .initializer = vs_init_he_normal());
    vs_var *ru = vs_get_variable(g, "ru", .shape = VS_SHAPE(100, 100), .initializer = vs_init_random_uniform(-1, 3));
    vs_var *cv = vs_get_variable(g, "cv", .shape = VS_SHAPE(3, 3, 2, 4), .initializer = vs_init_glorot_uniform());
    vs_session *s = initialized(g);
    const vs_ndarray *r = vs_session_run(s, vs_value(gu));
    double limit = 0.2;   /* sqrt(6 / 150) */
    for (size_t i = 0; i < r->size; i++)
        assert_true(r->data[i] >= -limit && r->data[i] < limit);
    assert_true(std_of(r->data, r->size) > 0.95 * limit / 1.7320508 &&
                std_of(r->data, r->size) < 1.05 * limit / 1.7320508);
    r = vs_session_run(s, vs_value(tn_));
    for (size_t i = 0; i < r->size; i++)
        assert_true(r->data[i] >= 0.0f && r->data[i] <= 2.0f);
    assert_true(mean_of(r->data, r->size) > 0.98 && mean_of(r->data, r->size) < 1.02);
    assert_true(std_of(r->data, r->size) > 0.5 * 0.87962566 * 0.95 &&
                std_of(r->data, r->size) < 0.5 * 0.87962566 * 1.05);
    r = vs_session_run(s, vs_value(he));
    double sd = 0.1;      /* sqrt(2 / 200) */
    assert_true(std_of(r->data, r->size) > 0.95 * sd && std_of(r->data, r->size) < 1.05 * sd);
    for (size_t i = 0; i < r->size; i++)
        assert_true(r->data[i] <= 2 * sd / 0.87962566 + 1e-6 && r->data[i] >= -2 * sd / 0.87962566 - 1e-6);
    r = vs_session_run(s, vs_value(ru));
    for (size_t i = 0; i < r->size; i++)
        assert_true(r->data[i] >= -1 && r->data[i] < 3);
    assert_true(mean_of(r->data, r->size) > 0.95 && mean_of(r->data, r->size) < 1.05);
    /* conv kernels: fan_in = 3*3*2, fan_out = 3*3*4: limit sqrt(6 / 54) */
    r = vs_session_run(s, vs_value(cv));
    double cl = 0.33333334;
    for (size_t i = 0; i < r->size; i++)
        assert_true(r->data[i] >= -cl && r->data[i] < cl);
    EXPECT_NO_ERROR();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(test_seed_in5_doubling),
        cmocka_unit_test(test_ndarray_repr_as_numpy),
        FX_TEST(test_dense_initializer_from_scope),
        FX_TEST(test_math_ops),
        FX_TEST(test_conv_and_pool_values),
        FX_TEST(test_dropout_and_batch_norm_inference),
        FX_TEST(test_run_errors),
        FX_TEST(test_initializer_op),
        cmocka_unit_test(test_seeds),
        FX_TEST(test_initializer_distributions),
    };
    return cmocka_run_group_tests_name("session", tests, NULL, NULL);
}
