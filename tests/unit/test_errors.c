/* Error reporting: codes, names, handlers, one error per failing call at
 * the caller's location, and failing calls leave the graph unchanged
 * (docs/varscope.md "Graph and errors"). */
#include "helpers.h"
#include "alloc.h"   /* vs__fail_after: the no-memory case */

static const int32_t one_two_three[] = {1, 2, 3};

/* mirrors include/varscope.h and docs/varscope.md: the code names are exactly the linter's rule ids */
static void test_code_names(void **state)
{
    (void)state;
    assert_string_equal(vs_code_name(VS_ERR_DUPLICATE_VARIABLE), "duplicate-variable");
    assert_string_equal(vs_code_name(VS_ERR_MISSING_VARIABLE), "missing-variable");
    assert_string_equal(vs_code_name(VS_ERR_MISSING_DTYPE), "missing-dtype");
    assert_string_equal(vs_code_name(VS_ERR_DTYPE_MISMATCH), "dtype-mismatch");
    assert_string_equal(vs_code_name(VS_ERR_SHAPE_MISMATCH), "shape-mismatch");
    assert_string_equal(vs_code_name(VS_ERR_UNDEFINED_SHAPE), "undefined-shape");
    assert_string_equal(vs_code_name(VS_ERR_INITIALIZER_MISMATCH), "initializer-mismatch");
    assert_string_equal(vs_code_name(VS_ERR_INVALID_NAME), "invalid-name");
    assert_string_equal(vs_code_name(VS_ERR_REUSE_WITHOUT_NAME), "reuse-without-name");
    assert_string_equal(vs_code_name(VS_ERR_SCOPE_UNDERFLOW), "scope-underflow");
    assert_string_equal(vs_code_name(VS_ERR_SCOPE_LEAK), "scope-leak");
    assert_string_equal(vs_code_name(VS_ERR_INVALID_ARGUMENT), "invalid-argument");
    assert_string_equal(vs_code_name(VS_ERR_NO_MEMORY), "no-memory");
}

/* mirrors include/varscope.h and docs/varscope.md: the enum order is fixed (VS_OK = 0, then the
 * codes in the listed order) */
static void test_code_values(void **state)
{
    (void)state;
    assert_int_equal(VS_OK, 0);
    assert_int_equal(VS_ERR_DUPLICATE_VARIABLE, 1);
    assert_int_equal(VS_ERR_INVALID_NAME, 8);
    assert_int_equal(VS_ERR_NO_MEMORY, 13);
    /* an out-of-range code still gets a printable name */
    assert_non_null(vs_code_name((vs_code)99));
    assert_non_null(vs_code_name((vs_code)-1));
}

/* mirrors include/varscope.h and docs/varscope.md: vs_last_error is the "latest failure, VS_OK
 * if none" */
static void test_last_error(void **state)
{
    FX;
    assert_int_equal(vs_last_error(g), VS_OK);
    vs_get_variable(g, "x", .shape = VS_SHAPE(1));
    assert_int_equal(vs_last_error(g), VS_OK);
    vs_get_variable(g, "x", .shape = VS_SHAPE(1));
    assert_int_equal(vs_last_error(g), VS_ERR_DUPLICATE_VARIABLE);
    vs_scope_exit(g);
    assert_int_equal(vs_last_error(g), VS_ERR_SCOPE_UNDERFLOW);
    /* a later success does not clear the latest failure */
    vs_get_variable(g, "y", .shape = VS_SHAPE(1));
    assert_int_equal(vs_last_error(g), VS_ERR_SCOPE_UNDERFLOW);
    rec_clear(&f->r);
}

/* mirrors include/varscope.h and docs/varscope.md: the handler gets the user pointer */
static void test_handler_gets_user_pointer(void **state)
{
    FX;
    f->r.last_user = NULL;
    vs_scope_exit(g);
    assert_ptr_equal(f->r.last_user, &f->r);
    rec_clear(&f->r);
}

/* mirrors include/varscope.h and docs/varscope.md: the default handler prints
 * "FILE:LINE: error: MESSAGE [CODE-NAME]" to stderr and the program goes
 * on; vs_set_error_handler(g, NULL, ...) restores it */
static void test_default_handler_format(void **state)
{
    FX;
    vs_get_variable(g, "x", .shape = VS_SHAPE(1));
    vs_set_error_handler(g, NULL, NULL);
    capture c;
    capture_begin(&c);
    int line = __LINE__; vs_get_variable(g, "x", .shape = VS_SHAPE(1));
    char *out = capture_end(&c);
    /* the same failure once more, recorded, for its message */
    vs_set_error_handler(g, rec_handler, &f->r);
    vs_get_variable(g, "x", .shape = VS_SHAPE(1));
    assert_int_equal(f->r.count, 1);
    const char *msg = f->r.e[0].message;
    assert_true(starts_with(msg, "Variable x already exists, disallowed. Did you mean to set "
                                 "reuse=True or reuse=tf.AUTO_REUSE in VarScope?"));
    size_t n = strlen(__FILE__) + strlen(msg) + 64;
    char *want = malloc(n);
    assert_non_null(want);
    snprintf(want, n, "%s:%d: error: %s [duplicate-variable]\n", __FILE__, line, msg);
    assert_string_equal(out, want);
    free(want);
    free(out);
    rec_clear(&f->r);
}

/* mirrors include/varscope.h and docs/varscope.md: a fresh graph reports through the default
 * handler (nothing set) */
static void test_fresh_graph_uses_default_handler(void **state)
{
    (void)state;
    vs_graph *g = vs_graph_new();
    assert_non_null(g);
    capture c;
    capture_begin(&c);
    int line = __LINE__; vs_scope_exit(g);
    char *out = capture_end(&c);
    char prefix[512];
    snprintf(prefix, sizeof prefix, "%s:%d: error: ", __FILE__, line);
    assert_true(starts_with(out, prefix));
    size_t len = strlen(out);
    const char *suffix = " [scope-underflow]\n";
    assert_true(len > strlen(suffix));
    assert_string_equal(out + len - strlen(suffix), suffix);
    assert_ptr_equal(strchr(out, '\n'), out + len - 1);   /* one line */
    free(out);
    vs_graph_free(g);
}

/* mirrors include/varscope.h and docs/varscope.md: a NULL graph is invalid-argument, reported on
 * stderr (there is no handler), at the caller's line, and nothing crashes */
static void test_null_graph(void **state)
{
    (void)state;
    int lines[8], k = 0;
    capture c;
    capture_begin(&c);
    lines[k++] = __LINE__; vs_scope_exit(NULL);
    lines[k++] = __LINE__; assert_null(vs_name_scope_enter(NULL, "a"));
    lines[k++] = __LINE__; assert_null(vs_variable_scope_enter(NULL, "a"));
    lines[k++] = __LINE__; assert_null(vs_scalar_i32(NULL, 1));
    lines[k++] = __LINE__; assert_null(vs_placeholder(NULL, VS_FLOAT32, VS_SHAPE(1)));
    lines[k++] = __LINE__; assert_null(vs_get_variable(NULL, "v", .shape = VS_SHAPE(1)));
    lines[k++] = __LINE__; assert_null(vs_variable(NULL, NULL));
    lines[k++] = __LINE__; assert_null(vs_dense(NULL, NULL, 2));
    char *out = capture_end(&c);
    const char *p = out;
    for (int i = 0; i < k; i++) {
        char prefix[512];
        snprintf(prefix, sizeof prefix, "%s:%d: error: ", __FILE__, lines[i]);
        assert_true(starts_with(p, prefix));
        const char *nl = strchr(p, '\n');
        assert_non_null(nl);
        const char *tag = " [invalid-argument]";
        assert_true((size_t)(nl - p) > strlen(tag));
        assert_memory_equal(nl - strlen(tag), tag, strlen(tag));
        p = nl + 1;
    }
    assert_string_equal(p, "");
    free(out);
    /* the accessors tolerate NULL too */
    vs_set_error_handler(NULL, rec_handler, NULL);
    assert_null(vs_get_variable_scope(NULL));
}

/* mirrors include/varscope.h and docs/varscope.md: "A failing call ... reports one error
 * through the graph's handler", at the caller's __FILE__/__LINE__, one
 * failing call per code */
static void test_one_error_per_failing_call(void **state)
{
    FX;
    vs_tensor *i3 = vs_constant_i32(g, 3, one_two_three);
    vs_var *x = vs_get_variable(g, "x", .initializer = vs_init_value(i3));
    assert_non_null(x);
    EXPECT_NO_ERROR();
    EXPECT_FAIL(VS_ERR_DUPLICATE_VARIABLE, vs_get_variable(g, "x", .dtype = VS_INT32));
    VS_VARIABLE_SCOPE(g, "", .reuse = VS_REUSE) {
        EXPECT_FAIL(VS_ERR_MISSING_VARIABLE, vs_get_variable(g, "nope"));
        EXPECT_FAIL(VS_ERR_MISSING_DTYPE, vs_get_variable(g, "x"));
        EXPECT_FAIL(VS_ERR_DTYPE_MISMATCH, vs_get_variable(g, "x", .dtype = VS_INT64));
        EXPECT_FAIL(VS_ERR_SHAPE_MISMATCH, vs_get_variable(g, "x", .dtype = VS_INT32, .shape = VS_SHAPE(4)));
    }
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_get_variable(g, "u"));
    EXPECT_FAIL(VS_ERR_INITIALIZER_MISMATCH, vs_get_variable(g, "i", .dtype = VS_FLOAT32, .initializer = vs_init_value(i3)));
    EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_name_scope_enter(g, "bad name"));
    EXPECT_FAIL(VS_ERR_REUSE_WITHOUT_NAME, vs_variable_scope_enter(g, NULL, .default_name = "d", .reuse = VS_AUTO_REUSE));
    EXPECT_FAIL_VOID(VS_ERR_SCOPE_UNDERFLOW, vs_scope_exit(g));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_variable(g, NULL));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_variable_scope_reenter(g, NULL));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_constant(g, VS_FLOAT32, VS_SHAPE(-1), NULL));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_add(g, i3, NULL));
    /* no-memory: the next allocation fails (a new name scope needs some) */
    vs__fail_after(0);
    EXPECT_FAIL(VS_ERR_NO_MEMORY, vs_name_scope_enter(g, "fresh_name_scope"));
    vs__fail_after(-1);
    assert_string_equal(vs_current_name_scope(g), "");
}

/* mirrors include/varscope.h and docs/varscope.md (vs_graph_free: one scope-leak per open scope at
 * the file and line where it was entered) */
static void test_scope_leak_has_enter_location(void **state)
{
    FX;
    int line = __LINE__; vs_variable_scope_enter(g, "open");
    EXPECT_NO_ERROR();
    vs_graph_free(g);
    f->g = NULL;
    assert_int_equal(f->r.count, 1);
    assert_int_equal(f->r.e[0].code, VS_ERR_SCOPE_LEAK);
    assert_int_equal(f->r.e[0].line, line);
    assert_string_equal(f->r.e[0].file, __FILE__);
}

/* mirrors include/varscope.h and docs/varscope.md ("leaves the graph exactly as it was") with
 * docs/tf-semantics.md §3: a failing tf.Variable(name="x") must not use up "x" */
static void test_failing_variable_consumes_no_name(void **state)
{
    FX;
    vs_tensor *i = vs_scalar_i32(g, 1);
    EXPECT_FAIL(VS_ERR_INITIALIZER_MISMATCH, vs_variable(g, i, .name = "x", .dtype = VS_FLOAT32));
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_variable(g, vs_placeholder(g, VS_FLOAT32, NULL), .name = "x"));
    assert_string_equal(vn(vs_variable(g, i, .name = "x")), "x:0");
    EXPECT_FAIL(VS_ERR_INITIALIZER_MISMATCH, vs_variable(g, i, .dtype = VS_FLOAT64));
    assert_string_equal(vn(vs_variable(g, i)), "Variable:0");
    EXPECT_NO_ERROR();
}

/* mirrors include/varscope.h and docs/varscope.md ("leaves the graph exactly as it was"):
 * a failing get_variable creates nothing and uses no name */
static void test_failing_get_variable_creates_nothing(void **state)
{
    FX;
    char *before = fingerprint(g);
    EXPECT_FAIL(VS_ERR_UNDEFINED_SHAPE, vs_get_variable(g, "v", .shape = VS_SHAPE(-1)));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_get_variable(g, "v", .shape = VS_SHAPE(-3)));
    ASSERT_FINGERPRINT_UNCHANGED(before, g);
    free(before);
    assert_string_equal(vn(vs_get_variable(g, "v", .shape = VS_SHAPE(1))), "v:0");
    VS_VARIABLE_SCOPE(g, "s") {
        assert_string_equal(vn(vs_get_variable(g, "w/part_0", .shape = VS_SHAPE(1))), "s/w/part_0:0");
        before = fingerprint(g);
        EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_get_variable(g, "bad name", .shape = VS_SHAPE(1)));
        EXPECT_FAIL(VS_ERR_DUPLICATE_VARIABLE, vs_get_variable(g, "w", .shape = VS_SHAPE(1)));
        ASSERT_FINGERPRINT_UNCHANGED(before, g);
        free(before);
        assert_string_equal(vn(vs_get_variable(g, "w2", .shape = VS_SHAPE(1))), "s/w2:0");
    }
    assert_int_equal(nvars(g), 3);
    EXPECT_NO_ERROR();
}

/* mirrors include/varscope.h and docs/varscope.md: failing scope entries enter nothing */
static void test_failing_scope_entries_enter_nothing(void **state)
{
    FX;
    VS_NAME_SCOPE(g, "ns") {
        VS_VARIABLE_SCOPE(g, "vs") {
            char *before = fingerprint(g);
            EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_name_scope_enter(g, "a b"));
            EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_variable_scope_enter(g, "a b"));
            EXPECT_FAIL(VS_ERR_INVALID_NAME, vs_variable_scope_enter(g, NULL, .default_name = "a b"));
            EXPECT_FAIL(VS_ERR_REUSE_WITHOUT_NAME, vs_variable_scope_enter(g, NULL, .default_name = "d", .reuse = VS_REUSE));
            EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_variable_scope_reenter(g, NULL));
            ASSERT_FINGERPRINT_UNCHANGED(before, g);
            free(before);
            /* nothing consumed: the default name and the name scope */
            VS_VARIABLE_SCOPE_AS(s, g, NULL, .default_name = "d") {
                assert_string_equal(vs_scope_name(s), "vs/d");
                assert_string_equal(vs_scope_original_name_scope(s), "ns/vs/d/");
            }
        }
    }
    EXPECT_NO_ERROR();
    EXPECT_FAIL_VOID(VS_ERR_SCOPE_UNDERFLOW, vs_scope_exit(g));
}

/* mirrors include/varscope.h and docs/varscope.md: failing ops use no name */
static void test_failing_ops_consume_no_name(void **state)
{
    FX;
    vs_tensor *a = vs_scalar_f32(g, 1.0f);
    vs_tensor *i = vs_scalar_i32(g, 1);
    vs_tensor *m = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(2, 3));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_add(g, a, i));           /* dtypes */
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_matmul(g, m, m));        /* shapes */
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-2)));
    assert_string_equal(tn(vs_add(g, a, a)), "Add:0");
    assert_string_equal(tn(vs_matmul(g, m, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(3, 1)))), "MatMul:0");
    assert_string_equal(tn(vs_placeholder(g, VS_FLOAT32, VS_SHAPE(1))), "Placeholder_2:0");
    EXPECT_NO_ERROR();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(test_code_names),
        FX_TEST(test_code_values),
        FX_TEST(test_last_error),
        FX_TEST(test_handler_gets_user_pointer),
        FX_TEST(test_default_handler_format),
        FX_TEST(test_fresh_graph_uses_default_handler),
        FX_TEST(test_null_graph),
        FX_TEST(test_one_error_per_failing_call),
        FX_TEST(test_scope_leak_has_enter_location),
        FX_TEST(test_failing_variable_consumes_no_name),
        FX_TEST(test_failing_get_variable_creates_nothing),
        FX_TEST(test_failing_scope_entries_enter_nothing),
        FX_TEST(test_failing_ops_consume_no_name),
    };
    return cmocka_run_group_tests_name("errors", tests, NULL, NULL);
}
