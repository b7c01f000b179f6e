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

#define CONTEXT 3

/* Prints the changes as unified diff hunks with 3 lines of context,
 * merging changes whose contexts touch (as diff -u does). */
static void print_hunks(FILE *out, const lines *o, const lines *n,
                        const change *ch, size_t nch)
{
    for (size_t i = 0; i < nch;) {
        size_t j = i;
        while (j + 1 < nch && ch[j + 1].a <= ch[j].b + 2 * CONTEXT)
            j++;
        size_t a0 = ch[i].a > CONTEXT ? ch[i].a - CONTEXT : 0;
        size_t b1 = ch[j].b + CONTEXT < nlines(o) ? ch[j].b + CONTEXT : nlines(o);
        size_t shift_start = ch[i].c - ch[i].a;     /* new = old + shift */
        size_t c0 = a0 + shift_start;
        size_t d1 = b1 + (ch[j].d - ch[j].b);
        size_t olen = b1 - a0, nlen = d1 - c0;
        fprintf(out, "@@ -%zu", olen ? a0 + 1 : a0);
        if (olen != 1)
            fprintf(out, ",%zu", olen);
        fprintf(out, " +%zu", nlen ? c0 + 1 : c0);
        if (nlen != 1)
            fprintf(out, ",%zu", nlen);
        fputs(" @@\n", out);
        size_t at = a0;
        for (size_t k = i; k <= j; k++) {
            for (; at < ch[k].a; at++)
                put_line(out, ' ', o, at);
            for (size_t x = ch[k].a; x < ch[k].b; x++)
                put_line(out, '-', o, x);
            for (size_t x = ch[k].c; x < ch[k].d; x++)
                put_line(out, '+', n, x);
            at = ch[k].b;
        }
        for (; at < b1; at++)
            put_line(out, ' ', o, at);
        i = j + 1;
    }
}

/* The diff of a file and its fixed text: the edits (sorted, kept ones
 * only) say which lines changed, so no search is needed. */
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
    /* lines an edit rewrote to themselves (an insertion before a line
     * keeps that line) are context, as diff -u shows them */
    for (size_t k = 0; k < ch.len; k++) {
        change *x = &ch.items[k];
        while (x->a < x->b && x->c < x->d && same_line(&o, x->a, &n, x->c))
            x->a++, x->c++;
        while (x->a < x->b && x->c < x->d && same_line(&o, x->b - 1, &n, x->d - 1))
            x->b--, x->d--;
    }
    fprintf(out, "--- %s\n+++ %s\n", file, file);
    print_hunks(out, &o, &n, ch.items, ch.len);
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
