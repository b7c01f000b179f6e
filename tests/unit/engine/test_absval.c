/* Abstract values (src/scopecheck/engine/absval.h): joins that the
 * real-world corpus found the hard way.
 *
 * A tensor value with no details (t == NULL: vs_value of a variable the
 * engine does not know, a template's output) met a tensor with details
 * at a join -- two elements of an array read at an index the engine does
 * not know (tests/realworld/cases/aae3_reuse_before_adam_fail.c crashed
 * in tensor_join).  Soundness says what the join is: a value that may be
 * either one, so no detail of the known one may be kept. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "engine/absval.h"

static sc_engine e;

static int setup(void **state)
{
    (void)state;
    memset(&e, 0, sizeof e);
    sc_engine_init(&e);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sc_engine_release(&e);
    return 0;
}

static const sc_tensor *known_tensor(void)
{
    sc_tensor *t = sc_alloc(&e.arena, sizeof *t);
    memset(t, 0, sizeof *t);
    t->name = sc_istr(&e, "x:0");
    t->dtype = VS_FLOAT32;
    t->shape.rank = 2;
    t->shape.dims[0] = 4;
    t->shape.dims[1] = 3;
    return t;
}

static void join_unknown_with_known(void **state)
{
    (void)state;
    const av *unknown = av_tensor(&e, NULL, false);
    const av *known = av_tensor(&e, known_tensor(), false);
    const av *j1 = av_join(&e, unknown, known);
    const av *j2 = av_join(&e, known, unknown);
    assert_int_equal(j1->kind, AV_TENSOR);
    assert_int_equal(j2->kind, AV_TENSOR);
    assert_null(j1->t);                  /* no detail survives */
    assert_null(j2->t);
}

static void join_known_with_itself(void **state)
{
    (void)state;
    const sc_tensor *t = known_tensor();
    const av *j = av_join(&e, av_tensor(&e, t, false), av_tensor(&e, t, true));
    assert_int_equal(j->kind, AV_TENSOR);
    assert_ptr_equal(j->t, t);
    assert_true(j->maybe_null);          /* either side may be NULL */
}

/* variables named v0, v1, ...: var_same compares names */
static const sc_var *var_n(int i)
{
    sc_var *v = sc_alloc(&e.arena, sizeof *v);
    v->name = sc_fmt(&e, "v%d:0", i);
    return v;
}

/* "v0 v1 ? v3": the list's variables oldest first, ? for a gap */
static void expect_list(const sc_vlist *l, const char *want)
{
    char got[256] = "";
    const sc_var *vs[64];
    int n = 0;
    for (; l; l = l->next)
        vs[n++] = l->var;
    for (int i = n - 1; i >= 0; i--) {
        char one[32];
        snprintf(one, sizeof one, "%s%s", i == n - 1 ? "" : " ",
                 vs[i] ? vs[i]->name : "?");
        strcat(got, one);
    }
    assert_string_equal(got, want);
}

/* A join of collections (TF's graph collections, as lists of the
 * variables made, oldest first) keeps the part both paths agree on from
 * the oldest, then a gap: whatever comes after may differ.  Two paths
 * that split share their older nodes; the join gives the same list
 * whether they share them or hold equal copies. */
static void vlist_join_common_part(void **state)
{
    (void)state;
    const sc_var *v[8];
    for (int i = 0; i < 8; i++)
        v[i] = var_n(i);
    const sc_vlist *base = NULL;
    for (int i = 0; i < 3; i++)
        base = vlist_push(&e, base, v[i]);
    /* a split after v2: one path makes v3 v4, the other v3 v5 */
    const sc_vlist *a = vlist_push(&e, vlist_push(&e, base, v[3]), v[4]);
    const sc_vlist *b = vlist_push(&e, vlist_push(&e, base, v[3]), v[5]);
    expect_list(vlist_join(&e, a, b), "v0:0 v1:0 v2:0 v3:0 ?");
    /* the same lists made apart, no node shared: the same join */
    const sc_vlist *c = NULL, *d = NULL;
    for (int i = 0; i < 5; i++)
        c = vlist_push(&e, c, v[i]);
    for (int i = 0; i < 4; i++)
        d = vlist_push(&e, d, v[i]);
    d = vlist_push(&e, d, v[5]);
    expect_list(vlist_join(&e, c, d), "v0:0 v1:0 v2:0 v3:0 ?");
    /* one longer than the other, sharing all of the shorter */
    expect_list(vlist_join(&e, a, base), "v0:0 v1:0 v2:0 ?");
    /* a gap in the shared part: the common part ends below it */
    const sc_vlist *g = vlist_push(&e, vlist_push(&e, base, NULL), v[6]);
    const sc_vlist *ga = vlist_push(&e, g, v[7]);
    const sc_vlist *gb = vlist_push(&e, g, v[4]);
    expect_list(vlist_join(&e, ga, gb), "v0:0 v1:0 v2:0 ?");
    assert_true(vlist_join(&e, ga, gb)->gaps);
    /* equal lists join to themselves */
    assert_ptr_equal(vlist_join(&e, a, a), a);
    expect_list(vlist_join(&e, NULL, a), "?");
}

/* Arithmetic on ranges is sound: for every value x a range holds (a
 * sample of it), C's own result of x op c lies in the range the engine
 * computes; and it is precise enough that a loop over (argc + 1) / 2 +
 * argc is known to run (C11 5.1.2.2.1: argc is not negative; the engine takes it as at
 * least 1, as hosted programs are started). */
static int64_t c_op(int op, int64_t x, int64_t y)
{
    switch (op) {
    case IR_ADD: return x + y;
    case IR_SUB: return x - y;
    case IR_MUL: return x * y;
    case IR_DIV: return x / y;
    case IR_SHR: return x >> y;
    case IR_SHL: return (int64_t)((uint64_t)x << y);
    case IR_BITAND: return x & y;
    }
    fail();
    return 0;
}

static void check_in(const av *r, int64_t want)
{
    if (r->kind == AV_INT) {
        assert_true(r->i == want);
        return;
    }
    assert_int_equal(r->kind, AV_TOP);
    if (r->has_lo)
        assert_true(want >= r->lo);
    if (r->has_hi)
        assert_true(want <= r->hi);
}

static void range_arithmetic_is_sound(void **state)
{
    (void)state;
    static const struct { bool hl; int64_t lo; bool hh; int64_t hi; } ranges[] = {
        {true, 1, false, 0}, {true, -5, true, 7}, {true, 3, true, 9},
        {false, 0, true, -2},
    };
    static const int ops[] = {IR_ADD, IR_SUB, IR_MUL, IR_DIV, IR_SHR, IR_SHL, IR_BITAND};  /* MUL, SHL: unknown */
    static const int64_t consts[] = {0, 1, 2, 3, -3, 7};
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
        const av *x = av_range(&e, ranges[i].hl, ranges[i].lo, ranges[i].hh,
                               ranges[i].hi);
        int64_t lo = ranges[i].hl ? ranges[i].lo : ranges[i].hi - 40;
        int64_t hi = ranges[i].hh ? ranges[i].hi : ranges[i].lo + 40;
        for (size_t o = 0; o < sizeof ops / sizeof ops[0]; o++)
            for (size_t k = 0; k < sizeof consts / sizeof consts[0]; k++) {
                int64_t c = consts[k];
                if ((ops[o] == IR_DIV && c == 0) ||
                    ((ops[o] == IR_SHR || ops[o] == IR_SHL) && c < 0))
                    continue;
                const av *r = av_binop(&e, ops[o], x, av_int(&e, c));
                /* c - x, c / x, c << x: not ranges the engine makes */
                bool both = ops[o] == IR_ADD || ops[o] == IR_MUL || ops[o] == IR_BITAND;
                const av *l = both ? av_binop(&e, ops[o], av_int(&e, c), x) : NULL;
                for (int64_t v = lo; v <= hi; v++) {
                    check_in(r, c_op(ops[o], v, c));
                    if (l)
                        check_in(l, c_op(ops[o], c, v));
                }
            }
        /* two ranges */
        for (size_t j = 0; j < sizeof ranges / sizeof ranges[0]; j++) {
            const av *y = av_range(&e, ranges[j].hl, ranges[j].lo,
                                   ranges[j].hh, ranges[j].hi);
            int64_t ylo = ranges[j].hl ? ranges[j].lo : ranges[j].hi - 40;
            int64_t yhi = ranges[j].hh ? ranges[j].hi : ranges[j].lo + 40;
            const av *sum = av_binop(&e, IR_ADD, x, y);
            const av *dif = av_binop(&e, IR_SUB, x, y);
            for (int64_t v = lo; v <= hi; v++)
                for (int64_t w = ylo; w <= yhi; w++) {
                    check_in(sum, v + w);
                    check_in(dif, v - w);
                }
        }
    }
    /* precise: (argc + 1) / 2 + argc >= 2 (argc >= 1) */
    const av *argc = av_range(&e, true, 1, false, 0);
    const av *half = av_binop(&e, IR_DIV, av_binop(&e, IR_ADD, argc, av_int(&e, 1)),
                              av_int(&e, 2));
    const av *sum = av_binop(&e, IR_ADD, half, argc);
    assert_true(sum->has_lo && sum->lo == 2 && !sum->has_hi);
    assert_false(av_is_lost(sum));
    /* sound: arithmetic that drops every bound of argc (argc * 2,
     * argc - argc) is lost, not any value an input could give (a test of
     * argc * 2 <= 0 would take an arm no run takes); arithmetic on a
     * value with no bound (an input) stays an input's choice, and a
     * comparison is 0 or 1 */
    assert_true(av_is_lost(av_binop(&e, IR_MUL, argc, av_int(&e, 2))));
    assert_true(av_is_lost(av_binop(&e, IR_SUB, argc, argc)));
    assert_false(av_is_lost(av_binop(&e, IR_MUL, av_top(), av_int(&e, 2))));
    /* an option bit of argc is 0 or 2, each some run's */
    const av *bit = av_binop(&e, IR_BITAND, argc, av_int(&e, 2));
    assert_true(!av_is_lost(bit) && bit->has_lo && bit->lo == 0 && bit->has_hi && bit->hi == 2);
    const av *le = av_binop(&e, IR_LE, av_binop(&e, IR_MUL, argc, av_int(&e, 2)),
                            av_int(&e, 0));
    assert_true(le->kind == AV_TOP && le->has_lo && le->lo == 0 && le->has_hi && le->hi == 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(join_unknown_with_known, setup, teardown),
        cmocka_unit_test_setup_teardown(join_known_with_itself, setup, teardown),
        cmocka_unit_test_setup_teardown(vlist_join_common_part, setup, teardown),
        cmocka_unit_test_setup_teardown(range_arithmetic_is_sound, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
