/* Empty get_variable names, collections, trainable, the new dtypes and
 * initializers.
 *
 * Expectations from TF 1.15's python/ops/variable_scope.py
 * (VariableScope.get_variable, _VariableStore._get_single_variable),
 * python/framework/ops.py (Graph.add_to_collection, get_collection with
 * re.match) and ops_test.py, python/framework/dtypes.py (names), and
 * python/ops/init_ops.py (the initializers' defaults). */
#include "helpers.h"

/* ---- empty names ------------------------------------------------------ */

/* mirrors variable_scope.py VariableScope.get_variable: full name =
 * scope.name + "/" + name, so get_variable("") in scope "w/Adam" has the
 * store key "w/Adam/", and the variable, created like
 * tf.Variable(name="w/Adam/") under the root name scope, is named by the
 * absolute name scope "w/Adam/": w/Adam:0 (slot_creator.create_slot does
 * exactly this) */
static void test_empty_name_in_scope(void **state)
{
    FX;
    vs_var *v = NULL;
    VS_VARIABLE_SCOPE(g, "scope") { v = vs_get_variable(g, "", .shape = VS_SHAPE(2)); }
    assert_string_equal(repr(v), "<tf.Variable 'scope:0' shape=(2,) dtype=float32_ref>");
    VS_VARIABLE_SCOPE(g, "scope", .reuse = VS_REUSE) {
        assert_ptr_equal(vs_get_variable(g, ""), v);
        assert_ptr_equal(vs_get_variable(g, "", .shape = VS_SHAPE(2)), v);
    }
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        assert_ptr_equal(vs_get_variable(g, "scope/"), v);
        /* "scope" is another key */
        EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_get_variable(g, "scope"));
    }
    VS_VARIABLE_SCOPE(g, "scope") {
        EXPECT_FAIL(VS_ERR_DUPLICATE_VARIABLE, vs_get_variable(g, "", .shape = VS_SHAPE(2)));
    }
    VS_VARIABLE_SCOPE(g, "a") {
        VS_VARIABLE_SCOPE(g, "b") {
            assert_string_equal(vn(vs_get_variable(g, "", .shape = VS_SHAPE(1))), "a/b:0");
        }
    }
    EXPECT_NO_ERROR();
}

/* mirrors _get_single_variable's order at the root, where the key is "":
 * reuse=True finds nothing ("does not exist"), no shape is the
 * initializer error, and creating it fails on the op name; and
 * ops.py Operation's node names: the verbatim "s" clashes with a node
 * "s" already there (a tf.Variable named s) */
static void test_empty_name_at_root(void **state)
{
    FX;
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_get_variable(g, "", .shape = VS_SHAPE(1)));
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_get_variable(g, ""));
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_get_variable(g, "", .shape = VS_SHAPE(1)));
    }
    vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "s");
    VS_VARIABLE_SCOPE(g, "s") {
        vs_get_variable(g, "", .shape = VS_SHAPE(1));
        assert_int_equal(f->r.count, 1);
        assert_int_equal(f->r.e[0].code, VS_ERR_INVALID_NAME);
        assert_string_equal(f->r.e[0].message, "Duplicate node name in graph: 's'");
        rec_clear(&f->r);
    }
    assert_int_equal(nvars(g), 1);
}

/* ---- collections ------------------------------------------------------ */

/* mirrors variables.py (trainable variables join TRAINABLE_VARIABLES,
 * every variable GLOBAL_VARIABLES) and get_variable(trainable=False) */
static void test_global_and_trainable(void **state)
{
    FX;
    vs_var *a = vs_get_variable(g, "a", .shape = VS_SHAPE(1));
    vs_var *b = vs_get_variable(g, "b", .shape = VS_SHAPE(1), .not_trainable = true);
    vs_var *c = vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "c");
    vs_var *d = vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "d", .not_trainable = true);
    const vs_var_list *all = vs_get_collection(g, VS_GLOBAL_VARIABLES);
    const vs_var_list *tr = vs_get_collection(g, VS_TRAINABLE_VARIABLES);
    assert_int_equal(all->len, 4);
    assert_ptr_equal(all->vars[0], a);
    assert_ptr_equal(all->vars[3], d);
    assert_int_equal(tr->len, 2);
    assert_ptr_equal(tr->vars[0], a);
    assert_ptr_equal(tr->vars[1], c);
    assert_true(vs_var_trainable(a));
    assert_false(vs_var_trainable(b));
    assert_int_equal(vs_get_collection(g, "nothing")->len, 0);
    EXPECT_NO_ERROR();
}

/* mirrors ops_test.py CollectionTest.test_add_to_collection:
 * get_collection("blah", "prefix") -> [prefix/foo] and ".*x" -> the same
 * (re.match: a match at the start of the name), "nothing" -> [] */
static void test_scope_filter_is_match_at_start(void **state)
{
    FX;
    vs_var *p = vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "prefix/foo");
    vs_var *j = vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "junk/foo");
    assert_ptr_equal(vs_add_to_collection(g, "blah", p), p);
    vs_add_to_collection(g, "blah", j);
    const vs_var_list *l = vs_get_collection(g, "blah");
    assert_int_equal(l->len, 2);
    l = vs_get_collection(g, "blah", .scope = "prefix");
    assert_int_equal(l->len, 1);
    assert_ptr_equal(l->vars[0], p);
    l = vs_get_collection(g, "blah", .scope = ".*x");
    assert_int_equal(l->len, 1);
    assert_ptr_equal(l->vars[0], p);
    /* "foo" is in both names, but not at their start */
    assert_int_equal(vs_get_collection(g, "blah", .scope = "foo")->len, 0);
    assert_int_equal(vs_get_collection(g, VS_GLOBAL_VARIABLES, .scope = "junk")->len, 1);
    /* the classic surprise: "d" also matches "dense/..." */
    vs_dense(g, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 2)), 1);
    vs_get_variable(g, "d/w", .shape = VS_SHAPE(1));
    assert_int_equal(vs_get_collection(g, VS_TRAINABLE_VARIABLES, .scope = "d")->len, 3);
    assert_int_equal(vs_get_collection(g, VS_TRAINABLE_VARIABLES, .scope = "d/")->len, 1);
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_get_collection(g, "blah", .scope = "(unclosed"));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_get_collection(g, NULL));
    EXPECT_NO_ERROR();
}

/* ---- dtypes and initializers ------------------------------------------ */

/* mirrors dtypes.py (names float16, int8, int16, uint8) and
 * _get_single_variable's default initializer (glorot for floating dtypes,
 * zeros for integers) and its dtype check when sharing */
static void test_new_dtypes(void **state)
{
    FX;
    assert_string_equal(vs_dtype_name(VS_FLOAT16), "float16");
    assert_string_equal(vs_dtype_name(VS_INT8), "int8");
    assert_string_equal(vs_dtype_name(VS_INT16), "int16");
    assert_string_equal(vs_dtype_name(VS_UINT8), "uint8");
    /* the existing values keep their numbers */
    assert_int_equal(VS_FLOAT32, 1);
    assert_int_equal(VS_BOOL, 5);
    assert_int_equal(VS_FLOAT16, 6);
    assert_int_equal(VS_UINT8, 9);
    vs_var *h = vs_get_variable(g, "h", .shape = VS_SHAPE(2), .dtype = VS_FLOAT16);
    vs_var *q = vs_get_variable(g, "q", .shape = VS_SHAPE(2), .dtype = VS_INT8);
    assert_string_equal(repr(h), "<tf.Variable 'h:0' shape=(2,) dtype=float16_ref>");
    assert_string_equal(repr(q), "<tf.Variable 'q:0' shape=(2,) dtype=int8_ref>");
    vs_get_variable(g, "u", .shape = VS_SHAPE(2), .dtype = VS_UINT8);
    vs_get_variable(g, "s", .shape = VS_SHAPE(2), .dtype = VS_INT16);
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        vs_get_variable(g, "q");
        assert_int_equal(f->r.count, 1);
        assert_int_equal(f->r.e[0].code, VS_ERR_MISSING_DTYPE);
        assert_true(starts_with(f->r.e[0].message,
                                "Trying to share variable q, but specified dtype float32 and "
                                "found dtype int8_ref."));
        rec_clear(&f->r);
        EXPECT_FAIL(VS_ERR_DTYPE_MISMATCH, vs_get_variable(g, "h", .dtype = VS_FLOAT32));
        assert_ptr_equal(vs_get_variable(g, "h", .dtype = VS_FLOAT16), h);
    }
    vs_dtype bad = (vs_dtype)10;
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_get_variable(g, "x", .shape = VS_SHAPE(1), .dtype = bad));
    EXPECT_NO_ERROR();
}

/* mirrors init_ops.py: truncated_normal_initializer(mean, stddev),
 * random_uniform_initializer(minval, maxval), glorot_normal_initializer,
 * variance_scaling_initializer(scale, mode, distribution), he_normal =
 * VarianceScaling(2., "fan_in", "truncated_normal"), he_uniform = its
 * "uniform" twin; an op-level seed */
static void test_initializer_constructors(void **state)
{
    FX;
    vs_init t = vs_init_truncated_normal(0.5, 2.0);
    assert_int_equal(t.kind, VS_INIT_TRUNCATED_NORMAL);
    assert_true(t.a == 0.5 && t.b == 2.0 && !t.seeded);
    vs_init u = vs_init_random_uniform(-1, 3);
    assert_int_equal(u.kind, VS_INIT_RANDOM_UNIFORM);
    assert_true(u.a == -1 && u.b == 3);
    assert_int_equal(vs_init_glorot_normal().kind, VS_INIT_GLOROT_NORMAL);
    vs_init he = vs_init_he_normal();
    assert_int_equal(he.kind, VS_INIT_VARIANCE_SCALING);
    assert_true(he.a == 2.0);
    assert_int_equal(he.mode, VS_FAN_IN);
    assert_int_equal(he.distribution, VS_DIST_TRUNCATED_NORMAL);
    assert_int_equal(vs_init_he_uniform().distribution, VS_DIST_UNIFORM);
    vs_init s = vs_init_seed(vs_init_glorot_uniform(), 42);
    assert_true(s.seeded && s.seed == 42 && s.kind == VS_INIT_GLOROT_UNIFORM);
    /* each makes a variable; a bad mode is refused */
    assert_non_null(vs_get_variable(g, "a", .shape = VS_SHAPE(2, 2), .initializer = t));
    assert_non_null(vs_get_variable(g, "b", .shape = VS_SHAPE(2, 2), .initializer = he));
    vs_init bad = vs_init_variance_scaling(1.0, (vs_fan_mode)7, VS_DIST_UNIFORM);
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_get_variable(g, "c", .shape = VS_SHAPE(1), .initializer = bad));
    VS_VARIABLE_SCOPE(g, "s", .initializer = vs_init_he_uniform()) {
        assert_non_null(vs_get_variable(g, "k", .shape = VS_SHAPE(3, 3)));
    }
    EXPECT_NO_ERROR();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(test_empty_name_in_scope),
        FX_TEST(test_empty_name_at_root),
        FX_TEST(test_global_and_trainable),
        FX_TEST(test_scope_filter_is_match_at_start),
        FX_TEST(test_new_dtypes),
        FX_TEST(test_initializer_constructors),
    };
    return cmocka_run_group_tests_name("collections", tests, NULL, NULL);
}
