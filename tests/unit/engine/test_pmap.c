/* The persistent map under the engine's state (src/scopecheck/engine/
 * pmap.h): what it promises its users, checked through its interface.
 * The expectations are the contract pmap.h states: an update leaves the
 * old map as it was, unless it is a transient update of nodes of the same
 * edit id; a join calls the join function with NULL for a missing side and
 * shares what it does not change. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "engine/pmap.h"

static sc_arena arena;

static const void *key(uintptr_t k) { return (const void *)k; }
static const void *val(uintptr_t v) { return (const void *)v; }
static uint64_t h(uintptr_t k) { return pm_hash_int(k); }

static pmap set(pmap m, uintptr_t k, uintptr_t v)
{
    return pm_set(&arena, m, key(k), h(k), val(v));
}

static uintptr_t get(pmap m, uintptr_t k)
{
    return (uintptr_t)pm_get(m, key(k), h(k));
}

static int teardown(void **state)
{
    (void)state;
    sc_arena_free(&arena);
    return 0;
}

/* 1000 keys in, each found; absent keys are not */
static void test_set_get_many(void **state)
{
    (void)state;
    pmap m = {NULL};
    for (uintptr_t k = 1; k <= 1000; k++)
        m = set(m, k, k * 7);
    for (uintptr_t k = 1; k <= 1000; k++)
        assert_int_equal(get(m, k), k * 7);
    assert_int_equal(get(m, 1001), 0);
    assert_int_equal(pm_count(m), 1000);
}

/* keys with one full hash share a collision chain; each keeps its value */
static void test_equal_hashes_chain(void **state)
{
    (void)state;
    pmap m = {NULL};
    for (uintptr_t k = 1; k <= 5; k++)
        m = pm_set(&arena, m, key(k), 42, val(k + 100));
    m = pm_set(&arena, m, key(3), 42, val(300));
    for (uintptr_t k = 1; k <= 5; k++)
        assert_int_equal((uintptr_t)pm_get(m, key(k), 42), k == 3 ? 300 : k + 100);
    assert_int_equal(pm_count(m), 5);
}

/* an update makes a new map: the old one is unchanged (a fork of the
 * state is a copy of the root) */
static void test_update_is_persistent(void **state)
{
    (void)state;
    pmap a = {NULL};
    for (uintptr_t k = 1; k <= 100; k++)
        a = set(a, k, 1);
    pmap b = set(a, 50, 2);
    pmap c = set(a, 101, 3);
    assert_int_equal(get(a, 50), 1);
    assert_int_equal(get(b, 50), 2);
    assert_int_equal(get(a, 101), 0);
    assert_int_equal(get(c, 101), 3);
    /* setting the value a key already has returns the same map */
    assert_ptr_equal(set(a, 7, 1).root, a.root);
}

/* The transient-update promise: nodes made by an update with edit id E
 * are updated in place by later updates with the same E (so whoever still
 * holds a map with those nodes sees the change: the caller promises that
 * nobody does); nodes of another id, or of id 0, never are. */
static void test_transient_updates_in_place(void **state)
{
    (void)state;
    pmap base = {NULL};
    for (uintptr_t k = 1; k <= 40; k++)
        base = set(base, k, 1);
    pmap m1 = pm_set_edit(&arena, base, key(5), h(5), val(2), 7);
    pmap m2 = pm_set_edit(&arena, m1, key(5), h(5), val(3), 7);
    /* same id: the path m1 copied is updated in place */
    assert_ptr_equal(m2.root, m1.root);
    assert_int_equal(get(m1, 5), 3);
    /* the map it was copied from is not touched */
    assert_int_equal(get(base, 5), 1);
    /* another id copies again: m2 stays as it is */
    pmap m3 = pm_set_edit(&arena, m2, key(5), h(5), val(4), 8);
    assert_ptr_not_equal(m3.root, m2.root);
    assert_int_equal(get(m2, 5), 3);
    assert_int_equal(get(m3, 5), 4);
    /* id 0 is pm_set: never in place */
    pmap m4 = pm_set_edit(&arena, base, key(6), h(6), val(5), 0);
    pmap m5 = pm_set_edit(&arena, m4, key(6), h(6), val(6), 0);
    assert_int_equal(get(m4, 6), 5);
    assert_int_equal(get(m5, 6), 6);
}

/* the join function sees each key once, NULL for the side without it */
static const void *sum_or_mark(const void *k, const void *a, const void *b,
                               void *ctx)
{
    (void)k;
    (*(int *)ctx)++;
    if (!a || !b)
        return val(999);
    return val((uintptr_t)a + (uintptr_t)b);
}

static void test_join_sees_missing_sides(void **state)
{
    (void)state;
    pmap x = {NULL}, y = {NULL};
    x = set(x, 1, 10);
    x = set(x, 2, 20);
    y = set(y, 2, 2);
    y = set(y, 3, 3);
    int calls = 0;
    pmap j = pm_join(&arena, x, y, sum_or_mark, &calls);
    assert_int_equal(get(j, 1), 999);
    assert_int_equal(get(j, 2), 22);
    assert_int_equal(get(j, 3), 999);
    assert_int_equal(pm_count(j), 3);
    assert_int_equal(calls, 3);
    /* the inputs are unchanged */
    assert_int_equal(get(x, 2), 20);
    assert_int_equal(get(y, 2), 2);
}

static const void *keep_left(const void *k, const void *a, const void *b,
                             void *ctx)
{
    (void)k;
    (*(int *)ctx)++;
    return a ? a : b;
}

/* Join sharing: a map joined with itself is itself, without a call; a
 * join that keeps every value of x is x itself, and the subtrees both
 * sides share are never visited (the cost of a join is what differs). */
static void test_join_shares_what_it_keeps(void **state)
{
    (void)state;
    pmap y = {NULL};
    for (uintptr_t k = 1; k <= 500; k++)
        y = set(y, k, k);
    pmap x = set(y, 1000, 1);     /* y plus one key */
    int calls = 0;
    assert_ptr_equal(pm_join(&arena, x, x, keep_left, &calls).root, x.root);
    assert_int_equal(calls, 0);
    pmap j = pm_join(&arena, x, y, keep_left, &calls);
    assert_ptr_equal(j.root, x.root);
    /* only the added key's path differs between x and y: far fewer calls
     * than keys */
    assert_true(calls >= 1);
    assert_true(calls < 50);
}

static void count_each(const void *k, const void *v, void *ctx)
{
    (void)k;
    *(uintptr_t *)ctx += (uintptr_t)v;
}

static void test_each_visits_every_entry(void **state)
{
    (void)state;
    pmap m = {NULL};
    uintptr_t want = 0;
    for (uintptr_t k = 1; k <= 64; k++) {
        m = set(m, k, k);
        want += k;
    }
    uintptr_t sum = 0;
    pm_each(m, count_each, &sum);
    assert_int_equal(sum, want);
}

/* pmap.h: updates logged in an undo log change the map in place where
 * the nodes are the edit id's; rolling back puts every overwritten byte
 * back, so the map before the updates has its old content again: old
 * values, the keys the updates added absent (in-place insertions into
 * branches with room, chains of equal hashes, leaves pushed down). */
static void test_logged_updates_roll_back(void **state)
{
    (void)state;
    pmap m0 = {NULL};
    for (uintptr_t k = 1; k <= 300; k++)
        m0 = pm_set_edit(&arena, m0, key(k), h(k), val(k), 9);
    for (uintptr_t k = 1001; k <= 1004; k++)        /* one chain */
        m0 = pm_set_edit(&arena, m0, key(k), 77, val(k), 9);
    pm_undo log = {0};
    pmap m1 = m0;
    for (uintptr_t k = 1; k <= 600; k += 3)          /* changed and new */
        m1 = pm_set_logged(&arena, m1, key(k), h(k), val(k + 5000), 9, &log);
    m1 = pm_set_logged(&arena, m1, key(1002), 77, val(1), 9, &log);
    m1 = pm_set_logged(&arena, m1, key(1005), 77, val(2), 9, &log);
    assert_int_equal(get(m1, 301), 301 + 5000);
    assert_int_equal(get(m1, 4), 4 + 5000);
    assert_int_equal((uintptr_t)pm_get(m1, key(1005), 77), 2);
    assert_true(log.len > 0);                        /* some were in place */
    pm_undo_rollback(&log);
    for (uintptr_t k = 1; k <= 600; k++)
        assert_int_equal(get(m0, k), k <= 300 ? k : 0);
    for (uintptr_t k = 1001; k <= 1004; k++)
        assert_int_equal((uintptr_t)pm_get(m0, key(k), 77), k);
    assert_null(pm_get(m0, key(1005), 77));
    assert_int_equal(pm_count(m0), 304);
    pm_undo_free(&log);
}

/* Updates under one edit id insert into the id's own branches in place
 * (they have room), and leave a map of another id as it was. */
static void test_room_to_grow_in_place(void **state)
{
    (void)state;
    pmap shared = {NULL};
    for (uintptr_t k = 1; k <= 40; k++)
        shared = set(shared, k, k);
    pmap mine = shared;
    for (uintptr_t k = 41; k <= 2000; k++)
        mine = pm_set_edit(&arena, mine, key(k), h(k), val(k), 3);
    const void *root = mine.root;
    for (uintptr_t k = 2001; k <= 2100; k++)
        mine = pm_set_edit(&arena, mine, key(k), h(k), val(k), 3);
    assert_ptr_equal(mine.root, root);               /* a full root, its own */
    for (uintptr_t k = 1; k <= 2100; k++)
        assert_int_equal(get(mine, k), k);
    assert_int_equal(pm_count(shared), 40);
    for (uintptr_t k = 1; k <= 41; k++)
        assert_int_equal(get(shared, k), k <= 40 ? k : 0);
}

/* Leaves shared by content (pm_shared): maps built apart with the same
 * entries cost one leaf per entry between them, and an update under an
 * edit id of one map does not change the leaf the other holds. */
static void test_shared_leaves(void **state)
{
    (void)state;
    pm_shared t = {&arena, NULL, 0, 0};
    pm_shared_use(&t);
    pmap a = pm_set_edit(&arena, (pmap){NULL}, key(7), h(7), val(70), 5);
    size_t before = arena.total;
    pmap b = pm_set_edit(&arena, (pmap){NULL}, key(7), h(7), val(70), 6);
    assert_int_equal(arena.total, before);          /* the same leaf */
    assert_ptr_equal(a.root, b.root);
    /* a's own id made the leaf first: still, b's is not changed */
    a = pm_set_edit(&arena, a, key(7), h(7), val(71), 5);
    assert_int_equal(get(a, 7), 71);
    assert_int_equal(get(b, 7), 70);
    /* many entries: the same content, the same leaves */
    pmap x = {NULL}, y = {NULL};
    for (uintptr_t k = 1; k <= 500; k++)
        x = pm_set_edit(&arena, x, key(k), h(k), val(k + 1), 8);
    before = arena.total;
    for (uintptr_t k = 1; k <= 500; k++)
        y = pm_set_edit(&arena, y, key(k), h(k), val(k + 1), 9);
    size_t branches = arena.total - before;
    for (uintptr_t k = 1; k <= 500; k++)
        assert_int_equal(get(y, k), k + 1);
    pm_shared_free(&t);
    pmap z = {NULL};
    before = arena.total;
    for (uintptr_t k = 1; k <= 500; k++)
        z = pm_set_edit(&arena, z, key(k), h(k), val(k + 1), 10);
    /* without the table, the leaves are made again */
    assert_true(arena.total - before >= branches + 500 * 40);
}

/* pm_set_own: a table with one owner keeps its leaves out of the shared
 * table, so a map of the same content elsewhere gets leaves of its own,
 * and neither sees the other's updates */
static void test_own_leaves_not_shared(void **state)
{
    (void)state;
    pm_shared t = {&arena, NULL, 0, 0};
    pm_shared_use(&t);
    pmap a = pm_set_own(&arena, (pmap){NULL}, key(7), h(7), val(70), 5);
    assert_int_equal(t.count, 0);                  /* nothing entered */
    size_t before = arena.total;
    pmap b = pm_set_edit(&arena, (pmap){NULL}, key(7), h(7), val(70), 6);
    assert_true(arena.total > before);             /* a leaf of its own */
    assert_ptr_not_equal(a.root, b.root);
    assert_int_equal(t.count, 1);
    /* the owner's leaf is its own: updated in place under its id */
    before = arena.total;
    pmap a2 = pm_set_own(&arena, a, key(7), h(7), val(71), 5);
    assert_ptr_equal(a2.root, a.root);
    assert_int_equal(arena.total, before);
    assert_int_equal(get(a2, 7), 71);
    assert_int_equal(get(b, 7), 70);
    /* many keys, all found */
    pmap m = {NULL};
    for (uintptr_t k = 1; k <= 1000; k++)
        m = pm_set_own(&arena, m, key(k), h(k), val(k + 3), 9);
    for (uintptr_t k = 1; k <= 1000; k++)
        assert_int_equal(get(m, k), k + 3);
    assert_int_equal(t.count, 1);
    pm_shared_free(&t);
}

/* pm_join_edit: what the join makes carries the id, so the owner of the
 * id updates it in place afterwards; what it kept of either side does
 * not (their nodes are theirs), and the inputs never change */
static void test_join_edit_owned_by_id(void **state)
{
    (void)state;
    pmap x = {NULL}, y = {NULL};
    for (uintptr_t k = 1; k <= 300; k++) {
        x = set(x, k, k);
        y = set(y, k, k + (k % 2));               /* odd keys differ */
    }
    int calls = 0;
    pmap j = pm_join_edit(&arena, x, y, keep_left, &calls, 42);
    assert_true(calls > 0);
    assert_ptr_not_equal(j.root, x.root);          /* made by the join */
    for (uintptr_t k = 1; k <= 300; k++)
        assert_int_equal(get(j, k), k);
    /* an update by the owner of id 42: in place, where the join made the
     * path (the root, at least) */
    pmap j2 = pm_set_edit(&arena, j, key(2), h(2), val(5), 42);
    assert_ptr_equal(j2.root, j.root);
    assert_int_equal(get(j2, 2), 5);
    assert_int_equal(get(x, 2), 2);
    assert_int_equal(get(y, 2), 2);
    /* another id copies: j2 stays as it is */
    pmap j3 = pm_set_edit(&arena, j2, key(2), h(2), val(6), 43);
    assert_ptr_not_equal(j3.root, j2.root);
    assert_int_equal(get(j2, 2), 5);
    assert_int_equal(get(j3, 2), 6);
    /* pm_join's nodes are shared: an update with any id copies */
    pmap s = pm_join(&arena, x, y, keep_left, &calls);
    pmap s2 = pm_set_edit(&arena, s, key(2), h(2), val(7), 42);
    assert_ptr_not_equal(s2.root, s.root);
    assert_int_equal(get(s, 2), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_set_get_many, teardown),
        cmocka_unit_test_teardown(test_equal_hashes_chain, teardown),
        cmocka_unit_test_teardown(test_update_is_persistent, teardown),
        cmocka_unit_test_teardown(test_transient_updates_in_place, teardown),
        cmocka_unit_test_teardown(test_join_sees_missing_sides, teardown),
        cmocka_unit_test_teardown(test_join_shares_what_it_keeps, teardown),
        cmocka_unit_test_teardown(test_each_visits_every_entry, teardown),
        cmocka_unit_test_teardown(test_logged_updates_roll_back, teardown),
        cmocka_unit_test_teardown(test_room_to_grow_in_place, teardown),
        cmocka_unit_test_teardown(test_shared_leaves, teardown),
        cmocka_unit_test_teardown(test_own_leaves_not_shared, teardown),
        cmocka_unit_test_teardown(test_join_edit_owned_by_id, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
