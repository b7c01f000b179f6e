/* Allocation-failure injection (src/varscope/alloc.h: vs__fail_after).
 *
 * A scenario touching every kind of call (name scopes, variable scopes by
 * name / default name / object, with and without auxiliary name scope,
 * get_variable creating, sharing and failing, tf.Variable, every op, dense
 * default / named / shared, exits, a scope left open at free) is run once
 * without failures (the reference), then once for every n = 0, 1, 2, ...
 * with the (n+1)-th allocation failing, until a run makes no more than n
 * allocations (no failure was injected).
 *
 * In each run, the call during which the failure is injected is checked:
 * if it reports no-memory, it must report exactly that one error and leave
 * the graph exactly as before the call (a fingerprint of the whole internal
 * state: the name table, node table, variable store, scope counters, scope
 * stack, current scopes, object counts); the call is then made again (the
 * injection is one-shot) and the scenario goes on.  Every run must end in
 * the same state and have seen the same results as the reference, and free
 * everything (LeakSanitizer runs at exit). */
#include "helpers.h"
#include "alloc.h"
#include "internal.h"

/* mirrors the api contract: "A call that fails ... leaves the graph exactly
 * as it was" (also for no-memory, which every call can report) */

static const int32_t one_two_three[] = {1, 2, 3};
static const float six[] = {1, 2, 3, 4, 5, 6};

/* ---- internal fingerprint (pointer-free, order-independent) ------------ */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void dump_map(strbuf *b, const char *title, const vs_smap *m, int store)
{
    size_t n = 0, k = 0;
    VS_SMAP_FOREACH(m, i, node) { n++; }
    char **lines = calloc(n + 1, sizeof *lines);
    if (!lines)
        abort();
    VS_SMAP_FOREACH(m, i, node) {
        strbuf l = {0};
        if (store)
            sb_printf(&l, "%s -> %s", node->key, vn((const vs_var *)node->value));
        else
            sb_printf(&l, "%s=%ld", node->key, (long)node->value);
        lines[k++] = l.s;
    }
    qsort(lines, n, sizeof *lines, cmp_str);
    sb_printf(b, "%s (%zu, count field %zu):\n", title, n, m->count);
    for (size_t i = 0; i < n; i++) {
        sb_printf(b, "  %s\n", lines[i]);
        free(lines[i]);
    }
    free(lines);
}

static void dump_scope(strbuf *b, const char *title, const vs_scope *s)
{
    if (!s) {
        sb_printf(b, "%s: -\n", title);
        return;
    }
    sb_printf(b, "%s: name=%s ons=%s reuse=%d dtype=%d init=%d %s:%d\n", title,
              sn(s->name), sn(s->original_name_scope), (int)s->reuse,
              (int)s->dtype, (int)s->initializer.kind, sn(s->file), s->line);
}

static char *fp_internal(vs_graph *g)
{
    strbuf b = {0};
    fingerprint_into(&b, g);
    sb_printf(&b, "g->name_scope=%s\n", sn(g->name_scope));
    dump_scope(&b, "current", g->current);
    dump_scope(&b, "root", g->root);
    sb_printf(&b, "current is root: %d\n", g->current == g->root);
    sb_printf(&b, "depth=%zu\n", g->depth);
    for (size_t i = 0; i < g->depth; i++) {
        const vs_entry *e = &g->stack[i];
        sb_printf(&b, " entry %zu: kind=%d saved_ns=%s %s:%d\n", i, (int)e->kind,
                  sn(e->saved_name_scope), sn(e->file), e->line);
        dump_scope(&b, "  saved", e->saved_scope);
        dump_scope(&b, "  pushed", e->scope);
        if (e->kind == VS_ENTRY_VAR_REENTER)
            dump_map(&b, "  snapshot", &e->snapshot, 0);
    }
    for (int l = 0; l < VS_LIST_COUNT; l++)
        sb_printf(&b, "list %d: %zu objects\n", l, g->lists[l].len);
    dump_map(&b, "names", &g->names, 0);
    dump_map(&b, "nodes", &g->nodes, 0);
    dump_map(&b, "store", &g->store, 1);
    dump_map(&b, "scope_counts", &g->scope_counts, 0);
    return b.s;
}

/* Prints the first differing line of two multi-line strings. */
static int same_text(const char *what, long n, const char *want, const char *got)
{
    if (strcmp(want, got) == 0)
        return 1;
    const char *a = want, *c = got;
    while (*a && *a == *c) {
        a++;
        c++;
    }
    while (a > want && a[-1] != '\n') {
        a--;
        c--;
    }
    print_error("%s differs (fail_after=%ld) at:\n  want: %.300s\n  got:  %.300s\n",
                what, n, a, c);
    return 0;
}

/* ---- the scenario ------------------------------------------------------ */

#define MAX_STEPS 256

typedef struct run {
    vs_graph *g;
    rec r;
    strbuf transcript;
    long n;                   /* the allocation that fails, -1: none */
    long start;               /* vs__alloc_count() when armed */
    int step;
    long *ref_end;            /* reference: allocations after each step */
    long end_of_step[MAX_STEPS];
    int oom_checked;          /* no-memory failures seen and checked */
} run;

static long used(const run *R) { return vs__alloc_count() - R->start; }

/* Whether the injected failure can happen during the next step: it has
 * not happened yet, and the reference run made allocation n during it. */
static int may_fail_now(const run *R)
{
    if (R->n < 0 || used(R) > R->n || !R->ref_end)
        return 0;
    return R->ref_end[R->step] > R->n;
}

static void step_begin(run *R, char **fp0)
{
    assert_true(R->step < MAX_STEPS);
    *fp0 = may_fail_now(R) ? fp_internal(R->g) : NULL;
    rec_clear(&R->r);
}

/* After the first attempt: returns 1 if it failed for lack of memory
 * (checked: one error, graph unchanged) and must be made again. */
static int step_oom(run *R, char *fp0, const char *expr)
{
    if (R->r.count == 0 || R->r.e[0].code != VS_ERR_NO_MEMORY)
        return 0;
    if (!fp0)
        fail_msg("step %d (%s): unexpected no-memory (fail_after=%ld)", R->step,
                 expr, R->n);
    if (R->r.count != 1)
        fail_msg("step %d (%s): %zu errors for one failing call", R->step, expr,
                 R->r.count);
    char *fp1 = fp_internal(R->g);
    int same = same_text(expr, R->n, fp0, fp1);
    free(fp1);
    if (!same)
        fail_msg("step %d (%s): the graph changed in a call that failed with "
                 "no-memory (fail_after=%ld)",
                 R->step, expr, R->n);
    R->oom_checked++;
    rec_clear(&R->r);
    return 1;
}

static void step_end(run *R, char *fp0, const char *expr, const char *result)
{
    sb_printf(&R->transcript, "%3d %s => %s", R->step, expr, result);
    for (size_t i = 0; i < R->r.count && i < REC_MAX; i++)
        sb_printf(&R->transcript, " [%s @%d]", vs_code_name(R->r.e[i].code),
                  R->r.e[i].line);
    sb_printf(&R->transcript, "\n");
    rec_clear(&R->r);
    free(fp0);
    R->end_of_step[R->step] = used(R);
    R->step++;
}

#define STEP(R, lhs, expr, DESC)                                             \
    do {                                                                     \
        char *fp0_;                                                          \
        step_begin((R), &fp0_);                                              \
        lhs = (expr);                                                        \
        if (step_oom((R), fp0_, #expr))                                      \
            lhs = (expr);                                                    \
        step_end((R), fp0_, #expr, DESC(lhs));                               \
    } while (0)

#define STEP_VOID(R, expr)                                                   \
    do {                                                                     \
        char *fp0_;                                                          \
        step_begin((R), &fp0_);                                              \
        expr;                                                                \
        if (step_oom((R), fp0_, #expr))                                      \
            expr;                                                            \
        step_end((R), fp0_, #expr, sn(vs_current_name_scope((R)->g)));       \
    } while (0)

static const char *d_t(const vs_tensor *t) { return t ? tn(t) : "NULL"; }
static const char *d_v(const vs_var *v) { return v ? repr(v) : "NULL"; }
static const char *d_n(const char *s) { return s ? s : "NULL"; }
static const char *d_s(const vs_scope *s)
{
    static char buf[512];
    if (!s)
        return "NULL";
    snprintf(buf, sizeof buf, "scope %s ons=%s reuse=%d", sn(vs_scope_name(s)),
             sn(vs_scope_original_name_scope(s)), (int)vs_scope_reuse(s));
    return buf;
}

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

/* Runs the scenario with the (n+1)-th allocation failing (n < 0: none).
 * Returns the transcript (results, errors, final state); *allocs gets the
 * number of allocations made. */
static char *run_scenario(long n, long *ref_end, long *allocs, int *oom_checked,
                          long *ends_out)
{
    run *R = calloc(1, sizeof *R);
    assert_non_null(R);
    R->g = vs_graph_new();
    assert_non_null(R->g);
    vs_set_error_handler(R->g, rec_handler, &R->r);
    R->n = n;
    R->ref_end = ref_end;
    R->start = vs__alloc_count();
    vs__fail_after(n);
    scenario(R);
    *allocs = used(R);
    vs__fail_after(-1);
    char *state = fp_internal(R->g);
    sb_printf(&R->transcript, "final state:\n%s", state);
    free(state);
    vs_graph_free(R->g);
    sb_printf(&R->transcript, "at free:");
    for (size_t i = 0; i < R->r.count && i < REC_MAX; i++)
        sb_printf(&R->transcript, " [%s @%d]", vs_code_name(R->r.e[i].code),
                  R->r.e[i].line);
    sb_printf(&R->transcript, "\n");
    *oom_checked = R->oom_checked;
    if (ends_out)
        memcpy(ends_out, R->end_of_step, sizeof R->end_of_step);
    char *out = R->transcript.s;
    free(R);
    return out;
}

/* mirrors the api ("leaves the graph exactly as it was", "no-memory"):
 * every injected allocation failure is clean */
static void test_every_allocation_failure_is_clean(void **state)
{
    (void)state;
    long ref_end[MAX_STEPS], allocs;
    int oom;
    char *ref = run_scenario(-1, NULL, &allocs, &oom, ref_end);
    assert_int_equal(oom, 0);
    assert_true(allocs > 0);
    /* the reference itself: the expected failures, and the leaks at free */
    assert_non_null(strstr(ref, "[duplicate-variable"));
    assert_non_null(strstr(ref, "[missing-variable"));
    assert_non_null(strstr(ref, "[undefined-shape"));
    assert_non_null(strstr(ref, "[invalid-name"));
    assert_non_null(strstr(ref, "[reuse-without-name"));
    assert_non_null(strstr(ref, "[scope-underflow"));
    assert_non_null(strstr(ref, "at free: [scope-leak"));

    int total_oom = 0, bad = 0;
    long n;
    for (n = 0;; n++) {
        long got_allocs;
        char *got = run_scenario(n, ref_end, &got_allocs, &oom, NULL);
        total_oom += oom;
        if (!same_text("transcript", n, ref, got))
            bad++;
        free(got);
        if (got_allocs <= n || bad >= 5)
            break;   /* no failure was injected: every allocation was hit */
        assert_true(n < 1000000);
    }
    print_message("# %ld runs, %d no-memory failures checked, %ld allocations\n",
                  n + 1, total_oom, allocs);
    assert_int_equal(bad, 0);
    assert_true(total_oom > 0);
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
