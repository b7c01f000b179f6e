/* Graph.unique_name, name scopes and name validation (docs/tf-semantics.md §1),
 * observed through op and variable names. */
#include "helpers.h"

/* a macro, not a function: errors must point at the test's line */
#define konst(g, nm) vs_scalar_i32((g), 1, .name = (nm))

/* mirrors docs/tf-semantics.md §1 (x, x, x -> x, x_1, x_2) */
static void test_repeated_name_gets_counter_suffix(void **state)
{
    FX;
    assert_string_equal(tn(konst(g, "x")), "x:0");
    assert_string_equal(tn(konst(g, "x")), "x_1:0");
    assert_string_equal(tn(konst(g, "x")), "x_2:0");
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §1, through tf.Variable
 * (variables.py: name_scope(name, "Variable") then the op) */
static void test_repeated_variable_name_gets_counter_suffix(void **state)
{
    FX;
    vs_tensor *c = vs_scalar_f32(g, 1.0f);
    assert_string_equal(vn(vs_variable(g, c, .name = "x")), "x:0");
    assert_string_equal(vn(vs_variable(g, c, .name = "x")), "x_1:0");
    assert_string_equal(vn(vs_variable(g, c, .name = "x")), "x_2:0");
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §1: x, x_1 (explicit), x -> x, x_1, x_2 */
static void test_explicit_suffix_taken_before_second_request(void **state)
{
    FX;
    assert_string_equal(tn(konst(g, "x")), "x:0");
    assert_string_equal(tn(konst(g, "x_1")), "x_1:0");
    assert_string_equal(tn(konst(g, "x")), "x_2:0");
    /* and a later explicit x_1 is made unique from its own count */
    assert_string_equal(tn(konst(g, "x_1")), "x_1_1:0");
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §1: x_1 (explicit), x, x -> x_1, x, x_2 */
static void test_explicit_suffix_first(void **state)
{
    FX;
    assert_string_equal(tn(konst(g, "x_1")), "x_1:0");
    assert_string_equal(tn(konst(g, "x")), "x:0");
    assert_string_equal(tn(konst(g, "x")), "x_2:0");
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §1: x, x (-> x_1), x_1 -> x_1_1 */
static void test_explicit_name_equal_to_generated_one(void **state)
{
    FX;
    assert_string_equal(tn(konst(g, "x")), "x:0");
    assert_string_equal(tn(konst(g, "x")), "x_1:0");
    assert_string_equal(tn(konst(g, "x_1")), "x_1_1:0");
    EXPECT_NO_ERROR();
}

/* mirrors ops_test.py testOutOfOrderUniqueName */
static void test_out_of_order_unique_name(void **state)
{
    FX;
    assert_string_equal(tn(konst(g, "foo_2")), "foo_2:0");
    assert_string_equal(tn(konst(g, "foo")), "foo:0");
    assert_string_equal(tn(konst(g, "foo")), "foo_1:0");
    assert_string_equal(tn(konst(g, "foo")), "foo_3:0");
    EXPECT_NO_ERROR();
}

/* mirrors ops_test.py testUniqueNameCaseInsensitivity */
static void test_unique_name_is_case_insensitive(void **state)
{
    FX;
    assert_string_equal(tn(konst(g, "foo")), "foo:0");
    assert_string_equal(tn(konst(g, "Foo")), "Foo_1:0");
    VS_NAME_SCOPE(g, "bar") {
        assert_string_equal(tn(konst(g, "foo")), "bar/foo:0");
    }
    VS_NAME_SCOPE(g, "Bar") {
        assert_string_equal(vs_current_name_scope(g), "Bar_1/");
        assert_string_equal(tn(konst(g, "foo")), "Bar_1/foo:0");
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §1: x, X, x -> x, X_1, x_2 */
static void test_case_insensitive_keeps_callers_case(void **state)
{
    FX;
    assert_string_equal(tn(konst(g, "x")), "x:0");
    assert_string_equal(tn(konst(g, "X")), "X_1:0");
    assert_string_equal(tn(konst(g, "x")), "x_2:0");
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §1: tf.add, a + b ("add"), tf.add -> Add, add_1, Add_2 */
static void test_add_and_lowercase_add_share_a_counter(void **state)
{
    FX;
    vs_tensor *a = vs_scalar_f32(g, 1.0f), *b = vs_scalar_f32(g, 2.0f);
    assert_string_equal(tn(vs_add(g, a, b)), "Add:0");
    assert_string_equal(tn(vs_add(g, a, b, .name = "add")), "add_1:0");
    assert_string_equal(tn(vs_add(g, a, b)), "Add_2:0");
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §2 consequences and the notebook In[7] */
static void test_name_scope_twice_is_made_unique(void **state)
{
    FX;
    assert_string_equal(sn(vs_name_scope_enter(g, "my_scope")), "my_scope/");
    vs_scope_exit(g);
    assert_string_equal(sn(vs_name_scope_enter(g, "my_scope")), "my_scope_1/");
    assert_string_equal(vs_current_name_scope(g), "my_scope_1/");
    vs_scope_exit(g);
    assert_string_equal(vs_current_name_scope(g), "");
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §2: a scope named foo and an op named foo collide */
static void test_name_scope_and_op_share_one_namespace(void **state)
{
    FX;
    VS_NAME_SCOPE(g, "foo") {}
    assert_string_equal(tn(konst(g, "foo")), "foo_1:0");
    assert_string_equal(tn(konst(g, "bar")), "bar:0");
    assert_string_equal(sn(vs_name_scope_enter(g, "bar")), "bar_1/");
    vs_scope_exit(g);
    EXPECT_NO_ERROR();
}

/* mirrors ops_test.py NameTest.testNameScope (create_op with default and
 * scope-valued names; tf.constant also calls create_op directly) */
static void test_name_scope_reentry_and_scope_valued_op_names(void **state)
{
    FX;
    assert_string_equal(tn(vs_scalar_i32(g, 1)), "Const:0");
    VS_NAME_SCOPE(g, "bar") {
        assert_string_equal(tn(vs_scalar_i32(g, 1)), "bar/Const:0");
        assert_string_equal(tn(vs_scalar_i32(g, 1)), "bar/Const_1:0");
        /* "If you use the value from with .. as, that value is used as-is" */
        assert_string_equal(tn(konst(g, "bar/")), "bar:0");
    }
    VS_NAME_SCOPE(g, "baz") {
        VS_NAME_SCOPE(g, "quux") {
            assert_string_equal(tn(vs_scalar_i32(g, 1)), "baz/quux/Const:0");
        }
        /* "If you use the value from the enclosing with .. as, nothing is
         * pushed" */
        assert_string_equal(sn(vs_name_scope_enter(g, "baz/")), "baz/");
        assert_string_equal(tn(vs_scalar_i32(g, 1)), "baz/Const:0");
        assert_string_equal(tn(konst(g, "baz/")), "baz:0");
        assert_string_equal(tn(konst(g, "trailing/")), "trailing:0");
        vs_scope_exit(g);
    }
    VS_NAME_SCOPE(g, "bar") {
        assert_string_equal(tn(vs_scalar_i32(g, 1)), "bar_1/Const:0");
    }
    VS_NAME_SCOPE(g, "bar/") {
        assert_string_equal(tn(vs_scalar_i32(g, 1)), "bar/Const_2:0");
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §2: a name ending in "/" is re-entered with
 * no uniquification and no marking */
static void test_trailing_slash_name_scope_does_not_mark(void **state)
{
    FX;
    assert_string_equal(sn(vs_name_scope_enter(g, "fresh/")), "fresh/");
    assert_string_equal(tn(vs_scalar_i32(g, 1)), "fresh/Const:0");
    vs_scope_exit(g);
    /* "fresh" itself was never marked, so a relative entry gets it as is */
    assert_string_equal(sn(vs_name_scope_enter(g, "fresh")), "fresh/");
    vs_scope_exit(g);
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §2: re-entry is absolute, not relative */
static void test_trailing_slash_name_scope_is_absolute(void **state)
{
    FX;
    VS_NAME_SCOPE(g, "outer") {
        assert_string_equal(sn(vs_name_scope_enter(g, "inner/")), "inner/");
        assert_string_equal(vs_current_name_scope(g), "inner/");
        assert_string_equal(tn(vs_scalar_i32(g, 1)), "inner/Const:0");
        vs_scope_exit(g);
        assert_string_equal(vs_current_name_scope(g), "outer/");
    }
    EXPECT_NO_ERROR();
}

/* mirrors ops_test.py NameTest.testNameScope (None and "" reset to root) */
static void test_null_and_empty_name_scope_reset_to_root(void **state)
{
    FX;
    assert_string_equal(sn(vs_name_scope_enter(g, "foo")), "foo/");
    assert_string_equal(sn(vs_name_scope_enter(g, "foo2")), "foo/foo2/");
    vs_scope_exit(g);
    assert_string_equal(sn(vs_name_scope_enter(g, NULL)), "");
    assert_string_equal(vs_current_name_scope(g), "");
    assert_string_equal(tn(vs_scalar_i32(g, 1)), "Const:0");
    assert_string_equal(sn(vs_name_scope_enter(g, "foo3")), "foo3/");
    vs_scope_exit(g);
    vs_scope_exit(g);
    assert_string_equal(vs_current_name_scope(g), "foo/");
    assert_string_equal(sn(vs_name_scope_enter(g, "")), "");
    assert_string_equal(vs_current_name_scope(g), "");
    vs_scope_exit(g);
    assert_string_equal(vs_current_name_scope(g), "foo/");
    vs_scope_exit(g);
    assert_string_equal(vs_current_name_scope(g), "");
    EXPECT_NO_ERROR();
}

/* mirrors ops_test.py NameStackTest.testBasics (unique_name with marking,
 * observed through constants, which call create_op -> unique_name) */
static void test_name_stack_basics(void **state)
{
    FX;
    assert_string_equal(tn(konst(g, "foo")), "foo:0");
    assert_string_equal(tn(konst(g, "foo")), "foo_1:0");
    assert_string_equal(tn(konst(g, "foo")), "foo_2:0");
    assert_string_equal(tn(konst(g, "foo_1")), "foo_1_1:0");
    assert_string_equal(tn(konst(g, "foo_1")), "foo_1_2:0");
    assert_string_equal(tn(konst(g, "foo_1_2")), "foo_1_2_1:0");
    VS_NAME_SCOPE(g, "bar") {
        assert_string_equal(tn(konst(g, "foo")), "bar/foo:0");
        assert_string_equal(tn(konst(g, "foo")), "bar/foo_1:0");
        VS_NAME_SCOPE(g, NULL) {
            assert_string_equal(tn(konst(g, "foo")), "foo_3:0");
        }
        VS_NAME_SCOPE(g, "baz") {
            assert_string_equal(tn(konst(g, "foo")), "bar/baz/foo:0");
            assert_string_equal(tn(konst(g, "foo")), "bar/baz/foo_1:0");
        }
        VS_NAME_SCOPE(g, "baz") {
            assert_string_equal(tn(konst(g, "foo")), "bar/baz_1/foo:0");
            assert_string_equal(tn(konst(g, "foo")), "bar/baz_1/foo_1:0");
        }
    }
    VS_NAME_SCOPE(g, "quux") {
        assert_string_equal(tn(konst(g, "foo")), "quux/foo:0");
    }
    VS_NAME_SCOPE(g, "bar") {
        VS_NAME_SCOPE(g, "baz") {
            assert_string_equal(tn(konst(g, "foo")), "bar_1/baz/foo:0");
        }
    }
    assert_string_equal(tn(konst(g, "foo")), "foo_4:0");
    assert_string_equal(tn(konst(g, "bar")), "bar_2:0");
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §1: default op names are the op types */
static void test_default_op_names(void **state)
{
    FX;
    vs_tensor *p = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(2, 3));
    vs_tensor *q = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(3, 4));
    assert_string_equal(tn(p), "Placeholder:0");
    assert_string_equal(tn(q), "Placeholder_1:0");
    assert_string_equal(tn(vs_scalar_f32(g, 1.0f)), "Const:0");
    assert_string_equal(tn(vs_constant_i32(g, 3, ((const int32_t[]){1, 2, 3}))),
                        "Const_1:0");
    assert_string_equal(tn(vs_add(g, p, p)), "Add:0");
    assert_string_equal(tn(vs_add(g, p, p)), "Add_1:0");
    vs_tensor *m = vs_matmul(g, p, q);
    assert_string_equal(tn(m), "MatMul:0");
    assert_string_equal(tn(vs_matmul(g, p, q)), "MatMul_1:0");
    assert_int_equal(vs_tensor_dtype(m), VS_FLOAT32);
    assert_int_equal(vs_tensor_shape(m)->rank, 2);
    assert_int_equal(vs_tensor_shape(m)->dims[0], 2);
    assert_int_equal(vs_tensor_shape(m)->dims[1], 4);
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §1 (op names are relative to the current name scope)
 * and ops_test.py NameStackTest.testBasics nesting */
static void test_op_names_are_nested_in_name_scopes(void **state)
{
    FX;
    vs_tensor *a = vs_scalar_f32(g, 1.0f);
    VS_NAME_SCOPE(g, "a") {
        VS_NAME_SCOPE(g, "b") {
            assert_string_equal(tn(vs_add(g, a, a)), "a/b/Add:0");
            assert_string_equal(
                tn(vs_placeholder(g, VS_FLOAT32, VS_SHAPE(1))),
                "a/b/Placeholder:0");
            assert_string_equal(tn(vs_scalar_f32(g, 2.0f)), "a/b/Const:0");
        }
        assert_string_equal(tn(vs_add(g, a, a)), "a/Add:0");
    }
    assert_string_equal(tn(vs_add(g, a, a)), "Add:0");
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §2 (get_name_scope) and api: "" at root, "a/b/" */
static void test_current_name_scope(void **state)
{
    FX;
    assert_string_equal(vs_current_name_scope(g), "");
    VS_NAME_SCOPE(g, "a") {
        assert_string_equal(vs_current_name_scope(g), "a/");
        VS_NAME_SCOPE(g, "b") {
            assert_string_equal(vs_current_name_scope(g), "a/b/");
        }
        assert_string_equal(vs_current_name_scope(g), "a/");
    }
    assert_string_equal(vs_current_name_scope(g), "");
    EXPECT_NO_ERROR();
}

/* mirrors ops_test.py testInvalidNameRaisesError ("foo:0") */
static void test_colon_is_an_invalid_name(void **state)
{
    FX;
    vs_tensor *a = vs_scalar_f32(g, 1.0f);
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_name_scope_enter(g, "foo:0"));
    assert_string_equal(vs_current_name_scope(g), "");
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_add(g, a, a, .name = "foo:0"));
    EXPECT_FAIL(VS_ERR_INVALID_NAME, konst(g, "foo:0"));
    VS_NAME_SCOPE(g, "s") {
        EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_name_scope_enter(g, "foo:0"));
        assert_string_equal(vs_current_name_scope(g), "s/");
    }
}

/* mirrors docs/tf-semantics.md §1: spaces are never allowed */
static void test_space_is_an_invalid_name(void **state)
{
    FX;
    vs_tensor *a = vs_scalar_f32(g, 1.0f);
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_name_scope_enter(g, "bad name"));
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_add(g, a, a, .name = "bad name"));
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(1), .name = "bad name"));
    VS_NAME_SCOPE(g, "s") {
        EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_name_scope_enter(g, "bad name"));
    }
    /* nothing was consumed by the failures */
    assert_string_equal(tn(vs_add(g, a, a)), "Add:0");
}

/* mirrors ops_test.py testInvalidNameRaisesError ("_bar" at root fails,
 * under "foo/" it is fine: the scope regex allows a leading "_") */
static void test_leading_underscore_scope_root_vs_nested(void **state)
{
    FX;
    VS_NAME_SCOPE(g, "") {}
    VS_NAME_SCOPE(g, "foo/") {
        assert_string_equal(sn(vs_name_scope_enter(g, "_bar")), "foo/_bar/");
        vs_scope_exit(g);
    }
    EXPECT_NO_ERROR();
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_name_scope_enter(g, "_bar"));
}

/* mirrors docs/tf-semantics.md §1 (a leading "-" is a scope char
 * only when nested) */
static void test_leading_dash_scope_root_vs_nested(void **state)
{
    FX;
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_name_scope_enter(g, "-x"));
    VS_NAME_SCOPE(g, "a") {
        assert_string_equal(sn(vs_name_scope_enter(g, "-x")), "a/-x/");
        vs_scope_exit(g);
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §1: op wrappers check the requested
 * name as a scope name (nested "_x" fine), then the full node name */
static void test_leading_underscore_op_name_root_vs_nested(void **state)
{
    FX;
    vs_tensor *a = vs_scalar_f32(g, 1.0f);
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_add(g, a, a, .name = "_x"));
    VS_NAME_SCOPE(g, "a") {
        assert_string_equal(tn(vs_add(g, a, a, .name = "_x")), "a/_x:0");
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §1: tf.constant(..., name="_c") at root hits
 * the node-name check; nested, the full name "s/_c" is a valid node name */
static void test_constant_name_checked_as_node_name(void **state)
{
    FX;
    EXPECT_FAIL(VS_ERR_INVALID_NAME, konst(g, "_c"));
    VS_NAME_SCOPE(g, "s") {
        assert_string_equal(tn(konst(g, "_c")), "s/_c:0");
    }
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §1 (create_op: a trailing "/" names the node
 * verbatim; a clash is "Duplicate node name in graph") and ops_test.py
 * NameTest.testNameScope ("trailing/" -> "trailing") */
static void test_trailing_slash_op_name_is_verbatim_and_unique(void **state)
{
    FX;
    vs_tensor *a = vs_scalar_f32(g, 1.0f);
    assert_string_equal(tn(vs_add(g, a, a, .name = "t/")), "t:0");
    VS_NAME_SCOPE(g, "s") {
        /* verbatim means absolute too */
        assert_string_equal(tn(vs_add(g, a, a, .name = "t2/")), "t2:0");
    }
    EXPECT_NO_ERROR();
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_add(g, a, a, .name = "t/"));
    /* an existing (uniquified) node blocks a verbatim request too */
    assert_string_equal(tn(vs_add(g, a, a, .name = "v")), "v:0");
    vs_add(g, a, a, .name = "v/");
    assert_int_equal(f->r.count, 1);
    assert_int_equal(f->r.e[0].code, VS_ERR_INVALID_NAME);
    assert_non_null(strstr(f->r.e[0].message, "Duplicate node name"));
    rec_clear(&f->r);
}

/* mirrors docs/tf-semantics.md §1: "t/" creates node "t" without marking "t" in
 * names_in_use, so a later plain "t" is unique_name'd to "t" itself and
 * TF_FinishOperation rejects it: "Duplicate node name in graph: 't'"
 * (ops.py _create_c_op turns the InvalidArgumentError into ValueError) */
static void test_plain_name_after_verbatim_node_is_duplicate(void **state)
{
    FX;
    vs_tensor *a = vs_scalar_f32(g, 1.0f);
    assert_string_equal(tn(vs_add(g, a, a, .name = "u/")), "u:0");
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_add(g, a, a, .name = "u"));
}

/* mirrors docs/tf-semantics.md §1 and §3: tf.Variable(name="w") after a verbatim
 * node "w" also asks for node "w" (name_scope("w") is unmarked) */
static void test_variable_after_verbatim_node_is_duplicate(void **state)
{
    FX;
    vs_tensor *a = vs_scalar_f32(g, 1.0f);
    assert_string_equal(tn(vs_add(g, a, a, .name = "w/")), "w:0");
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_variable(g, a, .name = "w"));
    assert_int_equal(nvars(g), 0);
}

/* mirrors docs/tf-semantics.md §1 via ops.py create_op: name "" goes through
 * name_scope("") (root) and create_op(""), and '' is not a valid node
 * name; an empty name scope is the reset-to-root idiom, not an error */
static void test_empty_names(void **state)
{
    FX;
    vs_tensor *a = vs_scalar_f32(g, 1.0f);
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_add(g, a, a, .name = ""));
    EXPECT_FAIL(VS_ERR_INVALID_NAME, konst(g, ""));
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(1), .name = ""));
    assert_string_equal(sn(vs_name_scope_enter(g, "")), "");
    vs_scope_exit(g);
    EXPECT_NO_ERROR();
}

/* mirrors docs/tf-semantics.md §1 (the key is the full path): a scope
 * "a/b" marks "a/b" only, so "a" is still fresh */
static void test_name_with_slash_marks_only_full_path(void **state)
{
    FX;
    assert_string_equal(sn(vs_name_scope_enter(g, "a/b")), "a/b/");
    vs_scope_exit(g);
    assert_string_equal(sn(vs_name_scope_enter(g, "a")), "a/");
    assert_string_equal(tn(konst(g, "x/y")), "a/x/y:0");
    vs_scope_exit(g);
    assert_string_equal(sn(vs_name_scope_enter(g, "a/b")), "a/b_1/");
    vs_scope_exit(g);
    EXPECT_NO_ERROR();
}

/* mirrors include/varscope.h and docs/varscope.md ("Everything a call returns is owned by the
 * graph and valid until vs_graph_free()", also after its scope is exited) */
static void test_returned_strings_stay_valid(void **state)
{
    FX;
    const char *ns = vs_name_scope_enter(g, "keep");
    vs_tensor *t = konst(g, "c");
    vs_scope_exit(g);
    vs_scope *s = vs_variable_scope_enter(g, "vs");
    vs_scope_exit(g);
    for (int i = 0; i < 300; i++) {   /* make every table grow */
        konst(g, "filler");
        VS_NAME_SCOPE(g, "fill") {}
    }
    assert_string_equal(sn(ns), "keep/");
    assert_string_equal(tn(t), "keep/c:0");
    assert_string_equal(vs_scope_name(s), "vs");
    assert_string_equal(vs_scope_original_name_scope(s), "vs/");
    EXPECT_NO_ERROR();
}

/* mirrors include/varscope.h and docs/varscope.md: the *_at functions take a NULL options pointer
 * (all defaults) or an explicit options struct */
static void test_at_functions_and_explicit_options(void **state)
{
    FX;
    vs_tensor *a = vs_scalar_f32_at(g, 1.0f, NULL, __FILE__, __LINE__);
    assert_string_equal(tn(a), "Const:0");
    assert_string_equal(tn(vs_add_at(g, a, a, NULL, __FILE__, __LINE__)), "Add:0");
    vs_op_opts o = {.name = "named"};
    assert_string_equal(tn(vs_add_at(g, a, a, &o, __FILE__, __LINE__)), "named:0");
    assert_string_equal(sn(vs_name_scope_enter_at(g, "n", __FILE__, __LINE__)), "n/");
    vs_scope_exit_at(g, __FILE__, __LINE__);
    EXPECT_NO_ERROR();
    int line = __LINE__; vs_scope_exit_at(g, __FILE__, line);
    CHECK_(rec_check_one(&f->r, VS_ERR_SCOPE_UNDERFLOW, __FILE__, line));
}

#define BIG (100 * 1024)

/* mirrors docs/tf-semantics.md §1 (no length limit in unique_name / the regexes) */
static void test_100kb_valid_name(void **state)
{
    FX;
    char *name = malloc(BIG + 1);
    char *want = malloc(BIG + 16);
    assert_non_null(name);
    assert_non_null(want);
    memset(name, 'a', BIG);
    name[BIG] = '\0';
    snprintf(want, BIG + 16, "%s:0", name);
    assert_string_equal(tn(konst(g, name)), want);
    snprintf(want, BIG + 16, "%s_1:0", name);
    assert_string_equal(tn(konst(g, name)), want);
    /* count(name) is 2 now: name_2 is the first free candidate */
    snprintf(want, BIG + 16, "%s_2/", name);
    assert_string_equal(sn(vs_name_scope_enter(g, name)), want);
    vs_scope_exit(g);
    EXPECT_NO_ERROR();
    free(name);
    free(want);
}

/* mirrors docs/tf-semantics.md §1: a space anywhere fails the regex) */
static void test_100kb_invalid_name(void **state)
{
    FX;
    vs_tensor *a = vs_scalar_f32(g, 1.0f);
    char *name = malloc(BIG + 1);
    assert_non_null(name);
    memset(name, 'b', BIG);
    name[BIG - 1] = ' ';
    name[BIG] = '\0';
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_name_scope_enter(g, name));
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_add(g, a, a, .name = name));
    EXPECT_FAIL(VS_ERR_INVALID_NAME, konst(g, name));
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_variable(g, a, .name = name));
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_get_variable(g, name, .shape = VS_SHAPE(1)));
    assert_string_equal(vs_current_name_scope(g), "");
    free(name);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(test_repeated_name_gets_counter_suffix),
        FX_TEST(test_repeated_variable_name_gets_counter_suffix),
        FX_TEST(test_explicit_suffix_taken_before_second_request),
        FX_TEST(test_explicit_suffix_first),
        FX_TEST(test_explicit_name_equal_to_generated_one),
        FX_TEST(test_out_of_order_unique_name),
        FX_TEST(test_unique_name_is_case_insensitive),
        FX_TEST(test_case_insensitive_keeps_callers_case),
        FX_TEST(test_add_and_lowercase_add_share_a_counter),
        FX_TEST(test_name_scope_twice_is_made_unique),
        FX_TEST(test_name_scope_and_op_share_one_namespace),
        FX_TEST(test_name_scope_reentry_and_scope_valued_op_names),
        FX_TEST(test_trailing_slash_name_scope_does_not_mark),
        FX_TEST(test_trailing_slash_name_scope_is_absolute),
        FX_TEST(test_null_and_empty_name_scope_reset_to_root),
        FX_TEST(test_name_stack_basics),
        FX_TEST(test_default_op_names),
        FX_TEST(test_op_names_are_nested_in_name_scopes),
        FX_TEST(test_current_name_scope),
        FX_TEST(test_colon_is_an_invalid_name),
        FX_TEST(test_space_is_an_invalid_name),
        FX_TEST(test_leading_underscore_scope_root_vs_nested),
        FX_TEST(test_leading_dash_scope_root_vs_nested),
        FX_TEST(test_leading_underscore_op_name_root_vs_nested),
        FX_TEST(test_constant_name_checked_as_node_name),
        FX_TEST(test_trailing_slash_op_name_is_verbatim_and_unique),
        FX_TEST(test_plain_name_after_verbatim_node_is_duplicate),
        FX_TEST(test_variable_after_verbatim_node_is_duplicate),
        FX_TEST(test_empty_names),
        FX_TEST(test_name_with_slash_marks_only_full_path),
        FX_TEST(test_returned_strings_stay_valid),
        FX_TEST(test_at_functions_and_explicit_options),
        FX_TEST(test_100kb_valid_name),
        FX_TEST(test_100kb_invalid_name),
    };
    return cmocka_run_group_tests_name("names", tests, NULL, NULL);
}
