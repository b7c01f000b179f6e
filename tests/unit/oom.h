/* The allocation-failure harness of the OOM tests (src/varscope/alloc.h:
 * vs__fail_after), shared by test_oom.c and test_oom_models.c.
 *
 * A scenario is a sequence of STEPs, each one library call.  It is run
 * once without failures (the reference), then once for every n = 0, 1,
 * 2, ... with the (n+1)-th allocation failing, until a run makes no more
 * than n allocations (no failure was injected).  In each run the call
 * during which the failure is injected is checked: if it reports
 * no-memory, it must report exactly that one error and leave the graph
 * exactly as before the call (a fingerprint of the whole internal state:
 * the name table, node table, variable store, scope counters, scope stack,
 * current scopes, collections, layer, template, optimizer and moving
 * average objects, object counts); the call is then made again (the
 * injection is one-shot) and the scenario goes on.  Every run must end in
 * the same state and have seen the same results as the reference, and
 * free everything (LeakSanitizer runs at exit). */
#ifndef VS_TEST_OOM_H
#define VS_TEST_OOM_H

#include "helpers.h"
#include "alloc.h"
#include "internal.h"

/* ---- internal fingerprint (pointer-free, order-independent) ------------ */

static inline int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static inline void dump_map(strbuf *b, const char *title, const vs_smap *m, int store)
{
    size_t n = 0, k = 0;
    VS_SMAP_FOREACH(m, i, node) { n++; }
    char **lines = calloc(n + 1, sizeof *lines);
    if (!lines)
        abort();
    VS_SMAP_FOREACH(m, i, node) {
        strbuf l = {0};
        if (store)
            sb_printf(&l, "%s -> %s", node->key, vn((const vs_var *)node->value));
        else
            sb_printf(&l, "%s=%ld", node->key, (long)node->value);
        lines[k++] = l.s;
    }
    qsort(lines, n, sizeof *lines, cmp_str);
    sb_printf(b, "%s (%zu, count field %zu):\n", title, n, m->count);
    for (size_t i = 0; i < n; i++) {
        sb_printf(b, "  %s\n", lines[i]);
        free(lines[i]);
    }
    free(lines);
}

static inline void dump_scope(strbuf *b, const char *title, const vs_scope *s)
{
    if (!s) {
        sb_printf(b, "%s: -\n", title);
        return;
    }
    sb_printf(b, "%s: name=%s ons=%s reuse=%d dtype=%d init=%d %s:%d\n", title,
              sn(s->name), sn(s->original_name_scope), (int)s->reuse,
              (int)s->dtype, (int)s->initializer.kind, sn(s->file), s->line);
}

static inline char *fp_internal(vs_graph *g)
{
    strbuf b = {0};
    fingerprint_into(&b, g);
    sb_printf(&b, "g->name_scope=%s\n", sn(g->name_scope));
    dump_scope(&b, "current", g->current);
    dump_scope(&b, "root", g->root);
    sb_printf(&b, "current is root: %d\n", g->current == g->root);
    sb_printf(&b, "depth=%zu\n", g->depth);
    for (size_t i = 0; i < g->depth; i++) {
        const vs_entry *e = &g->stack[i];
        sb_printf(&b, " entry %zu: kind=%d saved_ns=%s %s:%d\n", i, (int)e->kind,
                  sn(e->saved_name_scope), sn(e->file), e->line);
        dump_scope(&b, "  saved", e->saved_scope);
        dump_scope(&b, "  pushed", e->scope);
        if (e->kind == VS_ENTRY_VAR_REENTER)
            dump_map(&b, "  snapshot", &e->snapshot, 0);
    }
    for (int l = 0; l < VS_LIST_COUNT; l++)
        sb_printf(&b, "list %d: %zu objects\n", l, g->lists[l].len);
    dump_map(&b, "names", &g->names, 0);
    dump_map(&b, "nodes", &g->nodes, 0);
    dump_map(&b, "store", &g->store, 1);
    dump_map(&b, "scope_counts", &g->scope_counts, 0);
    dump_map(&b, "layer_uids", &g->layer_uids, 0);
    sb_printf(&b, "floor=%zu tdepth=%d seed=%d/%lld\n", g->floor, g->tdepth,
              (int)g->has_seed, (long long)g->seed);
    /* collections: key and length (order-independent) */
    {
        vs_smap lens = {0};
        VS_SMAP_FOREACH(&g->collections, i, node) {
            const vs_collection *c = (const vs_collection *)node->value;
            vs_smap_insert(&lens, node->key, node->len, (intptr_t)c->items.len);
        }
        dump_map(&b, "collections", &lens, 0);
        vs_smap_clear(&lens);
    }
    /* the long-lived objects' fields a call may change */
    for (size_t i = 0; i < g->lists[VS_LIST_LAYERS].len; i++) {
        const vs_layer *l = g->lists[VS_LIST_LAYERS].items[i];
        sb_printf(&b, " layer %s scope=%s built=%d dtype=%d w=%d axis=%lld rank=%d "
                  "cached=%s\n", sn(l->name), l->scope ? sn(l->scope->name) : "-",
                  (int)l->built, (int)l->dtype, l->nweights, (long long)l->built_axis,
                  l->built_rank, l->rnncell_scope ? sn(l->rnncell_scope->name) : "-");
    }
    for (size_t i = 0; i < g->lists[VS_LIST_TEMPLATES].len; i++) {
        const vs_template *t = g->lists[VS_LIST_TEMPLATES].items[i];
        sb_printf(&b, " template %s scope=%s first=%d created=%d\n", sn(t->name),
                  t->scope ? sn(t->scope->name) : "-", (int)t->first_call,
                  (int)t->variables_created);
    }
    for (size_t i = 0; i < g->lists[VS_LIST_OPTIMIZERS].len; i++) {
        const vs_optimizer *o = g->lists[VS_LIST_OPTIMIZERS].items[i];
        sb_printf(&b, " optimizer %s slots=%zu beta1=%s\n", sn(o->name), o->slots.len,
                  o->beta1_power ? vn(o->beta1_power) : "-");
    }
    for (size_t i = 0; i < g->lists[VS_LIST_EMAS].len; i++) {
        const vs_ema *e = g->lists[VS_LIST_EMAS].items[i];
        sb_printf(&b, " ema %s averages=%zu\n", sn(e->name), e->averages.len);
    }
    for (size_t i = 0; i < g->lists[VS_LIST_SCOPES].len; i++) {
        const vs_scope *s = g->lists[VS_LIST_SCOPES].items[i];
        sb_printf(&b, " scope %s reuse=%d\n", sn(s->name), (int)s->reuse);
    }
    return b.s;
}

/* Prints the first differing line of two multi-line strings. */
static inline int same_text(const char *what, long n, const char *want, const char *got)
{
    if (strcmp(want, got) == 0)
        return 1;
    const char *a = want, *c = got;
    while (*a && *a == *c) {
        a++;
        c++;
    }
    while (a > want && a[-1] != '\n') {
        a--;
        c--;
    }
    print_error("%s differs (fail_after=%ld) at:\n  want: %.300s\n  got:  %.300s\n",
                what, n, a, c);
    return 0;
}

/* ---- the scenario ------------------------------------------------------ */

#define MAX_STEPS 256

typedef struct run {
    vs_graph *g;
    rec r;
    strbuf transcript;
    long n;                   /* the allocation that fails, -1: none */
    long start;               /* vs__alloc_count() when armed */
    int step;
    long *ref_end;            /* reference: allocations after each step */
    long end_of_step[MAX_STEPS];
    int oom_checked;          /* no-memory failures seen and checked */
} run;

static inline long used(const run *R) { return vs__alloc_count() - R->start; }

/* Whether the injected failure can happen during the next step: it has
 * not happened yet, and the reference run made allocation n during it. */
static inline int may_fail_now(const run *R)
{
    if (R->n < 0 || used(R) > R->n || !R->ref_end)
        return 0;
    return R->ref_end[R->step] > R->n;
}

static inline void step_begin(run *R, char **fp0)
{
    assert_true(R->step < MAX_STEPS);
    *fp0 = may_fail_now(R) ? fp_internal(R->g) : NULL;
    rec_clear(&R->r);
}

/* After the first attempt: returns 1 if it failed for lack of memory
 * (checked: one error, graph unchanged) and must be made again. */
static inline int step_oom(run *R, char *fp0, const char *expr)
{
    if (R->r.count == 0 || R->r.e[0].code != VS_ERR_NO_MEMORY)
        return 0;
    if (!fp0)
        fail_msg("step %d (%s): unexpected no-memory (fail_after=%ld)", R->step,
                 expr, R->n);
    if (R->r.count != 1)
        fail_msg("step %d (%s): %zu errors for one failing call", R->step, expr,
                 R->r.count);
    char *fp1 = fp_internal(R->g);
    int same = same_text(expr, R->n, fp0, fp1);
    free(fp1);
    if (!same)
        fail_msg("step %d (%s): the graph changed in a call that failed with "
                 "no-memory (fail_after=%ld)",
                 R->step, expr, R->n);
    R->oom_checked++;
    rec_clear(&R->r);
    return 1;
}

static inline void step_end(run *R, char *fp0, const char *expr, const char *result)
{
    sb_printf(&R->transcript, "%3d %s => %s", R->step, expr, result);
    for (size_t i = 0; i < R->r.count && i < REC_MAX; i++)
        sb_printf(&R->transcript, " [%s @%d]", vs_code_name(R->r.e[i].code),
                  R->r.e[i].line);
    sb_printf(&R->transcript, "\n");
    rec_clear(&R->r);
    free(fp0);
    R->end_of_step[R->step] = used(R);
    R->step++;
}

#define STEP(R, lhs, expr, DESC)                                             \
    do {                                                                     \
        char *fp0_;                                                          \
        step_begin((R), &fp0_);                                              \
        lhs = (expr);                                                        \
        if (step_oom((R), fp0_, #expr))                                      \
            lhs = (expr);                                                    \
        step_end((R), fp0_, #expr, DESC(lhs));                               \
    } while (0)

#define STEP_VOID(R, expr)                                                   \
    do {                                                                     \
        char *fp0_;                                                          \
        step_begin((R), &fp0_);                                              \
        expr;                                                                \
        if (step_oom((R), fp0_, #expr))                                      \
            expr;                                                            \
        step_end((R), fp0_, #expr, sn(vs_current_name_scope((R)->g)));       \
    } while (0)

static inline const char *d_t(const vs_tensor *t) { return t ? tn(t) : "NULL"; }
static inline const char *d_v(const vs_var *v) { return v ? repr(v) : "NULL"; }
static inline const char *d_n(const char *s) { return s ? s : "NULL"; }
static inline const char *d_s(const vs_scope *s)
{
    static char buf[512];
    if (!s)
        return "NULL";
    snprintf(buf, sizeof buf, "scope %s ons=%s reuse=%d", sn(vs_scope_name(s)),
             sn(vs_scope_original_name_scope(s)), (int)vs_scope_reuse(s));
    return buf;
}

/* Runs the scenario with the (n+1)-th allocation failing (n < 0: none).
 * Returns the transcript (results, errors, final state); *allocs gets the
 * number of allocations made. */
static inline char *run_scenario(void (*scenario)(run *), long n, long *ref_end,
                          long *allocs, int *oom_checked, long *ends_out)
{
    run *R = calloc(1, sizeof *R);
    assert_non_null(R);
    R->g = vs_graph_new();
    assert_non_null(R->g);
    vs_set_error_handler(R->g, rec_handler, &R->r);
    R->n = n;
    R->ref_end = ref_end;
    R->start = vs__alloc_count();
    vs__fail_after(n);
    scenario(R);
    *allocs = used(R);
    vs__fail_after(-1);
    char *state = fp_internal(R->g);
    sb_printf(&R->transcript, "final state:\n%s", state);
    free(state);
    vs_graph_free(R->g);
    sb_printf(&R->transcript, "at free:");
    for (size_t i = 0; i < R->r.count && i < REC_MAX; i++)
        sb_printf(&R->transcript, " [%s @%d]", vs_code_name(R->r.e[i].code),
                  R->r.e[i].line);
    sb_printf(&R->transcript, "\n");
    *oom_checked = R->oom_checked;
    if (ends_out)
        memcpy(ends_out, R->end_of_step, sizeof R->end_of_step);
    char *out = R->transcript.s;
    free(R);
    return out;
}


/* Runs the scenario without failures (the reference), then once for every
 * n = 0, 1, 2, ... with the (n+1)-th allocation failing, until a run makes
 * no more than n allocations; every run must end as the reference did.
 * Returns the reference transcript (free() it). */
static inline char *check_every_allocation(void (*scenario)(run *))
{
    long ref_end[MAX_STEPS], allocs;
    int oom;
    char *ref = run_scenario(scenario, -1, NULL, &allocs, &oom, ref_end);
    assert_int_equal(oom, 0);
    assert_true(allocs > 0);
    int total_oom = 0, bad = 0;
    long n;
    for (n = 0;; n++) {
        long got_allocs;
        char *got = run_scenario(scenario, n, ref_end, &got_allocs, &oom, NULL);
        total_oom += oom;
        if (!same_text("transcript", n, ref, got))
            bad++;
        free(got);
        if (got_allocs <= n || bad >= 5)
            break;   /* no failure was injected: every allocation was hit */
        assert_true(n < 1000000);
    }
    print_message("# %ld runs, %d no-memory failures checked, %ld allocations\n",
                  n + 1, total_oom, allocs);
    if (getenv("VS_OOM_TRANSCRIPT"))   /* to read what a scenario does */
        fprintf(stderr, "%s", ref);
    assert_int_equal(bad, 0);
    assert_true(total_oom > 0);
    return ref;
}

#endif /* VS_TEST_OOM_H */
