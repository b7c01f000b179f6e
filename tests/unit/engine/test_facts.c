/* Path facts (src/scopecheck/engine/facts.h), checked on IR built by hand.
 *
 * Each case is one the fixtures and the random oracle found the hard way
 * (the fixture or commit is named); the expectation is C's own semantics:
 * which values a test's outcomes allow, so whether a later test on the
 * same path is decided, or whether the path is one no run can take. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "engine/facts.h"

/* ---- IR by hand ---- */

static sc_arena ir;

static ir_expr *node(ir_ekind kind, int op, ir_tkind type)
{
    ir_expr *x = sc_alloc(&ir, sizeof *x);
    x->kind = kind;
    x->op = op;
    x->type.kind = type;
    return x;
}

static ir_expr *num(int64_t v)
{
    ir_expr *x = node(IR_INT, 0, IR_T_INT);
    x->ival = v;
    return x;
}

static ir_expr *var(uint32_t slot)     /* an int local or parameter */
{
    ir_expr *x = node(IR_SYM, 0, IR_T_INT);
    x->symscope = IR_LOCAL;
    x->sym = slot;
    return x;
}

static ir_expr *bin(int op, ir_expr *a, ir_expr *b)
{
    ir_expr *x = node(IR_BINOP, op, IR_T_INT);
    x->kids = sc_alloc(&ir, 2 * sizeof *x->kids);
    x->kids[0] = a;
    x->kids[1] = b;
    x->nkids = 2;
    return x;
}

/* ---- a program: main(argc) with locals m, x, y; helper(g, mode) ---- */

enum { ARGC, M, X, Y, NMAIN };         /* main's slots */
enum { G, MODE, NHELPER };             /* helper's slots */

typedef struct world {
    sc_engine e;
    sc_program prog;
    sc_facts facts;
    ir_sym main_locals[NMAIN], helper_locals[NHELPER];
    ir_func main_fn, helper_fn;
    sc_frame main, helper;
    sc_state *st;
} world;

static world w;

static void frame_of(sc_frame *fr, const ir_func *fn, uint32_t frame)
{
    memset(fr, 0, sizeof *fr);
    fr->e = &w.e;
    fr->prog = &w.prog;
    fr->facts = &w.facts;
    fr->fn = fn;
    fr->frame = frame;
}

/* main's frame (1) on a fresh state, argc >= 1 as at program start */
static int setup(void **state)
{
    (void)state;
    memset(&w, 0, sizeof w);
    sc_engine_init(&w.e);
    w.prog.e = &w.e;
    facts_init(&w.facts, &w.e);
    w.main_fn = (ir_func){.name = "main", .locals = w.main_locals,
                          .nlocals = NMAIN, .nparams = 1};
    w.helper_fn = (ir_func){.name = "helper", .locals = w.helper_locals,
                            .nlocals = NHELPER, .nparams = 2};
    frame_of(&w.main, &w.main_fn, 1);
    w.st = state_new(&w.e);
    state_push_frame(&w.e, w.st);
    state_set(&w.e, w.st, 1, ARGC, av_range(&w.e, true, 1, false, 0));
    for (uint32_t s = M; s < NMAIN; s++)
        state_set(&w.e, w.st, 1, s, av_top());   /* each a value of its own */
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sc_engine_release(&w.e);
    sc_arena_free(&ir);
    return 0;
}

static bool assume(const sc_frame *fr, ir_expr *test, int truth)
{
    return facts_assume(fr, test, w.st, truth);
}

static int truth(const sc_frame *fr, ir_expr *test)
{
    return facts_truth(fr, test, w.st);
}

static int64_t value_of(const sc_frame *fr, ir_expr *x)
{
    const av *v = facts_value(fr, x, w.st);
    assert_non_null(v);
    assert_int_equal(v->kind, AV_INT);
    return v->i;
}

/* ---- cases ---- */

/* A test is known by its shape up to what spelling does not change
 * (fixtures duplicate-variable/pass_test_respelt.c and
 * fail_test_respelt.c): x % 3 + 0 == 1, 1 == x % 3 and x % 3 * 1 == 1 are
 * one test, and what it said is what x % 3 is. */
static void test_respelt_tests_are_one(void **state)
{
    (void)state;
    ir_expr *xm3 = bin(IR_MOD, var(X), num(3));
    assert_true(assume(&w.main, bin(IR_EQ, bin(IR_ADD, xm3, num(0)), num(1)), 1));
    assert_int_equal(truth(&w.main, bin(IR_EQ, num(1), bin(IR_MOD, var(X), num(3)))), 1);
    assert_int_equal(truth(&w.main,
                           bin(IR_EQ, bin(IR_MUL, bin(IR_MOD, var(X), num(3)), num(1)),
                               num(1))), 1);
    assert_int_equal(value_of(&w.main, bin(IR_MOD, var(X), num(3))), 1);
    /* x % 3 cannot be 2 as well: that path is one no run takes */
    assert_false(assume(&w.main, bin(IR_EQ, bin(IR_MOD, var(X), num(3)), num(2)), 1));
}

/* a > b is b < a; x != c decides x == c */
static void test_respelt_comparisons(void **state)
{
    (void)state;
    assert_true(assume(&w.main, bin(IR_LT, num(4), var(Y)), 1));
    assert_int_equal(truth(&w.main, bin(IR_GT, var(Y), num(4))), 1);
    assert_true(assume(&w.main, bin(IR_NE, bin(IR_MOD, var(X), num(3)), num(1)), 1));
    assert_int_equal(truth(&w.main, bin(IR_EQ, num(1), bin(IR_MOD, var(X), num(3)))), 0);
}

/* A narrowed unknown stays the value it narrows (commits 2ec6d49,
 * 8f2bc7f): y = x shares x's value object, so what x == 1 says y says
 * too; and x told it is 1 a second time keeps its identity, so a fact
 * about x + y learned before is still about the same values. */
static void test_narrowed_unknown_keeps_identity(void **state)
{
    (void)state;
    state_set(&w.e, w.st, 1, Y, state_get(w.st, 1, X));   /* y = x */
    assert_true(assume(&w.main, bin(IR_EQ, bin(IR_ADD, var(X), var(Y)), num(2)), 1));
    assert_true(assume(&w.main, bin(IR_EQ, var(X), num(1)), 1));
    const av *y = state_get(w.st, 1, Y);
    assert_int_equal(y->kind, AV_INT);
    assert_int_equal(y->i, 1);
    assert_true(assume(&w.main, bin(IR_EQ, var(X), num(1)), 1));
    assert_int_equal(truth(&w.main, bin(IR_EQ, bin(IR_ADD, var(X), var(Y)), num(2))), 1);
    /* and x cannot now be 2 */
    assert_false(assume(&w.main, bin(IR_EQ, var(X), num(2)), 1));
}

/* Facts are checked against each other (README: argc % 2 == 0, then
 * argc <= 1, is a path no run takes: argc >= 1 at program start). */
static void test_contradicting_facts(void **state)
{
    (void)state;
    ir_expr *even = bin(IR_EQ, bin(IR_MOD, var(ARGC), num(2)), num(0));
    assert_true(assume(&w.main, even, 1));
    sc_state *other = state_clone(&w.e, w.st);
    assert_false(assume(&w.main, bin(IR_LE, var(ARGC), num(1)), 1));
    /* argc <= 2 is fine: argc is 2 */
    w.st = other;
    assert_true(assume(&w.main, bin(IR_LE, var(ARGC), num(2)), 1));
}

/* Each fact alone may hold while no value makes them all hold (commit
 * 1eb5a2e): argc in 1..2, argc % 3 == 1 (argc is 1) and argc % 2 == 0
 * (argc is 2). */
static void test_few_valued_variable_is_enumerated(void **state)
{
    (void)state;
    assert_true(assume(&w.main, bin(IR_LE, var(ARGC), num(2)), 1));
    assert_true(assume(&w.main, bin(IR_EQ, bin(IR_MOD, var(ARGC), num(3)), num(1)), 1));
    sc_state *before = state_clone(&w.e, w.st);
    assert_false(assume(&w.main, bin(IR_EQ, bin(IR_MOD, var(ARGC), num(2)), num(0)), 1));
    w.st = before;
    assert_true(assume(&w.main, bin(IR_EQ, bin(IR_MOD, var(ARGC), num(2)), num(1)), 1));
}

/* A local set from a pure expression stands for it (commit 8f2bc7f,
 * int m = argc % 3): m == 1 is the test argc % 3 == 1. */
static void test_local_stands_for_its_expression(void **state)
{
    (void)state;
    ir_expr *src = bin(IR_MOD, var(ARGC), num(3));
    const av *v = facts_eval(&w.main, src, w.st);
    assert_non_null(v);
    state_set(&w.e, w.st, 1, M, facts_bind_value(&w.main, src, w.st, v));
    assert_true(assume(&w.main, bin(IR_EQ, var(M), num(1)), 1));
    assert_int_equal(truth(&w.main, bin(IR_EQ, bin(IR_MOD, var(ARGC), num(3)), num(1))), 1);
}

/* helper(g, argc % 3) runs on frame 2 of w.st */
static ir_expr *enter_helper(void)
{
    ir_expr *call = node(IR_CALL, 0, IR_T_VOID);
    call->str = "helper";
    call->nkids = 3;
    call->kids = sc_alloc(&ir, 3 * sizeof *call->kids);
    call->kids[0] = node(IR_FUNCREF, 0, IR_T_FUNC);
    call->kids[1] = node(IR_NULL, 0, IR_T_PTR);
    call->kids[2] = bin(IR_MOD, var(ARGC), num(3));
    const av *args[2] = {av_null(), facts_eval(&w.main, call->kids[2], w.st)};
    state_push_frame(&w.e, w.st);
    frame_of(&w.helper, &w.helper_fn, 2);
    w.helper.caller = &w.main;
    w.helper.call = call;
    for (uint32_t i = 0; i < 2; i++)
        state_set(&w.e, w.st, 2, i, args[i]);
    facts_enter(&w.helper, w.st, args, 2);
    return call;
}

/* A helper's test of a parameter that still holds what the call passed
 * is its caller's test of the argument (commit ea1e618): mode == 1 in
 * helper(g, argc % 3) is argc % 3 == 1 in main. */
static void test_helper_test_learnt_in_callers_terms(void **state)
{
    (void)state;
    enter_helper();
    assert_true(assume(&w.helper, bin(IR_EQ, var(MODE), num(1)), 1));
    assert_int_equal(truth(&w.main, bin(IR_EQ, bin(IR_MOD, var(ARGC), num(3)), num(1))), 1);
}

/* ... so a helper's test that contradicts what the caller knew is a path
 * no run takes: main knows argc % 3 != 1, the helper cannot find
 * mode == 1. */
static void test_helper_test_against_callers_facts(void **state)
{
    (void)state;
    assert_true(assume(&w.main, bin(IR_EQ, bin(IR_MOD, var(ARGC), num(3)), num(1)), 0));
    enter_helper();
    sc_state *before = state_clone(&w.e, w.st);
    assert_false(assume(&w.helper, bin(IR_EQ, var(MODE), num(1)), 1));
    w.st = before;
    assert_true(assume(&w.helper, bin(IR_EQ, var(MODE), num(2)), 1));
    assert_int_equal(truth(&w.main, bin(IR_EQ, bin(IR_MOD, var(ARGC), num(3)), num(2))), 1);
}

/* A fact is about the values its variables held: once x is stored again,
 * what x % 3 == 1 said is dead, and is not checked against the new value
 * (commit 8f2bc7f: it was, and paths some run takes were dropped). */
static void test_fact_dies_with_the_value(void **state)
{
    (void)state;
    assert_true(assume(&w.main, bin(IR_EQ, bin(IR_MOD, var(X), num(3)), num(1)), 1));
    state_set(&w.e, w.st, 1, X, av_top());
    assert_int_equal(truth(&w.main, bin(IR_EQ, bin(IR_MOD, var(X), num(3)), num(1))), -1);
    assert_true(assume(&w.main, bin(IR_EQ, bin(IR_MOD, var(X), num(3)), num(2)), 1));
    state_set(&w.e, w.st, 1, X, av_int(&w.e, 5));      /* x = 5: x % 3 is 2 */
    assert_true(assume(&w.main, bin(IR_EQ, var(Y), num(0)), 1));
}

/* A join keeps a fact both paths know, and drops one only a path knows. */
static void test_join(void **state)
{
    (void)state;
    ir_expr *t1 = bin(IR_EQ, bin(IR_MOD, var(X), num(3)), num(1));
    assert_true(assume(&w.main, t1, 1));
    sc_state *a = state_clone(&w.e, w.st), *b = state_clone(&w.e, w.st);
    w.st = b;
    assert_true(assume(&w.main, bin(IR_EQ, bin(IR_MOD, var(Y), num(2)), num(0)), 1));
    state_join_into(&w.e, a, b);
    w.st = a;
    assert_int_equal(truth(&w.main, t1), 1);
    assert_int_equal(truth(&w.main, bin(IR_EQ, bin(IR_MOD, var(Y), num(2)), num(0))), -1);
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_respelt_tests_are_one),
        T(test_respelt_comparisons),
        T(test_narrowed_unknown_keeps_identity),
        T(test_contradicting_facts),
        T(test_few_valued_variable_is_enumerated),
        T(test_local_stands_for_its_expression),
        T(test_helper_test_learnt_in_callers_terms),
        T(test_helper_test_against_callers_facts),
        T(test_fact_dies_with_the_value),
        T(test_join),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
