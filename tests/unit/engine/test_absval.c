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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(join_unknown_with_known, setup, teardown),
        cmocka_unit_test_setup_teardown(join_known_with_itself, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
