#include "suppress.h"

#include <fnmatch.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../rules/rule.h"
#include "../util/ctext.h"

enum dir_kind { D_IGNORE, D_NOLINT, D_NEXTLINE, D_BEGIN, D_END, D_FILE };
static const char *const kind_names[] = {"scopecheck: ignore", "NOLINT",
                                         "NOLINTNEXTLINE", "NOLINTBEGIN",
                                         "NOLINTEND", "scopecheck: ignore-file"};

typedef struct sup_arg {
    const char *pat;              /* as written, whitespace removed */
    bool ours;                    /* names scopecheck's rules: reportable */
    bool used;
} sup_arg;

typedef struct sup_dir {
    enum dir_kind kind;
    uint32_t line, col, offset, end_offset; /* the directive itself */
    uint32_t first, last;                   /* the lines it silences */
    uint32_t comment_end;                   /* the last line of its comment */
    const char *args_key;                   /* the argument list, normalized */
    const char *text;                       /* for messages */
    sup_arg *args;
    size_t nargs;                           /* 0: every rule */
    bool active;                            /* BEGIN with its END, ... */
    bool used;
} sup_dir;

typedef struct sup_file {
    const char *path;
    SC_VEC(sup_dir *) dirs;       /* in the file's order */
    SC_VEC(sup_dir *) lines;      /* one-line ones, sorted by line */
    SC_VEC(sup_dir *) ranges;     /* BEGIN/END ranges */
} sup_file;

struct sc_suppressions {
    sc_arena arena;
    sup_file **slots;             /* hash of files by path */
    size_t cap, count;
    SC_VEC(sup_file *) order;     /* in the order scanned */
};

sc_suppressions *suppress_new(void)
{
    sc_suppressions *s = sc_xmalloc(sizeof *s);
    memset(s, 0, sizeof *s);
    s->cap = 64;
    s->slots = sc_xmalloc(s->cap * sizeof *s->slots);
    memset(s->slots, 0, s->cap * sizeof *s->slots);
    return s;
}

void suppress_free(sc_suppressions *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->order.len; i++) {
        SC_VEC_FREE(s->order.items[i]->dirs);
        SC_VEC_FREE(s->order.items[i]->lines);
        SC_VEC_FREE(s->order.items[i]->ranges);
    }
    SC_VEC_FREE(s->order);
    free(s->slots);
    sc_arena_free(&s->arena);
    free(s);
}

static sup_file **slot(sc_suppressions *s, const char *path)
{
    size_t j = (size_t)sc_hash(path, strlen(path)) & (s->cap - 1);
    while (s->slots[j] && strcmp(s->slots[j]->path, path) != 0)
        j = (j + 1) & (s->cap - 1);
    return &s->slots[j];
}

static sup_file *file_entry(sc_suppressions *s, const char *path, bool *fresh)
{
    sup_file **p = slot(s, path);
    *fresh = false;
    if (*p)
        return *p;
    if (2 * (s->count + 1) > s->cap) {
        sup_file **old = s->slots;
        size_t oldcap = s->cap;
        s->cap *= 2;
        s->slots = sc_xmalloc(s->cap * sizeof *s->slots);
        memset(s->slots, 0, s->cap * sizeof *s->slots);
        for (size_t i = 0; i < oldcap; i++)
            if (old[i])
                *slot(s, old[i]->path) = old[i];
        free(old);
        p = slot(s, path);
    }
    sup_file *f = sc_alloc(&s->arena, sizeof *f);
    f->path = sc_strdup(&s->arena, path);
    *p = f;
    s->count++;
    SC_PUSH(s->order, f);
    *fresh = true;
    return f;
}

/* ---- lines and comments ---------------------------------------------------- */

enum { L_CODE = 1, L_COMMENT = 2 };

typedef struct comment {
    size_t start, end;            /* the whole comment, delimiters included */
    uint32_t line, end_line;
    bool block;
} comment;

typedef struct scan {
    sc_suppressions *s;
    sup_file *f;
    sc_report *rep;
    const char *text;
    size_t len;
    unsigned char *flags;         /* per line: L_CODE, L_COMMENT */
    uint32_t nlines;
} scan;

static void mark(scan *sc, uint32_t line, unsigned char fl)
{
    if (line >= 1 && line <= sc->nlines)
        sc->flags[line] |= fl;
}

static void directives(scan *sc, const comment *c);

/* Marks each line as holding code, comments or both, and reads the
 * directives in the comments. */
static void lex(scan *sc)
{
    ctext_lexer lx;
    ctext_tok t;
    ctext_lexer_init(&lx, sc->text, sc->len);
    while (ctext_next(&lx, &t) != CT_END) {
        unsigned char fl = t.kind == CT_COMMENT ? L_COMMENT : L_CODE;
        for (uint32_t line = t.line; line <= t.end_line; line++)
            mark(sc, line, fl);
        if (t.kind == CT_COMMENT) {
            comment c = {t.b, t.e, t.line, t.end_line, sc->text[t.b + 1] == '*'};
            directives(sc, &c);
        }
    }
}

/* ---- directives ---------------------------------------------------------- */

static bool at(const char *t, size_t i, size_t end, const char *word)
{
    size_t n = strlen(word);
    return i + n <= end && memcmp(t + i, word, n) == 0;
}

static uint32_t line_of(scan *sc, const comment *c, size_t off)
{
    uint32_t line = c->line;
    for (size_t i = c->start; i < off; i++)
        line += sc->text[i] == '\n';
    return line;
}

static uint32_t col_of(scan *sc, size_t off)
{
    size_t i = off;
    while (i > 0 && sc->text[i - 1] != '\n')
        i--;
    return (uint32_t)(off - i + 1);
}

static bool matches(const char *pat, const char *rule)
{
    char full[128];
    snprintf(full, sizeof full, "scopecheck-%s", rule);
    return fnmatch(pat, rule, 0) == 0 || fnmatch(pat, full, 0) == 0;
}

static bool matches_any(const char *pat)
{
    for (size_t i = 0; i < sc_nrules; i++)
        if (matches(pat, sc_rules[i]->id))
            return true;
    return false;
}

/* Splits "a, b ,c" (whitespace removed) into d's arguments; unknown rule
 * ids are reported. */
static void parse_args(scan *sc, sup_dir *d, const char *p, size_t n,
                       uint32_t line, const char *open, const char *close)
{
    char *norm = sc_alloc(&sc->s->arena, n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!(p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r' ||
              p[i] == '\f' || p[i] == '\v'))
            norm[k++] = p[i];
    norm[k] = '\0';
    d->args_key = norm;
    /* the directive as messages show it: one line, whatever it spanned */
    d->text = sc_printf(&sc->s->arena, "%s%s%s", open, norm, close);
    size_t count = 1;
    for (size_t i = 0; i < k; i++)
        count += norm[i] == ',';
    d->args = sc_alloc(&sc->s->arena, count * sizeof *d->args);
    d->nargs = 0;
    const char *q = norm;
    while (*q) {
        const char *comma = strchr(q, ',');
        size_t m = comma ? (size_t)(comma - q) : strlen(q);
        if (m) {
            char *pat = sc_strndup(&sc->s->arena, q, m);
            bool negative = pat[0] == '-';
            bool named = strncmp(pat, "scopecheck-", 11) == 0;
            bool any = !negative && matches_any(pat);
            bool glob = strpbrk(pat, "*?[") != NULL;
            /* it silences nothing; the rest of the file is still
             * checked, so a warning, not a failure (a rule of a newer
             * scopecheck, a typo) */
            bool ours_kind = d->kind == D_IGNORE || d->kind == D_FILE;
            if (ours_kind && (negative || !any)) {
                report_warning(sc->rep, "%s:%u: %s '%s' in '%s': it silences "
                                        "nothing (see --list-rules)",
                               sc->f->path, line,
                               glob || negative ? "no rule matches" : "unknown rule",
                               pat, d->text);
            } else if (named && !any) {
                report_warning(sc->rep, "%s:%u: %s '%s' in '%s': it silences "
                                        "nothing (see --list-rules)",
                               sc->f->path, line,
                               glob ? "no rule matches" : "unknown rule",
                               pat, d->text);
            }
            /* an argument that matches none of ours is kept (it silences
             * nothing) so that a directive naming only other tools' checks
             * is not taken for a bare one */
            sup_arg *a = &d->args[d->nargs++];
            a->pat = negative ? "" : pat;
            a->ours = any && (ours_kind || named ||
                              (!glob && sc_rule_index(pat) >= 0));
        }
        q += m + (comma != NULL);
    }
    if (d->nargs == 0 && d->kind != D_IGNORE && d->kind != D_FILE) {
        /* NOLINT() names nothing: clang-tidy silences nothing with it */
        d->args = sc_alloc(&sc->s->arena, sizeof *d->args);
        d->args[0].pat = "";
        d->nargs = 1;
    }
}

/* true if position i of comment c starts its text: after the opening
 * delimiter and blanks, or after a newline, blanks and '*' in a block */
static bool starts_text(scan *sc, const comment *c, size_t i)
{
    const char *t = sc->text;
    size_t k = i;
    while (k > c->start + 2 && (t[k - 1] == ' ' || t[k - 1] == '\t'))
        k--;
    if (k == c->start + 2)
        return true;
    if (c->block) {
        while (k > c->start + 2 && t[k - 1] == '*')
            k--;
        while (k > c->start + 2 && (t[k - 1] == ' ' || t[k - 1] == '\t'))
            k--;
        return k == c->start + 2 || t[k - 1] == '\n';
    }
    /* "///" or "//!" style: more slashes */
    while (k > c->start + 2 && t[k - 1] == '/')
        k--;
    return k == c->start + 2;
}

static sup_dir *new_dir(scan *sc, enum dir_kind kind, const comment *c,
                        size_t off)
{
    sup_dir *d = sc_alloc(&sc->s->arena, sizeof *d);
    d->kind = kind;
    d->line = line_of(sc, c, off);
    d->col = col_of(sc, off);
    d->offset = (uint32_t)off;
    d->comment_end = c->end_line;
    d->active = true;
    return d;
}

/* the first line at or after `from` holding code, skipping lines that hold
 * only comments; a blank line stops it */
static uint32_t next_code_line(scan *sc, uint32_t from)
{
    uint32_t l = from;
    while (l <= sc->nlines && !(sc->flags[l] & L_CODE) &&
           (sc->flags[l] & L_COMMENT))
        l++;
    return l;
}

static void directives(scan *sc, const comment *c)
{
    const char *t = sc->text;
    size_t end = c->block && c->end >= c->start + 4 && t[c->end - 1] == '/'
                     ? c->end - 2 : c->end;
    for (size_t i = c->start + 2; i < end; i++) {
        bool boundary = !ctext_ident_char(t[i - 1]);
        if (t[i] == 'N' && boundary && at(t, i, end, "NOLINT")) {
            size_t k = i + 6;
            enum dir_kind kind = D_NOLINT;
            if (at(t, k, end, "NEXTLINE")) {
                kind = D_NEXTLINE;
                k += 8;
            } else if (at(t, k, end, "BEGIN")) {
                kind = D_BEGIN;
                k += 5;
            } else if (at(t, k, end, "END")) {
                kind = D_END;
                k += 3;
            }
            if (k < end && ctext_ident_char(t[k]))
                continue;         /* NOLINTFOO: not ours */
            sup_dir *d = new_dir(sc, kind, c, i);
            if (k < end && t[k] == '(') {
                size_t close = k + 1;
                while (close < end && t[close] != ')')
                    close++;
                if (close >= end) {
                    report_failure(sc->rep, "%s:%u: '%s(' has no closing ')'",
                                   sc->f->path, d->line, kind_names[kind]);
                    i = k;
                    continue;
                }
                char open[32];
                snprintf(open, sizeof open, "%s(", kind_names[kind]);
                parse_args(sc, d, t + k + 1, close - k - 1, d->line, open, ")");
                k = close + 1;
            } else {
                d->text = kind_names[kind];
                d->args_key = "";
            }
            d->end_offset = (uint32_t)k;
            if (kind == D_NEXTLINE)
                d->first = d->last = d->line + 1;
            else
                d->first = d->last = d->line;
            SC_PUSH(sc->f->dirs, d);
            i = k - 1;
            continue;
        }
        if (t[i] == 's' && boundary && at(t, i, end, "scopecheck") &&
            starts_text(sc, c, i)) {
            size_t k = i + 10;
            while (k < end && (t[k] == ' ' || t[k] == '\t'))
                k++;
            if (k >= end || t[k] != ':')
                continue;
            k++;
            while (k < end && (t[k] == ' ' || t[k] == '\t'))
                k++;
            if (!at(t, k, end, "ignore") || (k + 6 < end && ctext_ident_char(t[k + 6])))
                continue;
            k += 6;
            enum dir_kind kind = D_IGNORE;
            if (at(t, k, end, "-file") && !(k + 5 < end && ctext_ident_char(t[k + 5]))) {
                kind = D_FILE;
                k += 5;
            }
            sup_dir *d = new_dir(sc, kind, c, i);
            size_t b = k;
            while (b < end && (t[b] == ' ' || t[b] == '\t'))
                b++;
            if (b < end && t[b] == '[') {
                size_t close = b + 1;
                while (close < end && t[close] != ']')
                    close++;
                if (close >= end) {
                    report_failure(sc->rep, "%s:%u: '%s[' has no closing ']'",
                                   sc->f->path, d->line, kind_names[kind]);
                    i = b;
                    continue;
                }
                char open[32];
                snprintf(open, sizeof open, "%s[", kind_names[kind]);
                parse_args(sc, d, t + b + 1, close - b - 1, d->line, open, "]");
                k = close + 1;
            } else {
                d->text = kind_names[kind];
                d->args_key = "";
            }
            d->end_offset = (uint32_t)k;
            /* ignore: the line itself when it holds code, else the next
             * code line, decided once the whole file is lexed (see
             * finish_file); ignore-file: every line */
            d->first = kind == D_FILE ? 1 : 0;
            d->last = kind == D_FILE ? UINT32_MAX : 0;
            SC_PUSH(sc->f->dirs, d);
            i = k - 1;
        }
    }
}

static int by_line(const void *a, const void *b)
{
    const sup_dir *x = *(sup_dir *const *)a, *y = *(sup_dir *const *)b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    return x->offset < y->offset ? -1 : x->offset > y->offset;
}

static void finish_file(scan *sc)
{
    sup_file *f = sc->f;
    /* scopecheck: ignore -> its line */
    for (size_t i = 0; i < f->dirs.len; i++) {
        sup_dir *d = f->dirs.items[i];
        if (d->kind != D_IGNORE)
            continue;
        if (d->line <= sc->nlines && (sc->flags[d->line] & L_CODE)) {
            d->first = d->last = d->line;
        } else {
            uint32_t e = d->comment_end;
            uint32_t target = e != d->line && e <= sc->nlines &&
                                      (sc->flags[e] & L_CODE)
                                  ? e : next_code_line(sc, e + 1);
            d->first = d->last = target;
        }
    }
    /* NOLINTBEGIN / NOLINTEND pairs, by identical arguments */
    SC_VEC(sup_dir *) open = {0};
    for (size_t i = 0; i < f->dirs.len; i++) {
        sup_dir *d = f->dirs.items[i];
        if (d->kind == D_BEGIN) {
            d->active = false;
            SC_PUSH(open, d);
        } else if (d->kind == D_END) {
            d->active = false;
            size_t k = open.len;
            while (k > 0 && strcmp(open.items[k - 1]->args_key, d->args_key) != 0)
                k--;
            if (k == 0) {
                report_failure(sc->rep, "%s:%u: %s has no matching NOLINTBEGIN%s",
                               f->path, d->line, d->text,
                               d->nargs ? " with the same arguments" : "");
                continue;
            }
            sup_dir *b = open.items[k - 1];
            memmove(&open.items[k - 1], &open.items[k],
                    (open.len - k) * sizeof *open.items);
            open.len--;
            b->active = true;
            b->last = d->line;
            SC_PUSH(f->ranges, b);
        }
    }
    for (size_t i = 0; i < open.len; i++)
        report_failure(sc->rep, "%s:%u: %s has no matching NOLINTEND%s",
                       f->path, open.items[i]->line, open.items[i]->text,
                       open.items[i]->nargs ? " with the same arguments" : "");
    SC_VEC_FREE(open);
    for (size_t i = 0; i < f->dirs.len; i++) {
        sup_dir *d = f->dirs.items[i];
        if (d->kind == D_FILE)
            SC_PUSH(f->ranges, d);
        else if (d->kind != D_BEGIN && d->kind != D_END)
            SC_PUSH(f->lines, d);
    }
    if (f->lines.len > 1)
        qsort(f->lines.items, f->lines.len, sizeof *f->lines.items, by_line);
}

/* a quick look before lexing: files without any marker are skipped */
static bool may_have_directives(const char *t, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((t[i] == 'N' && at(t, i, len, "NOLINT")) ||
            (t[i] == 's' && at(t, i, len, "scopecheck")))
            return true;
    return false;
}

void suppress_scan(sc_suppressions *s, sc_source_cache *src, const char *file,
                   sc_report *rep)
{
    if (!file)
        return;
    bool fresh;
    sup_file *f = file_entry(s, file, &fresh);
    if (!fresh)
        return;
    size_t len = 0;
    const char *text = source_get(src, file, &len);
    if (!text || !may_have_directives(text, len))
        return;
    scan sc = {s, f, rep, text, len, NULL, 1};
    for (size_t i = 0; i < len; i++)
        sc.nlines += text[i] == '\n';
    sc.flags = sc_xmalloc((size_t)sc.nlines + 2);
    memset(sc.flags, 0, (size_t)sc.nlines + 2);
    lex(&sc);
    finish_file(&sc);
    free(sc.flags);
}

/* ---- applying -------------------------------------------------------------- */

/* does d silence rule? marks the arguments that do */
static bool silences(sup_dir *d, const char *rule)
{
    if (d->nargs == 0)
        return true;
    bool hit = false;
    for (size_t i = 0; i < d->nargs; i++)
        if (d->args[i].pat[0] && matches(d->args[i].pat, rule)) {
            d->args[i].used = true;
            hit = true;
        }
    return hit;
}

size_t suppress_apply(sc_suppressions *s, sc_report *rep, sc_source_cache *src)
{
    size_t n = 0;
    for (size_t i = 0; i < rep->items.len; i++) {
        sc_finding *fi = rep->items.items[i];
        if (!fi->pos.file || !fi->rule)
            continue;
        suppress_scan(s, src, fi->pos.file, rep);
        bool fresh;
        sup_file *f = file_entry(s, fi->pos.file, &fresh);
        uint32_t line = fi->pos.line;
        bool hit = false;
        /* the one-line directives at this line: binary search */
        size_t lo = 0, hi = f->lines.len;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (f->lines.items[mid]->first < line)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t k = lo; k < f->lines.len && f->lines.items[k]->first == line; k++) {
            sup_dir *d = f->lines.items[k];
            if (d->active && silences(d, fi->rule)) {
                d->used = true;
                hit = true;
            }
        }
        for (size_t k = 0; k < f->ranges.len; k++) {
            sup_dir *d = f->ranges.items[k];
            if (d->active && line >= d->first && line <= d->last &&
                silences(d, fi->rule)) {
                d->used = true;
                hit = true;
            }
        }
        if (hit && !fi->suppressed) {
            fi->suppressed = true;
            n++;
        }
    }
    return n;
}

/* ---- unused ones ----------------------------------------------------------- */

static bool arg_enabled(const sc_unused_conf *conf, const char *file,
                        const char *pat)
{
    if (!conf->enabled)
        return true;
    for (size_t i = 0; i < sc_nrules; i++)
        if (matches(pat, sc_rules[i]->id) && conf->enabled(conf->ctx, file, (int)i))
            return true;
    return false;
}

size_t suppress_report_unused(sc_suppressions *s, sc_report *rep,
                              const sc_unused_conf *conf)
{
    size_t added = 0;
    for (size_t fi = 0; fi < s->order.len; fi++) {
        sup_file *f = s->order.items[fi];
        sc_severity sev = SC_SEV_WARNING;
        if (!f->dirs.len || !conf->report(conf->ctx, f->path, &sev))
            continue;
        for (size_t k = 0; k < f->dirs.len; k++) {
            sup_dir *d = f->dirs.items[k];
            if (!d->active || d->kind == D_END)
                continue;
            char what[1024];
            size_t w = 0;
            what[0] = '\0';
            if (d->nargs == 0) {
                if ((d->kind != D_IGNORE && d->kind != D_FILE) || d->used)
                    continue;
            } else {
                int nunused = 0;
                for (size_t a = 0; a < d->nargs; a++) {
                    sup_arg *g = &d->args[a];
                    if (g->used || !g->ours || !arg_enabled(conf, f->path, g->pat))
                        continue;
                    if (w < sizeof what - 1)
                        w += (size_t)snprintf(what + w, sizeof what - w, "%s%s",
                                              nunused ? " or " : "", g->pat);
                    nunused++;
                }
                if (!nunused)
                    continue;
            }
            if (w >= sizeof what)
                w = sizeof what - 1;
            char where[64];
            if (d->kind == D_FILE)
                snprintf(where, sizeof where, "in this file");
            else if (d->kind == D_BEGIN)
                snprintf(where, sizeof where, "in lines %u-%u", d->first, d->last);
            else
                snprintf(where, sizeof where, "on line %u", d->first);
            sc_pos p = {0};
            p.file = f->path;
            p.line = p.end_line = d->line;
            p.col = d->col;
            p.end_col = d->col + (d->end_offset - d->offset);
            p.offset = d->offset;
            p.end_offset = d->end_offset;
            const char *msg = report_fmt(
                rep, "'%s' silences nothing: no %s%sfinding %s", d->text,
                what, w ? " " : "", where);
            report_add(rep, SC_UNUSED_SUPPRESSION, sev, &p, msg);
            added++;
        }
    }
    return added;
}
