/* tf.make_template.
 *
 * Expectations from TF 1.15's python/kernel_tests/template_test.py
 * (TemplateTest) and python/ops/template.py (Template.__init__, __call__,
 * _call_func).  A Python template function returning a variable returns
 * here the variable's value tensor (vs_value), the same tensor for the
 * same variable. */
#include "helpers.h"

/* variable_scoped_function: get_variable("dummy", shape=[1], zeros) */
static vs_tensor *dummy(vs_graph *g, vs_tensor *x, void *user)
{
    (void)x;
    bool *not_trainable = user;
    vs_var *v = vs_get_variable(g, "dummy", .shape = VS_SHAPE(1), .initializer = vs_init_zeros(),
                                .not_trainable = not_trainable && *not_trainable);
    return v ? vs_value(v) : NULL;
}

/* internally_variable_scoped_function(scope_name) */
static vs_tensor *internally_scoped(vs_graph *g, vs_tensor *x, void *user)
{
    (void)x;
    const char **scope_name = user;
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, *scope_name) { out = dummy(g, NULL, NULL); }
    return out;
}

static const char *name_of(const vs_tensor *read)
{
    /* "s1/dummy/read:0" -> the variable "s1/dummy:0" */
    static char buf[256];
    const char *n = tn(read);
    const char *r = strstr(n, "/read:0");
    if (!r)
        return n;
    snprintf(buf, sizeof buf, "%.*s:0", (int)(r - n), n);
    return buf;
}

/* mirrors template_test.py TemplateTest.test_template_with_name: tmpl1
 * twice gives the same variable s1/dummy:0, tmpl2 of the same name gets
 * s1_1/dummy:0 */
static void test_template_with_name(void **state)
{
    FX;
    vs_template *t1 = vs_make_template(g, "s1", dummy, NULL);
    vs_template *t2 = vs_make_template(g, "s1", dummy, NULL);
    vs_tensor *v1 = vs_template_call(g, t1, NULL);
    vs_tensor *v2 = vs_template_call(g, t1, NULL);
    vs_tensor *v3 = vs_template_call(g, t2, NULL);
    assert_ptr_equal(v1, v2);
    assert_ptr_not_equal(v1, v3);
    assert_string_equal(name_of(v1), "s1/dummy:0");
    assert_string_equal(name_of(v3), "s1_1/dummy:0");
    assert_int_equal(nvars(g), 2);
    EXPECT_NO_ERROR();
}

/* mirrors TemplateTest.test_same_unique_name_raise_error: two templates
 * with unique_name_="s1": the second's first call makes s1/dummy again,
 * "Variable s1/dummy already exists, disallowed" */
static void test_same_unique_name_raise_error(void **state)
{
    FX;
    vs_template *t1 = vs_make_template(g, "_", dummy, NULL, .unique_name = "s1");
    vs_template_call(g, t1, NULL);
    vs_template *t2 = vs_make_template(g, "_", dummy, NULL, .unique_name = "s1");
    vs_template_call(g, t2, NULL);
    assert_int_equal(f->r.count, 1);
    assert_int_equal(f->r.e[0].code, VS_ERR_DUPLICATE_VARIABLE);
    assert_true(starts_with(f->r.e[0].message, "Variable s1/dummy already exists, disallowed."));
    rec_clear(&f->r);
}

/* mirrors TemplateTest.test_unique_name_and_reuse: after
 * get_variable_scope().reuse_variables(), a second template with the same
 * unique_name_ shares s1/dummy */
static void test_unique_name_and_reuse(void **state)
{
    FX;
    vs_template *t1 = vs_make_template(g, "_", dummy, NULL, .unique_name = "s1");
    vs_tensor *v1 = vs_template_call(g, t1, NULL);
    vs_tensor *v2 = vs_template_call(g, t1, NULL);
    vs_reuse_variables(vs_get_variable_scope(g));
    vs_template *t2 = vs_make_template(g, "_", dummy, NULL, .unique_name = "s1");
    vs_tensor *v3 = vs_template_call(g, t2, NULL);
    assert_ptr_equal(v1, v2);
    assert_ptr_equal(v1, v3);
    assert_string_equal(name_of(v1), "s1/dummy:0");
    EXPECT_NO_ERROR();
}

/* mirrors TemplateTest.test_template_in_scope: the scope is captured at
 * the first call (scope/s1, scope/s1_1); a later call in another scope
 * ignores it */
static void test_template_in_scope(void **state)
{
    FX;
    vs_template *t1 = vs_make_template(g, "s1", dummy, NULL);
    vs_template *t2 = vs_make_template(g, "s1", dummy, NULL);
    vs_tensor *v1 = NULL, *v2 = NULL, *v3 = NULL;
    VS_VARIABLE_SCOPE(g, "scope") {
        v1 = vs_template_call(g, t1, NULL);
        v3 = vs_template_call(g, t2, NULL);
    }
    VS_VARIABLE_SCOPE(g, "scope2") { v2 = vs_template_call(g, t1, NULL); }
    assert_ptr_equal(v1, v2);
    assert_ptr_not_equal(v1, v3);
    assert_string_equal(name_of(v1), "scope/s1/dummy:0");
    assert_string_equal(name_of(v3), "scope/s1_1/dummy:0");
    EXPECT_NO_ERROR();
}

/* mirrors TemplateTest.test_template_with_internal_reuse: calls with
 * "test" share s1/test/dummy; a later call with "not_test" looks up
 * s1/not_test/dummy under reuse=True and fails (ValueError) */
static void test_template_with_internal_reuse(void **state)
{
    FX;
    const char *scope_name = "test";
    vs_template *t1 = vs_make_template(g, "s1", internally_scoped, &scope_name);
    vs_template *t2 = vs_make_template(g, "s1", internally_scoped, &scope_name);
    vs_tensor *v1 = vs_template_call(g, t1, NULL);
    vs_tensor *v2 = vs_template_call(g, t1, NULL);
    vs_tensor *v3 = vs_template_call(g, t2, NULL);
    assert_ptr_equal(v1, v2);
    assert_ptr_not_equal(v1, v3);
    assert_string_equal(name_of(v1), "s1/test/dummy:0");
    assert_string_equal(name_of(v3), "s1_1/test/dummy:0");
    EXPECT_NO_ERROR();
    scope_name = "not_test";
    char *before = fingerprint(g);
    assert_null(vs_template_call(g, t1, NULL));
    assert_int_equal(f->r.count, 1);
    assert_int_equal(f->r.e[0].code, VS_ERR_MISSING_VARIABLE);
    assert_true(starts_with(f->r.e[0].message, "Variable s1/not_test/dummy does not exist"));
    rec_clear(&f->r);
    ASSERT_FINGERPRINT_UNCHANGED(before, g);
    free(before);
}

/* mirrors TemplateTest.test_template_without_name ("name cannot be
 * None.") */
static void test_template_without_name(void **state)
{
    FX;
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_make_template(g, NULL, dummy, NULL));
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_make_template(g, "s", NULL, NULL));
}

/* function_with_create: a tf.Variable as a side effect, then dummy */
static vs_tensor *with_create(vs_graph *g, vs_tensor *x, void *user)
{
    bool *not_trainable = user;
    vs_variable(g, vs_scalar_i32(g, 0), .not_trainable = *not_trainable);
    return dummy(g, x, NULL);
}

/* mirrors TemplateTest.test_enforces_no_extra_trainable_variables (a
 * second call that creates a trainable variable is a ValueError:
 * Template._call_func) and test_permits_extra_non_trainable_variables */
static void test_enforces_no_extra_trainable_variables(void **state)
{
    FX;
    bool no = false, yes = true;
    vs_template *t = vs_make_template(g, "s", with_create, &no);
    assert_non_null(vs_template_call(g, t, NULL));
    char *before = fingerprint(g);
    EXPECT_FAIL(VS_ERR_DUPLICATE_VARIABLE, vs_template_call(g, t, NULL));
    ASSERT_FINGERPRINT_UNCHANGED(before, g);
    free(before);
    vs_template *u = vs_make_template(g, "s", with_create, &yes);
    vs_tensor *a = vs_template_call(g, u, NULL);
    assert_ptr_equal(a, vs_template_call(g, u, NULL));
    EXPECT_NO_ERROR();
}

/* test_internal_variable_reuse's nested(): variable_scope("nested") as vs,
 * x, then variable_scope(vs, reuse=True) gets the same x */
static vs_tensor *nested(vs_graph *g, vs_tensor *x, void *user)
{
    (void)x;
    (void)user;
    vs_var *v1 = NULL, *v2 = NULL;
    vs_scope *captured = NULL;
    VS_VARIABLE_SCOPE_AS(vs, g, "nested") {
        captured = vs;
        v1 = vs_get_variable(g, "x", .shape = VS_SCALAR, .initializer = vs_init_zeros());
    }
    VS_VARIABLE_SCOPE_REENTER(g, captured, .reuse = VS_REUSE) { v2 = vs_get_variable(g, "x"); }
    return v1 && v1 == v2 ? vs_value(v1) : NULL;
}

/* mirrors TemplateTest.test_internal_variable_reuse: s1/nested/x:0 and
 * s1_1/nested/x:0 */
static void test_internal_variable_reuse(void **state)
{
    FX;
    vs_template *t1 = vs_make_template(g, "s1", nested, NULL);
    vs_template *t2 = vs_make_template(g, "s1", nested, NULL);
    vs_tensor *v1 = vs_template_call(g, t1, NULL);
    vs_tensor *v2 = vs_template_call(g, t1, NULL);
    vs_tensor *v3 = vs_template_call(g, t2, NULL);
    assert_ptr_equal(v1, v2);
    assert_ptr_not_equal(v1, v3);
    assert_string_equal(name_of(v1), "s1/nested/x:0");
    assert_string_equal(name_of(v3), "s1_1/nested/x:0");
    EXPECT_NO_ERROR();
}

/* test_nested_templates' nested_template(): two new templates "nested"
 * per call; the pair of their variables */
typedef struct pair { vs_tensor *a, *b; } pair;

static vs_tensor *nested_template(vs_graph *g, vs_tensor *x, void *user)
{
    pair *p = user;
    vs_template *n1 = vs_make_template(g, "nested", dummy, NULL);
    vs_template *n2 = vs_make_template(g, "nested", dummy, NULL);
    p->a = vs_template_call(g, n1, x);
    p->b = vs_template_call(g, n2, x);
    return p->a && p->b && p->a != p->b ? p->a : NULL;
}

/* mirrors TemplateTest.test_nested_templates: s1/nested/dummy,
 * s1/nested_1/dummy, reused by tmpl1's second call; s1_1/... for tmpl2 */
static void test_nested_templates(void **state)
{
    FX;
    pair p1, p2, p3;
    vs_template *t1 = vs_make_template(g, "s1", nested_template, &p1);
    vs_template *t2 = vs_make_template(g, "s1", nested_template, &p3);
    vs_template_call(g, t1, NULL);
    p2 = p1;
    vs_template_call(g, t1, NULL);
    vs_template_call(g, t2, NULL);
    assert_ptr_equal(p1.a, p2.a);
    assert_ptr_equal(p1.b, p2.b);
    assert_string_equal(name_of(p2.a), "s1/nested/dummy:0");
    assert_string_equal(name_of(p2.b), "s1/nested_1/dummy:0");
    assert_string_equal(name_of(p3.a), "s1_1/nested/dummy:0");
    assert_string_equal(name_of(p3.b), "s1_1/nested_1/dummy:0");
    assert_int_equal(nvars(g), 4);
    EXPECT_NO_ERROR();
}

/* mirrors TemplateTest.test_immediate_scope_creation (create_scope_now_
 * captures the constructor's scope, else the first call's) and
 * test_scope_access (foo/bar, foo/bar_1 before any call; a deferred
 * template has no scope until called, then "blah" at the top level) */
static void test_immediate_scope_creation(void **state)
{
    FX;
    vs_template *imm = NULL, *defer = NULL, *ta = NULL, *tb = NULL, *tc = NULL;
    VS_VARIABLE_SCOPE(g, "ctor_scope") {
        imm = vs_make_template(g, "a", dummy, NULL, .create_scope_now = true);
        defer = vs_make_template(g, "b", dummy, NULL);
    }
    vs_tensor *inner_imm = NULL, *inner_defer = NULL;
    VS_VARIABLE_SCOPE(g, "call_scope") {
        inner_imm = vs_template_call(g, imm, NULL);
        inner_defer = vs_template_call(g, defer, NULL);
    }
    assert_ptr_equal(vs_template_call(g, imm, NULL), inner_imm);
    assert_ptr_equal(vs_template_call(g, defer, NULL), inner_defer);
    assert_string_equal(name_of(inner_imm), "ctor_scope/a/dummy:0");
    assert_string_equal(name_of(inner_defer), "call_scope/b/dummy:0");
    VS_VARIABLE_SCOPE(g, "foo") {
        ta = vs_make_template(g, "bar", dummy, NULL, .create_scope_now = true);
        tb = vs_make_template(g, "bar", dummy, NULL, .create_scope_now = true);
    }
    assert_string_equal(vs_scope_name(vs_template_scope(ta)), "foo/bar");
    assert_string_equal(vs_scope_name(vs_template_scope(tb)), "foo/bar_1");
    VS_VARIABLE_SCOPE(g, "foo_2") { tc = vs_make_template(g, "blah", dummy, NULL); }
    assert_null(vs_template_scope(tc));
    vs_template_call(g, tc, NULL);
    assert_string_equal(vs_scope_name(vs_template_scope(tc)), "blah");
    EXPECT_NO_ERROR();
}

/* linear_module(x, output_size=2): matmul(x, w) + b */
static vs_tensor *linear(vs_graph *g, vs_tensor *x, void *user)
{
    vs_tensor **w_out = user;
    int64_t in = vs_tensor_shape(x)->dims[1];
    vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(in, 2), .initializer = vs_init_zeros());
    vs_var *b = vs_get_variable(g, "b", .shape = VS_SHAPE(2), .initializer = vs_init_zeros());
    if (!w || !b)
        return NULL;
    *w_out = vs_value(w);
    /* `+` is tf.add under the name "add" */
    return vs_add(g, vs_matmul(g, x, vs_value(w)), vs_value(b), .name = "add");
}

/* mirrors TemplateTest.test_name_scopes_for_variable_scopes (the 1.15
 * version): with create_scope_now_, the first call's name scope is the
 * variable scope's ("foo/add:0"), the second's made unique ("foo_1/");
 * a second template gets scope foo_1, and its calls the name scopes
 * foo_1_1/ and foo_1_2/ ("foo_1" is already a name scope) */
static void test_name_scopes_for_variable_scopes(void **state)
{
    FX;
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(3, 4));
    vs_tensor *w1 = NULL, *w2 = NULL;
    vs_template *l1 = vs_make_template(g, "foo", linear, &w1, .create_scope_now = true);
    vs_tensor *a = vs_template_call(g, l1, x);
    vs_tensor *b = vs_template_call(g, l1, x);
    assert_string_equal(vs_scope_name(vs_template_scope(l1)), "foo");
    assert_string_equal(name_of(w1), "foo/w:0");
    assert_string_equal(tn(a), "foo/add:0");
    assert_string_equal(tn(b), "foo_1/add:0");
    vs_template *l2 = vs_make_template(g, "foo", linear, &w2, .create_scope_now = true);
    vs_tensor *c = vs_template_call(g, l2, x);
    vs_tensor *d = vs_template_call(g, l2, x);
    assert_string_equal(vs_scope_name(vs_template_scope(l2)), "foo_1");
    assert_string_equal(name_of(w2), "foo_1/w:0");
    assert_string_equal(tn(c), "foo_1_1/add:0");
    assert_string_equal(tn(d), "foo_1_2/add:0");
    EXPECT_NO_ERROR();
}

/* a builder that returns NULL without reporting: the template call
 * reports it (one error), and everything it did is undone */
static vs_tensor *gives_up(vs_graph *g, vs_tensor *x, void *user)
{
    (void)x;
    (void)user;
    vs_get_variable(g, "made", .shape = VS_SHAPE(1));
    return NULL;
}

/* a builder that goes on after a failing call */
static vs_tensor *ignores_failure(vs_graph *g, vs_tensor *x, void *user)
{
    (void)user;
    vs_get_variable(g, "bad name", .shape = VS_SHAPE(1));
    vs_get_variable(g, "good", .shape = VS_SHAPE(1));
    return x;
}

/* a builder that leaves a scope open, or exits one it did not enter */
static vs_tensor *leaves_open(vs_graph *g, vs_tensor *x, void *user)
{
    (void)user;
    vs_variable_scope_enter(g, "inner");
    return x;
}

static vs_tensor *exits_outer(vs_graph *g, vs_tensor *x, void *user)
{
    (void)user;
    vs_scope_exit(g);   /* the template's own scope: refused */
    return x;
}

/* mirrors TemplateTest.test_fails_gracefully ("The failed __call__ hasn't
 * modified the inner state": Template._call_func resets _first_call), and
 * the C contract: a call that fails leaves the graph as it was */
static void test_failed_calls_leave_no_trace(void **state)
{
    FX;
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(1));
    vs_template *t = vs_make_template(g, "f1", gives_up, NULL);
    char *before = fingerprint(g);
    EXPECT_FAIL(VS_ERR_INVALID_ARGUMENT, vs_template_call(g, t, x));
    ASSERT_FINGERPRINT_UNCHANGED(before, g);
    assert_null(vs_template_scope(t));
    EXPECT_FAIL(VS_ERR_SCOPE_LEAK, vs_template_call(g, vs_make_template(g, "f2", leaves_open, NULL), x));
    ASSERT_FINGERPRINT_UNCHANGED(before, g);
    vs_template *e = vs_make_template(g, "f3", exits_outer, NULL);
    /* the builder's exit is refused (underflow): like an exception in TF
     * it ends the template call, whose scope is left as on entry */
    assert_null(vs_template_call(g, e, x));
    assert_int_equal(f->r.count, 1);
    assert_int_equal(f->r.e[0].code, VS_ERR_SCOPE_UNDERFLOW);
    rec_clear(&f->r);
    assert_string_equal(vs_current_name_scope(g), "");
    assert_null(vs_template_scope(e));
    free(before);
    /* a failing call ends the call even if the builder goes on: the
     * one error is that call's */
    vs_template *ig = vs_make_template(g, "f4", ignores_failure, NULL);
    assert_null(vs_template_call(g, ig, x));
    assert_int_equal(f->r.count, 1);
    assert_int_equal(f->r.e[0].code, VS_ERR_INVALID_NAME);
    rec_clear(&f->r);
    assert_int_equal(nvars(g), 0);
    /* the first template, made to succeed now, still gets "f1" */
    vs_template *ok = vs_make_template(g, "f1", dummy, NULL);
    assert_string_equal(name_of(vs_template_call(g, ok, x)), "f1/dummy:0");
    EXPECT_NO_ERROR();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(test_template_with_name),
        FX_TEST(test_same_unique_name_raise_error),
        FX_TEST(test_unique_name_and_reuse),
        FX_TEST(test_template_in_scope),
        FX_TEST(test_template_with_internal_reuse),
        FX_TEST(test_template_without_name),
        FX_TEST(test_enforces_no_extra_trainable_variables),
        FX_TEST(test_internal_variable_reuse),
        FX_TEST(test_nested_templates),
        FX_TEST(test_immediate_scope_creation),
        FX_TEST(test_name_scopes_for_variable_scopes),
        FX_TEST(test_failed_calls_leave_no_trace),
    };
    return cmocka_run_group_tests_name("template", tests, NULL, NULL);
}
