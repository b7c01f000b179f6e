/* The C library's functions over abstract values (see libc.h). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libc.h"

/* ---- formatting ---- */

const char *libc_format(sc_engine *e, const sc_state *st, const av *fmtv,
                        const av **args, uint32_t nargs)
{
    const char *p = mem_string(e, st, fmtv);
    if (!p)
        return NULL;
    size_t cap = 256, len = 0;
    char *out = sc_xmalloc(cap);
    uint32_t ai = 0;
    const char *result = NULL;
    while (*p) {
        char piece[512];
        int n;
        if (*p != '%') {
            piece[0] = *p++;
            piece[1] = '\0';
            n = 1;
        } else if (p[1] == '%') {
            p += 2;
            strcpy(piece, "%");
            n = 1;
        } else {
            /* %[flags][width][.prec][length]conv; a * takes an argument */
            char spec[40];
            size_t k = 0;
            spec[k++] = *p++;
            while (*p && strchr("-+ #0", *p) && k < 20)
                spec[k++] = *p++;
            if (*p == '*') {
                if (ai >= nargs || args[ai]->kind != AV_INT)
                    goto out;
                k += (size_t)snprintf(spec + k, sizeof spec - k, "%d",
                                      (int)args[ai++]->i);
                p++;
            }
            while (*p >= '0' && *p <= '9' && k < 24)
                spec[k++] = *p++;
            if (*p == '.') {
                spec[k++] = *p++;
                if (*p == '*') {
                    if (ai >= nargs || args[ai]->kind != AV_INT || k > 24)
                        goto out;
                    k += (size_t)snprintf(spec + k, sizeof spec - k, "%d",
                                          (int)args[ai++]->i);
                    p++;
                }
                while (*p >= '0' && *p <= '9' && k < 28)
                    spec[k++] = *p++;
            }
            while (*p && strchr("hlzjtL", *p))
                p++;                  /* lengths: we print as long long */
            char conv = *p ? *p++ : '\0';
            if (ai >= nargs || k > 30 || !conv)
                goto out;
            const av *a = args[ai++];
            if (strchr("diuxXoc", conv)) {
                if (a->kind != AV_INT)
                    goto out;
                if (conv == 'c') {
                    spec[k++] = 'c';
                    spec[k] = '\0';
                    n = snprintf(piece, sizeof piece, spec, (int)a->i);
                } else {
                    spec[k++] = 'l';
                    spec[k++] = 'l';
                    spec[k++] = conv;
                    spec[k] = '\0';
                    if (conv == 'd' || conv == 'i')
                        n = snprintf(piece, sizeof piece, spec, (long long)a->i);
                    else
                        n = snprintf(piece, sizeof piece, spec,
                                     (unsigned long long)a->i);
                }
            } else if (conv == 's') {
                const char *s = mem_string(e, st, a);
                if (!s)
                    goto out;
                spec[k++] = 's';
                spec[k] = '\0';
                n = snprintf(piece, sizeof piece, spec, s);
            } else {
                goto out;             /* %f, %p, %n ...: not followed */
            }
            if (n < 0 || (size_t)n >= sizeof piece)
                goto out;
        }
        if (len + (size_t)n + 1 > cap) {
            cap = (len + (size_t)n + 1) * 2;
            out = sc_xrealloc(out, cap);
        }
        memcpy(out + len, piece, (size_t)n);
        len += (size_t)n;
    }
    result = sc_istrn(e, out, len);
out:
    free(out);
    return result;
}

/* ---- small helpers ---- */

static bool known_int(const av *v, int64_t *out)
{
    if (v->kind != AV_INT)
        return false;
    *out = v->i;
    return true;
}

/* an unknown count of bytes or a length: one value, not negative */
static const av *unknown_size(sc_engine *e)
{
    av *v = (av *)av_range(e, true, 0, false, 0);
    return v;
}

/* byte i of a text (t: the bytes from the pointer on); -1 unknown */
static int text_byte(const mem_text *t, size_t i)
{
    if (i < t->n)
        return (unsigned char)t->s[i];
    if ((i == t->n && t->closed) || t->zero_rest)
        return 0;
    return -1;
}

/* the first n bytes of a text, if known (NULs included) */
static bool text_bytes(const mem_text *t, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++) {
        int c = text_byte(t, i);
        if (c < 0)
            return false;
        out[i] = (char)c;
    }
    return true;
}

/* Compares two texts as strcmp (str: stop at a NUL) or memcmp does, over
 * at most n bytes: -1, 0, 1, or 2 when the bytes are not known. */
static int compare(const mem_text *a, const mem_text *b, size_t n, bool str,
                   bool fold)
{
    for (size_t i = 0; i < n; i++) {
        int x = text_byte(a, i), y = text_byte(b, i);
        if (x < 0 || y < 0)
            return 2;
        if (fold) {
            x = x >= 'A' && x <= 'Z' ? x + 32 : x;
            y = y >= 'A' && y <= 'Z' ? y + 32 : y;
        }
        if (x != y)
            return x < y ? -1 : 1;
        if (str && x == 0)
            return 0;
    }
    return 0;
}

/* ---- the functions ---- */

/* sprintf, snprintf, vsprintf, vsnprintf: the text, truncated to n - 1
 * bytes (n < 0: not truncated); the result is the untruncated length */
static const av *print_to(sc_engine *e, sc_state *st, const av *dst,
                          int64_t n, bool n_known, const av *fmt,
                          const av **args, uint32_t nargs)
{
    const char *s = libc_format(e, st, fmt, args, nargs);
    if (!s || !n_known) {
        if (!(n_known && n == 0))
            mem_write(e, st, dst, NULL, SIZE_MAX, false);
        return s ? av_int(e, (int64_t)strlen(s)) : unknown_size(e);
    }
    size_t len = strlen(s);
    if (n != 0) {
        size_t keep = n > 0 && (uint64_t)n <= len ? (size_t)n - 1 : len;
        char *buf = sc_xmalloc(keep + 1);
        memcpy(buf, s, keep);
        buf[keep] = '\0';
        mem_write(e, st, dst, buf, keep + 1, true);
        free(buf);
    }
    return av_int(e, (int64_t)len);
}

/* the variadic arguments a va_list holds (va_start), or NULL */
static const av *va_args(sc_engine *e, const sc_state *st, const av *ap)
{
    const av *v = mem_peek(e, st, ap);
    const av *a = av_field(e, v, sc_istr(e, LIBC_VA_FIELD));
    return a->kind == AV_AGG && !a->names ? a : NULL;
}

static const av *printf_family(sc_engine *e, sc_state *st, const char *name,
                               const av **args, uint32_t nargs)
{
    bool sized = strstr(name, "snprintf") != NULL;
    bool va = name[0] == 'v';
    uint32_t fa = sized ? 2 : 1;
    if (nargs < fa + (va ? 2u : 1u))
        return NULL;
    int64_t n = -1;
    bool n_known = !sized || known_int(args[1], &n);
    if (sized && n_known && n < 0)
        n_known = false;
    if (!va)
        return print_to(e, st, args[0], n, n_known, args[fa], args + fa + 1,
                        nargs - fa - 1);
    const av *list = va_args(e, st, args[fa + 1]);
    if (!list) {
        mem_write(e, st, args[0], NULL, SIZE_MAX, false);
        return unknown_size(e);
    }
    return print_to(e, st, args[0], n, n_known, args[fa], list->vals,
                    list->nfields);
}

/* asprintf, vasprintf (GNU): the text in a new heap buffer whose address
 * goes to *strp; the length is returned (-1 only when out of memory,
 * which the engine does not follow, as for malloc) */
static const av *print_new(sc_engine *e, sc_state *st, bool va,
                           const av **args, uint32_t nargs)
{
    if (nargs < (va ? 3u : 2u))
        return NULL;
    const av *buf = mem_alloc(e, st, false);
    const av *r;
    if (!va) {
        r = print_to(e, st, buf, -1, true, args[1], args + 2, nargs - 2);
    } else {
        const av *list = va_args(e, st, args[2]);
        r = list ? print_to(e, st, buf, -1, true, args[1], list->vals,
                            list->nfields)
                 : unknown_size(e);
        if (!list)
            mem_write(e, st, buf, NULL, SIZE_MAX, false);
    }
    mem_store(e, st, args[0], buf, false);
    return r;
}

/* The compiler's builtins over integers (GCC manual, "Other Built-in
 * Functions Provided by GCC"): __builtin_expect is its first argument;
 * the bit counts are computed from a known argument (32 bits, or 64 for
 * the l and ll forms), else unknown.  NULL: not one of them. */
static const av *int_builtin(sc_engine *e, const char *name,
                             const av **args, uint32_t nargs)
{
    if (strncmp(name, "__builtin_", 10) != 0 || nargs < 1)
        return NULL;
    const char *b = name + 10;
    if (strcmp(b, "expect") == 0 || strcmp(b, "expect_with_probability") == 0)
        return args[0];
    static const char *const counts[] = {"popcount", "ctz", "clz", "ffs",
                                         "parity", NULL};
    size_t len = 0;
    int which = -1;
    for (int i = 0; counts[i] && which < 0; i++) {
        len = strlen(counts[i]);
        if (strncmp(b, counts[i], len) == 0 &&
            (b[len] == '\0' || strcmp(b + len, "l") == 0 || strcmp(b + len, "ll") == 0))
            which = i;
    }
    if (which < 0)
        return NULL;
    int64_t v;
    if (!known_int(args[0], &v))
        return av_unknown(e);
    int bits = b[len] == 'l' ? 64 : 32;
    uint64_t u = bits == 64 ? (uint64_t)v : (uint64_t)(uint32_t)v;
    int64_t r = 0;
    switch (which) {
    case 0:                                      /* popcount */
    case 4:                                      /* parity */
        for (uint64_t m = u; m; m &= m - 1)
            r++;
        if (which == 4)
            r &= 1;
        break;
    case 1:                                      /* ctz: undefined at 0 */
    case 2:                                      /* clz: undefined at 0 */
        if (u == 0)
            return av_unknown(e);
        if (which == 1)
            while (!(u >> r & 1))
                r++;
        else
            while (!(u >> (bits - 1 - r) & 1))
                r++;
        break;
    default:                                     /* ffs: 1 + ctz, 0 at 0 */
        if (u != 0)
            for (r = 1; !(u >> (r - 1) & 1); r++)
                ;
        break;
    }
    return av_int(e, r);
}

/* strcpy, stpcpy, strcat */
static const av *copy_string(sc_engine *e, sc_state *st, const char *name,
                             const av **args)
{
    const av *dst = args[0];
    bool cat = strcmp(name, "strcat") == 0;
    if (cat) {
        mem_text d;
        if (!mem_text_at(e, st, dst, &d) || !d.closed) {
            mem_write(e, st, dst, NULL, SIZE_MAX, false);
            return dst;
        }
        dst = mem_add(e, dst, av_int(e, (int64_t)d.n));
    }
    const char *s = mem_string(e, st, args[1]);
    if (!s) {
        mem_write(e, st, dst, NULL, SIZE_MAX, false);
        return cat || name[1] != 't' ? args[0] : av_top();
    }
    mem_write(e, st, dst, s, strlen(s) + 1, true);
    if (name[1] == 't' && name[2] == 'p')     /* stpcpy: the end */
        return mem_add(e, dst, av_int(e, (int64_t)strlen(s)));
    return args[0];
}

/* strncpy: n bytes, the source's and then NULs; no NUL when it is as
 * long as n or longer.  strncat: at most n bytes, then a NUL. */
static const av *copy_n(sc_engine *e, sc_state *st, bool cat,
                        const av **args)
{
    int64_t n;
    const av *dst = args[0];
    mem_text s, d;
    if (cat) {
        if (!mem_text_at(e, st, dst, &d) || !d.closed) {
            mem_write(e, st, dst, NULL, SIZE_MAX, false);
            return args[0];
        }
        dst = mem_add(e, dst, av_int(e, (int64_t)d.n));
    }
    if (!known_int(args[2], &n) || n < 0 || n > 1 << 20 ||
        !mem_text_at(e, st, args[1], &s)) {
        mem_write(e, st, dst, NULL, SIZE_MAX, false);
        return args[0];
    }
    size_t len = 0;               /* the source's bytes to copy */
    while (len < (size_t)n && text_byte(&s, len) > 0)
        len++;
    if (len < (size_t)n && text_byte(&s, len) < 0) {
        mem_write(e, st, dst, NULL, SIZE_MAX, false);
        return args[0];
    }
    size_t total = cat ? len + 1 : (size_t)n;
    char *buf = calloc(total + 1, 1);
    if (!buf)
        abort();
    text_bytes(&s, len, buf);
    mem_write(e, st, dst, buf, total, true);
    free(buf);
    return args[0];
}

/* memcpy, memmove: bytes of a char array, or a whole object's value */
static const av *copy_mem(sc_engine *e, sc_state *st, const av **args)
{
    int64_t n;
    mem_text s;
    const av *dst = args[0], *src = args[1];
    if (known_int(args[2], &n) && n >= 0 && n <= 1 << 20 &&
        mem_text_at(e, st, src, &s)) {
        char *buf = sc_xmalloc((size_t)n + 1);
        if (text_bytes(&s, (size_t)n, buf))
            mem_write(e, st, dst, buf, (size_t)n, true);
        else
            mem_write(e, st, dst, NULL, SIZE_MAX, false);
        free(buf);
        return dst;
    }
    if (dst->kind == AV_REF && !dst->elem && src->kind == AV_REF && !src->elem) {
        /* memcpy(&a, &b, sizeof a): the value */
        mem_store(e, st, dst, mem_peek(e, st, src), false);
        return dst;
    }
    mem_havoc_reachable(e, st, dst, NULL, NULL);
    return dst;
}

static const av *set_mem(sc_engine *e, sc_state *st, const av **args)
{
    int64_t c, n;
    const av *dst = args[0];
    mem_text t;
    bool known = known_int(args[1], &c) && known_int(args[2], &n) &&
                 n >= 0 && n <= 1 << 20;
    if (known && dst->kind == AV_REF && (dst->elem || mem_text_at(e, st, dst, &t))) {
        char *buf = sc_xmalloc((size_t)n + 1);
        memset(buf, (int)c, (size_t)n);
        mem_write(e, st, dst, buf, (size_t)n, true);
        free(buf);
        return dst;
    }
    if (known && c == 0 && dst->kind == AV_REF && !dst->elem) {
        mem_store(e, st, dst, av_int(e, 0), false);    /* a zeroed object */
        return dst;
    }
    mem_havoc_reachable(e, st, dst, NULL, NULL);
    return dst;
}

static const av *compare_call(sc_engine *e, const sc_state *st,
                              const char *name, const av **args,
                              uint32_t nargs)
{
    mem_text a, b;
    bool fold = strstr(name, "case") != NULL;
    bool mem = name[0] == 'm';
    int64_t n = INT64_MAX;
    bool limited = mem || strncmp(name, "strn", 4) == 0 ||
                   strcmp(name, "strncasecmp") == 0;
    if (limited && (nargs < 3 || !known_int(args[2], &n) || n < 0))
        return av_unknown(e);
    if (!mem_text_at(e, st, args[0], &a) || !mem_text_at(e, st, args[1], &b))
        return av_unknown(e);
    int r = compare(&a, &b, n > 1 << 20 ? (size_t)1 << 20 : (size_t)n, !mem, fold);
    return r == 2 ? av_unknown(e) : av_int(e, r);
}

/* strchr, strrchr, memchr, strstr: a pointer into the text, or NULL */
static const av *search(sc_engine *e, const sc_state *st, const char *name,
                        const av **args, uint32_t nargs)
{
    mem_text t;
    if (!mem_text_at(e, st, args[0], &t))
        return av_unknown(e);
    if (strcmp(name, "strstr") == 0) {
        const char *needle = mem_string(e, st, args[1]);
        if (!needle || !t.closed)
            return av_unknown(e);
        char *hay = sc_xmalloc(t.n + 1);
        memcpy(hay, t.s, t.n);
        hay[t.n] = '\0';
        const char *hit = strstr(hay, needle);
        int64_t at = hit ? hit - hay : -1;
        free(hay);
        return at < 0 ? av_null() : mem_add(e, args[0], av_int(e, at));
    }
    int64_t c;
    if (!known_int(args[1], &c))
        return av_unknown(e);
    c = (unsigned char)c;
    bool last = strcmp(name, "strrchr") == 0;
    int64_t limit = INT64_MAX;
    if (name[0] == 'm' && (nargs < 3 || !known_int(args[2], &limit)))
        return av_unknown(e);
    int64_t found = -1;
    for (int64_t i = 0; i < limit; i++) {
        int b = text_byte(&t, (size_t)i);
        if (b < 0)
            return av_unknown(e);        /* not found among the known */
        if (b == c) {
            found = i;
            if (!last)
                break;
        }
        if (b == 0 && name[0] != 'm')
            break;
    }
    return found < 0 ? av_null() : mem_add(e, args[0], av_int(e, found));
}

/* strspn, strcspn: the length of the text's first run of bytes in (not
 * in) the set; strpbrk: a pointer to its first byte in the set, or NULL */
static const av *span(sc_engine *e, const sc_state *st, const char *name,
                      const av **args)
{
    mem_text t;
    const char *set = mem_string(e, st, args[1]);
    if (!set || !mem_text_at(e, st, args[0], &t))
        return av_unknown(e);
    bool in = strcmp(name, "strspn") == 0;
    for (size_t i = 0;; i++) {
        int b = text_byte(&t, i);
        if (b < 0)
            return av_unknown(e);
        bool member = b != 0 && strchr(set, b) != NULL;
        if (b == 0 || member != in) {
            if (strcmp(name, "strpbrk") != 0)
                return av_int(e, (int64_t)i);
            return b == 0 ? av_null() : mem_add(e, args[0], av_int(e, (int64_t)i));
        }
    }
}

static const av *to_number(sc_engine *e, sc_state *st, const char *name,
                           const av **args, uint32_t nargs)
{
    bool has_end = strncmp(name, "strto", 5) == 0;
    bool store_end = has_end && nargs >= 2 && args[1]->kind != AV_NULL;
    int base = 10;
    int64_t b;
    const char *s = NULL;
    if (!has_end || (nargs >= 3 && known_int(args[2], &b) && b >= 0 && b <= 36)) {
        base = has_end ? (int)b : 10;
        s = mem_string(e, st, args[0]);
    }
    char *end = NULL;
    long long v = s ? strtoll(s, &end, base) : 0;
    /* *endptr = nptr + the characters read, when the text is known */
    if (store_end)
        mem_store(e, st, args[1],
                  s ? mem_add(e, args[0], av_int(e, (int64_t)(end - s)))
                    : av_top(),
                  false);
    if (!s)
        return av_unknown(e);
    if (name[0] == 'a' && strcmp(name, "atoi") == 0 && (v > INT_MAX || v < INT_MIN))
        return av_unknown(e);
    return av_int(e, v);
}

static const av *char_class(sc_engine *e, const char *name, const av *c)
{
    int64_t x;
    if (!known_int(c, &x) || x < -1 || x > 255)
        return av_unknown(e);
    int r;
    if (strcmp(name, "toupper") == 0)
        return av_int(e, x >= 'a' && x <= 'z' ? x - 32 : x);
    if (strcmp(name, "tolower") == 0)
        return av_int(e, x >= 'A' && x <= 'Z' ? x + 32 : x);
    if (strcmp(name, "isdigit") == 0)
        r = x >= '0' && x <= '9';
    else if (strcmp(name, "isalpha") == 0)
        r = (x >= 'a' && x <= 'z') || (x >= 'A' && x <= 'Z');
    else if (strcmp(name, "isalnum") == 0)
        r = (x >= 'a' && x <= 'z') || (x >= 'A' && x <= 'Z') || (x >= '0' && x <= '9');
    else if (strcmp(name, "isupper") == 0)
        r = x >= 'A' && x <= 'Z';
    else if (strcmp(name, "islower") == 0)
        r = x >= 'a' && x <= 'z';
    else if (strcmp(name, "isspace") == 0)
        r = x == ' ' || (x >= '\t' && x <= '\r');
    else
        return av_unknown(e);
    return av_int(e, r);
}

/* sscanf over a known text and format: each conversion is run by the C
 * library itself, one at a time (with %n to know how far it read), and
 * what it stores is written to its target.  NULL (nothing written) when
 * the text, the format or a conversion is not one it follows. */
typedef struct scanned {
    const av *target;
    bool text;                    /* bytes (b, n) rather than an integer */
    int64_t i;
    const char *b;
    size_t n;
} scanned;

static const av *scan_known(sc_engine *e, sc_state *st, const av **args,
                            uint32_t nargs)
{
    const char *in = mem_string(e, st, args[0]);
    const char *fmt = mem_string(e, st, args[1]);
    if (!in || !fmt)
        return NULL;
    size_t inlen = strlen(in), pos = 0;
    uint32_t ti = 2;
    int count = 0;
    bool input_failure = false;
    SC_VEC(scanned) out = {0};
    char *seg = sc_xmalloc(strlen(fmt) + 8);
    /* a text conversion writes at most what is left of the text, or its
     * width (%5c); the sanitizers' sscanf takes %31s as writing 32 bytes
     * whatever the text: room for the largest width followed (4096) */
    size_t buflen = inlen + 4096 + 2;
    char *buf = sc_xmalloc(buflen);
    const av *result = NULL;
    const char *p = fmt;
    for (;;) {
        const char *start = p;
        while (*p && !(p[0] == '%' && p[1] != '%'))
            p += p[0] == '%' ? 2 : 1;
        if (!*p)
            break;                /* trailing text: changes nothing */
        const char *c = p + 1;
        bool suppress = *c == '*';
        if (suppress)
            c++;
        long width = 0;
        while (*c >= '0' && *c <= '9')
            width = width * 10 + (*c++ - '0');
        const char *mod = c;
        while (*c && strchr("hljztL", *c))
            c++;
        size_t nmod = (size_t)(c - mod);
        char conv = *c;
        if (!conv || (nmod && conv != 'd' && conv != 'i' && conv != 'u' &&
                      conv != 'x' && conv != 'o' && conv != 'X') ||
            (nmod && (mod[0] == 'h' || mod[0] == 'L')) || width > 4096)
            goto out;             /* short, char-sized, long double ... */
        if (conv == '[') {
            c++;
            if (*c == '^')
                c++;
            if (*c == ']')
                c++;
            while (*c && *c != ']')
                c++;
            if (!*c)
                goto out;
        }
        c++;
        /* the segment: its text, the conversion (integers as long long,
         * floats as double), then %n */
        size_t k = (size_t)(p - start);
        memcpy(seg, start, k);
        size_t speclen = (size_t)(mod - p);
        memcpy(seg + k, p, speclen);
        k += speclen;
        bool is_int = strchr("diuxXo", conv) != NULL;
        bool is_float = strchr("feEgGaA", conv) != NULL;
        bool is_text = conv == 's' || conv == '[' || conv == 'c';
        if (!is_int && !is_float && !is_text)
            goto out;             /* %p, %n ... */
        if (is_int) {
            seg[k++] = 'l';
            seg[k++] = 'l';
        } else if (is_float) {
            seg[k++] = 'l';
        }
        size_t convlen = (size_t)(c - (mod + nmod));
        memcpy(seg + k, mod + nmod, convlen);
        k += convlen;
        memcpy(seg + k, "%n", 3);
        p = c;
        int n = -1, r;
        long long iv = 0;
        double dv = 0;
        memset(buf, 0, buflen);
        if (suppress)
            r = sscanf(in + pos, seg, &n);
        else if (is_int)
            r = sscanf(in + pos, seg, &iv, &n);
        else if (is_float)
            r = sscanf(in + pos, seg, &dv, &n);
        else
            r = sscanf(in + pos, seg, buf, &n);
        if (n < 0) {
            /* this conversion failed: at the end of the text before the
             * first one, an input failure (EOF) */
            input_failure = r == EOF && count == 0;
            break;
        }
        if (!suppress) {
            if (ti >= nargs)
                goto out;
            scanned sc = {args[ti++], is_text, 0, NULL, 0};
            if (is_int) {
                sc.i = nmod ? (int64_t)iv : (int64_t)(int)iv;
            } else if (is_float) {
                sc.target = NULL;     /* a float: not followed */
            } else if (conv == 'c') {
                sc.n = (size_t)(width ? width : 1);
                sc.b = sc_istrn(e, buf, sc.n);
            } else {
                sc.n = strlen(buf) + 1;
                sc.b = sc_istr(e, buf);
            }
            SC_PUSH(out, sc);
            count++;
        }
        pos += (size_t)n;
    }
    for (size_t i = 0; i < out.len; i++) {
        const scanned *sc = &out.items[i];
        if (!sc->target)
            continue;
        if (sc->text)
            mem_write(e, st, sc->target, sc->b, sc->n, true);
        else
            mem_store(e, st, sc->target, av_int(e, sc->i), false);
    }
    /* floats stored: unknown */
    for (uint32_t i = 2; i < ti; i++) {
        bool done = false;
        for (size_t k2 = 0; k2 < out.len && !done; k2++)
            done = out.items[k2].target == args[i];
        if (!done)
            mem_havoc_reachable(e, st, args[i], NULL, NULL);
    }
    result = av_int(e, input_failure ? -1 : count);
out:
    free(seg);
    free(buf);
    SC_VEC_FREE(out);
    return result;
}

/* Functions that neither keep nor change what their arguments point to,
 * and whose results are not computed: one unknown value each. */
static const char *const pure_fns[] = {
    "printf", "fprintf", "puts", "fputs", "putchar", "fputc", "putc",
    "fflush", "perror", "assert", "free", "getenv", "secure_getenv", "rand",
    "srand", "time", "abs", "labs", "llabs", "fwrite", "vfprintf", "vprintf",
    "dprintf", "getpid", "sleep", "usleep", NULL};

static bool in_list(const char *const *list, const char *name)
{
    for (; *list; list++)
        if (strcmp(*list, name) == 0)
            return true;
    return false;
}

/* Where strtok keeps its place between calls (frame 0, past the
 * program's globals, its heap and interp.c's hooks). */
#define LIBC_STRTOK_SLOT 0x7F000000u

/* strtok, strtok_r: the next token of a known text, its end overwritten
 * with a NUL and the place after it kept for the next call.  Unknown
 * text or delimiters: a pointer nobody knows, and the text from the
 * start on unknown. */
static const av *tokenize(sc_engine *e, sc_state *st, const av **args,
                          uint32_t nargs, bool reentrant)
{
    const av *start = args[0];
    if (start->kind == AV_NULL)
        start = reentrant ? (nargs >= 3 ? mem_peek(e, st, args[2]) : av_top())
                          : state_get(st, 0, LIBC_STRTOK_SLOT);
    const char *delim = mem_string(e, st, args[1]);
    mem_text t;
    const av *saved = av_top(), *r = NULL;
    if (start->kind == AV_NULL) {
        saved = av_null();
        r = av_null();            /* the text was used up */
    } else if (start->kind != AV_REF || !delim ||
               !mem_text_at(e, st, start, &t) || !t.closed) {
        if (start->kind == AV_REF)
            mem_write(e, st, start, NULL, SIZE_MAX, false);
        r = av_unknown(e);
    } else {
        char *text = sc_xmalloc(t.n + 1);
        memcpy(text, t.s, t.n);
        text[t.n] = '\0';
        size_t k = strspn(text, delim);
        if (!text[k]) {
            saved = av_null();
            r = av_null();
        } else {
            size_t m = k + strcspn(text + k, delim);
            if (text[m]) {
                mem_write(e, st, mem_add(e, start, av_int(e, (int64_t)m)), "", 1, true);
                saved = mem_add(e, start, av_int(e, (int64_t)m + 1));
            } else {
                saved = av_null();
            }
            r = mem_add(e, start, av_int(e, (int64_t)k));
        }
        free(text);
    }
    if (reentrant && nargs >= 3)
        mem_store(e, st, args[2], saved, false);
    else if (!reentrant)
        state_set(e, st, 0, LIBC_STRTOK_SLOT, saved);
    return r;
}

/* The C library's and POSIX's functions, other than those above. */
static const char *const standard_fns[] = {
    /* stdio.h */
    "fopen", "fclose", "freopen", "fdopen", "fileno", "fread", "fgets",
    "fgetc", "getc", "getchar", "gets", "ungetc", "fseek", "ftell",
    "rewind", "fgetpos", "fsetpos", "feof", "ferror", "clearerr", "remove",
    "rename", "tmpfile", "tmpnam", "setvbuf", "setbuf", "scanf", "fscanf",
    "vscanf", "vfscanf", "vsscanf", "getline", "getdelim", "popen",
    "pclose", "open_memstream", "fmemopen", "asprintf", "vasprintf",
    "snprintf", "sprintf", "vsnprintf", "vsprintf",
    /* stdlib.h */
    "qsort", "bsearch", "exit", "abort", "_Exit", "quick_exit", "atexit",
    "at_quick_exit", "system", "strtod", "strtof", "strtold", "atof",
    "div", "ldiv", "lldiv", "random", "srandom", "drand48", "srand48",
    "lrand48", "mkstemp", "mkdtemp", "realpath", "setenv", "unsetenv",
    "putenv", "aligned_alloc", "posix_memalign", "reallocarray",
    /* string.h, strings.h, ctype.h */
    "strtok", "strtok_r", "strspn", "strcspn", "strpbrk", "strerror",
    "strerror_r", "strcoll", "strxfrm", "strsep", "memccpy", "mempcpy",
    "stpncpy", "bzero", "explicit_bzero", "isxdigit", "ispunct",
    "isprint", "isgraph", "iscntrl", "isblank",
    /* math.h, time.h */
    "sqrt", "sqrtf", "pow", "powf", "exp", "expf", "log", "logf", "log2",
    "log10", "sin", "cos", "tan", "tanh", "atan", "atan2", "floor",
    "floorf", "ceil", "ceilf", "round", "roundf", "fabs", "fabsf", "fmod",
    "fmin", "fmax", "clock", "difftime", "mktime", "gmtime", "localtime",
    "strftime", "clock_gettime", "gettimeofday", "nanosleep",
    /* unistd.h, fcntl.h, sys/ */
    "open", "close", "read", "write", "lseek", "access", "unlink",
    "getcwd", "chdir", "isatty", "fork", "execv", "execvp", "execl",
    "waitpid", "wait", "pipe", "dup", "dup2", "getppid", "getuid", "stat",
    "fstat", "lstat", "mkdir", "rmdir", "opendir", "readdir", "closedir",
    "mmap", "munmap", "sysconf", "alarm", "pause", "getopt", "getopt_long",
    "getopt_long_only",
    /* signal.h, setjmp.h, pthread.h */
    "signal", "sigaction", "raise", "kill", "sigemptyset", "sigfillset",
    "sigaddset", "sigprocmask", "setjmp", "_setjmp", "sigsetjmp",
    "longjmp", "siglongjmp", "pthread_create", "pthread_join",
    "pthread_detach", "pthread_self", "pthread_exit", "pthread_once",
    "pthread_mutex_init", "pthread_mutex_lock", "pthread_mutex_unlock",
    "pthread_mutex_destroy", "pthread_cond_wait", "pthread_cond_signal",
    "pthread_cond_broadcast", "pthread_cond_init", "pthread_cond_destroy",
    "pthread_key_create", "pthread_getspecific", "pthread_setspecific",
    NULL};

bool libc_is_standard(const char *name)
{
    if (strncmp(name, "__", 2) == 0)
        return true;              /* the compiler's and the C library's own */
    if (in_list(standard_fns, name) || in_list(pure_fns, name))
        return true;
    static const char *const computed[] = {
        "sprintf", "snprintf", "vsprintf", "vsnprintf", "strcpy", "stpcpy",
        "strcat", "strncpy", "strncat", "memcpy", "memmove", "memset",
        "strcmp", "strncmp", "memcmp", "strcasecmp", "strncasecmp", "strlen",
        "strnlen", "strchr", "strrchr", "memchr", "strstr", "atoi", "atol",
        "atoll", "strtol", "strtoll", "strtoul", "strtoull", "malloc",
        "calloc", "realloc", "strdup", "strndup", "sscanf", "isalpha",
        "isdigit", "isalnum", "isupper", "islower", "isspace", "toupper",
        "tolower", NULL};
    return in_list(computed, name);
}

bool libc_call(sc_engine *e, sc_state *st, const char *name,
               const av **args, uint32_t nargs, const av **ret)
{
    const av *r = NULL;
    if (strcmp(name, "sprintf") == 0 || strcmp(name, "snprintf") == 0 ||
        strcmp(name, "vsprintf") == 0 || strcmp(name, "vsnprintf") == 0)
        r = printf_family(e, st, name, args, nargs);
    else if (strcmp(name, "asprintf") == 0 || strcmp(name, "vasprintf") == 0)
        r = print_new(e, st, name[0] == 'v', args, nargs);
    else if (strncmp(name, "__builtin_", 10) == 0 &&
             (r = int_builtin(e, name, args, nargs)) != NULL)
        ;
    else if ((strcmp(name, "strcpy") == 0 || strcmp(name, "stpcpy") == 0 ||
              strcmp(name, "strcat") == 0) && nargs >= 2)
        r = copy_string(e, st, name, args);
    else if ((strcmp(name, "strncpy") == 0 || strcmp(name, "strncat") == 0) &&
             nargs >= 3)
        r = copy_n(e, st, name[4] == 'a', args);
    else if ((strcmp(name, "memcpy") == 0 || strcmp(name, "memmove") == 0) &&
             nargs >= 3)
        r = copy_mem(e, st, args);
    else if (strcmp(name, "memset") == 0 && nargs >= 3)
        r = set_mem(e, st, args);
    else if ((strcmp(name, "strcmp") == 0 || strcmp(name, "strncmp") == 0 ||
              strcmp(name, "memcmp") == 0 || strcmp(name, "strcasecmp") == 0 ||
              strcmp(name, "strncasecmp") == 0) && nargs >= 2)
        r = compare_call(e, st, name, args, nargs);
    else if ((strcmp(name, "strlen") == 0 || strcmp(name, "strnlen") == 0) &&
             nargs >= 1) {
        mem_text t;
        int64_t max;
        r = mem_text_at(e, st, args[0], &t) && t.closed ? av_int(e, (int64_t)t.n)
                                                        : unknown_size(e);
        if (name[3] == 'n' && nargs >= 2 && known_int(args[1], &max) &&
            r->kind == AV_INT && r->i > max)
            r = av_int(e, max);
    } else if ((strcmp(name, "strchr") == 0 || strcmp(name, "strrchr") == 0 ||
                strcmp(name, "memchr") == 0 || strcmp(name, "strstr") == 0) &&
               nargs >= 2)
        r = search(e, st, name, args, nargs);
    else if ((strcmp(name, "strspn") == 0 || strcmp(name, "strcspn") == 0 ||
              strcmp(name, "strpbrk") == 0) && nargs >= 2)
        r = span(e, st, name, args);
    else if ((strcmp(name, "atoi") == 0 || strcmp(name, "atol") == 0 ||
              strcmp(name, "atoll") == 0 || strcmp(name, "strtol") == 0 ||
              strcmp(name, "strtoll") == 0 || strcmp(name, "strtoul") == 0 ||
              strcmp(name, "strtoull") == 0) && nargs >= 1)
        r = to_number(e, st, name, args, nargs);
    else if ((strncmp(name, "is", 2) == 0 || strncmp(name, "to", 2) == 0) &&
             nargs == 1 && strlen(name) <= 7)
        r = char_class(e, name, args[0]);
    else if ((strcmp(name, "malloc") == 0 || strcmp(name, "calloc") == 0) &&
             nargs >= 1)
        r = mem_alloc(e, st, name[0] == 'c');
    else if (strcmp(name, "realloc") == 0 && nargs >= 2)
        r = args[0]->kind == AV_NULL ? mem_alloc(e, st, false)
            : args[0]->kind == AV_REF && args[0]->slot >= MEM_HEAP_SLOT
                ? args[0] : av_unknown(e);
    else if ((strcmp(name, "strdup") == 0 || strcmp(name, "strndup") == 0) &&
             nargs >= 1) {
        const char *s = mem_string(e, st, args[0]);
        int64_t n;
        r = mem_alloc(e, st, false);
        if (s && name[4] == 'n' && (nargs < 2 || !known_int(args[1], &n) || n < 0))
            s = NULL;
        else if (s && name[4] == 'n' && (uint64_t)n < strlen(s))
            s = sc_istrn(e, s, (size_t)n);
        if (s)
            mem_write(e, st, r, s, strlen(s) + 1, true);
    } else if (strcmp(name, "strtok") == 0 && nargs >= 2)
        r = tokenize(e, st, args, nargs, false);
    else if (strcmp(name, "strtok_r") == 0 && nargs >= 3)
        r = tokenize(e, st, args, nargs, true);
    else if (strcmp(name, "sscanf") == 0 && nargs >= 2)
        r = scan_known(e, st, args, nargs);
    else if (in_list(pure_fns, name))
        r = av_unknown(e);
    if (!r)
        return false;
    /* computed from a pointer or a number the engine lost: lost too */
    for (uint32_t i = 0; i < nargs && r->kind == AV_TOP && !r->lost; i++)
        r = av_lost_from(e, r, args[i], NULL);
    *ret = r;
    return true;
}
