/* The C-text scanner (src/scopecheck/util/ctext.c).  Each expectation is
 * C11's lexical grammar (6.4: tokens, longest match in 6.4p4, comments in
 * 6.4.9, string and character literals with encoding prefixes in
 * 6.4.4.4/6.4.5, preprocessing numbers in 6.4.8) or its translation phase
 * 2 (5.1.1.2: a backslash-newline is deleted), worked out by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "util/ctext.h"

#define S(lit) (lit), (sizeof(lit) - 1)

/* the text of every token of s, space-separated, comments as "C" */
static void tokens(const char *s, size_t n, char *out, size_t cap)
{
    ctext_lexer lx;
    ctext_tok t;
    size_t o = 0;
    out[0] = '\0';
    ctext_lexer_init(&lx, s, n);
    while (ctext_next(&lx, &t) != CT_END) {
        const char *p = s + t.b;
        size_t len = t.e - t.b;
        if (t.kind == CT_COMMENT) {
            p = "C";
            len = 1;
        }
        assert_true(o + len + 2 < cap);
        if (o)
            out[o++] = ' ';
        memcpy(out + o, p, len);
        o += len;
        out[o] = '\0';
    }
}

static void test_punctuators_take_the_longest_match(void **state)
{
    (void)state;
    char out[256];
    /* 6.4p4: x+++++y is x ++ ++ + y; a<<=b is one <<= */
    tokens(S("x+++++y a<<=b p->q a...b c##d e>>f"), out, sizeof out);
    assert_string_equal(out, "x ++ ++ + y a <<= b p -> q a ... b c ## d e >> f");
}

static void test_numbers_are_preprocessing_numbers(void **state)
{
    (void)state;
    char out[256];
    /* 6.4.8: an exponent's sign belongs to the number; .5 is a number */
    tokens(S("1.5e+3 0x1p-3 .5 1+2 0xffu a.b"), out, sizeof out);
    assert_string_equal(out, "1.5e+3 0x1p-3 .5 1 + 2 0xffu a . b");
}

static void test_literals_with_prefixes_and_escapes(void **state)
{
    (void)state;
    char out[256];
    tokens(S("L\"w\" u8\"a b\" u'c' \"q\\\"x\" '\\'' id"), out, sizeof out);
    assert_string_equal(out, "L\"w\" u8\"a b\" u'c' \"q\\\"x\" '\\'' id");
    ctext_lexer lx;
    ctext_tok t;
    ctext_lexer_init(&lx, S("u8\"a\" 'x' \"s\" 12 name +"));
    ctext_kind want[] = {CT_STRING, CT_CHAR, CT_STRING, CT_NUMBER, CT_IDENT, CT_PUNCT, CT_END};
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        assert_int_equal(ctext_next(&lx, &t), want[i]);
}

static void test_comments_and_splices(void **state)
{
    (void)state;
    char out[256];
    /* a comment is one token here (the scans that care see it); a quote or
     * a // inside a block comment, and a comment marker inside a string,
     * are not what they look like */
    tokens(S("a /* \" // */ b // c \" d\ne \"/* no */\" f"), out, sizeof out);
    assert_string_equal(out, "a C b C e \"/* no */\" f");
    /* phase 2: a line comment ending in a backslash continues */
    tokens(S("x // one \\\n still comment\ny"), out, sizeof out);
    assert_string_equal(out, "x C y");
    assert_int_equal(ctext_skip_blank(S("  /* a */ // b\n\\\n  z"), 0), 19);
}

static void test_lines_and_line_starts(void **state)
{
    (void)state;
    const char *s = "#include \"a.h\"\n  x /* 1\n 2 */ y\n\"s\\\nt\" # z\n";
    ctext_lexer lx;
    ctext_tok t;
    ctext_lexer_init(&lx, s, strlen(s));
    ctext_next(&lx, &t);                            /* # */
    assert_true(t.kind == CT_PUNCT && t.line == 1 && t.line_start);
    ctext_next(&lx, &t);                            /* include */
    assert_false(t.line_start);
    ctext_next(&lx, &t);                            /* "a.h" */
    assert_int_equal(t.kind, CT_STRING);
    ctext_next(&lx, &t);                            /* x */
    assert_true(t.line == 2 && t.line_start);
    ctext_next(&lx, &t);                            /* the comment */
    assert_true(t.kind == CT_COMMENT && t.line == 2 && t.end_line == 3);
    ctext_next(&lx, &t);                            /* y */
    assert_true(t.line == 3 && !t.line_start);
    ctext_next(&lx, &t);                            /* "s\<nl>t" */
    assert_true(t.kind == CT_STRING && t.line == 4 && t.end_line == 5 && t.line_start);
    ctext_next(&lx, &t);                            /* # not at a line start */
    assert_true(t.kind == CT_PUNCT && !t.line_start && t.line == 5);
    ctext_skip_line(&lx);
    assert_int_equal(ctext_next(&lx, &t), CT_END);
    assert_int_equal(t.line, 6);
}

static void test_groups(void **state)
{
    (void)state;
    const char *s = "f(a, \")\", g(b[1]), /* ) */ '(') + 1";
    size_t e = ctext_group_end(s, strlen(s), 1);
    assert_int_equal(e, strlen(s) - 4);
    assert_int_equal(ctext_group_end(S("(a, (b)"), 0), 0);   /* never closes */
    assert_int_equal(ctext_group_end(S("{x}"), 0), 3);
}

static void test_backward(void **state)
{
    (void)state;
    /* back over a line comment on the previous line and a block comment */
    const char *s = "a + // b\n /* c */ d";
    size_t d = strlen(s) - 1;
    assert_int_equal(ctext_skip_blank_back(s, d), 3);          /* after + */
    /* a // inside a string on that line is not a comment */
    const char *q = "x = \"//\";\n y";
    assert_int_equal(ctext_skip_blank_back(q, strlen(q) - 1), 9);
    /* token starts */
    const char *n = "k = 1.5e+3";
    assert_int_equal(ctext_token_start_before(n, strlen(n)), 4);
    const char *w = "p = u8\"x\"";
    assert_int_equal(ctext_token_start_before(w, strlen(w)), 4);
    const char *inc = "i++";
    assert_int_equal(ctext_token_start_before(inc, 3), 1);
    const char *esc = "\"a\\\"\"";                      /* "a\"" */
    assert_int_equal(ctext_token_start_before(esc, strlen(esc)), 0);
}

static void test_unterminated_input_is_safe(void **state)
{
    (void)state;
    char out[256];
    /* an open literal ends at its newline; an open comment at the end */
    tokens(S("\"abc\nd /* e"), out, sizeof out);
    assert_string_equal(out, "\"abc d C");
    assert_int_equal(ctext_quoted_end(S("'\\"), 0), 2);
    assert_int_equal(ctext_token_end(S("\"x\\"), 0), 3);
    assert_true(ctext_is("while", 0, 5, "while"));
    assert_false(ctext_is("whilex", 0, 6, "while"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_punctuators_take_the_longest_match),
        cmocka_unit_test(test_numbers_are_preprocessing_numbers),
        cmocka_unit_test(test_literals_with_prefixes_and_escapes),
        cmocka_unit_test(test_comments_and_splices),
        cmocka_unit_test(test_lines_and_line_starts),
        cmocka_unit_test(test_groups),
        cmocka_unit_test(test_backward),
        cmocka_unit_test(test_unterminated_input_is_safe),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
