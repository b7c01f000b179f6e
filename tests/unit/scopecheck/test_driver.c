/* Which compile-database compilers the front end asks for their view
 * (src/scopecheck/frontend/driver.h): the names compilers go by, in PATH
 * or as absolute paths; never a relative path or another program, since a
 * compile database is data and running what it names must not be a way to
 * run anything.  The names are the drivers' own: gcc's (gcc, gcc-12,
 * x86_64-linux-gnu-gcc, arm-none-eabi-gcc, cc, c99 as POSIX names it),
 * clang's (clang, clang-14). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "frontend/driver.h"

static void test_compiler_names_are_asked(void **state)
{
    (void)state;
    const char *yes[] = {"gcc", "cc", "c99", "clang", "gcc-12", "clang-14",
                         "x86_64-linux-gnu-gcc", "x86_64-linux-gnu-gcc-12",
                         "arm-none-eabi-gcc", "/usr/bin/gcc", "/opt/x/bin/aarch64-linux-cc",
                         "/usr/lib/llvm-14/bin/clang", NULL};
    for (const char **p = yes; *p; p++)
        assert_true(fe_driver_askable(*p));
}

static void test_other_programs_and_relative_paths_are_not(void **state)
{
    (void)state;
    const char *no[] = {"", "python3", "sh", "make", "gccfoo", "notgcc", "clangd",
                        "./gcc", "bin/gcc", "../toolchain/clang", "/bin/sh", "rm", NULL};
    for (const char **p = no; *p; p++)
        assert_false(fe_driver_askable(*p));
    assert_false(fe_driver_askable(NULL));
}

static void test_no_view_without_an_askable_compiler(void **state)
{
    (void)state;
    char *args[] = {"-std=c11", NULL};
    int n = 7;
    assert_null(fe_driver_view("python3", args, 1, &n));
    assert_int_equal(n, 0);
    assert_null(fe_driver_view("/nonexistent/dir/gcc", args, 1, &n));
    assert_int_equal(n, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compiler_names_are_asked),
        cmocka_unit_test(test_other_programs_and_relative_paths_are_not),
        cmocka_unit_test(test_no_view_without_an_askable_compiler),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
