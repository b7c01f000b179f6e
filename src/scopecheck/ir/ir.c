/* The IR's allocation and its debugging dump (see ir.h). */
#include "ir.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ir_unit *ir_unit_new(void)
{
    ir_unit *u = sc_xmalloc(sizeof *u);
    memset(u, 0, sizeof *u);
    u->strings.arena = &u->arena;
    const char **files = sc_alloc(&u->arena, sizeof *files);
    files[0] = sc_intern_cstr(&u->strings, "");
    u->files = files;
    u->nfiles = 1;
    u->main_file = files[0];
    return u;
}

void ir_unit_free(ir_unit *u)
{
    if (!u)
        return;
    sc_interner_free(&u->strings);
    sc_arena_free(&u->arena);
    free(u);
}

/* ---- dump ------------------------------------------------------------- */

static const char *tkind_name(ir_tkind k)
{
    switch (k) {
    case IR_T_VOID: return "void";
    case IR_T_INT: return "int";
    case IR_T_FLOAT: return "float";
    case IR_T_PTR: return "ptr";
    case IR_T_STRUCT: return "struct";
    case IR_T_ARRAY: return "array";
    case IR_T_FUNC: return "func";
    case IR_T_OTHER: return "other";
    }
    return "?";
}

/* void, int, float, func, other, struct:NAME, ptr(ELEM[:NAME]),
 * array(ELEM[:NAME])[LEN] */
static void dump_type(FILE *f, const ir_type *t)
{
    switch (t->kind) {
    case IR_T_STRUCT:
        fprintf(f, "struct:%s", t->name ? t->name : "?");
        break;
    case IR_T_PTR:
    case IR_T_ARRAY:
        fprintf(f, "%s(%s%s%s)", tkind_name(t->kind), tkind_name(t->elem),
                t->name ? ":" : "", t->name ? t->name : "");
        if (t->kind == IR_T_ARRAY) {
            if (t->array_len >= 0)
                fprintf(f, "[%" PRId64 "]", t->array_len);
            else
                fputs("[]", f);
        }
        break;
    default:
        fputs(tkind_name(t->kind), f);
    }
}

/* @LINE:COL-END_LINE:END_COL/OFFSET-END_OFFSET, with fN: before it when
 * the file is not files[1] (normally the main file); "@-" for none. */
static void dump_loc(FILE *f, const ir_loc *l)
{
    if (l->file == 0) {
        fputs(" @-", f);
        return;
    }
    fputs(" @", f);
    if (l->file != 1)
        fprintf(f, "f%u:", l->file);
    fprintf(f, "%u:%u-%u:%u/%u-%u", l->line, l->col, l->end_line, l->end_col,
            l->offset, l->end_offset);
}

static void dump_str(FILE *f, const char *s, size_t n)
{
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\t': fputs("\\t", f); break;
        case '\r': fputs("\\r", f); break;
        default:
            if (c < 0x20 || c >= 0x7f)
                fprintf(f, "\\x%02x", c);
            else
                fputc(c, f);
        }
    }
    fputc('"', f);
}

static const char *binop_name(int op)
{
    static const char *const names[] = {
        "?", "+", "-", "*", "/", "%", "<<", ">>", "<", ">", "<=", ">=",
        "==", "!=", "&", "|", "^", "&&", "||"};
    if (op < 0 || op > IR_LOR)
        return "?";
    return names[op];
}

typedef struct dump_ctx {
    FILE *f;
    const ir_unit *u;
    const ir_func *fn;      /* for local names; NULL at file scope */
} dump_ctx;

static void indent(FILE *f, int n)
{
    for (int i = 0; i < n; i++)
        fputs("  ", f);
}

static void dump_sym_ref(dump_ctx *d, ir_symscope sc, uint32_t sym)
{
    const char *name = NULL;
    if (sc == IR_LOCAL) {
        if (d->fn && sym < d->fn->nlocals)
            name = d->fn->locals[sym].name;
        fprintf(d->f, "local %u", sym);
    } else {
        if (sym < d->u->nglobals)
            name = d->u->globals[sym].sym.name;
        fprintf(d->f, "global %u", sym);
    }
    fprintf(d->f, " (%s)", name ? name : "?");
}

static void dump_expr(dump_ctx *d, const ir_expr *e, int ind, const char *prefix);

static void dump_kids(dump_ctx *d, const ir_expr *e, int ind)
{
    for (uint32_t i = 0; i < e->nkids; i++)
        dump_expr(d, e->kids[i], ind, NULL);
}

static void dump_expr(dump_ctx *d, const ir_expr *e, int ind, const char *prefix)
{
    FILE *f = d->f;
    indent(f, ind);
    if (prefix)
        fputs(prefix, f);
    if (!e) {
        fputs("(null)\n", f);
        return;
    }
    switch (e->kind) {
    case IR_INT: fprintf(f, "INT %" PRId64, e->ival); break;
    case IR_FLOAT: fprintf(f, "FLOAT %g", e->fval); break;
    case IR_STR: fputs("STR ", f); dump_str(f, e->str, e->len); break;
    case IR_NULL: fputs("NULL", f); break;
    case IR_SYM: fputs("SYM ", f); dump_sym_ref(d, e->symscope, e->sym); break;
    case IR_FUNCREF: fprintf(f, "FUNCREF %s", e->str ? e->str : "?"); break;
    case IR_UNOP: fprintf(f, "UNOP %c", e->op ? e->op : '?'); break;
    case IR_BINOP: fprintf(f, "BINOP %s", binop_name(e->op)); break;
    case IR_COND: fputs("COND", f); break;
    case IR_ASSIGN:
        fprintf(f, "ASSIGN %s=", e->op ? binop_name(e->op) : "");
        break;
    case IR_INCDEC: {
        static const char *const n[] = {"?", "pre++", "pre--", "post++", "post--"};
        fprintf(f, "INCDEC %s", e->op >= 1 && e->op <= 4 ? n[e->op] : "?");
        break;
    }
    case IR_CALL:
        if (e->str)
            fprintf(f, "CALL %s", e->str);
        else
            fputs("CALL (indirect)", f);
        break;
    case IR_MEMBER:
        fprintf(f, "MEMBER %s%s", e->op == 1 ? "->" : ".", e->str ? e->str : "?");
        break;
    case IR_INDEX: fputs("INDEX", f); break;
    case IR_ADDR: fputs("ADDR", f); break;
    case IR_DEREF: fputs("DEREF", f); break;
    case IR_INIT:
        fputs(e->ival & 1 ? "INIT compound" : "INIT braced", f);
        if (e->ival & 2)
            fputs(" union", f);
        break;
    case IR_COMMA: fputs("COMMA", f); break;
    case IR_CAST: fputs("CAST", f); break;
    case IR_UNKNOWN: fputs("UNKNOWN", f); break;
    }
    fputs(" : ", f);
    dump_type(f, &e->type);
    dump_loc(f, &e->loc);
    fputc('\n', f);
    if (e->kind == IR_INIT) {
        for (uint32_t i = 0; i < e->nkids; i++) {
            const char *n = e->names ? e->names[i] : NULL;
            if (!n) {
                dump_expr(d, e->kids[i], ind + 1, NULL);
                continue;
            }
            size_t len = strlen(n) + 5;
            char *p = sc_xmalloc(len);
            snprintf(p, len, "%s%s = ", n[0] == '[' ? "" : ".", n);
            dump_expr(d, e->kids[i], ind + 1, p);
            free(p);
        }
        return;
    }
    dump_kids(d, e, ind + 1);
}

static void dump_stmt(dump_ctx *d, const ir_stmt *s, int ind, const char *prefix);

static void dump_stmt(dump_ctx *d, const ir_stmt *s, int ind, const char *prefix)
{
    FILE *f = d->f;
    indent(f, ind);
    if (prefix)
        fputs(prefix, f);
    if (!s) {
        fputs("(null)\n", f);
        return;
    }
    switch (s->kind) {
    case IR_S_EXPR:
        fputs("EXPR", f);
        dump_loc(f, &s->loc);
        fputc('\n', f);
        dump_expr(d, s->e, ind + 1, NULL);
        return;
    case IR_S_DECL:
        fputs("DECL ", f);
        dump_sym_ref(d, IR_LOCAL, s->sym);
        dump_loc(f, &s->loc);
        fputc('\n', f);
        if (s->e)
            dump_expr(d, s->e, ind + 1, "= ");
        return;
    case IR_S_BLOCK:
        fputs("BLOCK", f);
        dump_loc(f, &s->loc);
        fputc('\n', f);
        for (uint32_t i = 0; i < s->nbody; i++)
            dump_stmt(d, s->body[i], ind + 1, NULL);
        return;
    case IR_S_IF:
        fputs("IF", f);
        dump_loc(f, &s->loc);
        fputc('\n', f);
        dump_expr(d, s->e, ind + 1, "cond: ");
        dump_stmt(d, s->nbody > 0 ? s->body[0] : NULL, ind + 1, "then: ");
        if (s->nbody > 1 && s->body[1])
            dump_stmt(d, s->body[1], ind + 1, "else: ");
        return;
    case IR_S_WHILE:
    case IR_S_DO:
        fputs(s->kind == IR_S_WHILE ? "WHILE" : "DO", f);
        dump_loc(f, &s->loc);
        fputc('\n', f);
        dump_expr(d, s->e, ind + 1, "cond: ");
        dump_stmt(d, s->nbody > 0 ? s->body[0] : NULL, ind + 1, "body: ");
        return;
    case IR_S_FOR:
        fputs("FOR", f);
        dump_loc(f, &s->loc);
        fputc('\n', f);
        if (s->init)
            dump_stmt(d, s->init, ind + 1, "init: ");
        if (s->e)
            dump_expr(d, s->e, ind + 1, "cond: ");
        if (s->step)
            dump_expr(d, s->step, ind + 1, "step: ");
        dump_stmt(d, s->nbody > 0 ? s->body[0] : NULL, ind + 1, "body: ");
        return;
    case IR_S_SWITCH:
        fputs("SWITCH", f);
        dump_loc(f, &s->loc);
        fputc('\n', f);
        dump_expr(d, s->e, ind + 1, "cond: ");
        dump_stmt(d, s->nbody > 0 ? s->body[0] : NULL, ind + 1, "body: ");
        return;
    case IR_S_CASE:
        if (s->op == 1)
            fputs("DEFAULT", f);
        else
            fprintf(f, "CASE %" PRId64, s->ival);
        break;
    case IR_S_BREAK: fputs("BREAK", f); break;
    case IR_S_CONTINUE: fputs("CONTINUE", f); break;
    case IR_S_RETURN:
        fputs("RETURN", f);
        dump_loc(f, &s->loc);
        fputc('\n', f);
        if (s->e)
            dump_expr(d, s->e, ind + 1, NULL);
        return;
    case IR_S_GOTO: fprintf(f, "GOTO L%u", s->label); break;
    case IR_S_LABEL: fprintf(f, "LABEL L%u", s->label); break;
    case IR_S_NOP: fputs("NOP", f); break;
    }
    dump_loc(f, &s->loc);
    fputc('\n', f);
}

static void dump_sym(dump_ctx *d, const char *what, uint32_t i, const ir_sym *s)
{
    fprintf(d->f, "  %s %u %s : ", what, i, s->name ? s->name : "?");
    dump_type(d->f, &s->type);
    dump_loc(d->f, &s->loc);
    if (s->is_static)
        fputs(" static", d->f);
    fputc('\n', d->f);
}

void ir_dump(const ir_unit *u, void *file)
{
    FILE *f = file;
    dump_ctx d = {f, u, NULL};
    fprintf(f, "unit %s\n", u->main_file ? u->main_file : "");
    for (uint32_t i = 1; i < u->nfiles; i++)
        fprintf(f, "file %u %s\n", i, u->files[i]);
    for (uint32_t i = 0; i < u->nglobals; i++) {
        const ir_global *g = &u->globals[i];
        fprintf(f, "global %u %s : ", i, g->sym.name ? g->sym.name : "?");
        dump_type(f, &g->sym.type);
        dump_loc(f, &g->sym.loc);
        if (g->sym.is_static)
            fputs(" static", f);
        if (g->is_extern)
            fputs(" extern", f);
        fputc('\n', f);
        if (g->init)
            dump_expr(&d, g->init, 1, "= ");
    }
    for (uint32_t i = 0; i < u->nfuncs; i++) {
        const ir_func *fn = &u->funcs[i];
        d.fn = fn;
        fprintf(f, "func %s : ", fn->name ? fn->name : "?");
        dump_type(f, &fn->ret);
        dump_loc(f, &fn->loc);
        fputs(" end", f);
        dump_loc(f, &fn->end_loc);
        if (fn->is_static)
            fputs(" static", f);
        if (fn->is_constructor)
            fputs(" constructor", f);
        if (fn->is_destructor)
            fputs(" destructor", f);
        fprintf(f, " labels %u\n", fn->nlabels);
        for (uint32_t j = 0; j < fn->nlocals; j++)
            dump_sym(&d, j < fn->nparams ? "param" : "local", j, &fn->locals[j]);
        dump_stmt(&d, fn->body, 1, NULL);
        d.fn = NULL;
    }
}

bool ir_expr_any(const ir_expr *x, ir_expr_pred pred, void *ctx)
{
    if (!x)
        return false;
    if (pred(x, ctx))
        return true;
    for (uint32_t i = 0; i < x->nkids; i++)
        if (ir_expr_any(x->kids[i], pred, ctx))
            return true;
    return false;
}

size_t ir_stmt_count(const ir_stmt *s)
{
    if (!s)
        return 0;
    size_t n = 1 + ir_stmt_count(s->init);
    for (uint32_t i = 0; i < s->nbody; i++)
        n += ir_stmt_count(s->body[i]);
    return n;
}

bool ir_stmt_any(const ir_stmt *s, ir_expr_pred pred, void *ctx)
{
    if (!s)
        return false;
    if (ir_expr_any(s->e, pred, ctx) || ir_expr_any(s->step, pred, ctx) ||
        ir_stmt_any(s->init, pred, ctx))
        return true;
    for (uint32_t i = 0; i < s->nbody; i++)
        if (ir_stmt_any(s->body[i], pred, ctx))
            return true;
    return false;
}
