/* The hash the engine's maps use for addresses (src/scopecheck/engine/
 * base.h: sc_addrhash, sc_strhash), checked against what base.h promises:
 * distinct objects get distinct hashes, and objects made near each other
 * (one 4 KiB stretch of an arena) share the low 20 bits the maps take
 * first, so that they land in one subtree. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "engine/base.h"

static void test_neighbours_share_low_bits(void **state)
{
    (void)state;
    _Alignas(4096) static char page[4096];
    uint64_t low = sc_addrhash(page) & 0xFFFFF;
    for (size_t off = 8; off < sizeof page; off += 8)
        assert_int_equal(sc_addrhash(page + off) & 0xFFFFF, low);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void test_distinct_objects_distinct_hashes(void **state)
{
    (void)state;
    enum { N = 20000 };
    static char buf[N * 8];
    static uint64_t hs[N];
    for (size_t i = 0; i < N; i++)
        hs[i] = sc_addrhash(buf + 8 * i);
    qsort(hs, N, sizeof hs[0], cmp_u64);
    for (size_t i = 1; i < N; i++)
        assert_true(hs[i] != hs[i - 1]);
    /* the stretches themselves spread: far apart, other low bits */
    size_t differ = 0;
    for (size_t i = 1; i < N / 512; i++)
        differ += (sc_addrhash(buf + 4096 * i) & 0xFFFFF) !=
                  (sc_addrhash(buf + 4096 * (i - 1)) & 0xFFFFF);
    assert_true(differ >= N / 512 - 3);
}

/* a map keyed by interned strings finds every one of them */
static void test_strings_as_keys(void **state)
{
    (void)state;
    sc_engine e;
    sc_engine_init(&e);
    pmap m = {NULL};
    for (int i = 0; i < 3000; i++) {
        const char *k = sc_fmt(&e, "v%d/Assign", i);
        m = pm_set(&e.arena, m, k, sc_strhash(k), (const void *)(uintptr_t)(i + 1));
    }
    for (int i = 0; i < 3000; i++) {
        const char *k = sc_fmt(&e, "v%d/Assign", i);
        assert_int_equal((uintptr_t)pm_get(m, k, sc_strhash(k)), i + 1);
    }
    const char *absent = sc_istr(&e, "v3000/Assign");
    assert_null(pm_get(m, absent, sc_strhash(absent)));
    sc_engine_release(&e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_neighbours_share_low_bits),
        cmocka_unit_test(test_distinct_objects_distinct_hashes),
        cmocka_unit_test(test_strings_as_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
