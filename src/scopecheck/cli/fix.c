#include "fix.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/file.h"
#include "overlay.h"

typedef struct pending {
    const sc_edit *edit;
    sc_finding *finding;
} pending;

static int by_offset(const void *a, const void *b)
{
    const sc_edit *x = ((const pending *)a)->edit, *y = ((const pending *)b)->edit;
    if (x->offset != y->offset)
        return x->offset < y->offset ? -1 : 1;
    if (x->end_offset != y->end_offset)
        return x->end_offset < y->end_offset ? -1 : 1;
    return strcmp(x->text, y->text);
}

/* Writes text over path through a temporary file in the same directory,
 * keeping the file's mode. */
static bool replace_file(const char *path, const char *text, size_t len)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return false;
    size_t n = strlen(path) + 16;
    char *tmp = sc_xmalloc(n);
    snprintf(tmp, n, "%s.XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        free(tmp);
        return false;
    }
    bool ok = fchmod(fd, st.st_mode & 07777) == 0;
    for (size_t done = 0; ok && done < len;) {
        ssize_t w = write(fd, text + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        ok = w > 0;
        done += w > 0 ? (size_t)w : 0;
    }
    ok = fsync(fd) == 0 && ok;
    ok = close(fd) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        unlink(tmp);
        ok = false;
    }
    free(tmp);
    return ok;
}

static bool in(const sc_finding *const *v, size_t n, const sc_finding *f)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == f)
            return true;
    return false;
}

/* ---- unified diffs ---- */

typedef struct lines {
    const char *text;
    size_t len;
    SC_VEC(size_t) start;         /* offset of each line; one more: len */
} lines;

static void split_lines(lines *l, const char *text, size_t len)
{
    l->text = text;
    l->len = len;
    SC_PUSH(l->start, 0);
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n' && i + 1 < len)
            SC_PUSH(l->start, i + 1);
    SC_PUSH(l->start, len);
}

static size_t nlines(const lines *l)
{
    return l->len ? l->start.len - 1 : 0;
}

/* the 0-based line holding byte off */
static size_t line_at(const lines *l, size_t off)
{
    size_t lo = 0, hi = nlines(l);
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (l->start.items[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static void put_line(FILE *out, char mark, const lines *l, size_t i)
{
    size_t a = l->start.items[i], b = l->start.items[i + 1];
    fputc(mark, out);
    fwrite(l->text + a, 1, b - a, out);
    if (b == a || l->text[b - 1] != '\n')
        fputs("\n\\ No newline at end of file\n", out);
}

static bool same_line(const lines *o, size_t i, const lines *n, size_t j)
{
    size_t la = o->start.items[i + 1] - o->start.items[i],
           lb = n->start.items[j + 1] - n->start.items[j];
    return la == lb &&
           memcmp(o->text + o->start.items[i], n->text + n->start.items[j], la) == 0;
}

/* A change: old lines [a, b) became new lines [c, d). */
typedef struct change {
    size_t a, b, c, d;
} change;

/* one line of the diff: ' ' both, '-' old only, '+' new only */
typedef struct op {
    char kind;
    size_t old, new;
} op;
typedef SC_VEC(op) ops;

#define CONTEXT 3
#define LCS_MAX 400               /* lines per side aligned line by line */

/* The lines of a change aligned by their longest common subsequence, as
 * diff does (deletions before insertions between common lines); a change
 * too large for that is all deletions, then all insertions. */
static void align(ops *out, const lines *o, const lines *n, const change *x)
{
    size_t m = x->b - x->a, k = x->d - x->c;
    if (m == 0 || k == 0 || m > LCS_MAX || k > LCS_MAX) {
        for (size_t i = x->a; i < x->b; i++)
            SC_PUSH(*out, ((op){'-', i, 0}));
        for (size_t j = x->c; j < x->d; j++)
            SC_PUSH(*out, ((op){'+', 0, j}));
        return;
    }
    /* len[i][j]: the LCS of old[a+i..b) and new[c+j..d) */
    size_t *len = sc_xmalloc((m + 1) * (k + 1) * sizeof *len);
#define L(i, j) len[(i) * (k + 1) + (j)]
    for (size_t i = m + 1; i-- > 0;)
        for (size_t j = k + 1; j-- > 0;)
            L(i, j) = i == m || j == k ? 0
                    : same_line(o, x->a + i, n, x->c + j) ? L(i + 1, j + 1) + 1
                    : L(i + 1, j) >= L(i, j + 1) ? L(i + 1, j) : L(i, j + 1);
    size_t i = 0, j = 0;
    while (i < m || j < k) {
        if (i < m && j < k && same_line(o, x->a + i, n, x->c + j) &&
            L(i, j) == L(i + 1, j + 1) + 1) {
            SC_PUSH(*out, ((op){' ', x->a + i, x->c + j}));
            i++, j++;
        } else if (i < m && (j == k || L(i + 1, j) >= L(i, j + 1))) {
            SC_PUSH(*out, ((op){'-', x->a + i, 0}));
            i++;
        } else {
            SC_PUSH(*out, ((op){'+', 0, x->c + j}));
            j++;
        }
    }
#undef L
    free(len);
}

/* Prints the script as unified diff hunks with 3 lines of context,
 * merging hunks whose contexts touch, as diff -u does. */
static void print_hunks(FILE *out, const lines *o, const lines *n, const ops *s)
{
    size_t i = 0;
    while (i < s->len) {
        while (i < s->len && s->items[i].kind == ' ')
            i++;
        if (i == s->len)
            break;
        size_t first = i >= CONTEXT ? i - CONTEXT : 0, last = i;
        /* extend while the next change is within 2 * CONTEXT lines */
        for (size_t k = i; k < s->len; k++)
            if (s->items[k].kind != ' ') {
                if (k > last + 2 * CONTEXT)
                    break;
                last = k;
            }
        size_t end = last + 1 + CONTEXT < s->len ? last + 1 + CONTEXT : s->len;
        size_t a0 = 0, c0 = 0, olen = 0, nlen = 0;
        bool have_a = false, have_c = false;
        for (size_t k = first; k < end; k++) {
            const op *x = &s->items[k];
            if (x->kind != '+') {
                if (!have_a)
                    a0 = x->old, have_a = true;
                olen++;
            }
            if (x->kind != '-') {
                if (!have_c)
                    c0 = x->new, have_c = true;
                nlen++;
            }
        }
        /* an empty side is named by the line before it (diff's rule) */
        if (!have_a)
            for (size_t k = first; k-- > 0;)
                if (s->items[k].kind != '+') {
                    a0 = s->items[k].old + 1;
                    break;
                }
        if (!have_c)
            for (size_t k = first; k-- > 0;)
                if (s->items[k].kind != '-') {
                    c0 = s->items[k].new + 1;
                    break;
                }
        fprintf(out, "@@ -%zu", olen ? a0 + 1 : a0);
        if (olen != 1)
            fprintf(out, ",%zu", olen);
        fprintf(out, " +%zu", nlen ? c0 + 1 : c0);
        if (nlen != 1)
            fprintf(out, ",%zu", nlen);
        fputs(" @@\n", out);
        for (size_t k = first; k < end; k++) {
            const op *x = &s->items[k];
            if (x->kind == '+')
                put_line(out, '+', n, x->new);
            else
                put_line(out, x->kind, o, x->old);
        }
        i = end;
    }
}

/* The diff of a file and its fixed text: the edits (sorted, kept ones
 * only) say which lines changed, so only those are aligned. */
static void print_diff(FILE *out, const char *file, const char *old, size_t oldlen,
                       const char *new, size_t newlen, const sc_edit *const *edits,
                       size_t nedits)
{
    lines o = {0}, n = {0};
    split_lines(&o, old, oldlen);
    split_lines(&n, new, newlen);
    SC_VEC(change) ch = {0};
    long shift = 0;               /* bytes added before the current edit */
    for (size_t k = 0; k < nedits; k++) {
        const sc_edit *e = edits[k];
        size_t a = line_at(&o, e->offset);
        size_t b = line_at(&o, e->end_offset > e->offset ? e->end_offset - 1
                                                          : e->offset) + 1;
        long grow = (long)strlen(e->text) - (long)(e->end_offset - e->offset);
        /* the old lines [a, b) and what they became */
        size_t ns = (size_t)((long)o.start.items[a] + shift);
        size_t ne = (size_t)((long)o.start.items[b] + shift + grow);
        size_t c = line_at(&n, ns), d = ne > ns ? line_at(&n, ne - 1) + 1 : c;
        if (ne >= newlen && newlen)
            d = nlines(&n);
        shift += grow;
        if (ch.len && a < ch.items[ch.len - 1].b) {
            /* a second edit on a line already changed: one change */
            ch.items[ch.len - 1].b = b > ch.items[ch.len - 1].b ? b : ch.items[ch.len - 1].b;
            ch.items[ch.len - 1].d = d;
        } else {
            change x = {a, b, c, d};
            SC_PUSH(ch, x);
        }
    }
    /* the whole script: common lines between the changes, each change
     * aligned */
    ops script = {0};
    size_t ai = 0, ci = 0;
    for (size_t k = 0; k < ch.len; k++) {
        const change *x = &ch.items[k];
        for (; ai < x->a; ai++, ci++)
            SC_PUSH(script, ((op){' ', ai, ci}));
        align(&script, &o, &n, x);
        ai = x->b;
        ci = x->d;
    }
    for (; ai < nlines(&o) && ci < nlines(&n); ai++, ci++)
        SC_PUSH(script, ((op){' ', ai, ci}));
    fprintf(out, "--- %s\n+++ %s\n", file, file);
    print_hunks(out, &o, &n, &script);
    SC_VEC_FREE(script);
    SC_VEC_FREE(ch);
    SC_VEC_FREE(o.start);
    SC_VEC_FREE(n.start);
}

size_t fix_apply(sc_report *rep, const sc_strmap *hashes, size_t *nfiles)
{
    return fix_run(rep, hashes, NULL, SC_FIX_WRITE, NULL, nfiles);
}

size_t fix_run(sc_report *rep, const sc_strmap *hashes,
               const sc_overlays *overlays, sc_fix_mode mode, FILE *out,
               size_t *nfiles)
{
    SC_VEC(pending) all = {0};
    for (size_t i = 0; i < rep->items.len; i++) {
        sc_finding *f = rep->items.items[i];
        if (f->suppressed || f->fixes.len == 0)
            continue;
        const sc_fix *fx = &f->fixes.items[0];
        for (size_t k = 0; k < fx->nedits; k++) {
            pending p = {&fx->edits[k], f};
            SC_PUSH(all, p);
        }
    }
    SC_VEC(sc_finding *) fixed = {0};
    SC_VEC(sc_finding *) dropped = {0};
    *nfiles = 0;
    /* file by file */
    for (size_t i = 0; i < all.len; i++) {
        const char *file = all.items[i].edit->file;
        bool seen = false;
        for (size_t k = 0; k < i; k++)
            seen |= strcmp(all.items[k].edit->file, file) == 0;
        if (seen)
            continue;
        SC_VEC(pending) mine = {0};
        for (size_t k = i; k < all.len; k++)
            if (strcmp(all.items[k].edit->file, file) == 0)
                SC_PUSH(mine, all.items[k]);
        size_t len;
        const sc_overlay *ov = overlay_find(overlays, file);
        char *text = ov ? sc_xstrdup(ov->text) : sc_read_file(file, &len);
        if (ov)
            len = ov->len;
        const uint64_t *was = sc_strmap_get(hashes, file);
        if (!text || !was || sc_fnv1a(SC_FNV_INIT, text, len) != *was) {
            report_failure(rep, "%s: not fixed: the file changed since it was "
                                "checked (or was not checked)", file);
            free(text);
            SC_VEC_FREE(mine);
            continue;
        }
        if (mine.len > 1)
            qsort(mine.items, mine.len, sizeof *mine.items, by_offset);
        /* A finding's edits go in together or not at all: a finding with
         * an edit that overlaps another's (or inserts different text at
         * the same point) is left unfixed.  Equal edits are one edit. */
        const sc_edit *prev = NULL;
        uint32_t end = 0;
        for (size_t k = 0; k < mine.len; k++) {
            const sc_edit *e = mine.items[k].edit;
            if (prev && by_offset(&mine.items[k - 1], &mine.items[k]) == 0)
                continue;
            bool clash = e->end_offset > len || e->offset > e->end_offset ||
                         (prev && (e->offset < end ||
                                   (e->offset == prev->offset &&
                                    e->offset == e->end_offset)));
            if (clash)
                SC_PUSH(dropped, mine.items[k].finding);
            else {
                prev = e;
                if (e->end_offset > end)
                    end = e->end_offset;
            }
        }
        /* apply from the end, so that earlier offsets stay valid */
        char *result = sc_xmalloc(len + 1);
        memcpy(result, text, len);
        size_t rlen = len;
        for (size_t k = mine.len; k-- > 0;) {
            const sc_edit *e = mine.items[k].edit;
            if (in((const sc_finding *const *)dropped.items, dropped.len,
                   mine.items[k].finding) ||
                (k > 0 && by_offset(&mine.items[k - 1], &mine.items[k]) == 0))
                continue;
            size_t tl = strlen(e->text), cut = e->end_offset - e->offset;
            char *nr = sc_xmalloc(rlen - cut + tl + 1);
            memcpy(nr, result, e->offset);
            memcpy(nr + e->offset, e->text, tl);
            memcpy(nr + e->offset + tl, result + e->end_offset, rlen - e->end_offset);
            rlen = rlen - cut + tl;
            free(result);
            result = nr;
        }
        bool wrote = false;
        if (rlen != len || memcmp(result, text, len) != 0) {
            if (mode == SC_FIX_DIFF) {
                SC_VEC(const sc_edit *) kept = {0};
                for (size_t k = 0; k < mine.len; k++)
                    if (!in((const sc_finding *const *)dropped.items, dropped.len,
                            mine.items[k].finding) &&
                        !(k > 0 && by_offset(&mine.items[k - 1], &mine.items[k]) == 0))
                        SC_PUSH(kept, mine.items[k].edit);
                print_diff(out, file, text, len, result, rlen, kept.items, kept.len);
                SC_VEC_FREE(kept);
                wrote = true;
            } else if (mode == SC_FIX_PRINT && ov) {
                wrote = fwrite(result, 1, rlen, out) == rlen;
            } else if (!ov && replace_file(file, result, rlen)) {
                wrote = true;
            } else {
                report_failure(rep, "%s: not fixed: cannot write the file (%s)",
                               file, ov ? "it is not on disk" : strerror(errno));
            }
        }
        if (wrote) {
            (*nfiles)++;
            for (size_t k = 0; k < mine.len; k++)
                if (!in((const sc_finding *const *)dropped.items, dropped.len,
                        mine.items[k].finding) &&
                    !in((const sc_finding *const *)fixed.items, fixed.len,
                        mine.items[k].finding))
                    SC_PUSH(fixed, mine.items[k].finding);
        }
        free(result);
        free(text);
        SC_VEC_FREE(mine);
    }
    /* the fixed findings are gone (a diff only shows them) */
    if (mode == SC_FIX_DIFF) {
        size_t n = fixed.len;
        SC_VEC_FREE(fixed);
        SC_VEC_FREE(dropped);
        SC_VEC_FREE(all);
        return n;
    }
    size_t k = 0;
    for (size_t i = 0; i < rep->items.len; i++)
        if (!in((const sc_finding *const *)fixed.items, fixed.len,
                rep->items.items[i]))
            rep->items.items[k++] = rep->items.items[i];
    size_t n = fixed.len;
    for (size_t i = 0; i < fixed.len; i++) {
        sc_finding *f = fixed.items[i];
        SC_VEC_FREE(f->notes);
        for (size_t m = 0; m < f->fixes.len; m++)
            free(f->fixes.items[m].edits);
        SC_VEC_FREE(f->fixes);
    }
    rep->items.len = k;
    SC_VEC_FREE(fixed);
    SC_VEC_FREE(dropped);
    SC_VEC_FREE(all);
    return n;
}
