#include "fix.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/file.h"

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

size_t fix_apply(sc_report *rep, const sc_strmap *hashes, size_t *nfiles)
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
        char *text = sc_read_file(file, &len);
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
        if (rlen != len || memcmp(result, text, len) != 0) {
            if (replace_file(file, result, rlen)) {
                (*nfiles)++;
                for (size_t k = 0; k < mine.len; k++)
                    if (!in((const sc_finding *const *)dropped.items, dropped.len,
                            mine.items[k].finding) &&
                        !in((const sc_finding *const *)fixed.items, fixed.len,
                            mine.items[k].finding))
                        SC_PUSH(fixed, mine.items[k].finding);
            } else {
                report_failure(rep, "%s: not fixed: cannot write the file (%s)",
                               file, strerror(errno));
            }
        }
        free(result);
        free(text);
        SC_VEC_FREE(mine);
    }
    /* the fixed findings are gone */
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
