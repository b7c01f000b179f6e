/* Allocation-failure injection (src/varscope/alloc.h: vs__fail_after) for
 * the scoping calls: name scopes, variable scopes by name / default name /
 * object, with and without auxiliary name scope, get_variable creating,
 * sharing and failing, tf.Variable, every op, dense default / named /
 * shared, exits, a scope left open at free.  The harness is oom.h. */
#include "oom.h"

/* mirrors the api contract: "A call that fails ... leaves the graph exactly
 * as it was" (also for no-memory, which every call can report) */

static const int32_t one_two_three[] = {1, 2, 3};
static const float six[] = {1, 2, 3, 4, 5, 6};

static void scenario(run *R)
{
    vs_graph *g = R->g;
    vs_tensor *x, *c, *c3, *w, *t;
    vs_var *v, *m = NULL;
    vs_scope *s, *outer = NULL, *layer = NULL;
    const char *ns;

    /* ops and name scopes */
    STEP(R, x, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 3), .name = "x"), d_t);
    STEP(R, c, vs_scalar_f32(g, 1.0f), d_t);
    STEP(R, c3, vs_constant_i32(g, 3, one_two_three), d_t);
    STEP(R, w, vs_constant(g, VS_FLOAT32, VS_SHAPE(3, 2), six, .name = "w"), d_t);
    STEP(R, ns, vs_name_scope_enter(g, "block"), d_n);
    STEP(R, t, vs_add(g, c, c), d_t);
    STEP(R, t, vs_add(g, c, c, .name = "add"), d_t);
    STEP(R, v, vs_variable(g, c, .name = "var"), d_v);
    STEP(R, ns, vs_name_scope_enter(g, NULL), d_n);
    STEP(R, t, vs_scalar_i32(g, 7, .name = "seven"), d_t);
    STEP_VOID(R, vs_scope_exit(g));
    STEP(R, ns, vs_name_scope_enter(g, "block/"), d_n);
    STEP(R, t, vs_matmul(g, x, w), d_t);
    STEP_VOID(R, vs_scope_exit(g));
    STEP(R, t, vs_add(g, c, c, .name = "verbatim/"), d_t);
    STEP(R, t, vs_add(g, c, c, .name = "verbatim/"), d_t);   /* duplicate node */
    STEP(R, t, vs_add(g, c, c, .name = "bad name"), d_t);    /* invalid-name */
    STEP_VOID(R, vs_scope_exit(g));

    /* variable scopes by name and default name; get_variable; dense */
    STEP(R, s, vs_variable_scope_enter(g, "myscope"), d_s);
    outer = s;
    STEP(R, v, vs_get_variable(g, "x", .initializer = vs_init_value(c3)), d_v);
    STEP(R, v, vs_get_variable(g, "w", .shape = VS_SHAPE(3, 3), .dtype = VS_FLOAT64), d_v);
    STEP(R, t, vs_dense(g, x, 2), d_t);
    STEP(R, t, vs_dense(g, x, 4, .no_bias = true), d_t);
    STEP(R, s, vs_variable_scope_enter(g, NULL, .default_name = "layer"), d_s);
    layer = s;
    STEP(R, v, vs_get_variable(g, "k", .shape = VS_SHAPE(2, 2)), d_v);
    STEP(R, v, vs_variable(g, c), d_v);
    STEP_VOID(R, vs_scope_exit(g));
    STEP(R, s, vs_variable_scope_enter(g, NULL, .default_name = "layer", .no_name_scope = true), d_s);
    STEP(R, t, vs_scalar_f32(g, 2.0f, .name = "c"), d_t);
    STEP_VOID(R, vs_scope_exit(g));
    STEP(R, v, vs_get_variable(g, "x", .dtype = VS_INT32), d_v);   /* duplicate */
    STEP_VOID(R, vs_scope_exit(g));

    /* string re-entry with reuse and a dtype: sharing, missing */
    STEP(R, s, vs_variable_scope_enter(g, "myscope", .reuse = VS_REUSE, .dtype = VS_INT32), d_s);
    STEP(R, v, vs_get_variable(g, "x"), d_v);
    STEP(R, v, vs_get_variable(g, "y", .shape = VS_SHAPE(1)), d_v);   /* missing */
    STEP(R, ns, vs_name_scope_enter(g, "inner"), d_n);
    STEP(R, t, vs_dense(g, x, 2), d_t);   /* shares myscope/dense */
    STEP_VOID(R, vs_scope_exit(g));
    STEP_VOID(R, vs_scope_exit(g));

    /* object re-entry, reuse_variables, named dense under AUTO_REUSE */
    STEP(R, s, vs_variable_scope_reenter(g, outer), d_s);
    STEP(R, v, vs_get_variable(g, "new", .shape = VS_SHAPE(1)), d_v);
    if (s)
        vs_reuse_variables(s);
    STEP(R, v, vs_get_variable(g, "new"), d_v);
    STEP(R, s, vs_variable_scope_reenter(g, layer, .no_name_scope = true, .reuse = VS_AUTO_REUSE), d_s);
    STEP(R, t, vs_dense(g, x, 3, .name = "fc"), d_t);
    STEP(R, t, vs_dense(g, x, 3, .name = "fc"), d_t);
    STEP_VOID(R, vs_scope_exit(g));
    STEP_VOID(R, vs_scope_exit(g));

    /* AUTO_REUSE with a scope initializer, nested scope, matmul */
    STEP(R, s, vs_variable_scope_enter(g, "auto", .reuse = VS_AUTO_REUSE, .initializer = vs_init_zeros()), d_s);
    STEP(R, v, vs_get_variable(g, "a", .shape = VS_SHAPE(2)), d_v);
    STEP(R, v, vs_get_variable(g, "a", .shape = VS_SHAPE(2)), d_v);
    STEP(R, m, vs_get_variable(g, "m", .shape = VS_SHAPE(3, 5)), d_v);
    STEP(R, s, vs_variable_scope_enter(g, "deeper"), d_s);
    STEP(R, t, vs_matmul(g, x, vs_value(m)), d_t);
    STEP(R, v, vs_get_variable(g, "a", .shape = VS_SHAPE(3)), d_v);   /* new here */
    STEP_VOID(R, vs_scope_exit(g));
    STEP_VOID(R, vs_scope_exit(g));

    /* root: tf.Variable vs get_variable names, errors, dense */
    STEP(R, v, vs_variable(g, c, .name = "var"), d_v);
    STEP(R, v, vs_get_variable(g, "var", .shape = VS_SHAPE(1)), d_v);
    STEP(R, v, vs_get_variable(g, "var", .shape = VS_SHAPE(1)), d_v);  /* duplicate */
    STEP(R, v, vs_get_variable(g, "u"), d_v);                          /* undefined */
    STEP(R, s, vs_variable_scope_enter(g, NULL, .default_name = "d", .reuse = VS_REUSE), d_s);
    STEP(R, t, vs_dense(g, x, 2), d_t);
    STEP(R, t, vs_dense(g, x, 2), d_t);
    STEP_VOID(R, vs_scope_exit(g));                                    /* underflow */

    /* left open: reported as scope-leak by vs_graph_free */
    STEP(R, ns, vs_name_scope_enter(g, "left_open"), d_n);
    STEP(R, s, vs_variable_scope_enter(g, "also_open"), d_s);
}

/* mirrors the api ("leaves the graph exactly as it was", "no-memory"):
 * every injected allocation failure is clean */
static void test_every_allocation_failure_is_clean(void **state)
{
    (void)state;
    char *ref = check_every_allocation(scenario);
    /* the reference itself: the expected failures, and the leaks at free */
    assert_non_null(strstr(ref, "[duplicate-variable"));
    assert_non_null(strstr(ref, "[missing-variable"));
    assert_non_null(strstr(ref, "[undefined-shape"));
    assert_non_null(strstr(ref, "[invalid-name"));
    assert_non_null(strstr(ref, "[reuse-without-name"));
    assert_non_null(strstr(ref, "[scope-underflow"));
    assert_non_null(strstr(ref, "at free: [scope-leak"));
    free(ref);
}

/* mirrors the api: vs_graph_new returns NULL when out of memory */
static void test_graph_new_out_of_memory(void **state)
{
    (void)state;
    int nulls = 0;
    for (long n = 0;; n++) {
        long start = vs__alloc_count();
        vs__fail_after(n);
        vs_graph *g = vs_graph_new();
        long made = vs__alloc_count() - start;
        vs__fail_after(-1);
        if (made > n) {   /* a failure was injected */
            assert_null(g);
            nulls++;
            continue;
        }
        assert_non_null(g);
        vs_graph_free(g);
        break;
    }
    assert_true(nulls > 0);
}

/* mirrors the api: a no-memory failure is reported once, at the caller's
 * line, and the call can simply be made again */
static void test_no_memory_reported_at_caller(void **state)
{
    FX;
    vs__fail_after(0);
    EXPECT_FAIL(VS_ERR_NO_MEMORY, vs_get_variable(g, "v", .shape = VS_SHAPE(1)));
    vs__fail_after(-1);
    assert_int_equal(vs_last_error(g), VS_ERR_NO_MEMORY);
    assert_string_equal(vn(vs_get_variable(g, "v", .shape = VS_SHAPE(1))), "v:0");
    assert_int_equal(nvars(g), 1);
    EXPECT_NO_ERROR();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        FX_TEST(test_graph_new_out_of_memory),
        FX_TEST(test_no_memory_reported_at_caller),
        FX_TEST(test_every_allocation_failure_is_clean),
    };
    return cmocka_run_group_tests_name("oom", tests, NULL, NULL);
}
