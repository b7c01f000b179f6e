/* Lowering a libclang translation unit to the IR.
 *
 * Choices the IR leaves to the front end:
 *
 * - Locations follow the expansion location: anything written through a
 *   macro, its body or its arguments, is located at the outermost macro
 *   invocation in the user's file: start at the macro name, end_line:
 *   end_col at the invocation's closing parenthesis, end_offset just past
 *   it.  Code outside macros has its spelling range.  end_line:end_col is
 *   the last token's start.  A node whose range is exactly one invocation
 *   hands that range to its whole subtree without recomputing it.
 * - A direct call has str = the callee's name and kids[0] = an IR_FUNCREF
 *   of it (never NULL), so that a walk over kids needs no special case.
 * - Static locals are globals named "FUNC.VAR" with is_static set; a
 *   file-scope static variable also has is_static set (internal linkage).
 *   Globals declared in system headers that the code uses (stderr) are
 *   added on first use, with is_extern set.  A block-scope extern is the
 *   global it names.  Redeclarations of a global are one global, located
 *   at its definition.
 * - Implicit casts and parentheses are transparent: the node is the inner
 *   expression with its own type, except that an implicit conversion of a
 *   literal 0 to a pointer is IR_NULL with the pointer type.
 * - An integer-typed node is folded to IR_INT by clang_Cursor_Evaluate
 *   only when it is a literal, an enum constant, sizeof/_Alignof, or a
 *   cast, parenthesis, unary, binary or conditional operator whose
 *   operands all folded: never a variable's value.
 * - An operator's kind comes from libclang where it has the calls for it
 *   (clang_getCursorBinaryOperatorKind and clang_getCursorUnaryOperatorKind,
 *   LLVM 17 and later; see lower_ops.c).  libclang 14 has none: there & and
 *   * are told by the operand types; prefix operators by the token where they are
 *   spelled (clang_getToken); binary and postfix ones from the source
 *   between the operands (exact outside macros), else from the text of
 *   the expression at the macro level where it is written ("text hints":
 *   the header of a for/if/while/switch/return in a macro body, or the
 *   #define body of a macro the whole expression is an invocation of),
 *   else next to the operands where they are spelled, else, for a
 *   variable's initializer, from clang's printing of the declaration.  An
 *   operator none of these finds (an unparenthesized macro argument that
 *   changes the precedence, as in GT(a, 1) + 2 for `#define GT(a, b) a > b`)
 *   lowers to IR_UNKNOWN with the operands' side effects as kids, never to
 *   a guessed operator; when its left operand is a place, the operator may
 *   be `=`, so the place is written with an unknown value (`STEP(k)` for
 *   `#define STEP(n) n = n * 2 + 1`: the `=` is in the body, both operands
 *   in the argument), and an unreadable unary operator on a place may be
 *   ++ or -- and writes it.  A macro body that is one invocation of
 *   another macro (a wrapper, or `m(x)` with m an argument: APPLY(DOUBLE,
 *   n)) hands on that macro's body; an object-like macro written as one
 *   word in another file's macro (VS_SHAPE(WIDTH)) gives its body; a
 *   pasted `v##_i` is one operand; and a word at a macro token's file
 *   location that names a macro is not that token (its expansion is).
 * - Whether a location is inside a macro is read from the top bit of its
 *   raw encoding (no API); that is checked against an exact token-based
 *   test on the first locations of each unit, and the exact test is used
 *   from then on should they ever disagree.
 * - _Generic lowers to the association it selects (lower_expr.c says how
 *   that is found without an API for it); when it cannot be told, to a
 *   call of an unknown function if an association may have side effects,
 *   else to IR_UNKNOWN.  Initializer lists are resolved as C resolves
 *   their designators (lower_init.c).  A variable's cleanup attribute
 *   becomes the calls at each exit of its scope (lower_cleanup.c).  A GNU case range `case 1 ... 3:`
 *   gives one IR_S_CASE per value when it has at most 256 values, else one
 *   for its low end.
 * - Nesting deeper than MAX_DEPTH statements/expressions lowers to
 *   IR_S_NOP / IR_UNKNOWN rather than exhausting the stack (1000 levels
 *   take about 5 MB of stack under ASan, 1.5 MB without); else-if chains,
 *   case and label chains and the statements of a block are lowered
 *   iteratively and do not count.
 */
#include "lower_int.h"

#include <stdlib.h>
#include <string.h>

/* ---- interning --------------------------------------------------------- */

const char *fe_intern(lowering *l, const char *s, size_t n)
{
    return sc_intern(&l->u->strings, s, n);
}

const char *fe_intern_cx(lowering *l, CXString s)
{
    const char *c = clang_getCString(s);
    const char *r = fe_intern(l, c ? c : "", c ? strlen(c) : 0);
    clang_disposeString(s);
    return r;
}

/* ---- children ---------------------------------------------------------- */

static enum CXChildVisitResult collect_cb(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    lowering *l = d;
    SC_PUSH(l->cs, c);
    return CXChildVisit_Continue;
}

/* Pushes c's children on l->cs; returns the base index (pop by restoring
 * l->cs.len).  Access them by index: the vector may move. */
size_t fe_children(lowering *l, CXCursor c)
{
    size_t base = l->cs.len;
    clang_visitChildren(c, collect_cb, l);
    return base;
}

bool fe_is_expr(CXCursor c)
{
    return clang_isExpression(clang_getCursorKind(c)) != 0;
}

CXCursor fe_last_expr_child(lowering *l, CXCursor c, bool *ok)
{
    size_t base = fe_children(l, c);
    CXCursor r = clang_getNullCursor();
    *ok = false;
    for (size_t i = l->cs.len; i > base; i--)
        if (fe_is_expr(l->cs.items[i - 1])) {
            r = l->cs.items[i - 1];
            *ok = true;
            break;
        }
    l->cs.len = base;
    return r;
}

CXCursor fe_first_expr_child(lowering *l, CXCursor c, bool *ok, size_t *count)
{
    size_t base = fe_children(l, c);
    CXCursor r = clang_getNullCursor();
    *ok = false;
    size_t n = 0;
    for (size_t i = base; i < l->cs.len; i++)
        if (fe_is_expr(l->cs.items[i])) {
            if (!*ok) {
                r = l->cs.items[i];
                *ok = true;
            }
            n++;
        }
    if (count)
        *count = n;
    l->cs.len = base;
    return r;
}

/* Whether UnexposedExpr a, with b as its only child, is an implicit cast
 * (or another wrapper that starts where its operand starts, such as the
 * PredefinedExpr __func__ around its string): libclang gives an implicit
 * cast its operand's location.  Much cheaper than comparing extents. */
bool fe_same_extent(CXCursor a, CXCursor b)
{
    return clang_equalLocations(clang_getCursorLocation(a), clang_getCursorLocation(b)) != 0;
}

/* Strips parentheses and implicit casts. */
CXCursor fe_strip(lowering *l, CXCursor c)
{
    for (int guard = 0; guard < 256; guard++) {
        enum CXCursorKind k = clang_getCursorKind(c);
        if (k != CXCursor_ParenExpr && k != CXCursor_UnexposedExpr)
            break;
        bool ok;
        size_t n;
        CXCursor ch = fe_first_expr_child(l, c, &ok, &n);
        if (!ok || n != 1 || (k == CXCursor_UnexposedExpr && !fe_same_extent(c, ch)))
            break;
        c = ch;
    }
    return c;
}

CXCursor fe_strip_implicit(lowering *l, CXCursor c)
{
    for (int guard = 0; guard < 256; guard++) {
        if (clang_getCursorKind(c) != CXCursor_UnexposedExpr)
            break;
        bool ok;
        size_t n;
        CXCursor ch = fe_first_expr_child(l, c, &ok, &n);
        if (!ok || n != 1 || !fe_same_extent(c, ch))
            break;
        c = ch;
    }
    return c;
}

static enum CXChildVisitResult top_cb(CXCursor c, CXCursor parent, CXClientData d)
{
    (void)parent;
    lowering *l = d;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k != CXCursor_FunctionDecl && k != CXCursor_VarDecl)
        return CXChildVisit_Continue;
    if (clang_Location_isInSystemHeader(clang_getCursorLocation(c)))
        return CXChildVisit_Continue;
    if (k == CXCursor_FunctionDecl && !clang_isCursorDefinition(c))
        return CXChildVisit_Continue;
    SC_PUSH(l->cs, c);
    return CXChildVisit_Continue;
}

ir_unit *fe_lower(CXTranslationUnit tu, const char *main_file)
{
    lowering *l = sc_xmalloc(sizeof *l);
    memset(l, 0, sizeof *l);
    l->tu = tu;
    l->u = ir_unit_new();
    l->A = &l->u->arena;
    fe_cmap_init(&l->gmap);
    fe_cmap_init(&l->lmap);
    fe_cmap_init(&l->namemap);
    l->u->main_file = sc_intern_cstr(&l->u->strings, main_file ? main_file : "");
    SC_PUSH(l->file_names, l->u->files[0]);
    if (main_file) {
        fe_file *mf = fe_file_get(l, clang_getFile(tu, main_file));
        if (mf)
            fe_file_index(l, mf);
    }

    size_t base = l->cs.len;
    clang_visitChildren(clang_getTranslationUnitCursor(tu), top_cb, l);
    size_t n = l->cs.len - base;
    for (size_t i = 0; i < n; i++) {
        CXCursor c = l->cs.items[base + i];
        if (clang_getCursorKind(c) == CXCursor_FunctionDecl)
            fe_lower_function(l, c);
        else
            fe_lower_global(l, c);
    }
    l->cs.len = base;

    ir_unit *u = l->u;
    u->nfiles = (uint32_t)l->file_names.len;
    u->files = sc_alloc(l->A, u->nfiles * sizeof *u->files);
    memcpy(u->files, l->file_names.items, u->nfiles * sizeof *u->files);
    u->nglobals = (uint32_t)l->globals.len;
    if (u->nglobals) {
        u->globals = sc_alloc(l->A, u->nglobals * sizeof *u->globals);
        memcpy(u->globals, l->globals.items, u->nglobals * sizeof *u->globals);
    }
    u->nfuncs = (uint32_t)l->funcs.len;
    if (u->nfuncs) {
        u->funcs = sc_alloc(l->A, u->nfuncs * sizeof *u->funcs);
        memcpy(u->funcs, l->funcs.items, u->nfuncs * sizeof *u->funcs);
    }

    for (size_t i = 0; i < l->files.len; i++) {
        free(l->files.items[i]->lines);
        free(l->files.items[i]);
    }
    SC_VEC_FREE(l->files);
    SC_VEC_FREE(l->file_names);
    SC_VEC_FREE(l->globals);
    SC_VEC_FREE(l->funcs);
    SC_VEC_FREE(l->locals);
    SC_VEC_FREE(l->indirect);
    SC_VEC_FREE(l->names);
    SC_VEC_FREE(l->cs);
    SC_VEC_FREE(l->ws);
    SC_VEC_FREE(l->ss);
    SC_VEC_FREE(l->es);
    fe_cmap_free(&l->gmap);
    fe_cmap_free(&l->lmap);
    fe_cmap_free(&l->namemap);
    fe_umap_free(&l->labels);
    fe_umap_free(&l->invoc);
    fe_umap_free(&l->macros);
    fe_umap_free(&l->fn_names);
    SC_VEC_FREE(l->cleanups);
    SC_VEC_FREE(l->jump_scopes);
    SC_VEC_FREE(l->label_lives);
    SC_VEC_FREE(l->pending_gotos);
    SC_VEC_FREE(l->mdefs);
    SC_VEC_FREE(l->exprs);
    sc_interner_free(&l->mnames);
    sc_arena_free(&l->marena);
    if (l->policy)
        clang_PrintingPolicy_dispose(l->policy);
    free(l);
    return u;
}
