#include "findings.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void report_init(sc_report *r)
{
    memset(r, 0, sizeof *r);
    r->strings.arena = &r->arena;
}

void report_free(sc_report *r)
{
    for (size_t i = 0; i < r->items.len; i++) {
        sc_finding *f = r->items.items[i];
        SC_VEC_FREE(f->notes);
        for (size_t k = 0; k < f->fixes.len; k++)
            free(f->fixes.items[k].edits);
        SC_VEC_FREE(f->fixes);
    }
    SC_VEC_FREE(r->items);
    SC_VEC_FREE(r->failures);
    SC_VEC_FREE(r->warnings);
    sc_interner_free(&r->strings);
    sc_arena_free(&r->arena);
}

const char *report_str(sc_report *r, const char *s)
{
    return s ? sc_intern_cstr(&r->strings, s) : NULL;
}

static const char *vfmt(sc_report *r, const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    char *s = sc_alloc(&r->arena, (size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

const char *report_fmt(sc_report *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *s = vfmt(r, fmt, ap);
    va_end(ap);
    return s;
}

sc_finding *report_add(sc_report *r, const char *rule, sc_severity sev,
                       const sc_pos *pos, const char *msg)
{
    sc_finding *f = sc_alloc(&r->arena, sizeof *f);
    f->rule = rule;
    f->severity = sev;
    f->pos = *pos;
    f->pos.file = report_str(r, pos->file);
    f->msg = sc_strdup(&r->arena, msg);
    f->seq = r->items.len;
    SC_PUSH(r->items, f);
    return f;
}

void finding_note(sc_report *r, sc_finding *f, const sc_pos *pos,
                  const char *fmt, ...)
{
    sc_note n;
    n.pos = *pos;
    n.pos.file = report_str(r, pos->file);
    va_list ap;
    va_start(ap, fmt);
    n.msg = vfmt(r, fmt, ap);
    va_end(ap);
    SC_PUSH(f->notes, n);
}

void finding_fix(sc_report *r, sc_finding *f, const char *msg,
                 const char *file, uint32_t offset, uint32_t end_offset,
                 const char *text)
{
    sc_fix fx;
    fx.msg = sc_strdup(&r->arena, msg);
    fx.edits = sc_xmalloc(sizeof *fx.edits);
    fx.edits[0].file = report_str(r, file);
    fx.edits[0].offset = offset;
    fx.edits[0].end_offset = end_offset;
    fx.edits[0].text = sc_strdup(&r->arena, text);
    fx.nedits = 1;
    SC_PUSH(f->fixes, fx);
}

void finding_fix_edits(sc_report *r, sc_finding *f, const char *msg,
                       const sc_edit *edits, size_t n)
{
    sc_fix fx;
    fx.msg = sc_strdup(&r->arena, msg);
    fx.edits = sc_xmalloc((n ? n : 1) * sizeof *fx.edits);
    for (size_t i = 0; i < n; i++) {
        fx.edits[i] = edits[i];
        fx.edits[i].file = report_str(r, edits[i].file);
        fx.edits[i].text = sc_strdup(&r->arena, edits[i].text);
    }
    fx.nedits = n;
    SC_PUSH(f->fixes, fx);
}

void report_failure(sc_report *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *s = vfmt(r, fmt, ap);
    va_end(ap);
    SC_PUSH(r->failures, s);
}

void report_warning(sc_report *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *s = vfmt(r, fmt, ap);
    va_end(ap);
    for (size_t i = 0; i < r->warnings.len; i++)
        if (strcmp(r->warnings.items[i], s) == 0)
            return;               /* said once */
    SC_PUSH(r->warnings, s);
}

static int same_place(const void *a, const void *b)
{
    const sc_finding *x = *(sc_finding *const *)a, *y = *(sc_finding *const *)b;
    int c = strcmp(x->pos.file ? x->pos.file : "", y->pos.file ? y->pos.file : "");
    if (c)
        return c;
    if (x->pos.line != y->pos.line)
        return x->pos.line < y->pos.line ? -1 : 1;
    if (x->pos.col != y->pos.col)
        return x->pos.col < y->pos.col ? -1 : 1;
    return strcmp(x->rule, y->rule);
}

static int cmp(const void *a, const void *b)
{
    int c = same_place(a, b);
    if (c)
        return c;
    const sc_finding *x = *(sc_finding *const *)a, *y = *(sc_finding *const *)b;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void report_finish(sc_report *r)
{
    /* ties keep the order of discovery: the first path found speaks */
    size_t n = r->items.len;
    if (n > 1)
        qsort(r->items.items, n, sizeof *r->items.items, cmp);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (k > 0 && same_place(&r->items.items[k - 1], &r->items.items[i]) == 0) {
            sc_finding *dup = r->items.items[i], *kept = r->items.items[k - 1];
            /* the same finding reached twice: keep the most severe (a
             * call that fails surely on one path is an error, whatever
             * --strict says of it on another: "could fail" never demotes
             * it), then the one that can be fixed (a path-level
             * scope-leak over the one at graph free) */
            if (dup->severity > kept->severity ||
                (dup->severity == kept->severity &&
                 dup->fixes.len > kept->fixes.len)) {
                r->items.items[i] = r->items.items[k - 1];
                r->items.items[k - 1] = dup;
                dup = r->items.items[i];
            }
            SC_VEC_FREE(dup->notes);
            for (size_t m = 0; m < dup->fixes.len; m++)
                free(dup->fixes.items[m].edits);
            SC_VEC_FREE(dup->fixes);
            continue;
        }
        r->items.items[k++] = r->items.items[i];
    }
    r->items.len = k;
}

size_t report_count(const sc_report *r, sc_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < r->items.len; i++)
        if (!r->items.items[i]->suppressed && r->items.items[i]->severity == sev)
            n++;
    return n;
}

size_t report_count_rule(const sc_report *r, const char *rule)
{
    size_t n = 0;
    for (size_t i = 0; i < r->items.len; i++)
        if (!r->items.items[i]->suppressed &&
            strcmp(r->items.items[i]->rule, rule) == 0)
            n++;
    return n;
}
