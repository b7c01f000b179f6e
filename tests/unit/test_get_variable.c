/* tf.get_variable: vs_get_variable (docs/tf-semantics.md §4, TF's
 * variable_scope_test.py, the notebook In[3], In[4], In[6]). */
#include "helpers.h"

static const int32_t one_two_three[] = {1, 2, 3};

#define I32x3(g) vs_constant_i32((g), 3, one_two_three)

/* ---- names ------------------------------------------------------------ */

/* mirrors the notebook In[6] first block: tf.name_scope does not change the
 * variable scope, so get_variable("var1") is var1:0 (docs/tf-semantics.md §4) */
static void test_name_scopes_are_ignored_seed_in6(void **state)
{
    FX;
    VS_NAME_SCOPE(g, "my_scope") {
        vs_var *v1 = vs_get_variable(g, "var1", .shape = VS_SHAPE(1), .dtype = VS_FLOAT32);
        assert_string_equal(vn(v1), "var1:0");
        VS_NAME_SCOPE(g, "deeper") {
            assert_string_equal(vn(vs_get_variable(g, "var3", .shape = VS_SHAPE(1))),
                                "var3:0");
        }
        /* get_variable creates under the root name scope and leaves the
         * current one as it was */
        assert_string_equal(vs_current_name_scope(g), "my_scope/");
    }
    EXPECT_NO_ERROR();
}

/* mirrors variable_scope_test.py testVarScopeGetVar (root/towerA/v:0) and
 * docs/tf-semantics.md §4: full = scope name + "/" + name */
static void test_full_name_is_scope_name_plus_name(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "root") {
        VS_VARIABLE_SCOPE(g, "towerA") {
            vs_var *va = vs_get_variable(g, "v", .shape = VS_SHAPE(1));
            assert_string_equal(vn(va), "root/towerA/v:0");
            assert_string_equal(tn(vs_value(va)), "root/towerA/v/read:0");
        }
        VS_NAME_SCOPE(g, "ns") {
            vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(1));
            assert_string_equal(vn(w), "root/w:0");
        }
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §4 step 8: the op name is unique_name(full) at the root,
 * so a used name scope "w" pushes the variable to w_1:0 while the store key
 * stays "w" */
static void test_op_name_suffixed_when_name_in_use(void **state)
{
    FX;
    VS_NAME_SCOPE(g, "w") {}
    vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(1));
    assert_string_equal(vn(w), "w_1:0");
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        assert_ptr_equal(vs_get_variable(g, "w"), w);
    }
    EXPECT_NO_ERROR();
}

/* mirrors variable_scope_test.py testBasicWhenAuxiliaryNameScopeIsFalse
 * ("Recheck: new name scope is NOT created before"): the variable op marks
 * "scope/w", not "scope" */
static void test_marks_only_the_full_name(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "scope", .no_name_scope = true) {
        assert_string_equal(vn(vs_get_variable(g, "w", .shape = VS_SCALAR)),
                            "scope/w:0");
    }
    assert_string_equal(sn(vs_name_scope_enter(g, "scope")), "scope/");
    vs_scope_exit(g);
    EXPECT_NO_ERROR();
}

/* ---- reuse: docs/tf-semantics.md §4 ------------------------------------------ */

/* mirrors docs/tf-semantics.md §4 False/exists and the api's message */
static void test_reuse_off_existing_is_duplicate(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "myscope") {
        vs_get_variable(g, "x", .initializer = vs_init_value(I32x3(g)));
    }
    VS_VARIABLE_SCOPE(g, "myscope") {
        EXPECT_NO_ERROR();
        vs_var *x = vs_get_variable(g, "x", .dtype = VS_INT32, .initializer = vs_init_value(I32x3(g)));
        assert_null(x);
        assert_int_equal(f->r.count, 1);
        assert_int_equal(f->r.e[0].code, VS_ERR_DUPLICATE_VARIABLE);
        assert_true(starts_with(
            f->r.e[0].message,
            "Variable myscope/x already exists, disallowed. Did you mean to "
            "set reuse=True or reuse=tf.AUTO_REUSE in VarScope?"));
        rec_clear(&f->r);
    }
    assert_int_equal(nvars(g), 1);
}

/* mirrors docs/tf-semantics.md §4 False/absent */
static void test_reuse_off_absent_creates(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "myscope") {
        vs_var *v = vs_get_variable(g, "v", .shape = VS_SHAPE(2));
        assert_string_equal(repr(v),
                            "<tf.Variable 'myscope/v:0' shape=(2,) dtype=float32_ref>");
    }
    assert_int_equal(nvars(g), 1);
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §4 True/exists and testGetVar (assertIs) */
static void test_reuse_on_existing_returns_same(void **state)
{
    FX;
    vs_var *v = NULL;
    VS_VARIABLE_SCOPE(g, "s") { v = vs_get_variable(g, "v", .shape = VS_SHAPE(1)); }
    VS_VARIABLE_SCOPE(g, "s", .reuse = VS_REUSE) {
        assert_ptr_equal(vs_get_variable(g, "v", .shape = VS_SHAPE(1)), v);
        assert_ptr_equal(vs_get_variable(g, "v"), v);
    }
    assert_int_equal(nvars(g), 1);
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §4 True/absent and §4 step 6's message */
static void test_reuse_on_absent_is_missing(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "myscope", .reuse = VS_REUSE) {
        EXPECT_NO_ERROR();
        assert_null(vs_get_variable(g, "y", .shape = VS_SHAPE(1)));
        assert_int_equal(f->r.count, 1);
        assert_int_equal(f->r.e[0].code, VS_ERR_MISSING_VARIABLE);
        assert_true(starts_with(f->r.e[0].message,
                                "Variable myscope/y does not exist, or was not "
                                "created with tf.get_variable()."));
        rec_clear(&f->r);
    }
    assert_int_equal(nvars(g), 0);
}

/* mirrors docs/tf-semantics.md §4 AUTO_REUSE and testVarScopeGetOrCreateReuse */
static void test_auto_reuse_creates_then_shares(void **state)
{
    FX;
    vs_var *v1 = NULL, *v2 = NULL;
    VS_VARIABLE_SCOPE(g, "testVarScopeGetOrCreateReuse_bar", .reuse = VS_AUTO_REUSE) {
        v1 = vs_get_variable(g, "var", .shape = VS_SCALAR);
    }
    VS_VARIABLE_SCOPE(g, "testVarScopeGetOrCreateReuse_bar", .reuse = VS_AUTO_REUSE) {
        v2 = vs_get_variable(g, "var", .shape = VS_SCALAR);
    }
    assert_string_equal(vn(v1), "testVarScopeGetOrCreateReuse_bar/var:0");
    assert_ptr_equal(v1, v2);
    assert_int_equal(nvars(g), 1);
    EXPECT_NO_ERROR();
}

/* ---- dtype ------------------------------------------------------------- */

/* mirrors the notebook In[3] and the api's seed: sharing an int32 variable
 * needs .dtype; without it float32 is asked (missing-dtype) */
static void test_missing_dtype_seed_in3(void **state)
{
    FX;
    vs_var *x = NULL;
    VS_VARIABLE_SCOPE(g, "myscope") {
        x = vs_get_variable(g, "x", .initializer = vs_init_value(I32x3(g)));
    }
    assert_string_equal(repr(x), "<tf.Variable 'myscope/x:0' shape=(3,) dtype=int32_ref>");
    VS_VARIABLE_SCOPE(g, "myscope", .reuse = VS_REUSE) {
        assert_ptr_equal(vs_get_variable(g, "x", .dtype = VS_INT32, .initializer = vs_init_value(I32x3(g))), x);
        assert_ptr_equal(vs_get_variable(g, "x", .dtype = VS_INT32), x);
        EXPECT_NO_ERROR();
        EXPECT_FAIL(VS_ERR_MISSING_DTYPE, vs_get_variable(g, "x"));
        /* a value initializer is not a dtype: float32 is still assumed */
        EXPECT_FAIL(VS_ERR_MISSING_DTYPE, vs_get_variable(g, "x", .initializer = vs_init_value(I32x3(g))));
    }
}

/* mirrors docs/tf-semantics.md §4 step 2 with a float64 variable */
static void test_missing_dtype_for_float64_variable(void **state)
{
    FX;
    vs_get_variable(g, "d", .shape = VS_SHAPE(2), .dtype = VS_FLOAT64);
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        EXPECT_FAIL(VS_ERR_MISSING_DTYPE, vs_get_variable(g, "d"));
    }
}

/* mirrors testVarScopeGetVar (get_variable("v", [1], dtype=int32) on a
 * float32 variable: "dtype" in the message) and the api's dtype rule */
static void test_dtype_mismatch_explicit_dtype(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "s") {
        vs_get_variable(g, "f", .shape = VS_SHAPE(1));
        vs_get_variable(g, "i", .initializer = vs_init_value(I32x3(g)));
    }
    VS_VARIABLE_SCOPE(g, "s", .reuse = VS_REUSE) {
        vs_get_variable(g, "f", .shape = VS_SHAPE(1), .dtype = VS_INT32);
        assert_int_equal(f->r.count, 1);
        assert_non_null(strstr(f->r.e[0].message, "dtype"));
        rec_clear(&f->r);
        EXPECT_FAIL(VS_ERR_DTYPE_MISMATCH, vs_get_variable(g, "f", .dtype = VS_FLOAT64));
        EXPECT_FAIL(VS_ERR_DTYPE_MISMATCH, vs_get_variable(g, "i", .dtype = VS_INT64));
        /* float32 given explicitly is a dtype given: dtype-mismatch */
        EXPECT_FAIL(VS_ERR_DTYPE_MISMATCH, vs_get_variable(g, "i", .dtype = VS_FLOAT32));
    }
}

/* mirrors the api ("not by an enclosing scope's .dtype") and docs/tf-semantics.md
 * §4 step 2 (dtype <- scope.dtype) */
static void test_dtype_mismatch_from_scope_dtype(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "s") {
        vs_get_variable(g, "f", .shape = VS_SHAPE(1));
        vs_get_variable(g, "i", .initializer = vs_init_value(I32x3(g)));
        VS_VARIABLE_SCOPE(g, "c") {
            vs_get_variable(g, "i", .initializer = vs_init_value(I32x3(g)));
        }
    }
    VS_VARIABLE_SCOPE(g, "s", .reuse = VS_REUSE, .dtype = VS_FLOAT64) {
        EXPECT_FAIL(VS_ERR_DTYPE_MISMATCH, vs_get_variable(g, "f"));
        EXPECT_FAIL(VS_ERR_DTYPE_MISMATCH, vs_get_variable(g, "i"));
        VS_VARIABLE_SCOPE(g, "c") {   /* dtype inherited from the parent */
            EXPECT_FAIL(VS_ERR_DTYPE_MISMATCH, vs_get_variable(g, "i"));
        }
    }
    /* a scope that says float32 explicitly also counts as given */
    VS_VARIABLE_SCOPE(g, "s", .reuse = VS_REUSE, .dtype = VS_FLOAT32) {
        EXPECT_FAIL(VS_ERR_DTYPE_MISMATCH, vs_get_variable(g, "i"));
        EXPECT_NO_ERROR();
        assert_non_null(vs_get_variable(g, "f"));
    }
    VS_VARIABLE_SCOPE(g, "s", .reuse = VS_REUSE, .dtype = VS_INT32) {
        assert_non_null(vs_get_variable(g, "i"));   /* shares */
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §4 step 2: float32 by default */
static void test_default_dtype_is_float32(void **state)
{
    FX;
    vs_var *v = vs_get_variable(g, "v", .shape = VS_SHAPE(2));
    assert_int_equal(vs_var_dtype(v), VS_FLOAT32);
    assert_string_equal(repr(v), "<tf.Variable 'v:0' shape=(2,) dtype=float32_ref>");
    vs_var *b = vs_get_variable(g, "b", .shape = VS_SHAPE(2, 2), .dtype = VS_BOOL);
    assert_string_equal(repr(b), "<tf.Variable 'b:0' shape=(2, 2) dtype=bool_ref>");
    EXPECT_NO_ERROR();
}

/* mirrors variable_scope_test.py testInitializeFromValue (dtype and shape
 * come from the value: constant(0.1) float32 scalar, constant(1) int32) */
static void test_dtype_and_shape_from_value(void **state)
{
    FX;
    vs_var *w = vs_get_variable(g, "v", .initializer = vs_init_value(vs_scalar_f32(g, 0.1f)));
    vs_var *t = vs_get_variable(g, "t", .initializer = vs_init_value(vs_scalar_i32(g, 1)));
    vs_var *x = vs_get_variable(g, "x", .initializer = vs_init_value(I32x3(g)));
    assert_string_equal(repr(w), "<tf.Variable 'v:0' shape=() dtype=float32_ref>");
    assert_string_equal(repr(t), "<tf.Variable 't:0' shape=() dtype=int32_ref>");
    assert_string_equal(repr(x), "<tf.Variable 'x:0' shape=(3,) dtype=int32_ref>");
    EXPECT_NO_ERROR();
}

/* mirrors testInitializeFromValue ("Constant initializer can be passed
 * through scopes if needed") and testVarScopeInitializer */
static void test_scope_initializer_default(void **state)
{
    FX;
    vs_tensor *init = vs_scalar_f32(g, 0.1f);
    VS_VARIABLE_SCOPE(g, "foo", .initializer = vs_init_value(init)) {
        vs_var *v = vs_get_variable(g, "v");
        assert_string_equal(repr(v), "<tf.Variable 'foo/v:0' shape=() dtype=float32_ref>");
        VS_VARIABLE_SCOPE(g, "child") {   /* inherited */
            assert_string_equal(repr(vs_get_variable(g, "c")),
                                "<tf.Variable 'foo/child/c:0' shape=() dtype=float32_ref>");
        }
        /* the scope's value initializer with a shape: "do not specify shape" */
        EXPECT_NO_ERROR();
        EXPECT_FAIL(VS_ERR_INITIALIZER_MISMATCH, vs_get_variable(g, "u", .shape = VS_SHAPE(1)));
    }
    VS_VARIABLE_SCOPE(g, "tower0", .initializer = vs_init_constant(0.3)) {
        assert_string_equal(repr(vs_get_variable(g, "v", .shape = VS_SCALAR)),
                            "<tf.Variable 'tower0/v:0' shape=() dtype=float32_ref>");
    }
}

/* mirrors variable_scope_test.py testVarScopeDType (float16 there) */
static void test_scope_dtype_default(void **state)
{
    FX;
    vs_scope *tower = NULL;
    VS_VARIABLE_SCOPE_AS(t, g, "tower2") {
        tower = t;
        VS_VARIABLE_SCOPE(g, "foo", .dtype = VS_FLOAT64) {
            vs_var *v = vs_get_variable(g, "v", .shape = VS_SCALAR);
            assert_int_equal(vs_var_dtype(v), VS_FLOAT64);
            VS_VARIABLE_SCOPE(g, "bar") {   /* inherited */
                assert_int_equal(vs_var_dtype(vs_get_variable(g, "v", .shape = VS_SCALAR)),
                                 VS_FLOAT64);
            }
        }
    }
    VS_VARIABLE_SCOPE_REENTER(g, tower, .dtype = VS_FLOAT64) {
        vs_var *w = vs_get_variable(g, "w", .shape = VS_SCALAR);
        assert_string_equal(repr(w), "<tf.Variable 'tower2/w:0' shape=() dtype=float64_ref>");
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §4 step 1: the value/dtype check only runs with a
 * dtype passed at the call; a scope dtype does not trigger it and the
 * variable takes the value's dtype (step 8.7) */
static void test_scope_dtype_does_not_check_value(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "s", .dtype = VS_FLOAT64) {
        vs_var *t = vs_get_variable(g, "t", .initializer = vs_init_value(vs_scalar_i32(g, 1)));
        assert_string_equal(repr(t), "<tf.Variable 's/t:0' shape=() dtype=int32_ref>");
    }
    EXPECT_NO_ERROR();
}

/* ---- shape ------------------------------------------------------------- */

/* mirrors docs/tf-semantics.md §4 step 5 and testVarScopeGetVar ("shape" in message) */
static void test_shape_mismatch(void **state)
{
    FX;
    vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(2, 3));
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        EXPECT_FAIL(VS_ERR_SHAPE_MISMATCH, vs_get_variable(g, "w", .shape = VS_SHAPE(3, 2)));
        EXPECT_FAIL(VS_ERR_SHAPE_MISMATCH, vs_get_variable(g, "w", .shape = VS_SHAPE(2)));
        EXPECT_FAIL(VS_ERR_SHAPE_MISMATCH, vs_get_variable(g, "w", .shape = VS_SCALAR));
        vs_get_variable(g, "w", .shape = VS_SHAPE(2, 3, 1));
        assert_int_equal(f->r.count, 1);
        assert_int_equal(f->r.e[0].code, VS_ERR_SHAPE_MISMATCH);
        assert_true(starts_with(f->r.e[0].message,
                                "Trying to share variable w, but specified shape "
                                "(2, 3, 1) and found shape (2, 3)."));
        rec_clear(&f->r);
        /* compatible: unknown dims and no shape at all */
        assert_ptr_equal(vs_get_variable(g, "w", .shape = VS_SHAPE(-1, 3)), w);
        assert_ptr_equal(vs_get_variable(g, "w", .shape = VS_SHAPE(2, -1)), w);
        assert_ptr_equal(vs_get_variable(g, "w", .shape = VS_SHAPE(-1, -1)), w);
        assert_ptr_equal(vs_get_variable(g, "w"), w);
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §4 step 5 (shape compared before dtype) */
static void test_shape_checked_before_dtype(void **state)
{
    FX;
    vs_get_variable(g, "w", .shape = VS_SHAPE(2, 3));
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        EXPECT_FAIL(VS_ERR_SHAPE_MISMATCH, vs_get_variable(g, "w", .shape = VS_SHAPE(3), .dtype = VS_INT32));
        EXPECT_FAIL(VS_ERR_SHAPE_MISMATCH, vs_get_variable(g, "w", .shape = VS_SHAPE(3)));
    }
}

/* mirrors docs/tf-semantics.md §4 step 5 (reuse False is checked first) */
static void test_duplicate_checked_before_shape_and_dtype(void **state)
{
    FX;
    vs_get_variable(g, "w", .shape = VS_SHAPE(2, 3));
    EXPECT_FAIL(VS_ERR_DUPLICATE_VARIABLE, vs_get_variable(g, "w", .shape = VS_SHAPE(5), .dtype = VS_INT32));
    EXPECT_FAIL(VS_ERR_DUPLICATE_VARIABLE, vs_get_variable(g, "w"));
}

/* mirrors testGetVariableWithInitializerWhichTakesUnprovidedArgsAndNoShape
 * and docs/tf-semantics.md §4 step 7 (TF 1.15: new variable without a usable shape) */
static void test_undefined_shape_without_shape_or_value(void **state)
{
    FX;
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_get_variable(g, "v"));
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_get_variable(g, "v", .dtype = VS_INT32));
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_get_variable(g, "v", .initializer = vs_init_zeros()));
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_get_variable(g, "v", .initializer = vs_init_glorot_uniform()));
    assert_int_equal(nvars(g), 0);
}

/* mirrors docs/tf-semantics.md §4 step 7 (shape not fully defined on creation) */
static void test_undefined_shape_with_unknown_dim(void **state)
{
    FX;
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_get_variable(g, "v", .shape = VS_SHAPE(-1, 3)));
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_get_variable(g, "v", .shape = VS_SHAPE(-1), .initializer = vs_init_ones()));
    VS_VARIABLE_SCOPE(g, "a", .reuse = VS_AUTO_REUSE) {
        EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_get_variable(g, "v", .shape = VS_SHAPE(3, -1)));
    }
    assert_int_equal(nvars(g), 0);
}

/* mirrors variables.py ("initial_value must have a shape specified"):
 * a value initializer whose shape is not fully defined */
static void test_undefined_shape_of_value_initializer(void **state)
{
    FX;
    vs_tensor *p = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 3));
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_get_variable(g, "v", .initializer = vs_init_value(p)));
    assert_int_equal(nvars(g), 0);
}

/* mirrors docs/tf-semantics.md §4 step 6 before step 7 (missing before the
 * shape check, which happens only on creation) */
static void test_missing_checked_before_undefined_shape(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "s", .reuse = VS_REUSE) {
        EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_get_variable(g, "v"));
        EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_get_variable(g, "v", .shape = VS_SHAPE(-1)));
    }
}

/* mirrors docs/tf-semantics.md §1: with a fully defined shape a scalar [] is
 * fine ("[] -> scalar, fully defined", §4) */
static void test_scalar_shape(void **state)
{
    FX;
    assert_string_equal(repr(vs_get_variable(g, "s", .shape = VS_SCALAR)),
                        "<tf.Variable 's:0' shape=() dtype=float32_ref>");
    EXPECT_NO_ERROR();
}

/* ---- initializer ------------------------------------------------------- */

/* mirrors testInitializeFromValue ("don't match": int32 value with an
 * explicit float64) and docs/tf-semantics.md §4 step 1 */
static void test_initializer_mismatch_value_dtype(void **state)
{
    FX;
    vs_tensor *i = vs_scalar_i32(g, 1);
    vs_get_variable(g, "s", .initializer = vs_init_value(i), .dtype = VS_FLOAT64);
    assert_int_equal(f->r.count, 1);
    assert_int_equal(f->r.e[0].code, VS_ERR_INITIALIZER_MISMATCH);
    assert_non_null(strstr(f->r.e[0].message, "don't match"));
    rec_clear(&f->r);
    EXPECT_FAIL(VS_ERR_INITIALIZER_MISMATCH, vs_get_variable(g, "s", .initializer = vs_init_value(I32x3(g)), .dtype = VS_FLOAT32));
    EXPECT_FAIL(VS_ERR_INITIALIZER_MISMATCH, vs_get_variable(g, "f", .initializer = vs_init_value(vs_scalar_f32(g, 1.0f)), .dtype = VS_FLOAT64));
    assert_int_equal(nvars(g), 0);
}

/* mirrors testInitializeFromValue (get_variable("u", [1], initializer=init)
 * raises with "shape"): docs/tf-semantics.md §4 step 4 */
static void test_initializer_mismatch_value_and_shape(void **state)
{
    FX;
    vs_tensor *init = vs_scalar_f32(g, 0.1f);
    vs_get_variable(g, "u", .shape = VS_SHAPE(1), .initializer = vs_init_value(init));
    assert_int_equal(f->r.count, 1);
    assert_int_equal(f->r.e[0].code, VS_ERR_INITIALIZER_MISMATCH);
    assert_non_null(strstr(f->r.e[0].message, "shape"));
    rec_clear(&f->r);
    /* same shape as the value: still an error */
    EXPECT_FAIL(VS_ERR_INITIALIZER_MISMATCH, vs_get_variable(g, "u", .shape = VS_SCALAR, .initializer = vs_init_value(init)));
    assert_int_equal(nvars(g), 0);
}

/* mirrors docs/tf-semantics.md §4 step 4 (checked before the existence check
 * of step 5, so it fires even when reusing) */
static void test_value_and_shape_fires_even_when_reusing(void **state)
{
    FX;
    vs_var *x = vs_get_variable(g, "x", .initializer = vs_init_value(I32x3(g)));
    assert_non_null(x);
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        EXPECT_FAIL(VS_ERR_INITIALIZER_MISMATCH, vs_get_variable(g, "x", .shape = VS_SHAPE(3), .dtype = VS_INT32, .initializer = vs_init_value(I32x3(g))));
        /* absent under reuse: still initializer-mismatch, not missing */
        EXPECT_FAIL(VS_ERR_INITIALIZER_MISMATCH, vs_get_variable(g, "nope", .shape = VS_SHAPE(3), .initializer = vs_init_value(I32x3(g))));
    }
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_AUTO_REUSE) {
        EXPECT_FAIL(VS_ERR_INITIALIZER_MISMATCH, vs_get_variable(g, "x", .shape = VS_SHAPE(3), .dtype = VS_INT32, .initializer = vs_init_value(I32x3(g))));
    }
}

/* mirrors docs/tf-semantics.md §4 (order of checks): on an existing
 * name with reuse off, value+shape and value/dtype report
 * initializer-mismatch, not duplicate-variable */
static void test_initializer_checks_before_duplicate(void **state)
{
    FX;
    vs_get_variable(g, "x", .initializer = vs_init_value(I32x3(g)));
    EXPECT_NO_ERROR();
    EXPECT_FAIL(VS_ERR_INITIALIZER_MISMATCH, vs_get_variable(g, "x", .shape = VS_SHAPE(3), .initializer = vs_init_value(I32x3(g))));
    EXPECT_FAIL(VS_ERR_INITIALIZER_MISMATCH, vs_get_variable(g, "x", .dtype = VS_FLOAT32, .initializer = vs_init_value(I32x3(g))));
    EXPECT_FAIL(VS_ERR_DUPLICATE_VARIABLE, vs_get_variable(g, "x", .dtype = VS_INT32, .initializer = vs_init_value(I32x3(g))));
    assert_int_equal(nvars(g), 1);
}

/* mirrors docs/tf-semantics.md §4 step 1 before step 7: the value/dtype check
 * comes before the partitioned-variable check */
static void test_value_dtype_check_before_part_0(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "w") { vs_get_variable(g, "part_0", .shape = VS_SHAPE(1)); }
    EXPECT_NO_ERROR();
    EXPECT_FAIL(VS_ERR_INITIALIZER_MISMATCH, vs_get_variable(g, "w", .dtype = VS_FLOAT32, .initializer = vs_init_value(I32x3(g))));
}

/* mirrors docs/tf-semantics.md §4 step 3: "<full>/part_0" known as a single
 * variable -> "No partitioner was provided, but a partitioned version of
 * the variable was found" (reported as duplicate-variable), whatever the
 * reuse, and before step 8.2 (value + shape) */
static void test_part_0_is_duplicate(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "w") {
        assert_string_equal(vn(vs_get_variable(g, "part_0", .shape = VS_SHAPE(1))), "w/part_0:0");
    }
    vs_get_variable(g, "w", .shape = VS_SHAPE(1));
    assert_int_equal(f->r.count, 1);
    assert_int_equal(f->r.e[0].code, VS_ERR_DUPLICATE_VARIABLE);
    assert_non_null(strstr(f->r.e[0].message, "w/part_0"));
    rec_clear(&f->r);
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_AUTO_REUSE) {
        EXPECT_FAIL(VS_ERR_DUPLICATE_VARIABLE, vs_get_variable(g, "w", .shape = VS_SHAPE(1)));
        EXPECT_FAIL(VS_ERR_DUPLICATE_VARIABLE, vs_get_variable(g, "w", .shape = VS_SHAPE(3), .initializer = vs_init_value(I32x3(g))));
    }
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        EXPECT_FAIL(VS_ERR_DUPLICATE_VARIABLE, vs_get_variable(g, "w"));
    }
    assert_int_equal(nvars(g), 1);
}

/* ---- names and arguments ----------------------------------------------- */

/* mirrors docs/tf-semantics.md §1: the full name is validated as a root
 * scope name, so "_x" fails at root and is fine under a scope */
static void test_invalid_names(void **state)
{
    FX;
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_get_variable(g, "bad name", .shape = VS_SHAPE(1)));
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_get_variable(g, "x:0", .shape = VS_SHAPE(1)));
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_get_variable(g, "_x", .shape = VS_SHAPE(1)));
    VS_VARIABLE_SCOPE(g, "s") {
        vs_get_variable(g, "bad name", .shape = VS_SHAPE(1));
        assert_int_equal(f->r.count, 1);
        assert_int_equal(f->r.e[0].code, VS_ERR_INVALID_NAME);
        assert_non_null(strstr(f->r.e[0].message, "s/bad name"));
        rec_clear(&f->r);
        assert_string_equal(vn(vs_get_variable(g, "_x", .shape = VS_SHAPE(1))), "s/_x:0");
    }
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_get_variable(g, "", .shape = VS_SHAPE(1)));
    assert_int_equal(nvars(g), 1);
}

/* mirrors docs/tf-semantics.md §4: names are validated only on creation (step
 * 8.8), after the reuse checks */
static void test_invalid_name_under_reuse_is_missing(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "s", .reuse = VS_REUSE) {
        EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_get_variable(g, "bad name", .shape = VS_SHAPE(1)));
    }
}

/* mirrors api: "invalid-argument: NULL graph, bad rank, ..." (rank at most
 * VS_MAX_RANK; dims >= 0 or -1 for unknown) */
static void test_bad_shapes_are_invalid_argument(void **state)
{
    FX;
    vs_shape rank9 = {.rank = 9};
    vs_shape negative = {.rank = 2, .dims = {2, -2}};
    vs_shape minus_rank = {.rank = -1};
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_get_variable(g, "v", .shape = &rank9));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_get_variable(g, "v", .shape = &negative));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_get_variable(g, "v", .shape = &minus_rank));
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_AUTO_REUSE) {
        EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_get_variable(g, "v", .shape = &negative));
    }
    /* rank 8 is the maximum and fine */
    vs_shape rank8 = {.rank = 8, .dims = {1, 1, 1, 1, 1, 1, 1, 2}};
    assert_non_null(vs_get_variable(g, "v8", .shape = &rank8));
    EXPECT_NO_ERROR();
    assert_int_equal(nvars(g), 1);
}

/* mirrors api: "invalid-argument: NULL graph" */
static void test_null_name_is_invalid_argument(void **state)
{
    FX;
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_get_variable(g, NULL, .shape = VS_SHAPE(1)));
    assert_int_equal(nvars(g), 0);
}

/* mirrors api: a NULL graph has no handler: the error goes to stderr */
static void test_null_graph_does_not_crash(void **state)
{
    (void)state;
    capture c;
    capture_begin(&c);
    vs_var *v = vs_get_variable(NULL, "x", .shape = VS_SHAPE(1));
    char *out = capture_end(&c);
    assert_null(v);
    assert_non_null(strstr(out, "[invalid-argument]"));
    free(out);
}

/* mirrors docs/tf-semantics.md §4 step 1 (only the call's initializer is
 * checked against the call's dtype) and step 8.7 (a value initializer
 * gives the variable the value's dtype): a scope's value initializer with
 * an explicit call dtype creates a variable of the value's dtype */
static void test_scope_value_initializer_ignores_call_dtype(void **state)
{
    FX;
    VS_VARIABLE_SCOPE(g, "s", .initializer = vs_init_value(I32x3(g))) {
        vs_var *w = vs_get_variable(g, "w", .dtype = VS_FLOAT32);
        assert_string_equal(repr(w), "<tf.Variable 's/w:0' shape=(3,) dtype=int32_ref>");
    }
    EXPECT_NO_ERROR();
}

/* mirrors include/varscope.h and docs/varscope.md: the *_at form with NULL options (all defaults)
 * and with an options struct built in a variable */
static void test_at_function_forms(void **state)
{
    FX;
    vs_get_variable_opts o = {.shape = VS_SHAPE(2), .dtype = VS_INT64};
    vs_var *v = vs_get_variable_at(g, "v", &o, __FILE__, __LINE__);
    assert_string_equal(repr(v), "<tf.Variable 'v:0' shape=(2,) dtype=int64_ref>");
    vs_scope *s = vs_variable_scope_enter_at(g, "s", NULL, __FILE__, __LINE__);
    assert_string_equal(vs_scope_name(s), "s");
    vs_scope_opts so = {.reuse = VS_REUSE};
    vs_scope *r = vs_variable_scope_enter_at(g, "", &so, __FILE__, __LINE__);
    assert_int_equal(vs_scope_reuse(r), VS_REUSE);
    vs_scope_exit(g);
    vs_scope_exit(g);
    EXPECT_NO_ERROR();
    int line = __LINE__; vs_var *u = vs_get_variable_at(g, "u", NULL, __FILE__, line);
    assert_null(u);   /* no shape, no initializer */
    CHECK_(rec_check_one(&f->r, VS_ERR_UNDEFINED_SHAPE, __FILE__, line));
}

/* mirrors docs/tf-semantics.md §5 ("The reuse parameter must be True or False or
 * None.") and the api's invalid-argument for values outside the enums */
static void test_values_outside_the_enums(void **state)
{
    FX;
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_variable_scope_enter(g, "s", .reuse = (vs_reuse)7));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_get_variable(g, "v", .shape = VS_SHAPE(1), .dtype = (vs_dtype)42));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_get_variable(g, "v", .initializer = vs_init_value(NULL)));
    assert_int_equal(nvars(g), 0);
    assert_string_equal(vs_current_name_scope(g), "");
}

/* mirrors the notebook In[4] */
static void test_reuse_variables_seed_in4(void **state)
{
    FX;
    vs_var *x = NULL, *y1 = NULL;
    VS_VARIABLE_SCOPE(g, "myscope") {
        x = vs_get_variable(g, "x", .initializer = vs_init_value(I32x3(g)));
        y1 = vs_get_variable(g, "y1", .initializer = vs_init_value(vs_scalar_i32(g, 1)));
    }
    assert_string_equal(repr(x), "<tf.Variable 'myscope/x:0' shape=(3,) dtype=int32_ref>");
    assert_string_equal(repr(y1), "<tf.Variable 'myscope/y1:0' shape=() dtype=int32_ref>");
    VS_VARIABLE_SCOPE_AS(scope, g, "myscope") {
        vs_var *y2 = vs_get_variable(g, "y2", .initializer = vs_init_value(vs_scalar_i32(g, 2)));
        vs_reuse_variables(scope);
        vs_var *x2 = vs_get_variable(g, "x", .dtype = VS_INT32);
        assert_string_equal(repr(x2), "<tf.Variable 'myscope/x:0' shape=(3,) dtype=int32_ref>");
        assert_ptr_equal(x2, x);
        assert_string_equal(repr(y2), "<tf.Variable 'myscope/y2:0' shape=() dtype=int32_ref>");
    }
    assert_int_equal(nvars(g), 3);
    EXPECT_NO_ERROR();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(test_name_scopes_are_ignored_seed_in6),
        FX_TEST(test_full_name_is_scope_name_plus_name),
        FX_TEST(test_op_name_suffixed_when_name_in_use),
        FX_TEST(test_marks_only_the_full_name),
        FX_TEST(test_reuse_off_existing_is_duplicate),
        FX_TEST(test_reuse_off_absent_creates),
        FX_TEST(test_reuse_on_existing_returns_same),
        FX_TEST(test_reuse_on_absent_is_missing),
        FX_TEST(test_auto_reuse_creates_then_shares),
        FX_TEST(test_missing_dtype_seed_in3),
        FX_TEST(test_missing_dtype_for_float64_variable),
        FX_TEST(test_dtype_mismatch_explicit_dtype),
        FX_TEST(test_dtype_mismatch_from_scope_dtype),
        FX_TEST(test_default_dtype_is_float32),
        FX_TEST(test_dtype_and_shape_from_value),
        FX_TEST(test_scope_initializer_default),
        FX_TEST(test_scope_dtype_default),
        FX_TEST(test_scope_dtype_does_not_check_value),
        FX_TEST(test_shape_mismatch),
        FX_TEST(test_shape_checked_before_dtype),
        FX_TEST(test_duplicate_checked_before_shape_and_dtype),
        FX_TEST(test_undefined_shape_without_shape_or_value),
        FX_TEST(test_undefined_shape_with_unknown_dim),
        FX_TEST(test_undefined_shape_of_value_initializer),
        FX_TEST(test_missing_checked_before_undefined_shape),
        FX_TEST(test_scalar_shape),
        FX_TEST(test_initializer_mismatch_value_dtype),
        FX_TEST(test_initializer_mismatch_value_and_shape),
        FX_TEST(test_value_and_shape_fires_even_when_reusing),
        FX_TEST(test_initializer_checks_before_duplicate),
        FX_TEST(test_value_dtype_check_before_part_0),
        FX_TEST(test_part_0_is_duplicate),
        FX_TEST(test_invalid_names),
        FX_TEST(test_invalid_name_under_reuse_is_missing),
        FX_TEST(test_bad_shapes_are_invalid_argument),
        FX_TEST(test_null_name_is_invalid_argument),
        FX_TEST(test_null_graph_does_not_crash),
        FX_TEST(test_scope_value_initializer_ignores_call_dtype),
        FX_TEST(test_at_function_forms),
        FX_TEST(test_values_outside_the_enums),
        FX_TEST(test_reuse_variables_seed_in4),
    };
    return cmocka_run_group_tests_name("get_variable", tests, NULL, NULL);
}
