/* Optimizers' slots, minimize, moving averages and the global step.
 *
 * Expectations from TF 1.15's python/training/slot_creator.py (create_slot
 * under variable_scope(None, default_name=<var>/<name>), get_variable("")),
 * optimizer.py (minimize, compute_gradients, apply_gradients,
 * _zeros_slot, _create_non_slot_variable), adam.py, momentum.py,
 * rmsprop.py, adagrad.py (_create_slots), moving_averages.py
 * (ExponentialMovingAverage.apply), training_util.py (global step), and
 * their tests slot_creator_test.py, moving_averages_test.py. */
#include "helpers.h"

/* w [3] and b [3] at the root, loss = mean(square(w + b)) */
typedef struct model { vs_var *w, *b; vs_tensor *loss; } model;

static model make_model(vs_graph *g)
{
    model m;
    m.w = vs_get_variable(g, "w", .shape = VS_SHAPE(3));
    m.b = vs_get_variable(g, "b", .shape = VS_SHAPE(3));
    m.loss = vs_reduce_mean(g, vs_square(g, vs_add(g, vs_value(m.w), vs_value(m.b))));
    return m;
}

static const char *names_from(vs_graph *g, size_t from)
{
    static char buf[2048];
    size_t n = nvars(g), used = 0;
    buf[0] = '\0';
    for (size_t i = from; i < n; i++)
        used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s",
                                 i > from ? " " : "", vn(var_at(g, i)));
    return buf;
}

/* mirrors adam.py AdamOptimizer._create_slots: beta1_power and
 * beta2_power (tf.Variables, made once), then per variable the slots "m"
 * and "v" through slot_creator: w/Adam, w/Adam_1 (the second default-name
 * scope w/Adam made unique), shapes and dtypes of the primary, not
 * trainable; the train op is named after the name scope "Adam" */
static void test_adam_slots(void **state)
{
    FX;
    model m = make_model(g);
    vs_optimizer *adam = vs_adam_optimizer(g);
    vs_op *train = vs_minimize(g, adam, m.loss);
    assert_string_equal(vs_op_name(train), "Adam");
    assert_string_equal(names_from(g, 2),
                        "beta1_power:0 beta2_power:0 w/Adam:0 w/Adam_1:0 b/Adam:0 b/Adam_1:0");
    assert_string_equal(repr(vs_optimizer_get_slot(adam, m.w, "m")),
                        "<tf.Variable 'w/Adam:0' shape=(3,) dtype=float32_ref>");
    assert_string_equal(vn(vs_optimizer_get_slot(adam, m.w, "v")), "w/Adam_1:0");
    assert_string_equal(repr(var_at(g, 2)),
                        "<tf.Variable 'beta1_power:0' shape=() dtype=float32_ref>");
    assert_false(vs_var_trainable(vs_optimizer_get_slot(adam, m.b, "v")));
    assert_int_equal(vs_get_collection(g, VS_TRAINABLE_VARIABLES)->len, 2);
    /* the slot's store key is "w/Adam/": get_variable("") in its scope */
    VS_VARIABLE_SCOPE(g, "w/Adam", .reuse = VS_REUSE) {
        assert_ptr_equal(vs_get_variable(g, ""), vs_optimizer_get_slot(adam, m.w, "m"));
    }
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        assert_ptr_equal(vs_get_variable(g, "w/Adam/"), vs_optimizer_get_slot(adam, m.w, "m"));
    }
    EXPECT_NO_ERROR();
}

/* mirrors python/distribute/minimize_loss_test.py
 * MinimizeLossStepTest.testOptimizerInsideModelFn (get_expected_variables:
 * a dense layer trained with Adam has dense/kernel, dense/bias,
 * beta1_power, beta2_power, dense/kernel/Adam, dense/kernel/Adam_1,
 * dense/bias/Adam, dense/bias/Adam_1; with Adagrad dense/kernel/Adagrad,
 * dense/bias/Adagrad), in a graph each */
static void test_dense_with_adam_and_adagrad(void **state)
{
    FX;
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 1));
    vs_tensor *loss = vs_reduce_mean(g, vs_dense(g, x, 1));
    vs_minimize(g, vs_adam_optimizer(g), loss);
    assert_string_equal(names_from(g, 0),
                        "dense/kernel:0 dense/bias:0 beta1_power:0 beta2_power:0 "
                        "dense/kernel/Adam:0 dense/kernel/Adam_1:0 dense/bias/Adam:0 "
                        "dense/bias/Adam_1:0");
    vs_graph *h = vs_graph_new();
    vs_set_error_handler(h, rec_handler, &f->r);
    x = vs_placeholder(h, VS_FLOAT32, VS_SHAPE(-1, 1));
    loss = vs_reduce_mean(h, vs_dense(h, x, 1));
    vs_minimize(h, vs_adagrad_optimizer(h, 0.1), loss);
    assert_string_equal(names_from(h, 0),
                        "dense/kernel:0 dense/bias:0 dense/kernel/Adagrad:0 dense/bias/Adagrad:0");
    vs_graph_free(h);
    EXPECT_NO_ERROR();
}

/* mirrors optimizer.py Optimizer._zeros_slot (a slot is made once per
 * variable and optimizer object) and _create_non_slot_variable (once per
 * graph): a second minimize with the same optimizer makes nothing new;
 * a second Adam makes beta1_power_1 and w/Adam_2, w/Adam_3; train ops
 * Adam, Adam_1, Adam_2 */
static void test_second_minimize(void **state)
{
    FX;
    model m = make_model(g);
    vs_optimizer *a1 = vs_adam_optimizer(g);
    vs_minimize(g, a1, m.loss);
    size_t n = nvars(g);
    assert_string_equal(vs_op_name(vs_minimize(g, a1, m.loss)), "Adam_1");
    assert_int_equal(nvars(g), n);
    assert_string_equal(vs_op_name(vs_minimize(g, vs_adam_optimizer(g), m.loss)), "Adam_2");
    assert_string_equal(names_from(g, n),
                        "beta1_power_1:0 beta2_power_1:0 w/Adam_2:0 w/Adam_3:0 b/Adam_2:0 b/Adam_3:0");
    EXPECT_NO_ERROR();
}

/* mirrors momentum.py ("momentum" slot), rmsprop.py ("rms" ones, "mg"
 * when centered, "momentum"), adagrad.py ("accumulator"),
 * gradient_descent.py (no slots): names <var>/<optimizer name>, suffixed
 * per slot */
static void test_other_optimizers(void **state)
{
    FX;
    model m = make_model(g);
    size_t n = nvars(g);
    assert_string_equal(vs_op_name(vs_minimize(g, vs_gradient_descent_optimizer(g, 0.1), m.loss)),
                        "GradientDescent");
    assert_int_equal(nvars(g), n);
    vs_optimizer *mom = vs_momentum_optimizer(g, 0.1, 0.9);
    vs_minimize(g, mom, m.loss, .var_list = &(vs_var_list){1, &m.w});
    assert_string_equal(names_from(g, n), "w/Momentum:0");
    assert_string_equal(vn(vs_optimizer_get_slot(mom, m.w, "momentum")), "w/Momentum:0");
    n = nvars(g);
    vs_optimizer *rms = vs_rmsprop_optimizer(g, 0.1, .centered = true);
    vs_minimize(g, rms, m.loss, .var_list = &(vs_var_list){1, &m.w});
    assert_string_equal(names_from(g, n), "w/RMSProp:0 w/RMSProp_1:0 w/RMSProp_2:0");
    assert_string_equal(vn(vs_optimizer_get_slot(rms, m.w, "rms")), "w/RMSProp:0");
    assert_string_equal(vn(vs_optimizer_get_slot(rms, m.w, "mg")), "w/RMSProp_1:0");
    assert_string_equal(vn(vs_optimizer_get_slot(rms, m.w, "momentum")), "w/RMSProp_2:0");
    n = nvars(g);
    vs_optimizer *ada = vs_adagrad_optimizer(g, 0.1);
    vs_minimize(g, ada, m.loss, .var_list = &(vs_var_list){1, &m.b});
    assert_string_equal(names_from(g, n), "b/Adagrad:0");
    assert_null(vs_optimizer_get_slot(ada, m.w, "accumulator"));
    /* adagrad.py AdagradOptimizer.__init__ */
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_adagrad_optimizer(g, 0.1, .initial_accumulator_value = -1));
    EXPECT_NO_ERROR();
}

/* mirrors slot_creator.create_slot's variable_scope(None, default_name=
 * <var>/<name>) under a reusing scope: the slot scope inherits reuse and
 * get_variable("") finds no "w/Adam/": "Variable w/Adam/ does not exist,
 * or was not created with tf.get_variable()" -- reuse leaking into
 * minimize (reuse_variables() at the root, or reuse=True around it).
 * Nothing of the call stays (not even beta1_power). */
static void test_leaked_reuse_fails_minimize(void **state)
{
    FX;
    model m = make_model(g);
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        char *before = fingerprint(g);
        assert_null(vs_minimize(g, vs_adam_optimizer(g), m.loss));
        assert_int_equal(f->r.count, 1);
        assert_int_equal(f->r.e[0].code, VS_ERR_MISSING_VARIABLE);
        assert_string_equal(f->r.e[0].message,
                            "Variable w/Adam/ does not exist, or was not created with "
                            "tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in "
                            "VarScope?");
        rec_clear(&f->r);
        ASSERT_FINGERPRINT_UNCHANGED(before, g);
        free(before);
    }
    vs_reuse_variables(vs_get_variable_scope(g));
    EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_minimize(g, vs_momentum_optimizer(g, 0.1, 0.9), m.loss));
    /* gradient descent has no slots: nothing to look up */
    assert_non_null(vs_minimize(g, vs_gradient_descent_optimizer(g, 0.1), m.loss));
    assert_int_equal(nvars(g), 2);
    EXPECT_NO_ERROR();
}

/* mirrors the DCGAN-era fix (variable_scope(get_variable_scope(),
 * reuse=tf.AUTO_REUSE) around minimize): AUTO_REUSE creates the missing
 * slots */
static void test_auto_reuse_minimize(void **state)
{
    FX;
    model m = make_model(g);
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_AUTO_REUSE) {
        assert_non_null(vs_minimize(g, vs_adam_optimizer(g), m.loss));
    }
    assert_string_equal(names_from(g, 2),
                        "beta1_power:0 beta2_power:0 w/Adam:0 w/Adam_1:0 b/Adam:0 b/Adam_1:0");
    EXPECT_NO_ERROR();
}

/* mirrors slot_creator_test.py SlotCreatorTest.
 * testCreateSlotFromVariableRespectsScope: a variable var made in
 * variable_scope("scope") gets its slot under "scope" again:
 * scope/scope/var/slot */
static void test_slot_inside_scope(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "scope") {
        vs_var *v = vs_variable(g, vs_constant_f32(g, 2, ((const float[]){1.0f, 2.5f})), .name = "var");
        assert_string_equal(vn(v), "scope/var:0");
        vs_tensor *loss = vs_reduce_mean(g, vs_value(v));
        vs_optimizer *opt = vs_momentum_optimizer(g, 0.1, 0.9, .name = "slot");
        vs_minimize(g, opt, loss);
        assert_string_equal(repr(vs_optimizer_get_slot(opt, v, "momentum")),
                            "<tf.Variable 'scope/scope/var/slot:0' shape=(2,) dtype=float32_ref>");
    }
    EXPECT_NO_ERROR();
}

/* mirrors optimizer.py minimize / compute_gradients: only variables the
 * loss depends on get gradients (and slots), none is "No gradients
 * provided for any variable"; no variable at all is "No variables to
 * optimize."; a non-float loss fails _assert_valid_dtypes */
static void test_gradients_decide_slots(void **state)
{
    FX;
    /* Const */
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_minimize(g, vs_adam_optimizer(g), vs_scalar_f32(g, 5.0f)));
    vs_var *d = vs_get_variable(g, "d/w", .shape = VS_SHAPE(2));
    vs_var *gw = vs_get_variable(g, "g/w", .shape = VS_SHAPE(2));
    vs_tensor *d_loss = vs_reduce_mean(g, vs_value(d));   /* Const_1, Mean */
    vs_minimize(g, vs_adam_optimizer(g), d_loss);
    assert_string_equal(names_from(g, 2), "beta1_power:0 beta2_power:0 d/w/Adam:0 d/w/Adam_1:0");
    (void)gw;
    vs_tensor *c = vs_scalar_f32(g, 5.0f);                /* Const_2 */
    vs_minimize(g, vs_adam_optimizer(g), c);
    assert_int_equal(f->r.count, 1);
    assert_true(starts_with(f->r.e[0].message,
                            "No gradients provided for any variable, check your graph for ops "
                            "that do not support gradients, between variables [\"<tf.Variable "
                            "'d/w:0' shape=(2,) dtype=float32_ref>\""));
    rec_clear(&f->r);
    vs_minimize(g, vs_adam_optimizer(g), vs_scalar_i32(g, 5));
    assert_int_equal(f->r.count, 1);
    assert_true(starts_with(f->r.e[0].message, "Invalid type tf.int32 for Const_3:0"));
    rec_clear(&f->r);
    assert_int_equal(nvars(g), 6);
}

/* mirrors moving_averages_test.py MovingAveragesTest.
 * testAverageVariablesNamesRespectScope: v0, v1 made in scope1, the EMA
 * "foo" applied in scope2: averages scope2/scope1/v0/foo, .../v1/foo; and
 * moving_averages.py apply (MOVING_AVERAGE_VARIABLES gets the primaries;
 * applying again makes nothing) */
static void test_ema_names(void **state)
{
    FX;
    vs_var *v0 = NULL, *v1 = NULL;
    VS_VARIABLE_SCOPE(g, "scope1") {
        v0 = vs_variable(g, vs_scalar_f32(g, 10.0f), .name = "v0");
        v1 = vs_variable(g, vs_scalar_f32(g, 30.0f), .name = "v1");
        vs_variable(g, vs_scalar_f32(g, 20.0f), .name = "v2", .not_trainable = true);
    }
    vs_ema *ema = NULL;
    vs_var *both[2] = {v0, v1};
    VS_VARIABLE_SCOPE(g, "scope2") {
        ema = vs_exponential_moving_average(g, 0.25, .name = "foo");
        vs_ema_apply(g, ema, .var_list = &(vs_var_list){2, both});
    }
    assert_string_equal(vn(vs_ema_average(ema, v0)), "scope2/scope1/v0/foo:0");
    assert_string_equal(vn(vs_ema_average(ema, v1)), "scope2/scope1/v1/foo:0");
    const vs_var_list *mav = vs_get_collection(g, VS_MOVING_AVERAGE_VARIABLES);
    assert_int_equal(mav->len, 2);
    assert_ptr_equal(mav->vars[0], v0);
    size_t n = nvars(g);
    vs_ema_apply(g, ema, .var_list = &(vs_var_list){2, both});
    assert_int_equal(nvars(g), n);
    EXPECT_NO_ERROR();
}

/* mirrors moving_averages.py ExponentialMovingAverage: default name
 * "ExponentialMovingAverage", var_list defaults to the trainable
 * variables, the op is named after the name scope; a second EMA object
 * makes w/ExponentialMovingAverage_1; reuse leaking in fails like the
 * optimizers' slots; an int variable is "The variables must be half,
 * float, or double" */
static void test_ema_defaults_and_failures(void **state)
{
    FX;
    model m = make_model(g);
    vs_ema *a = vs_exponential_moving_average(g, 0.99);
    assert_string_equal(vs_op_name(vs_ema_apply(g, a)), "ExponentialMovingAverage");
    assert_string_equal(names_from(g, 2),
                        "w/ExponentialMovingAverage:0 b/ExponentialMovingAverage:0");
    vs_ema *b = vs_exponential_moving_average(g, 0.9);
    vs_ema_apply(g, b, .var_list = &(vs_var_list){1, &m.w});
    assert_string_equal(vn(vs_ema_average(b, m.w)), "w/ExponentialMovingAverage_1:0");
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        vs_ema *c = vs_exponential_moving_average(g, 0.9);
        EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_ema_apply(g, c, .var_list = &(vs_var_list){1, &m.w}));
    }
    vs_var *step = vs_get_variable(g, "step", .dtype = VS_INT32, .shape = VS_SCALAR);
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_ema_apply(g, a, .var_list = &(vs_var_list){1, &step}));
    EXPECT_NO_ERROR();
}

/* mirrors moving_averages_test.py testAverageVariablesNames: tensor2 =
 * v0 + v1 averaged by the EMA "foo" is "<tensor2's op>/foo" (TF's op is
 * "add", the library's "Add"), and only variables join
 * MOVING_AVERAGE_VARIABLES; moving_averages.py apply: create_zeros_slot
 * under variable_scope(None, default_name=t.op.name + "/" + name), so in
 * a variable scope whose name scope holds the op the name doubles
 * (bi-att-flow#14's "model_1/model_1/loss/ExponentialMovingAverage"); a
 * reusing scope fails it ("d_bn1/moments/Mean/ExponentialMovingAverage/
 * does not exist"); zero_debias: _zero_debias makes biased and local_step
 * under variable_scope(avg.name[:-2]), unique when not reusing */
static void test_ema_tensors(void **state)
{
    FX;
    vs_var *v0 = vs_variable(g, vs_scalar_f32(g, 10.0f), .name = "v0");
    vs_var *v1 = vs_variable(g, vs_scalar_f32(g, 30.0f), .name = "v1");
    vs_tensor *tensor2 = vs_add(g, vs_value(v0), vs_value(v1));
    vs_ema *ema = vs_exponential_moving_average(g, 0.25, .name = "foo");
    vs_var *both[2] = {v0, v1};
    vs_ema_apply(g, ema, .var_list = &(vs_var_list){2, both});
    assert_non_null(vs_ema_apply_tensors(g, ema, &tensor2, 1));
    assert_string_equal(vn(vs_ema_average_tensor(ema, tensor2)), "Add/foo:0");
    assert_ptr_not_equal(vs_ema_average(ema, v0), vs_ema_average_tensor(ema, tensor2));
    assert_int_equal(vs_get_collection(g, VS_MOVING_AVERAGE_VARIABLES)->len, 2);
    size_t n = nvars(g);
    vs_ema_apply_tensors(g, ema, &tensor2, 1);      /* averaged already */
    assert_int_equal(nvars(g), n);

    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 4));
    vs_tensor *mean = NULL;
    VS_VARIABLE_SCOPE(g, "d_bn1") {
        VS_NAME_SCOPE(g, "moments") { mean = vs_reduce_mean(g, x); }
        vs_ema *e = vs_exponential_moving_average(g, 0.5, .zero_debias = true);
        vs_ema_apply_tensors(g, e, &mean, 1);
        assert_string_equal(vn(vs_ema_average_tensor(e, mean)),
                            "d_bn1/d_bn1/moments/Mean/ExponentialMovingAverage:0");
    }
    assert_string_equal(names_from(g, n),
                        "d_bn1/d_bn1/moments/Mean/ExponentialMovingAverage:0 "
                        "d_bn1/d_bn1/d_bn1/moments/Mean/ExponentialMovingAverage/biased:0 "
                        "d_bn1/d_bn1/d_bn1/moments/Mean/ExponentialMovingAverage/local_step:0");
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        vs_ema *e = vs_exponential_moving_average(g, 0.5);
        EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_ema_apply_tensors(g, e, &mean, 1));
    }
    vs_tensor *ids = vs_placeholder(g, VS_INT32, VS_SHAPE(3));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_ema_apply_tensors(g, ema, &ids, 1));
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_ema_apply_tensors(g, ema, &x, 1));
    EXPECT_NO_ERROR();
}

/* mirrors training_util.py get_or_create_global_step / create_global_step:
 * get_variable("global_step", [], int64, zeros, trainable=False) in the
 * current variable scope, in GLOBAL_STEP; found again afterwards; reuse
 * leaking in fails as any get_variable */
static void test_global_step(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "r", .reuse = VS_REUSE) {
        EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_get_or_create_global_step(g));
    }
    vs_var *s = vs_get_or_create_global_step(g);
    assert_string_equal(repr(s), "<tf.Variable 'global_step:0' shape=() dtype=int64_ref>");
    assert_false(vs_var_trainable(s));
    assert_ptr_equal(vs_get_or_create_global_step(g), s);
    assert_ptr_equal(vs_get_collection(g, VS_GLOBAL_STEP)->vars[0], s);
    model m = make_model(g);
    vs_op *train = vs_minimize(g, vs_adam_optimizer(g), m.loss, .global_step = s);
    assert_string_equal(vs_op_name(train), "Adam");
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_minimize(g, vs_adam_optimizer(g), m.loss, .global_step = m.w));
    EXPECT_NO_ERROR();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(test_adam_slots),
        FX_TEST(test_dense_with_adam_and_adagrad),
        FX_TEST(test_second_minimize),
        FX_TEST(test_other_optimizers),
        FX_TEST(test_leaked_reuse_fails_minimize),
        FX_TEST(test_auto_reuse_minimize),
        FX_TEST(test_slot_inside_scope),
        FX_TEST(test_gradients_decide_slots),
        FX_TEST(test_ema_names),
        FX_TEST(test_ema_defaults_and_failures),
        FX_TEST(test_ema_tensors),
        FX_TEST(test_global_step),
    };
    return cmocka_run_group_tests_name("optimizers", tests, NULL, NULL);
}
