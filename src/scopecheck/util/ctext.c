/* See ctext.h. */
#include "ctext.h"

#include <string.h>

bool ctext_ident_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' ||
           (unsigned char)c >= 0x80;
}

bool ctext_ident_char(char c)
{
    return ctext_ident_start(c) || (c >= '0' && c <= '9');
}

bool ctext_is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

size_t ctext_splice(const char *s, size_t n, size_t i)
{
    if (i >= n || s[i] != '\\')
        return 0;
    if (i + 1 < n && s[i + 1] == '\n')
        return 2;
    if (i + 2 < n && s[i + 1] == '\r' && s[i + 2] == '\n')
        return 3;
    return 0;
}

/* The end of the comment that starts at i ("//" or "/ *"): a line comment
 * stops before its newline (splices continue it), a block comment just
 * past its closing delimiter (or at n). */
static size_t comment_end(const char *s, size_t n, size_t i)
{
    if (s[i + 1] == '*') {
        size_t j = i + 2;
        while (j + 1 < n && !(s[j] == '*' && s[j + 1] == '/'))
            j++;
        return j + 2 <= n ? j + 2 : n;
    }
    i += 2;
    while (i < n && s[i] != '\n') {
        size_t k = ctext_splice(s, n, i);
        i += k ? k : 1;
    }
    return i;
}

static bool comment_at(const char *s, size_t n, size_t i)
{
    return s[i] == '/' && i + 1 < n && (s[i + 1] == '/' || s[i + 1] == '*');
}

size_t ctext_skip_blank(const char *s, size_t n, size_t i)
{
    while (i < n) {
        if (is_blank(s[i]))
            i++;
        else if (s[i] == '\\' && i + 1 < n && (s[i + 1] == '\n' || s[i + 1] == '\r'))
            i += 2;
        else if (comment_at(s, n, i))
            i = comment_end(s, n, i);
        else
            break;
    }
    return i;
}

size_t ctext_quoted_end(const char *s, size_t n, size_t i)
{
    char q = s[i++];
    while (i < n && s[i] != q && s[i] != '\n') {
        size_t k = ctext_splice(s, n, i);
        if (k)
            i += k;
        else if (s[i] == '\\' && i + 1 < n)
            i += 2;
        else
            i++;
    }
    return i < n && s[i] == q ? i + 1 : i;    /* an open one stops at its newline */
}

/* The multi-byte punctuators; a byte not starting one is a token alone. */
static const char *const puncts[] = {
    "<<=", ">>=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=",
    "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "##", NULL};

size_t ctext_token_end(const char *s, size_t n, size_t i)
{
    char c = s[i];
    if (ctext_ident_start(c)) {
        size_t j = i;
        while (j < n && ctext_ident_char(s[j]))
            j++;
        /* L"..", u8"..", u'..' */
        if (j < n && (s[j] == '"' || s[j] == '\'') && j - i <= 2 &&
            (s[i] == 'L' || s[i] == 'u' || s[i] == 'U'))
            return ctext_quoted_end(s, n, j);
        return j;
    }
    if (ctext_is_digit(c) || (c == '.' && i + 1 < n && ctext_is_digit(s[i + 1]))) {
        size_t j = i + 1;
        while (j < n) {
            if (ctext_ident_char(s[j]) || s[j] == '.')
                j++;
            else if ((s[j] == '+' || s[j] == '-') && strchr("eEpP", s[j - 1]))
                j++;
            else
                break;
        }
        return j;
    }
    if (c == '"' || c == '\'')
        return ctext_quoted_end(s, n, i);
    if (!strchr("<>.-+&|=!*/%^#", c) || i + 1 >= n)
        return i + 1;
    for (const char *const *p = puncts; *p; p++) {
        if ((*p)[0] != c || (*p)[1] != s[i + 1])
            continue;
        size_t k = (*p)[2] ? 3 : 2;
        if (i + k <= n && (k == 2 || s[i + 2] == (*p)[2]))
            return i + k;
    }
    return i + 1;
}

size_t ctext_group_end(const char *s, size_t n, size_t i)
{
    int depth = 0;
    while (i < n) {
        i = ctext_skip_blank(s, n, i);
        if (i >= n)
            break;
        char c = s[i];
        if (c == '(' || c == '[' || c == '{') {
            depth++;
            i++;
        } else if (c == ')' || c == ']' || c == '}') {
            depth--;
            i++;
            if (depth == 0)
                return i;
            if (depth < 0)
                return 0;
        } else {
            i = ctext_token_end(s, n, i);
        }
    }
    return 0;
}

/* The start of the line comment on the line [ls, le), or le. */
static size_t line_comment(const char *s, size_t ls, size_t le)
{
    size_t i = ls;
    while (i < le) {
        char c = s[i];
        if (c == '"' || c == '\'') {
            i = ctext_quoted_end(s, le, i);
        } else if (c == '/' && i + 1 < le && s[i + 1] == '/') {
            return i;
        } else if (c == '/' && i + 1 < le && s[i + 1] == '*') {
            size_t j = i + 2;
            while (j + 1 < le && !(s[j] == '*' && s[j + 1] == '/'))
                j++;
            if (j + 1 >= le)
                return le;          /* runs past the line: give up */
            i = j + 2;
        } else {
            i++;
        }
    }
    return le;
}

size_t ctext_skip_blank_back(const char *s, size_t i)
{
    while (i > 0) {
        char c = s[i - 1];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            i--;
        } else if (c == '\n') {
            i--;
            if (i > 0 && s[i - 1] == '\\') {
                i--;
                continue;
            }
            /* a line comment on the previous line */
            size_t ls = i;
            while (ls > 0 && s[ls - 1] != '\n')
                ls--;
            i = line_comment(s, ls, i);
        } else if (c == '/' && i >= 2 && s[i - 2] == '*') {
            size_t j = i - 2;
            while (j >= 2 && !(s[j - 2] == '/' && s[j - 1] == '*'))
                j--;
            if (j < 2)
                return i;
            i = j - 2;
        } else {
            break;
        }
    }
    return i;
}

size_t ctext_token_start_before(const char *s, size_t end)
{
    if (end == 0)
        return 0;
    char c = s[end - 1];
    if (c == '"' || c == '\'') {
        size_t j = end - 1;
        while (j > 0) {
            j--;
            if (s[j] == c) {
                size_t k = j, bs = 0;
                while (k > 0 && s[k - 1] == '\\') {
                    k--;
                    bs++;
                }
                if (bs % 2 == 0)
                    break;
            }
        }
        /* encoding prefix */
        size_t p = j;
        while (p > 0 && ctext_ident_char(s[p - 1]) && j - p < 2)
            p--;
        if (p < j && (p == 0 || !ctext_ident_char(s[p - 1]))) {
            size_t len = j - p;
            if ((len == 1 && strchr("LuU", s[p])) || (len == 2 && s[p] == 'u' && s[p + 1] == '8'))
                return p;
        }
        return j;
    }
    if (ctext_ident_char(c)) {
        size_t t = end;
        while (t > 0 && ctext_ident_char(s[t - 1]))
            t--;
        /* part of a number such as 1.5e+3 ? */
        size_t u = t;
        while (u > 0) {
            char p = s[u - 1];
            if (ctext_ident_char(p) || p == '.')
                u--;
            else if ((p == '+' || p == '-') && u >= 2 && strchr("eEpP", s[u - 2]))
                u--;
            else
                break;
        }
        if (u < t && (ctext_is_digit(s[u]) || (s[u] == '.' && ctext_is_digit(s[u + 1]))))
            return u;
        return t;
    }
    if ((c == '+' || c == '-') && end >= 2 && s[end - 2] == c)
        return end - 2;
    return end - 1;
}

bool ctext_is(const char *s, size_t b, size_t e, const char *w)
{
    size_t n = strlen(w);
    return e - b == n && memcmp(s + b, w, n) == 0;
}

/* ---- the lexer ------------------------------------------------------------ */

void ctext_lexer_init(ctext_lexer *lx, const char *s, size_t n)
{
    lx->s = s;
    lx->n = n;
    lx->i = 0;
    lx->line = 1;
    lx->line_start = true;
}

static uint32_t newlines(const char *s, size_t b, size_t e)
{
    uint32_t k = 0;
    for (size_t i = b; i < e; i++)
        k += s[i] == '\n';
    return k;
}

ctext_kind ctext_next(ctext_lexer *lx, ctext_tok *t)
{
    const char *s = lx->s;
    size_t n = lx->n, i = lx->i;
    for (;;) {
        size_t k;
        if (i >= n) {
            lx->i = n;
            memset(t, 0, sizeof *t);
            t->kind = CT_END;
            t->b = t->e = n;
            t->line = t->end_line = lx->line;
            return CT_END;
        }
        if ((k = ctext_splice(s, n, i)) != 0) {
            i += k;
            lx->line++;
        } else if (s[i] == '\n') {
            i++;
            lx->line++;
            lx->line_start = true;
        } else if (is_blank(s[i])) {
            i++;
        } else {
            break;
        }
    }
    t->b = i;
    t->line = lx->line;
    if (comment_at(s, n, i)) {
        t->kind = CT_COMMENT;
        t->e = comment_end(s, n, i);
        t->line_start = false;
    } else {
        char c = s[i];
        t->e = ctext_token_end(s, n, i);
        char last = s[t->e - 1];
        if (ctext_ident_start(c))
            t->kind = t->e - i >= 2 && (last == '"' || last == '\'')
                          ? (last == '"' ? CT_STRING : CT_CHAR) : CT_IDENT;
        else if (ctext_is_digit(c) || (c == '.' && i + 1 < n && ctext_is_digit(s[i + 1])))
            t->kind = CT_NUMBER;
        else if (c == '"')
            t->kind = CT_STRING;
        else if (c == '\'')
            t->kind = CT_CHAR;
        else
            t->kind = CT_PUNCT;
        t->line_start = lx->line_start;
        lx->line_start = false;
    }
    lx->line += newlines(s, t->b, t->e);
    t->end_line = lx->line;
    lx->i = t->e;
    return t->kind;
}

void ctext_skip_line(ctext_lexer *lx)
{
    size_t i = lx->i;
    while (i < lx->n && lx->s[i] != '\n') {
        size_t k = ctext_splice(lx->s, lx->n, i);
        if (k)
            lx->line++;
        i += k ? k : 1;
    }
    lx->i = i;
}
