/* Shared helpers for the varscope unit tests (header only).
 *
 *   - rec / rec_handler: an error handler that records every vs_error
 *     reported (code, message, file, line), so a test can check that a
 *     failing call reported exactly one error, with the caller's location;
 *   - fx / fx_setup / fx_teardown: a cmocka fixture giving each test a
 *     fresh graph whose errors go to a recorder (freed after the test,
 *     also when the test fails);
 *   - EXPECT_FAIL / EXPECT_FAIL_VOID / EXPECT_NO_ERROR: "this call fails
 *     with exactly one error of code X reported at this line".  Keep each
 *     such invocation on ONE source line: gcc and clang disagree on the
 *     value of __LINE__ inside a macro invocation that spans lines;
 *   - tn / vn / repr: NULL-safe names and vs_var_repr into a buffer;
 *   - fingerprint: the graph's observable state as a string, to check that
 *     a failing call left it unchanged;
 *   - stderr capture, for the default handler's output.
 *
 * Every expected value in the suites is derived by hand from TensorFlow
 * 1.15's rules (docs/tf-semantics.md, TF's sources and tests), never
 * copied from the library's output. */
#ifndef VS_TEST_HELPERS_H
#define VS_TEST_HELPERS_H

#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L   /* fileno, dup, dup2 */
#endif

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "varscope.h"

/* ------------------------------------------------------------------------ */
/* Error recorder                                                            */

#define REC_MAX 64
#define REC_MSG 1024

typedef struct rec_entry {
    vs_code code;
    char message[REC_MSG];  /* a copy (truncated to REC_MSG - 1 chars) */
    size_t message_len;     /* the full length of the reported message */
    char file[256];
    int line;
} rec_entry;

typedef struct rec {
    size_t count;           /* every error reported, also past REC_MAX */
    rec_entry e[REC_MAX];
    void *last_user;        /* the user pointer the handler last received */
} rec;

static inline void rec_handler(const vs_error *err, void *user)
{
    rec *r = user;
    r->last_user = user;
    if (r->count < REC_MAX) {
        rec_entry *e = &r->e[r->count];
        e->code = err->code;
        e->line = err->line;
        e->message_len = err->message ? strlen(err->message) : 0;
        snprintf(e->message, sizeof e->message, "%s",
                 err->message ? err->message : "(null)");
        snprintf(e->file, sizeof e->file, "%s",
                 err->file ? err->file : "(null)");
    }
    r->count++;
}

static inline void rec_clear(rec *r) { r->count = 0; }

/* NULL when the recorder holds exactly one error with this code, file and
 * line (and then clears it); else a description of what it holds. */
static inline const char *rec_check_one(rec *r, vs_code code,
                                        const char *file, int line)
{
    static char why[2048];
    if (r->count != 1) {
        int n = snprintf(why, sizeof why,
                         "expected exactly one %s error at line %d, got %zu:",
                         vs_code_name(code), line, r->count);
        for (size_t i = 0; i < r->count && i < REC_MAX && n > 0 &&
                           (size_t)n < sizeof why;
             i++)
            n += snprintf(why + n, sizeof why - (size_t)n, " [%s at %d: %.200s]",
                          vs_code_name(r->e[i].code), r->e[i].line,
                          r->e[i].message);
        rec_clear(r);
        return why;
    }
    const rec_entry *e = &r->e[0];
    if (e->code != code || e->line != line || strcmp(e->file, file) != 0) {
        snprintf(why, sizeof why,
                 "expected one %s error at %s:%d, got %s at %s:%d: %.500s",
                 vs_code_name(code), file, line, vs_code_name(e->code),
                 e->file, e->line, e->message);
        rec_clear(r);
        return why;
    }
    rec_clear(r);
    return NULL;
}

static inline const char *rec_check_none(rec *r)
{
    static char why[1024];
    if (r->count == 0)
        return NULL;
    snprintf(why, sizeof why, "expected no error, got %zu, first: %s at %d: %.500s",
             r->count, vs_code_name(r->e[0].code), r->e[0].line,
             r->e[0].message);
    rec_clear(r);
    return why;
}

#define CHECK_(problem)                                                      \
    do {                                                                     \
        const char *p_ = (problem);                                          \
        if (p_)                                                              \
            fail_msg("%s", p_);                                              \
    } while (0)

/* ------------------------------------------------------------------------ */
/* Fixture: a fresh graph per test, errors recorded                          */

typedef struct fx {
    vs_graph *g;
    rec r;
} fx;

static inline int fx_setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->g = vs_graph_new();
    if (!f->g) {
        free(f);
        return -1;
    }
    vs_set_error_handler(f->g, rec_handler, &f->r);
    *state = f;
    return 0;
}

static inline int fx_teardown(void **state)
{
    fx *f = *state;
    if (f) {
        vs_graph_free(f->g);   /* may report scope-leak into f->r: fine */
        free(f);
    }
    return 0;
}

#define FX_TEST(fn) cmocka_unit_test_setup_teardown(fn, fx_setup, fx_teardown)

/* In a test body: fx *f and vs_graph *g. */
#define FX                                                                   \
    fx *f = *state;                                                          \
    vs_graph *g = f->g;                                                      \
    (void)g

/* The call returns NULL and reports exactly one error `code` at this line. */
#define EXPECT_FAIL(code, expr)                                              \
    do {                                                                     \
        int l_ = __LINE__;                                                   \
        const void *res_ = (expr);                                           \
        if (res_ != NULL)                                                    \
            fail_msg("expected NULL from %s", #expr);                        \
        CHECK_(rec_check_one(&f->r, (code), __FILE__, l_));                  \
    } while (0)

/* A void call that reports exactly one error `code` at this line. */
#define EXPECT_FAIL_VOID(code, expr)                                         \
    do {                                                                     \
        int l_ = __LINE__;                                                   \
        expr;                                                                \
        CHECK_(rec_check_one(&f->r, (code), __FILE__, l_));                  \
    } while (0)

#define EXPECT_NO_ERROR() CHECK_(rec_check_none(&f->r))

/* The message of the one recorded error (call before EXPECT_FAIL clears). */
#define LAST_MESSAGE() (f->r.count ? f->r.e[f->r.count - 1].message : "")

/* ------------------------------------------------------------------------ */
/* Names                                                                     */

static inline const char *tn(const vs_tensor *t)
{
    const char *s = t ? vs_tensor_name(t) : NULL;
    return s ? s : "<NULL tensor>";
}

static inline const char *vn(const vs_var *v)
{
    const char *s = v ? vs_var_name(v) : NULL;
    return s ? s : "<NULL variable>";
}

static inline const char *sn(const char *s) { return s ? s : "<NULL>"; }

/* vs_var_repr into one of 8 rotating buffers. */
static inline const char *repr(const vs_var *v)
{
    static char bufs[8][512];
    static unsigned next;
    char *b = bufs[next++ % 8];
    if (!v)
        return "<NULL variable>";
    vs_var_repr(v, b, 512);
    return b;
}

static inline size_t nvars(const vs_graph *g)
{
    return vs_graph_variables(g, NULL, 0);
}

/* The i-th variable of the graph (creation order), NULL if none. */
static inline vs_var *var_at(const vs_graph *g, size_t i)
{
    vs_var *vars[64];
    size_t n = vs_graph_variables(g, vars, 64);
    return i < n && i < 64 ? vars[i] : NULL;
}

/* ------------------------------------------------------------------------ */
/* Observable state of a graph, as a string (free() it)                      */

typedef struct strbuf {
    char *s;
    size_t len, cap;
} strbuf;

static inline void sb_printf(strbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if (b->len + (size_t)n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + (size_t)n + 1)
            cap *= 2;
        char *s = realloc(b->s, cap);
        if (!s)
            abort();
        b->s = s;
        b->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* Current name scope; current variable scope's name, original name scope
 * and reuse; every variable's repr in creation order. */
static inline void fingerprint_into(strbuf *b, vs_graph *g)
{
    vs_scope *s = vs_get_variable_scope(g);
    sb_printf(b, "name_scope=%s\n", sn(vs_current_name_scope(g)));
    sb_printf(b, "var_scope=%s ons=%s reuse=%d\n", sn(vs_scope_name(s)),
              sn(vs_scope_original_name_scope(s)), (int)vs_scope_reuse(s));
    size_t n = nvars(g);
    vs_var **vars = calloc(n ? n : 1, sizeof *vars);
    if (!vars)
        abort();
    vs_graph_variables(g, vars, n);
    sb_printf(b, "variables=%zu\n", n);
    for (size_t i = 0; i < n; i++)
        sb_printf(b, "  %s\n", repr(vars[i]));
    free(vars);
}

static inline char *fingerprint(vs_graph *g)
{
    strbuf b = {0};
    fingerprint_into(&b, g);
    return b.s;
}

#define ASSERT_FINGERPRINT_UNCHANGED(before, g)                              \
    do {                                                                     \
        char *after_ = fingerprint(g);                                       \
        int same_ = strcmp((before), after_) == 0;                           \
        if (!same_)                                                          \
            print_error("before:\n%s\nafter:\n%s\n", (before), after_);      \
        free(after_);                                                        \
        assert_true(same_);                                                  \
    } while (0)

/* ------------------------------------------------------------------------ */
/* stderr capture                                                            */

typedef struct capture {
    int saved_fd;
    FILE *tmp;
} capture;

static inline void capture_begin(capture *c)
{
    fflush(stderr);
    c->tmp = tmpfile();
    assert_non_null(c->tmp);
    c->saved_fd = dup(fileno(stderr));
    assert_true(c->saved_fd >= 0);
    assert_true(dup2(fileno(c->tmp), fileno(stderr)) >= 0);
}

/* Restores stderr; returns what was written meanwhile (free() it). */
static inline char *capture_end(capture *c)
{
    fflush(stderr);
    dup2(c->saved_fd, fileno(stderr));
    close(c->saved_fd);
    fseek(c->tmp, 0, SEEK_END);
    long size = ftell(c->tmp);
    if (size < 0)
        size = 0;
    char *s = calloc((size_t)size + 1, 1);
    if (!s)
        abort();
    rewind(c->tmp);
    size_t got = fread(s, 1, (size_t)size, c->tmp);
    s[got] = '\0';
    fclose(c->tmp);
    return s;
}

static inline int starts_with(const char *s, const char *prefix)
{
    return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

#endif /* VS_TEST_HELPERS_H */
