/* IR summaries: an ir_unit written to bytes and read back, for the cache
 * and for the map/link split (--emit-summary, --link).
 *
 * Format (version 1), little-endian, documented in docs/summary-format.md:
 *   "SCIR"  u32 version  u64 FNV-1a checksum of the payload  u64 length
 *   payload: a string table (varint count, then varint length + bytes
 *   each; index 0 is NULL), then the unit: main file, files, globals,
 *   functions; statements and expressions in preorder.  Integers are
 *   LEB128 varints (signed ones zigzag-encoded), doubles 8 raw bytes.
 *
 * A reader never trusts a summary: a wrong magic, version, length or
 * checksum, or any read past the end, makes ir_read return NULL. */
#include "summary.h"

#include <stdlib.h>
#include <string.h>

#define VERSION 1u

/* ---- writing ---- */

typedef struct wbuf {
    unsigned char *p;
    size_t len, cap;
    /* string table: interned pointer -> index */
    const char **strs;
    size_t nstrs, cap_strs;
    size_t *slots;               /* open addressing over strs */
    size_t nslots;
} wbuf;

static void put(wbuf *w, const void *src, size_t n)
{
    if (w->len + n > w->cap) {
        w->cap = (w->len + n) * 2 + 256;
        w->p = sc_xrealloc(w->p, w->cap);
    }
    memcpy(w->p + w->len, src, n);
    w->len += n;
}

static void put_u(wbuf *w, uint64_t v)
{
    unsigned char b[10];
    size_t n = 0;
    do {
        b[n] = (unsigned char)(v & 0x7f);
        v >>= 7;
        if (v)
            b[n] |= 0x80;
        n++;
    } while (v);
    put(w, b, n);
}

static void put_i(wbuf *w, int64_t v)
{
    put_u(w, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63));
}

static size_t str_index(wbuf *w, const char *s)
{
    if (!s)
        return 0;
    if (w->nstrs * 2 >= w->nslots) {
        size_t n = w->nslots ? w->nslots * 2 : 1024;
        size_t *slots = sc_xmalloc(n * sizeof *slots);
        memset(slots, 0, n * sizeof *slots);
        for (size_t i = 0; i < w->nstrs; i++) {
            size_t h = (size_t)(((uintptr_t)w->strs[i] >> 4) * 0x9E3779B97F4A7C15ull) & (n - 1);
            while (slots[h])
                h = (h + 1) & (n - 1);
            slots[h] = i + 1;
        }
        free(w->slots);
        w->slots = slots;
        w->nslots = n;
    }
    size_t h = (size_t)(((uintptr_t)s >> 4) * 0x9E3779B97F4A7C15ull) & (w->nslots - 1);
    for (; w->slots[h]; h = (h + 1) & (w->nslots - 1))
        if (w->strs[w->slots[h] - 1] == s)
            return w->slots[h];
    if (w->nstrs == w->cap_strs) {
        w->cap_strs = w->cap_strs ? w->cap_strs * 2 : 256;
        w->strs = sc_xrealloc(w->strs, w->cap_strs * sizeof *w->strs);
    }
    w->strs[w->nstrs++] = s;
    w->slots[h] = w->nstrs;
    return w->nstrs;
}

static void put_s(wbuf *w, const char *s) { put_u(w, str_index(w, s)); }

static void put_loc(wbuf *w, const ir_loc *l)
{
    put_u(w, l->file);
    put_u(w, l->line);
    put_u(w, l->col);
    put_i(w, (int64_t)l->end_line - (int64_t)l->line);
    put_u(w, l->end_col);
    put_u(w, l->offset);
    put_i(w, (int64_t)l->end_offset - (int64_t)l->offset);
}

static void put_type(wbuf *w, const ir_type *t)
{
    put_u(w, (uint64_t)t->kind | ((uint64_t)t->elem << 4));
    put_s(w, t->name);
    if (t->kind == IR_T_ARRAY)
        put_i(w, t->array_len);
}

static void put_expr(wbuf *w, const ir_expr *x)
{
    if (!x) {
        put_u(w, 0);
        return;
    }
    put_u(w, (uint64_t)x->kind + 1);
    put_i(w, x->op);
    put_loc(w, &x->loc);
    put_type(w, &x->type);
    switch (x->kind) {
    case IR_INT:
        put_i(w, x->ival);
        break;
    case IR_FLOAT:
        put(w, &x->fval, sizeof x->fval);
        break;
    case IR_STR:
        put_u(w, x->len);
        put(w, x->str, x->len);
        break;
    case IR_SYM:
        put_u(w, x->symscope);
        put_u(w, x->sym);
        break;
    case IR_INIT:
        put_i(w, x->ival);
        put_s(w, x->str);
        break;
    default:
        put_s(w, x->str);
        break;
    }
    put_u(w, x->nkids);
    put_u(w, x->names != NULL);
    for (uint32_t i = 0; i < x->nkids; i++) {
        put_expr(w, x->kids[i]);
        if (x->names)
            put_s(w, x->names[i]);
    }
}

static void put_stmt(wbuf *w, const ir_stmt *s)
{
    if (!s) {
        put_u(w, 0);
        return;
    }
    put_u(w, (uint64_t)s->kind + 1);
    put_i(w, s->op);
    put_loc(w, &s->loc);
    put_expr(w, s->e);
    put_stmt(w, s->init);
    put_expr(w, s->step);
    put_u(w, s->sym);
    put_i(w, s->ival);
    put_u(w, s->label);
    put_u(w, s->nbody);
    for (uint32_t i = 0; i < s->nbody; i++)
        put_stmt(w, s->body[i]);
}

static void put_sym(wbuf *w, const ir_sym *s)
{
    put_s(w, s->name);
    put_type(w, &s->type);
    put_loc(w, &s->loc);
    put_u(w, (uint64_t)s->is_param | (uint64_t)s->is_static << 1);
}

static uint64_t fnv(const unsigned char *p, size_t n)
{
    return sc_fnv1a(SC_FNV_INIT, p, n);
}

static void le32(unsigned char *b, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        b[i] = (unsigned char)(v >> (8 * i));
}

static void le64(unsigned char *b, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (8 * i));
}

unsigned char *ir_write(const ir_unit *u, size_t *len)
{
    /* the body first (it fills the string table), then the table */
    wbuf body = {0};
    put_s(&body, u->main_file);
    put_u(&body, u->nfiles);
    for (uint32_t i = 0; i < u->nfiles; i++)
        put_s(&body, u->files[i]);
    put_u(&body, u->nglobals);
    for (uint32_t i = 0; i < u->nglobals; i++) {
        put_sym(&body, &u->globals[i].sym);
        put_expr(&body, u->globals[i].init);
        put_u(&body, u->globals[i].is_extern);
    }
    put_u(&body, u->nfuncs);
    for (uint32_t i = 0; i < u->nfuncs; i++) {
        const ir_func *f = &u->funcs[i];
        put_s(&body, f->name);
        put_loc(&body, &f->loc);
        put_loc(&body, &f->end_loc);
        put_u(&body, (uint64_t)f->is_static | (uint64_t)f->is_constructor << 1 |
                         (uint64_t)f->is_destructor << 2);
        put_type(&body, &f->ret);
        put_u(&body, f->nlocals);
        put_u(&body, f->nparams);
        put_u(&body, f->nlabels);
        for (uint32_t k = 0; k < f->nlocals; k++)
            put_sym(&body, &f->locals[k]);
        put_stmt(&body, f->body);
    }
    wbuf out = {0};
    unsigned char head[24] = {'S', 'C', 'I', 'R'};
    put(&out, head, sizeof head);
    put_u(&out, body.nstrs);
    for (size_t i = 0; i < body.nstrs; i++) {
        size_t n = strlen(body.strs[i]);
        put_u(&out, n);
        put(&out, body.strs[i], n);
    }
    put(&out, body.p, body.len);
    le32(out.p + 4, VERSION);
    le64(out.p + 8, fnv(out.p + 24, out.len - 24));
    le64(out.p + 16, out.len - 24);
    free(body.p);
    free(body.strs);
    free(body.slots);
    *len = out.len;
    return out.p;
}

/* ---- reading ---- */

typedef struct rbuf {
    const unsigned char *p, *end;
    bool bad;
    const char **strs;
    size_t nstrs;
    ir_unit *u;
    int depth;
} rbuf;

static uint64_t get_u(rbuf *r)
{
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (r->p >= r->end) {
            r->bad = true;
            return 0;
        }
        unsigned char b = *r->p++;
        v |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80))
            return v;
    }
    r->bad = true;
    return 0;
}

static int64_t get_i(rbuf *r)
{
    uint64_t v = get_u(r);
    return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
}

static uint32_t get_u32(rbuf *r)
{
    uint64_t v = get_u(r);
    if (v > UINT32_MAX)
        r->bad = true;
    return (uint32_t)v;
}

/* a count of items that each take at least one byte: bounded by what is
 * left, so a corrupt count cannot make us allocate gigabytes */
static uint32_t get_count(rbuf *r)
{
    uint32_t n = get_u32(r);
    if ((size_t)n > (size_t)(r->end - r->p)) {
        r->bad = true;
        return 0;
    }
    return n;
}

static const char *get_s(rbuf *r)
{
    uint64_t i = get_u(r);
    if (i > r->nstrs) {
        r->bad = true;
        return NULL;
    }
    return i ? r->strs[i - 1] : NULL;
}

static void get_loc(rbuf *r, ir_loc *l)
{
    l->file = get_u32(r);
    l->line = get_u32(r);
    l->col = get_u32(r);
    l->end_line = (uint32_t)((int64_t)l->line + get_i(r));
    l->end_col = get_u32(r);
    l->offset = get_u32(r);
    l->end_offset = (uint32_t)((int64_t)l->offset + get_i(r));
    if (l->file >= r->u->nfiles)
        r->bad = true;
}

static void get_type(rbuf *r, ir_type *t)
{
    uint64_t k = get_u(r);
    t->kind = (ir_tkind)(k & 15);
    t->elem = (ir_tkind)((k >> 4) & 15);
    if (t->kind > IR_T_OTHER || t->elem > IR_T_OTHER)
        r->bad = true;
    t->name = get_s(r);
    if (t->kind == IR_T_ARRAY)
        t->array_len = get_i(r);
}

static ir_expr *get_expr(rbuf *r)
{
    uint64_t k = get_u(r);
    if (k == 0 || r->bad)
        return NULL;
    if (k - 1 > IR_UNKNOWN || ++r->depth > 10000) {
        r->bad = true;
        return NULL;
    }
    ir_expr *x = sc_alloc(&r->u->arena, sizeof *x);
    x->kind = (ir_ekind)(k - 1);
    x->op = (int)get_i(r);
    get_loc(r, &x->loc);
    get_type(r, &x->type);
    switch (x->kind) {
    case IR_INT:
        x->ival = get_i(r);
        break;
    case IR_FLOAT:
        if (r->end - r->p < (ptrdiff_t)sizeof x->fval) {
            r->bad = true;
            break;
        }
        memcpy(&x->fval, r->p, sizeof x->fval);
        r->p += sizeof x->fval;
        break;
    case IR_STR: {
        uint64_t n = get_u(r);
        if (n > (uint64_t)(r->end - r->p)) {
            r->bad = true;
            break;
        }
        x->str = sc_strndup(&r->u->arena, (const char *)r->p, (size_t)n);
        x->len = (size_t)n;
        r->p += n;
        break;
    }
    case IR_SYM:
        x->symscope = (ir_symscope)get_u(r);
        x->sym = get_u32(r);
        break;
    case IR_INIT:
        x->ival = get_i(r);
        x->str = get_s(r);
        break;
    default:
        x->str = get_s(r);
        break;
    }
    x->nkids = get_count(r);
    bool has_names = get_u(r) != 0;
    if (x->nkids && !r->bad) {
        x->kids = sc_alloc(&r->u->arena, x->nkids * sizeof *x->kids);
        if (has_names)
            x->names = sc_alloc(&r->u->arena, x->nkids * sizeof *x->names);
        for (uint32_t i = 0; i < x->nkids && !r->bad; i++) {
            x->kids[i] = get_expr(r);
            if (has_names)
                x->names[i] = get_s(r);
        }
    }
    r->depth--;
    return x;
}

static ir_stmt *get_stmt(rbuf *r)
{
    uint64_t k = get_u(r);
    if (k == 0 || r->bad)
        return NULL;
    if (k - 1 > IR_S_NOP || ++r->depth > 10000) {
        r->bad = true;
        return NULL;
    }
    ir_stmt *s = sc_alloc(&r->u->arena, sizeof *s);
    s->kind = (ir_skind)(k - 1);
    s->op = (int)get_i(r);
    get_loc(r, &s->loc);
    s->e = get_expr(r);
    s->init = get_stmt(r);
    s->step = get_expr(r);
    s->sym = get_u32(r);
    s->ival = get_i(r);
    s->label = get_u32(r);
    s->nbody = get_count(r);
    if (s->nbody && !r->bad) {
        s->body = sc_alloc(&r->u->arena, s->nbody * sizeof *s->body);
        for (uint32_t i = 0; i < s->nbody && !r->bad; i++)
            s->body[i] = get_stmt(r);
    }
    r->depth--;
    return s;
}

static void get_sym(rbuf *r, ir_sym *s)
{
    s->name = get_s(r);
    get_type(r, &s->type);
    get_loc(r, &s->loc);
    uint64_t f = get_u(r);
    s->is_param = f & 1;
    s->is_static = (f >> 1) & 1;
}

static uint32_t rd32(const unsigned char *b)
{
    return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
           (uint32_t)b[3] << 24;
}

static uint64_t rd64(const unsigned char *b)
{
    return (uint64_t)rd32(b) | (uint64_t)rd32(b + 4) << 32;
}

/* Symbol and label indexes must stay inside their tables: the engine
 * indexes with them. */
static bool check_expr(const ir_expr *x, const ir_unit *u, const ir_func *f)
{
    if (!x)
        return true;
    if (x->kind == IR_SYM && (x->symscope == IR_LOCAL
                                  ? !f || x->sym >= f->nlocals
                                  : x->sym >= u->nglobals))
        return false;
    if (x->kind == IR_SYM && x->symscope != IR_LOCAL && x->symscope != IR_GLOBAL)
        return false;
    if (x->kind == IR_STR && !x->str && x->len)
        return false;
    for (uint32_t i = 0; i < x->nkids; i++)
        if (!check_expr(x->kids[i], u, f))
            return false;
    if ((x->kind == IR_UNOP || x->kind == IR_CAST || x->kind == IR_ADDR ||
         x->kind == IR_DEREF || x->kind == IR_INCDEC || x->kind == IR_MEMBER) &&
        (x->nkids < 1 || !x->kids[0]))
        return false;
    if ((x->kind == IR_BINOP || x->kind == IR_ASSIGN || x->kind == IR_INDEX ||
         x->kind == IR_COMMA) && (x->nkids < 2 || !x->kids[0] || !x->kids[1]))
        return false;
    if (x->kind == IR_COND && (x->nkids < 3 || !x->kids[0] || !x->kids[1] || !x->kids[2]))
        return false;
    if (x->kind == IR_MEMBER && !x->str)
        return false;
    return true;
}

static bool check_stmt(const ir_stmt *s, const ir_unit *u, const ir_func *f)
{
    if (!s)
        return true;
    if (!check_expr(s->e, u, f) || !check_expr(s->step, u, f) ||
        !check_stmt(s->init, u, f))
        return false;
    if (s->kind == IR_S_DECL && s->sym >= f->nlocals)
        return false;
    if ((s->kind == IR_S_GOTO || s->kind == IR_S_LABEL) && s->label >= f->nlabels)
        return false;
    if ((s->kind == IR_S_IF || s->kind == IR_S_WHILE || s->kind == IR_S_DO ||
         s->kind == IR_S_FOR || s->kind == IR_S_SWITCH) &&
        (s->nbody < 1 || ((s->kind == IR_S_IF || s->kind == IR_S_WHILE ||
                           s->kind == IR_S_DO || s->kind == IR_S_SWITCH) && !s->e)))
        return false;
    for (uint32_t i = 0; i < s->nbody; i++)
        if (!check_stmt(s->body[i], u, f))
            return false;
    return true;
}

ir_unit *ir_read(const unsigned char *data, size_t len)
{
    if (len < 24 || memcmp(data, "SCIR", 4) != 0 || rd32(data + 4) != VERSION ||
        rd64(data + 16) != len - 24 || rd64(data + 8) != fnv(data + 24, len - 24))
        return NULL;
    rbuf r = {data + 24, data + len, false, NULL, 0, ir_unit_new(), 0};
    ir_unit *u = r.u;
    r.nstrs = get_count(&r);
    r.strs = r.nstrs ? sc_xmalloc(r.nstrs * sizeof *r.strs) : NULL;
    for (size_t i = 0; i < r.nstrs && !r.bad; i++) {
        uint64_t n = get_u(&r);
        if (n > (uint64_t)(r.end - r.p)) {
            r.bad = true;
            break;
        }
        r.strs[i] = sc_intern(&u->strings, (const char *)r.p, (size_t)n);
        r.p += n;
    }
    u->main_file = get_s(&r);
    u->nfiles = get_count(&r);
    if (!r.bad && u->nfiles) {
        const char **files = sc_alloc(&u->arena, u->nfiles * sizeof *files);
        for (uint32_t i = 0; i < u->nfiles; i++)
            files[i] = get_s(&r);
        u->files = files;
    }
    u->nglobals = get_count(&r);
    if (!r.bad && u->nglobals) {
        u->globals = sc_alloc(&u->arena, u->nglobals * sizeof *u->globals);
        for (uint32_t i = 0; i < u->nglobals && !r.bad; i++) {
            get_sym(&r, &u->globals[i].sym);
            u->globals[i].init = get_expr(&r);
            u->globals[i].is_extern = get_u(&r) != 0;
        }
    }
    u->nfuncs = get_count(&r);
    if (!r.bad && u->nfuncs) {
        u->funcs = sc_alloc(&u->arena, u->nfuncs * sizeof *u->funcs);
        for (uint32_t i = 0; i < u->nfuncs && !r.bad; i++) {
            ir_func *f = &u->funcs[i];
            f->name = get_s(&r);
            get_loc(&r, &f->loc);
            get_loc(&r, &f->end_loc);
            uint64_t flags = get_u(&r);
            f->is_static = flags & 1;
            f->is_constructor = (flags >> 1) & 1;
            f->is_destructor = (flags >> 2) & 1;
            get_type(&r, &f->ret);
            f->nlocals = get_count(&r);
            f->nparams = get_u32(&r);
            f->nlabels = get_u32(&r);
            if (f->nparams > f->nlocals || f->nlabels > 1000000)
                r.bad = true;
            if (!r.bad && f->nlocals) {
                f->locals = sc_alloc(&u->arena, f->nlocals * sizeof *f->locals);
                for (uint32_t k = 0; k < f->nlocals && !r.bad; k++)
                    get_sym(&r, &f->locals[k]);
            }
            f->body = get_stmt(&r);
            if (!r.bad && (!f->name || !check_stmt(f->body, u, f)))
                r.bad = true;
        }
    }
    for (uint32_t i = 0; !r.bad && i < u->nglobals; i++)
        if (!u->globals[i].sym.name || !check_expr(u->globals[i].init, u, NULL))
            r.bad = true;
    if (!r.bad && (r.p != r.end || !u->main_file || u->nfiles == 0))
        r.bad = true;
    free(r.strs);
    if (r.bad) {
        ir_unit_free(u);
        return NULL;
    }
    return u;
}
