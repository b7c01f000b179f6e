/* The lowering's insides, shared by its files (see lower.h for what it
 * does, lower.c's opening comment for the choices it makes):
 *
 *   lower.c        the entry, the state's life, children of a cursor
 *   lower_maps.c   hash maps keyed by cursor and by integer
 *   lower_src.c    source files, positions, macro expansion, locations
 *   lower_types.c  types
 *   lower_decl.c   names, symbols, declarations and function bodies
 *   lower_expr.c   expressions
 *   lower_init.c   initializer lists, designators resolved as C does
 *   lower_cleanup.c  the calls of cleanup attributes at each scope exit
 *   lower_stmt.c   statements
 *   lower_ops.c    which operator an operator node is: libclang's answer
 *                  where it has one (LLVM 17+), else recovered from the text
 *
 * Nothing here is visible outside src/scopecheck/frontend/lower*.c. */
#ifndef SC_FE_LOWER_INT_H
#define SC_FE_LOWER_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lower.h"

#include "../util/arena.h"
#include "../util/ctext.h"

/* Deeper nesting lowers to IR_S_NOP / IR_UNKNOWN (see lower.c) */
#define MAX_DEPTH 1000

/* Open addressing over clang_hashCursor / clang_equalCursors.  Entries of
 * older generations are empty, so clearing is O(1). */
typedef struct cmap {
    CXCursor *keys;
    uint32_t *vals;
    uint32_t *gens;
    size_t cap, count;
    uint32_t gen;
} cmap;

/* uint64 -> uint32, for label names and macro invocation ends */
typedef struct umap {
    uint64_t *keys;
    uint32_t *vals;
    size_t cap, count;
} umap;

/* ---- state ------------------------------------------------------------ */

typedef struct fe_file fe_file;
struct fe_file {
    CXFile cx;
    uint32_t ord;            /* position in lowering.files */
    uint32_t index;          /* in ir_unit.files, 0 until a location uses it */
    const char *buf;         /* the TU's buffer (owned by libclang) */
    size_t size;
    uint32_t *lines;         /* offsets where lines start, built on demand */
    uint32_t nlines;
};

/* source text [b, e) of an expression, at some macro level */
typedef struct hint {
    fe_file *f;
    uint32_t b, e;
} hint;

typedef struct expr_frame {
    CXCursor c;
    bool transparent;
    bool have_loc;
    ir_loc loc;
} expr_frame;

/* a #define: its body's text */
typedef struct mdef {
    fe_file *f;
    uint32_t b, e;          /* the body */
    uint32_t pb, pe;        /* a function-like one's parameters, inside ( ) */
    bool funclike, ambiguous;
} mdef;

#define TYPE_CACHE 1024
typedef struct tcache_ent {
    bool valid;
    enum CXTypeKind kind;
    void *data0, *data1;
    ir_type type;
} tcache_ent;

/* a variable with a cleanup attribute, live at the point being lowered */
typedef struct cleanup_var {
    uint32_t sym;                        /* the local */
    const char *fn;                      /* NULL: a function not known */
} cleanup_var;

/* a loop or switch: where break (and, for a loop, continue) go */
typedef struct jump_scope {
    bool loop;
    size_t cleanups;                     /* cleanup variables live outside */
} jump_scope;

/* the cleanup variables live at a label */
typedef struct label_live {
    uint32_t label, n;
    uint32_t *syms;
} label_live;

/* a goto lowered before its label: its block gets the calls later */
typedef struct pending_goto {
    ir_stmt *jump, *block;
    uint32_t n;                          /* the variables live at the goto */
    uint32_t *syms;
    const char **fns;
} pending_goto;

typedef struct lowering {
    CXTranslationUnit tu;
    ir_unit *u;
    sc_arena *A;

    SC_VEC(fe_file *) files;
    fe_file *last_file;
    SC_VEC(const char *) file_names;     /* unit files, [0] = "" */

    SC_VEC(ir_global) globals;
    cmap gmap;                           /* canonical decl -> global */
    SC_VEC(ir_func) funcs;

    /* the function being lowered */
    bool in_func;
    const char *fn_name;
    SC_VEC(ir_sym) locals;
    cmap lmap;                           /* decl -> local */
    umap labels;                         /* interned name -> id + 1 */
    uint32_t nlabels;
    SC_VEC(ir_stmt *) indirect;          /* computed gotos, their cases
                                            made at the function's end */

    cmap namemap;                        /* decl -> interned spelling */
    SC_VEC(const char *) names;

    umap invoc;                          /* file<<32|offset -> end offset+1 */

    /* the variable whose initializer is being lowered (printing fallback) */
    CXCursor vd;
    bool have_vd;
    CXPrintingPolicy policy;

    tcache_ent tcache[TYPE_CACHE];

    /* scratch stacks, used with base indexes */
    SC_VEC(CXCursor) cs;
    SC_VEC(CXCursor) ws;
    SC_VEC(ir_stmt *) ss;
    SC_VEC(ir_expr *) es;

    int depth;

    /* inside a node whose range is exactly one macro invocation, every
     * descendant has that range: it is handed down, not recomputed */
    bool inv_valid;
    ir_loc inv_loc;
    /* the statement lower_stmt is lowering, and its location */
    CXCursor cur_stmt;
    ir_loc cur_stmt_loc;
    bool have_cur_stmt;

    /* loc_is_macro's calibration */
    bool calib_bad;
    unsigned calib_checks, calib_seen[2];

    /* a text hint for the next lower_subexpr() of hint_node (see "text hints") */
    bool hint_pending;
    CXCursor hint_node;
    hint hint_text;
    /* the operands' texts in the macro body that told a binary node's
     * operator (fe_binop_of), for fe_relower_kids */
    bool mhint_set;
    hint mhint[2];

    /* the expressions being lowered, innermost last */
    SC_VEC(expr_frame) exprs;
    /* the statement whose expressions are being lowered (not an
     * expression statement) */
    bool have_stmt_loc;
    ir_loc stmt_loc;

    /* cleanup attributes (lower_cleanup.c), per function */
    ir_type fn_ret;
    SC_VEC(cleanup_var) cleanups;
    SC_VEC(jump_scope) jump_scopes;
    SC_VEC(label_live) label_lives;
    SC_VEC(pending_goto) pending_gotos;
    bool fn_names_built;
    umap fn_names;                       /* the unit's function names */

    /* #define index, built on first need: name -> mdefs index + 1 */
    bool macros_built;
    sc_arena marena;
    sc_interner mnames;
    umap macros;
    SC_VEC(mdef) mdefs;
} lowering;

/* ---- operators ---------------------------------------------------------- */

enum { OPK_NONE, OPK_BIN, OPK_ASSIGN, OPK_COMPOUND, OPK_COMMA };

typedef enum unop_kind {
    UOP_NONE, UOP_ADDR, UOP_DEREF, UOP_PREINC, UOP_PREDEC, UOP_POSTINC, UOP_POSTDEC,
    UOP_PLUS, UOP_MINUS, UOP_NOT, UOP_LNOT, UOP_EXTENSION
} unop_kind;

typedef struct opinfo {
    const char *text;
    int kind;
    int code;       /* ir_binop */
    int prec;       /* for printed-text scans */
} opinfo;


/* ---- across the files ----------------------------------------------------- */

/* lower.c */
size_t fe_children(lowering *l, CXCursor c);
CXCursor fe_first_expr_child(lowering *l, CXCursor c, bool *ok, size_t *count);
const char *fe_intern(lowering *l, const char *s, size_t n);
const char *fe_intern_cx(lowering *l, CXString s);
bool fe_is_expr(CXCursor c);
CXCursor fe_last_expr_child(lowering *l, CXCursor c, bool *ok);
bool fe_same_extent(CXCursor a, CXCursor b);
CXCursor fe_strip(lowering *l, CXCursor c);
CXCursor fe_strip_implicit(lowering *l, CXCursor c);

/* lower_cleanup.c */
/* var (local sym) was declared: a cleanup attribute makes it live */
void fe_cleanup_decl(lowering *l, CXCursor var, uint32_t sym);
/* Whether c carries the attribute spelled `name` or `__name__`. */
bool fe_has_attr(lowering *l, CXCursor c, const char *name);
/* blocks: mark at the start; at the end the calls for the variables
 * declared since are pushed on l->ss (at `at`, the closing brace) */
size_t fe_cleanup_mark(const lowering *l);
void fe_cleanup_block_end(lowering *l, size_t mark, ir_loc at);
/* loops and switches, around their bodies */
void fe_jump_scope(lowering *l, bool loop);
void fe_jump_scope_end(lowering *l);
/* break, continue, return or goto s, with the calls for the variables it
 * leaves the scope of before it (a block), or s */
ir_stmt *fe_cleanup_jump(lowering *l, ir_stmt *s);
/* a label: the variables live there */
void fe_cleanup_label(lowering *l, uint32_t label);
void fe_cleanup_function_start(lowering *l);
void fe_cleanup_function_end(lowering *l);

/* lower_decl.c */
const char *fe_decl_name(lowering *l, CXCursor d);
uint32_t fe_global_for(lowering *l, CXCursor d);
uint32_t fe_label_id(lowering *l, const char *name);
/* &&label (GNU labels as values) lowers to this number plus the label's
 * id; a computed goto `goto *p` to a switch over the function's labels
 * (fe_indirect_gotos fills them at the function's end) */
#define FE_LABEL_ADDR ((int64_t)0x4c42000000000000)
void fe_indirect_gotos(lowering *l);
uint32_t fe_local_new(lowering *l, CXCursor d, bool is_param);
void fe_lower_decls(lowering *l, CXCursor c);
void fe_lower_decls_h(lowering *l, CXCursor c, const hint *init_hint);
void fe_lower_function(lowering *l, CXCursor fn);
void fe_lower_global(lowering *l, CXCursor d);

/* lower_expr.c */
ir_expr *fe_expr_new(lowering *l, ir_ekind k, CXCursor c);
/* Lowers subexpression c; *se is set when it has side effects. */
ir_expr *fe_lower_subexpr(lowering *l, CXCursor c, bool *se);
void fe_collect_effects(lowering *l, CXCursor c);
bool fe_eval_int(CXCursor c, int64_t *out);
ir_expr *fe_lower_expr(lowering *l, CXCursor c);
void fe_set_kids(lowering *l, ir_expr *e, ir_expr **kids, uint32_t n);

/* lower_init.c */
/* The initializer list `list` (c itself, or the compound literal c's). */
ir_expr *fe_init_list(lowering *l, CXCursor c, CXCursor list, bool compound, bool *se);
/* store (an IR_ASSIGN to le, lowered from lhs) when le is a member of a
 * union: (union = {no member known}, store); else store itself. */
ir_expr *fe_union_store(lowering *l, CXCursor c, CXCursor lhs, ir_expr *le,
                        ir_expr *store);

/* lower_maps.c */
void fe_cmap_clear(cmap *m);
void fe_cmap_free(cmap *m);
bool fe_cmap_get(const cmap *m, CXCursor c, uint32_t *out);
void fe_cmap_init(cmap *m);
void fe_cmap_put(cmap *m, CXCursor c, uint32_t v);
void fe_umap_clear(umap *m);
void fe_umap_free(umap *m);
bool fe_umap_get(const umap *m, uint64_t k, uint32_t *out);
void fe_umap_put(umap *m, uint64_t k, uint32_t v);

/* lower_ops.c */
/* whether the loaded libclang tells operator kinds (LLVM 17+) */
bool fe_operator_api(void);
/* a binary operator's left operand that `=` could write (lower_ops.c) */
bool fe_may_be_assigned(const ir_expr *le);
/* an unreadable operator with such a place on its left: the place written
 * with a value nobody knows, computed from re; no value of its own */
ir_expr *fe_unknown_assignment(lowering *l, CXCursor c, ir_expr *le, ir_expr *re);
/* an unreadable unary operator on a place: it may be ++ or --, so the
 * place is written with a lost value; no value of its own */
ir_expr *fe_unknown_incdec(lowering *l, CXCursor c, ir_expr *place);
/* The operator of binary node c, whose operands lc and rc were lowered to
 * le and re; hinted: the operator a text hint gave, if any.  NULL when it
 * cannot be told.  When the body of the macro the node is an invocation
 * of told it, l->mhint_set: fe_relower_kids(l, e, lc, rc) on the node
 * made lowers again, with their texts there as hints, the operands whose
 * own operators could not be read. */
const opinfo *fe_binop_of(lowering *l, CXCursor c, CXCursor lc, CXCursor rc,
                          const ir_expr *le, const ir_expr *re, bool compound,
                          const opinfo *hinted);
void fe_relower_kids(lowering *l, ir_expr *e, CXCursor lc, CXCursor rc);
/* The operator of unary node c, whose operand ch was lowered to k; hpost:
 * the operator a text hint gave, if any (postfix ++/--, or a prefix one,
 * used when the text where the node is spelled tells none). */
unop_kind fe_unop_of(lowering *l, CXCursor c, CXCursor ch, const ir_expr *k,
                     const char *hpost);
fe_file *fe_for_parts(lowering *l, CXCursor c, bool present[3], uint32_t pb[3], uint32_t pe[3]);
const opinfo *fe_hint_binop(lowering *l, const hint *h, CXCursor lc, CXCursor rc, bool compound,
                                hint *lt, hint *rt);
const char *fe_hint_postfix(lowering *l, const hint *h, CXCursor ch, hint *rest);
const char *fe_hint_prefix(lowering *l, const hint *h, CXCursor ch, hint *rest);
/* whether the n bytes at s name a macro some #define of the unit defines
 * (other than as the word itself: `#define stderr stderr`) */
bool fe_is_macro_name(lowering *l, const char *s, size_t n);
fe_file *fe_keyword_cond(lowering *l, CXCursor c, const char *kw, uint32_t *cb, uint32_t *ce);
void fe_set_hint(lowering *l, CXCursor x, fe_file *f, uint32_t b, uint32_t e);

/* lower_src.c */
ir_loc fe_cursor_loc(lowering *l, CXCursor c);
fe_file *fe_file_by_index(lowering *l, uint32_t index);
fe_file *fe_file_get(lowering *l, CXFile cx);
uint32_t fe_file_index(lowering *l, fe_file *f);
uint32_t fe_invocation_end(lowering *l, fe_file *f, uint32_t off, uint32_t *last);
ir_loc fe_last_token_loc(ir_loc r, lowering *l);
bool fe_loc_is_macro(lowering *l, CXSourceLocation s, bool token_start);
ir_loc fe_range_loc_w(lowering *l, CXSourceRange rg, bool *whole);
fe_file *fe_spelled(lowering *l, CXSourceLocation raw, unsigned *b, unsigned *e);
ir_loc fe_token_loc(lowering *l, CXSourceLocation s);

/* lower_stmt.c */
ir_stmt *fe_lower_stmt(lowering *l, CXCursor c);

/* lower_types.c */
ir_type fe_lower_type(lowering *l, CXType t);
ir_tkind fe_tkind_of(CXType c);
bool fe_type_eq(CXType a, CXType b);
CXType fe_unatomic(CXType c);

#endif
