/* C source text read without a compiler: the one scanner shared by the
 * front end's operator recovery (frontend/lower_ops.c), the pre-scan
 * (cli/prescan.c), suppression comments (cli/suppress.c) and the rules'
 * fix-its (rules/common.c).
 *
 * It knows C's lexical layer only (translation phases 2-3): comments,
 * backslash-newline splices, string and character literals with their
 * encoding prefixes, preprocessing numbers (1.5e+3, 0x1p-3), identifiers
 * (with '$' and bytes >= 0x80, as gcc and clang accept), and the
 * punctuators, longest first.  Nothing is preprocessed: a macro name is an
 * identifier.  Positions are byte offsets; an end is exclusive.  No
 * function reads past n, and a literal or comment left open ends at n (or,
 * for a literal, at the newline), so any bytes are safe to scan. */
#ifndef SC_CTEXT_H
#define SC_CTEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

bool ctext_ident_start(char c);
bool ctext_ident_char(char c);
bool ctext_is_digit(char c);

/* The length of the backslash-newline (or backslash-CR-LF) at i, else 0. */
size_t ctext_splice(const char *s, size_t n, size_t i);

/* Past the blanks, newlines, splices and comments that start at i. */
size_t ctext_skip_blank(const char *s, size_t n, size_t i);
/* Backward from i (exclusive): the position just past the previous
 * significant byte, skipping blanks, newlines, splices and comments (a
 * line comment is found by reading its line from the start). */
size_t ctext_skip_blank_back(const char *s, size_t i);
/* The end of the string or character literal whose quote is at i. */
size_t ctext_quoted_end(const char *s, size_t n, size_t i);
/* The end of the token that starts at i (i < n, not a blank). */
size_t ctext_token_end(const char *s, size_t n, size_t i);
/* The start of the token that ends at `end`. */
size_t ctext_token_start_before(const char *s, size_t end);
/* Just past the group ('(' '[' '{') that opens at i with its brackets
 * balanced, or 0 if it does not close before n. */
size_t ctext_group_end(const char *s, size_t n, size_t i);
/* Whether [b, e) is exactly the word w. */
bool ctext_is(const char *s, size_t b, size_t e, const char *w);

/* ---- a lexer over a whole text, for scans that keep line numbers ---- */

typedef enum ctext_kind {
    CT_END, CT_IDENT, CT_NUMBER, CT_STRING, CT_CHAR, CT_PUNCT, CT_COMMENT
} ctext_kind;

typedef struct ctext_tok {
    ctext_kind kind;
    size_t b, e;                 /* [b, e): the token, delimiters included */
    uint32_t line, end_line;     /* 1-based lines of b and of e's last byte */
    bool line_start;             /* first token of its line (comments do
                                    not count): where # starts a directive */
} ctext_tok;

typedef struct ctext_lexer {
    const char *s;
    size_t n, i;
    uint32_t line;
    bool line_start;
} ctext_lexer;

void ctext_lexer_init(ctext_lexer *lx, const char *s, size_t n);
/* The next token or comment; CT_END at the end of the text. */
ctext_kind ctext_next(ctext_lexer *lx, ctext_tok *t);
/* Moves to the end of the current logical line (its newline not taken). */
void ctext_skip_line(ctext_lexer *lx);

#endif
