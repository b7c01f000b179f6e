/* See reach.h. */
#include "reach.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "path.h"

/* what one function's code does, for the question */
typedef struct fn_facts {
    const ir_func *f;
    bool touches;                 /* code located in a reported file */
    bool pointers;                /* takes a function's address, or calls
                                     through a pointer */
    SC_VEC(const char *) callees; /* called by name */
} fn_facts;

typedef SC_VEC(size_t) index_list;

typedef struct walk {
    fn_facts *ff;
    const bool *reported_file;    /* per index of the unit's files */
    uint32_t nfiles;
} walk;

static void at(walk *w, const ir_loc *loc)
{
    if (loc->file < w->nfiles && w->reported_file[loc->file])
        w->ff->touches = true;
}

static void expr(walk *w, const ir_expr *e)
{
    if (!e)
        return;
    at(w, &e->loc);
    uint32_t from = 0;
    if (e->kind == IR_CALL && e->str) {
        /* a direct call: kids[0] names the callee (frontend/lower_expr.c) */
        SC_PUSH(w->ff->callees, e->str);
        if (e->nkids && e->kids[0]->kind == IR_FUNCREF) {
            at(w, &e->kids[0]->loc);
            from = 1;
        }
    } else if (e->kind == IR_FUNCREF || e->kind == IR_CALL) {
        w->ff->pointers = true;
    }
    for (uint32_t i = from; i < e->nkids; i++)
        expr(w, e->kids[i]);
}

static void stmt(walk *w, const ir_stmt *s)
{
    if (!s)
        return;
    at(w, &s->loc);
    expr(w, s->e);
    stmt(w, s->init);
    expr(w, s->step);
    for (uint32_t i = 0; i < s->nbody; i++)
        stmt(w, s->body[i]);
}

static bool global_pointers(const ir_expr *e)
{
    if (!e)
        return false;
    if (e->kind == IR_FUNCREF)
        return true;
    for (uint32_t i = 0; i < e->nkids; i++)
        if (global_pointers(e->kids[i]))
            return true;
    return false;
}

/* units by address, for the programs' lists (which name units by
 * pointer): a sorted index, not a scan of every unit per entry */
typedef struct unit_at {
    const ir_unit *u;
    size_t index;
} unit_at;

static int cmp_unit_at(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const unit_at *)a)->u;
    uintptr_t y = (uintptr_t)((const unit_at *)b)->u;
    return x < y ? -1 : x > y;
}

/* the indexes in units of u (a unit may stand more than once): [*lo, *hi) */
static void units_of(const unit_at *by_addr, size_t n, const ir_unit *u,
                     size_t *lo, size_t *hi)
{
    size_t a = 0, b = n;
    while (a < b) {               /* the first >= u */
        size_t m = a + (b - a) / 2;
        if ((uintptr_t)by_addr[m].u < (uintptr_t)u)
            a = m + 1;
        else
            b = m;
    }
    *lo = a;
    while (a < n && by_addr[a].u == u)
        a++;
    *hi = a;
}

bool *reach_needed(ir_unit *const *units, size_t nunits,
                   ir_unit *const *const *programs, const size_t *sizes,
                   ir_unit *const *const *entries, const size_t *nentries,
                   size_t nprograms, const sc_strmap *reported)
{
    bool *needed = malloc(nprograms + 1);
    if (!needed)
        abort();
    for (size_t p = 0; p < nprograms; p++)
        needed[p] = true;
    /* the facts of every function of every unit, and whether a unit's
     * globals hold a function's address (a table of callbacks) */
    size_t nfacts = 0;
    for (size_t u = 0; u < nunits; u++)
        nfacts += units[u] ? units[u]->nfuncs : 0;
    fn_facts *facts = calloc(nfacts + 1, sizeof *facts);
    size_t *first = calloc(nunits + 1, sizeof *first);
    bool *tables = calloc(nunits + 1, sizeof *tables);
    size_t k = 0;
    for (size_t u = 0; u < nunits; u++) {
        first[u] = k;
        const ir_unit *un = units[u];
        if (!un)
            continue;
        bool *rf = calloc(un->nfiles + 1, sizeof *rf);
        for (uint32_t i = 1; i < un->nfiles; i++) {
            char *abs = sc_path_abs(un->files[i]);
            rf[i] = sc_strmap_get(reported, abs) != NULL;
            free(abs);
        }
        for (uint32_t i = 0; i < un->nfuncs; i++, k++) {
            walk w = {&facts[k], rf, un->nfiles};
            facts[k].f = &un->funcs[i];
            at(&w, &un->funcs[i].loc);
            at(&w, &un->funcs[i].end_loc);
            for (uint32_t l = 0; l < un->funcs[i].nlocals; l++)
                at(&w, &un->funcs[i].locals[l].loc);
            stmt(&w, un->funcs[i].body);
        }
        for (uint32_t g = 0; g < un->nglobals && !tables[u]; g++)
            tables[u] = global_pointers(un->globals[g].init);
        free(rf);
    }
    /* the functions by name, over every unit */
    size_t *unit_of = calloc(nfacts + 1, sizeof *unit_of);
    sc_strmap by_name = {0};
    SC_VEC(index_list *) lists = {0};
    for (size_t u = 0; u < nunits; u++)
        for (uint32_t i = 0; units[u] && i < units[u]->nfuncs; i++) {
            size_t f = first[u] + i;
            unit_of[f] = u;
            index_list *l = sc_strmap_get(&by_name, units[u]->funcs[i].name);
            if (!l) {
                l = calloc(1, sizeof *l);
                sc_strmap_put(&by_name, units[u]->funcs[i].name, l);
                SC_PUSH(lists, l);
            }
            SC_PUSH(*l, f);
        }
    /* per program: the functions reachable by name from its entry units'
     * functions (all of them: a superset of the engine's entry points) */
    unit_at *by_addr = calloc(nunits + 1, sizeof *by_addr);
    size_t naddr = 0;
    for (size_t u = 0; u < nunits; u++)
        if (units[u])
            by_addr[naddr++] = (unit_at){units[u], u};
    qsort(by_addr, naddr, sizeof *by_addr, cmp_unit_at);
    bool *seen = calloc(nfacts + 1, sizeof *seen);
    size_t *stack = calloc(nfacts + 1, sizeof *stack);
    bool *in_prog = calloc(nunits + 1, sizeof *in_prog);
    for (size_t p = 0; p < nprograms; p++) {
        memset(in_prog, 0, (nunits + 1) * sizeof *in_prog);
        bool table = false;
        for (size_t q = 0; q < sizes[p]; q++) {
            size_t lo, hi;
            units_of(by_addr, naddr, programs[p][q], &lo, &hi);
            for (size_t x = lo; x < hi; x++) {
                in_prog[by_addr[x].index] = true;
                table |= tables[by_addr[x].index];
            }
        }
        if (table)
            continue;             /* callbacks in a table: not followed here */
        memset(seen, 0, (nfacts + 1) * sizeof *seen);
        size_t top = 0;
        for (size_t e = 0; e < nentries[p]; e++) {
            size_t lo, hi;
            units_of(by_addr, naddr, entries[p][e], &lo, &hi);
            for (size_t x = lo; x < hi; x++) {
                size_t u = by_addr[x].index;
                for (uint32_t i = 0; i < units[u]->nfuncs; i++) {
                    size_t f = first[u] + i;
                    if (!seen[f]) {
                        seen[f] = true;
                        stack[top++] = f;
                    }
                }
            }
        }
        bool touches = false, pointers = false;
        while (top && !touches && !pointers) {
            fn_facts *ff = &facts[stack[--top]];
            touches |= ff->touches;
            pointers |= ff->pointers;
            /* every function of the program by that name (a static one
             * of another unit too: more, never fewer) */
            for (size_t c = 0; c < ff->callees.len; c++) {
                const index_list *l = sc_strmap_get(&by_name, ff->callees.items[c]);
                for (size_t x = 0; l && x < l->len; x++) {
                    size_t f = l->items[x];
                    if (!seen[f] && in_prog[unit_of[f]]) {
                        seen[f] = true;
                        stack[top++] = f;
                    }
                }
            }
        }
        needed[p] = touches || pointers;
    }
    for (size_t i = 0; i < lists.len; i++) {
        SC_VEC_FREE(*lists.items[i]);
        free(lists.items[i]);
    }
    SC_VEC_FREE(lists);
    sc_strmap_free(&by_name);
    free(unit_of);
    free(in_prog);
    for (size_t f = 0; f < nfacts; f++)
        SC_VEC_FREE(facts[f].callees);
    free(facts);
    free(first);
    free(tables);
    free(by_addr);
    free(seen);
    free(stack);
    return needed;
}
