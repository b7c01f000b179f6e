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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(join_unknown_with_known, setup, teardown),
        cmocka_unit_test_setup_teardown(join_known_with_itself, setup, teardown),
        cmocka_unit_test_setup_teardown(vlist_join_common_part, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
