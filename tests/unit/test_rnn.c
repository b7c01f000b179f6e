/* RNN cells and tf.nn.dynamic_rnn.
 *
 * Expectations from TF 1.15's python/kernel_tests/rnn_cell_test.py and
 * rnn_test.py, and from python/ops/rnn_cell_impl.py (the cells' build and
 * call, MultiRNNCell.call's "cell_%d" scopes, RNNCell.zero_state) and
 * python/ops/rnn.py (dynamic_rnn's variable_scope(scope or "rnn")). */
#include "helpers.h"

#define PH(g, ...) vs_placeholder((g), VS_FLOAT32, VS_SHAPE(__VA_ARGS__))

static const char *shape_of(const vs_tensor *t)
{
    static char buf[4][128];
    static unsigned k;
    char *b = buf[k++ % 4];
    const vs_shape *s = vs_tensor_shape(t);
    int n = snprintf(b, 128, "[");
    for (int i = 0; s && i < s->rank; i++)
        n += snprintf(b + n, 128 - (size_t)n, "%s%lld", i ? ", " : "",
                      (long long)s->dims[i]);
    snprintf(b + n, 128 - (size_t)n, "]");
    return b;
}

/* mirrors rnn_cell_test.py RNNCellTest.testBasicRNNCell: in "root",
 * BasicRNNCell(2)(x [1, 2], m [1, 2]): trainable variables
 * root/basic_rnn_cell/kernel:0 and .../bias:0, output (1, 2); the kernel
 * is [depth + units, units] (BasicRNNCell.build) */
static void test_basic_rnn_cell(void **state)
{
    FX;
    vs_tensor *out = NULL;
    vs_layer *cell = vs_basic_rnn_cell(g, 2);
    vs_rnn_state *ns = NULL;
    VS_VARIABLE_SCOPE(g, "root", .initializer = vs_init_constant(0.5)) {
        vs_rnn_state *m = vs_rnn_zero_state(g, cell, 1, VS_FLOAT32);
        out = vs_rnn_cell_call(g, cell, PH(g, 1, 2), m, .new_state = &ns);
    }
    vs_var *w[4];
    assert_int_equal(vs_layer_variables(cell, w, 4), 2);
    assert_string_equal(repr(w[0]),
                        "<tf.Variable 'root/basic_rnn_cell/kernel:0' shape=(4, 2) dtype=float32_ref>");
    assert_string_equal(repr(w[1]),
                        "<tf.Variable 'root/basic_rnn_cell/bias:0' shape=(2,) dtype=float32_ref>");
    assert_string_equal(shape_of(out), "[1, 2]");
    /* output and new state are the same tensor: activation(gate_inputs) */
    assert_string_equal(tn(out), "root/basic_rnn_cell/Tanh:0");
    assert_int_equal(vs_rnn_state_size(ns), 1);
    assert_ptr_equal(vs_rnn_state_tensor(ns, 0), out);
    EXPECT_NO_ERROR();
}

/* mirrors rnn_cell_test.py RNNCellTest.testBasicLSTMCell: MultiRNNCell of
 * two BasicLSTMCell(2) in "root": the variables are
 * root/multi_rnn_cell/cell_{0,1}/basic_lstm_cell/{kernel,bias}:0 */
static void test_multi_rnn_cell_names(void **state)
{
    FX;
    vs_layer *cells[2] = {vs_basic_lstm_cell(g, 2), vs_basic_lstm_cell(g, 2)};
    vs_layer *cell = vs_multi_rnn_cell(g, cells, 2);
    VS_VARIABLE_SCOPE(g, "root", .initializer = vs_init_constant(0.5)) {
        vs_rnn_state *m = vs_rnn_zero_state(g, cell, 1, VS_FLOAT32);
        assert_int_equal(vs_rnn_state_size(m), 4);
        vs_rnn_cell_call(g, cell, PH(g, 1, 2), m);
    }
    vs_var *w[8];
    assert_int_equal(vs_layer_variables(cell, w, 8), 4);
    assert_string_equal(vn(w[0]), "root/multi_rnn_cell/cell_0/basic_lstm_cell/kernel:0");
    assert_string_equal(vn(w[1]), "root/multi_rnn_cell/cell_0/basic_lstm_cell/bias:0");
    assert_string_equal(vn(w[2]), "root/multi_rnn_cell/cell_1/basic_lstm_cell/kernel:0");
    assert_string_equal(vn(w[3]), "root/multi_rnn_cell/cell_1/basic_lstm_cell/bias:0");
    /* BasicLSTMCell.build: kernel [depth + h, 4 * units] */
    assert_string_equal(repr(w[0]),
                        "<tf.Variable 'root/multi_rnn_cell/cell_0/basic_lstm_cell/kernel:0' "
                        "shape=(4, 8) dtype=float32_ref>");
    EXPECT_NO_ERROR();
}

/* mirrors rnn_cell_impl.py RNNCell.zero_state (name scope
 * "<Class>ZeroState", zeros per state part) and BasicLSTMCell.call (new_h
 * = Mul_2, new_c = Add_1, math_ops.add/multiply named Add/Mul) */
static void test_lstm_zero_state_and_call_names(void **state)
{
    FX;
    vs_layer *cell = vs_basic_lstm_cell(g, 3);
    vs_rnn_state *z = vs_rnn_zero_state(g, cell, -1, VS_FLOAT32);
    assert_string_equal(tn(vs_rnn_state_tensor(z, 0)), "BasicLSTMCellZeroState/zeros:0");
    assert_string_equal(tn(vs_rnn_state_tensor(z, 1)), "BasicLSTMCellZeroState/zeros_1:0");
    assert_string_equal(shape_of(vs_rnn_state_tensor(z, 1)), "[-1, 3]");
    vs_rnn_state *ns = NULL;
    vs_tensor *h = vs_rnn_cell_call(g, cell, PH(g, -1, 5), z, .new_state = &ns);
    assert_string_equal(tn(h), "basic_lstm_cell/Mul_2:0");
    assert_string_equal(tn(vs_rnn_state_tensor(ns, 0)), "basic_lstm_cell/Add_1:0");
    assert_ptr_equal(vs_rnn_state_tensor(ns, 1), h);
    /* called again: shared, its ops numbered on in the same name scope */
    vs_tensor *h2 = vs_rnn_cell_call(g, cell, PH(g, -1, 5), ns);
    assert_string_equal(tn(h2), "basic_lstm_cell/Mul_5:0");
    assert_int_equal(nvars(g), 2);
    vs_layer *cells[2] = {vs_lstm_cell(g, 3), vs_gru_cell(g, 3)};
    vs_rnn_state *mz = vs_rnn_zero_state(g, vs_multi_rnn_cell(g, cells, 2), 4, VS_FLOAT32);
    assert_string_equal(tn(vs_rnn_state_tensor(mz, 0)),
                        "MultiRNNCellZeroState/LSTMCellZeroState/zeros:0");
    assert_string_equal(tn(vs_rnn_state_tensor(mz, 2)),
                        "MultiRNNCellZeroState/GRUCellZeroState/zeros:0");
    EXPECT_NO_ERROR();
}

/* mirrors rnn_cell_impl.py LSTMCell.build: kernel [depth + num_proj,
 * 4 * units], bias, the peepholes w_f_diag, w_i_diag, w_o_diag [units],
 * projection/kernel [units, num_proj]; the output is the projection */
static void test_lstm_cell_peepholes_projection(void **state)
{
    FX;
    vs_layer *cell = vs_lstm_cell(g, 4, .use_peepholes = true, .num_proj = 2);
    vs_rnn_state *z = vs_rnn_zero_state(g, cell, 1, VS_FLOAT32);
    assert_string_equal(shape_of(vs_rnn_state_tensor(z, 1)), "[1, 2]");
    vs_tensor *m = vs_rnn_cell_call(g, cell, PH(g, 1, 3), z);
    vs_var *w[8];
    assert_int_equal(vs_layer_variables(cell, w, 8), 6);
    assert_string_equal(repr(w[0]),
                        "<tf.Variable 'lstm_cell/kernel:0' shape=(5, 16) dtype=float32_ref>");
    assert_string_equal(repr(w[1]),
                        "<tf.Variable 'lstm_cell/bias:0' shape=(16,) dtype=float32_ref>");
    assert_string_equal(vn(w[2]), "lstm_cell/w_f_diag:0");
    assert_string_equal(vn(w[3]), "lstm_cell/w_i_diag:0");
    assert_string_equal(vn(w[4]), "lstm_cell/w_o_diag:0");
    assert_string_equal(repr(w[5]),
                        "<tf.Variable 'lstm_cell/projection/kernel:0' shape=(4, 2) dtype=float32_ref>");
    assert_string_equal(shape_of(m), "[1, 2]");
    EXPECT_NO_ERROR();
}

/* mirrors rnn_cell_impl.py GRUCell.build ("gates/kernel" [depth + units,
 * 2 * units], "gates/bias" initialized to 1.0, "candidate/kernel",
 * "candidate/bias") and GRUCell.call (new_h = u * state + (1 - u) * c:
 * the last op is "add") */
static void test_gru_cell(void **state)
{
    FX;
    vs_layer *cell = vs_gru_cell(g, 2);
    vs_tensor *h = vs_rnn_cell_call(g, cell, PH(g, 1, 3), vs_rnn_zero_state(g, cell, 1, VS_FLOAT32));
    vs_var *w[8];
    assert_int_equal(vs_layer_variables(cell, w, 8), 4);
    assert_string_equal(repr(w[0]),
                        "<tf.Variable 'gru_cell/gates/kernel:0' shape=(5, 4) dtype=float32_ref>");
    assert_string_equal(repr(w[1]),
                        "<tf.Variable 'gru_cell/gates/bias:0' shape=(4,) dtype=float32_ref>");
    assert_string_equal(repr(w[2]),
                        "<tf.Variable 'gru_cell/candidate/kernel:0' shape=(5, 2) dtype=float32_ref>");
    assert_string_equal(repr(w[3]),
                        "<tf.Variable 'gru_cell/candidate/bias:0' shape=(2,) dtype=float32_ref>");
    assert_string_equal(tn(h), "gru_cell/add:0");
    EXPECT_NO_ERROR();
}

/* mirrors rnn.py dynamic_rnn: variable_scope(scope or "rnn"), the cell
 * called in the while loop (its name scope "rnn/while/"), batch-major
 * outputs transposed back ("rnn/transpose_1", [batch, time, units]) */
static void test_dynamic_rnn_names(void **state)
{
    FX;
    vs_layer *cell = vs_basic_lstm_cell(g, 4);
    vs_rnn_state *final = NULL;
    vs_tensor *out = vs_dynamic_rnn(g, cell, PH(g, -1, 7, 3), .dtype = VS_FLOAT32,
                                    .final_state = &final);
    assert_string_equal(tn(out), "rnn/transpose_1:0");
    assert_string_equal(shape_of(out), "[-1, 7, 4]");
    assert_string_equal(repr(var_at(g, 0)),
                        "<tf.Variable 'rnn/basic_lstm_cell/kernel:0' shape=(7, 16) dtype=float32_ref>");
    assert_string_equal(vn(var_at(g, 1)), "rnn/basic_lstm_cell/bias:0");
    assert_string_equal(vs_scope_name(vs_layer_scope(cell)), "rnn/basic_lstm_cell");
    assert_int_equal(vs_rnn_state_size(final), 2);
    assert_string_equal(shape_of(vs_rnn_state_tensor(final, 1)), "[-1, 4]");
    /* derived: while_loop's exits are the iteration counter (maximum_
     * iterations), time, the output array, then the state */
    assert_string_equal(tn(vs_rnn_state_tensor(final, 0)), "rnn/while/Exit_3:0");
    assert_string_equal(tn(vs_rnn_state_tensor(final, 1)), "rnn/while/Exit_4:0");
    EXPECT_NO_ERROR();
}

/* mirrors rnn_test.py RNNTest.testDynamicScope (_testScope: every
 * variable under the prefix; scope given as a string or by an enclosing
 * scope; prefix None means "rnn"), with LSTMCell(3, use_peepholes=True) */
static void test_dynamic_rnn_scope(void **state)
{
    FX;
    vs_tensor *in = PH(g, 8, 2, 5);
    VS_VARIABLE_SCOPE(g, "prefix") {
        vs_dynamic_rnn(g, vs_lstm_cell(g, 3, .use_peepholes = true), in, .dtype = VS_FLOAT32, .time_major = true);
    }
    vs_dynamic_rnn(g, vs_lstm_cell(g, 3, .use_peepholes = true), in, .dtype = VS_FLOAT32, .time_major = true, .scope = "other");
    assert_int_equal(vs_get_collection(g, VS_GLOBAL_VARIABLES, .scope = "prefix/")->len, 5);
    assert_int_equal(vs_get_collection(g, VS_GLOBAL_VARIABLES, .scope = "other/")->len, 5);
    assert_string_equal(vn(var_at(g, 0)), "prefix/rnn/lstm_cell/kernel:0");
    assert_string_equal(vn(var_at(g, 5)), "other/lstm_cell/kernel:0");
    EXPECT_NO_ERROR();
}

/* mirrors rnn.py dynamic_rnn + variable_scope.py _get_single_variable: a
 * second dynamic_rnn with a new cell enters "rnn" again by string, its
 * cell's default scope is rnn/basic_lstm_cell again (counts reset when
 * "rnn" exited), and the kernel exists: "Variable
 * rnn/basic_lstm_cell/kernel already exists"; with reuse it is shared,
 * and the same cell object is shared without any flag */
static void test_dynamic_rnn_twice(void **state)
{
    FX;
    vs_tensor *in = PH(g, -1, 7, 3);
    vs_layer *cell = vs_basic_lstm_cell(g, 4);
    vs_dynamic_rnn(g, cell, in, .dtype = VS_FLOAT32);
    char *before = fingerprint(g);
    vs_dynamic_rnn(g, vs_basic_lstm_cell(g, 4), in, .dtype = VS_FLOAT32);
    assert_int_equal(f->r.count, 1);
    assert_int_equal(f->r.e[0].code, VS_ERR_DUPLICATE_VARIABLE);
    assert_true(starts_with(f->r.e[0].message,
                            "Variable rnn/basic_lstm_cell/kernel already exists, disallowed."));
    rec_clear(&f->r);
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        assert_non_null(vs_dynamic_rnn(g, vs_basic_lstm_cell(g, 4), in, .dtype = VS_FLOAT32));
    }
    assert_string_equal(tn(vs_dynamic_rnn(g, cell, in, .dtype = VS_FLOAT32)),
                        "rnn_2/transpose_1:0");
    assert_int_equal(nvars(g), 2);
    free(before);
    EXPECT_NO_ERROR();
}

/* mirrors rnn.py dynamic_rnn's checks: "If there is no initial_state, you
 * must give a dtype."; _dynamic_rnn_loop's with_rank_at_least(3) on the
 * transposed input and "Input size (depth of inputs) must be accessible
 * via shape inference, but saw value None."; rnn_cell_impl
 * assert_like_rnncell */
static void test_dynamic_rnn_errors(void **state)
{
    FX;
    vs_layer *cell = vs_gru_cell(g, 2);
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_dynamic_rnn(g, cell, PH(g, -1, 7, 3)));
    vs_dynamic_rnn(g, cell, PH(g, -1, 3), .dtype = VS_FLOAT32);
    assert_int_equal(f->r.count, 1);
    assert_string_equal(f->r.e[0].message, "Shape (3, ?) must have rank at least 3");
    rec_clear(&f->r);
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_dynamic_rnn(g, cell, PH(g, -1, 7, -1), .dtype = VS_FLOAT32));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_dynamic_rnn(g, vs_dense_layer(g, 2), PH(g, -1, 7, 3), .dtype = VS_FLOAT32));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_dynamic_rnn(g, cell, vs_placeholder(g, VS_INT32, VS_SHAPE(-1, 7, 3)), .dtype = VS_INT32));
    assert_int_equal(nvars(g), 0);
    /* the same cell, now fine: the failures left its state as it was */
    assert_non_null(vs_dynamic_rnn(g, cell, PH(g, -1, 7, 3), .dtype = VS_FLOAT32));
    assert_string_equal(vn(var_at(g, 0)), "rnn/gru_cell/gates/kernel:0");
    EXPECT_NO_ERROR();
}

/* mirrors MultiRNNCell.call with one cell object twice ([cell] * 2): the
 * second layer's call reuses the built cell, whose kernel was made for the
 * first layer's input: MatMul's shape function fails (TF >= 1.2) */
static void test_multi_rnn_same_cell_twice(void **state)
{
    FX;
    vs_layer *c = vs_basic_lstm_cell(g, 4);
    vs_layer *cells[2] = {c, c};
    vs_layer *m = vs_multi_rnn_cell(g, cells, 2);
    vs_dynamic_rnn(g, m, PH(g, -1, 5, 3), .dtype = VS_FLOAT32);
    assert_int_equal(f->r.count, 1);
    assert_int_equal(f->r.e[0].code, VS_ERR_INVALID_ARGUMENT);
    assert_true(starts_with(f->r.e[0].message, "Dimensions must be equal, but are 8 and 7"));
    rec_clear(&f->r);
    /* with inputs as wide as the cell there is nothing to refuse: shared */
    assert_non_null(vs_dynamic_rnn(g, m, PH(g, -1, 5, 4), .dtype = VS_FLOAT32));
    assert_int_equal(nvars(g), 2);
    assert_string_equal(vn(var_at(g, 0)), "rnn/multi_rnn_cell/cell_0/basic_lstm_cell/kernel:0");
    EXPECT_NO_ERROR();
}

/* mirrors rnn_cell_impl.py MultiRNNCell.__init__ ("Must specify at least
 * one cell for MultiRNNCell.") and the cells' build checks */
static void test_cell_errors(void **state)
{
    FX;
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_multi_rnn_cell(g, NULL, 0));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_basic_lstm_cell(g, 0));
    vs_layer *cell = vs_basic_rnn_cell(g, 2);
    vs_rnn_state *z = vs_rnn_zero_state(g, cell, 1, VS_FLOAT32);
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_rnn_cell_call(g, cell, PH(g, 1, -1), z));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_rnn_cell_call(g, vs_basic_lstm_cell(g, 2), PH(g, 1, 2), z));
    /* first called under reuse=True: its scope has no kernel yet */
    VS_VARIABLE_SCOPE(g, "r", .reuse = VS_REUSE) {
        EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_rnn_cell_call(g, cell, PH(g, 1, 2), z));
    }
    assert_int_equal(nvars(g), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(test_basic_rnn_cell),
        FX_TEST(test_multi_rnn_cell_names),
        FX_TEST(test_lstm_zero_state_and_call_names),
        FX_TEST(test_lstm_cell_peepholes_projection),
        FX_TEST(test_gru_cell),
        FX_TEST(test_dynamic_rnn_names),
        FX_TEST(test_dynamic_rnn_scope),
        FX_TEST(test_dynamic_rnn_twice),
        FX_TEST(test_dynamic_rnn_errors),
        FX_TEST(test_multi_rnn_same_cell_twice),
        FX_TEST(test_cell_errors),
    };
    return cmocka_run_group_tests_name("rnn", tests, NULL, NULL);
}
