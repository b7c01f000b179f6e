/* The seam between the front end and the engine: a small, C-shaped IR.
 *
 * The front end (libclang) lowers each translation unit to an ir_unit: its
 * functions as structured statements over expressions, its globals, and
 * the files locations point into.  The IR keeps C's own shape (ifs, loops,
 * switch, goto, calls, assignments, struct fields) and drops what the
 * scoping model cannot use (types beyond a coarse kind, casts, float math).
 * What C does implicitly is written out: a variable's cleanup attribute
 * becomes the calls f(&var) at each exit of its scope (a returned value
 * is first stored in a local named "return"), a _Generic selection the
 * association it selects, an initializer list the value each field or
 * element ends up with (see IR_INIT).
 * It knows nothing of varscope: calls to vs_* functions are ordinary
 * calls by name, and the engine gives them their meaning.  That keeps the
 * front end a faithful syntax lowering and all semantics in one place.
 *
 * Everything is allocated in the unit's arena; strings are interned in the
 * unit's interner, so equal names are equal pointers within a unit.
 */
#ifndef SC_IR_H
#define SC_IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/arena.h"

/* A source range.  Lines are 1-based; columns are 1-based byte columns;
 * offsets are 0-based byte offsets.  For code written through a macro
 * (vs_get_variable(...), VS_VARIABLE_SCOPE(...)) the range is that of the
 * macro invocation in the user's file (the expansion range): start at the
 * macro name, end at the closing parenthesis. */
typedef struct ir_loc {
    uint32_t file;                /* index into ir_unit.files; 0 = none */
    uint32_t line, col;
    uint32_t end_line, end_col;   /* the last token's start */
    uint32_t offset, end_offset;  /* end_offset: just past the last token */
} ir_loc;

typedef enum ir_tkind {
    IR_T_VOID, IR_T_INT, IR_T_FLOAT, IR_T_PTR, IR_T_STRUCT, IR_T_ARRAY,
    IR_T_FUNC, IR_T_OTHER
} ir_tkind;

/* A coarse type: enough to know that a local is a struct to track field by
 * field, a char buffer that snprintf writes a name into, or a pointer. */
typedef struct ir_type {
    ir_tkind kind;
    ir_tkind elem;                /* IR_T_ARRAY, IR_T_PTR: element kind */
    /* IR_T_STRUCT: the struct's name without "struct " and qualifiers
     * ("vs_get_variable_opts"); IR_T_PTR: the pointee's, when it is a
     * struct or typedef of one ("vs_graph"), or "char"; else NULL */
    const char *name;
    int64_t array_len;            /* IR_T_ARRAY: -1 when unknown */
} ir_type;                        /* (fields in this order: no padding) */

typedef enum ir_ekind {
    IR_INT,      /* ival: integer literal, char literal, enum constant, or
                    any integer constant expression clang folds (sizeof) */
    IR_FLOAT,    /* fval */
    IR_STR,      /* str/len: a string literal's bytes (no NUL added) */
    IR_NULL,     /* a null pointer constant (NULL, (void *)0) */
    IR_SYM,      /* sym: a local (IR_LOCAL), or a global (IR_GLOBAL) */
    IR_FUNCREF,  /* str: a function used as a value, not called */
    IR_UNOP,     /* op: '-', '+', '!', '~'; kids[0] */
    IR_BINOP,    /* op: see ir_binop; kids[0], kids[1] (&& || short-circuit) */
    IR_COND,     /* kids[0] ? kids[1] : kids[2] */
    IR_ASSIGN,   /* kids[0] = kids[1]; op != 0: compound (op= ), see ir_binop */
    IR_INCDEC,   /* op: ir_incdec; kids[0] */
    IR_CALL,     /* str: callee name for a direct call, else NULL and the
                    callee expression is kids[0]; args are kids[1..] */
    IR_MEMBER,   /* kids[0].str or kids[0]->str (op = 1 for ->) */
    IR_INDEX,    /* kids[0][kids[1]] */
    IR_ADDR,     /* &kids[0] */
    IR_DEREF,    /* *kids[0] */
    IR_INIT,     /* an initializer list or compound literal: type; ival
                    bit 0 set for a compound literal ((T){...}), clear
                    for a braced initializer; bit 1 set for a union (its
                    members not given are not zero: they read the bytes
                    of the one given).  Designators are resolved as C resolves
                    them (frontend/lower_init.c): a struct's kids are its
                    initialized fields in declaration order, names[i] the
                    field of kid i, each field once with its last value (a
                    field not given is zero); a union's one kid is the
                    member initialized last; an array's kids are its
                    elements from index 0 to the highest initialized one
                    (names NULL), the ones not written being zero values.
                    A path (.a.b = x) gives nested IR_INITs.  A scalar in
                    braces ({x}) or a string in braces for a char array
                    keeps its one kid, unnamed.  An initializer whose
                    placement is not followed is IR_UNKNOWN instead. */
    IR_COMMA,    /* kids[0], kids[1] */
    IR_CAST,     /* (type) kids[0]: type is the target */
    IR_UNKNOWN   /* anything else; kids are subexpressions that may have
                    side effects (calls, assignments), evaluated in order */
} ir_ekind;

typedef enum ir_binop {
    IR_ADD = 1, IR_SUB, IR_MUL, IR_DIV, IR_MOD, IR_SHL, IR_SHR,
    IR_LT, IR_GT, IR_LE, IR_GE, IR_EQ, IR_NE,
    IR_BITAND, IR_BITOR, IR_BITXOR, IR_LAND, IR_LOR
} ir_binop;

typedef enum ir_incdec { IR_PREINC = 1, IR_PREDEC, IR_POSTINC, IR_POSTDEC }
    ir_incdec;

typedef enum ir_symscope { IR_LOCAL, IR_GLOBAL } ir_symscope;

typedef struct ir_expr ir_expr;
struct ir_expr {                  /* (fields in this order: 120 bytes, no
                                     padding; a line of code has dozens) */
    ir_ekind kind;
    int op;
    ir_loc loc;
    uint32_t nkids;
    ir_type type;             /* the expression's type, coarse */
    int64_t ival;
    double fval;
    const char *str;          /* interned for names; IR_STR: raw bytes */
    size_t len;               /* IR_STR */
    ir_symscope symscope;     /* IR_SYM */
    uint32_t sym;             /* IR_SYM: index into the function's locals
                                 or the unit's globals */
    ir_expr **kids;
    const char **names;       /* IR_INIT designators, parallel to kids */
};

typedef enum ir_skind {
    IR_S_EXPR,      /* e */
    IR_S_DECL,      /* sym (a local), e = initializer or NULL */
    IR_S_BLOCK,     /* body[0..nbody) */
    IR_S_IF,        /* e ? body[0] : body[1] (body[1] may be NULL) */
    IR_S_WHILE,     /* while (e) body[0] */
    IR_S_DO,        /* do body[0] while (e) */
    IR_S_FOR,       /* for (init; e; step) body[0]; init is a statement or
                       NULL, e NULL means forever, step may be NULL */
    IR_S_SWITCH,    /* switch (e) body[0]; the case labels are IR_S_CASE
                       statements directly in body[0]'s block */
    IR_S_CASE,      /* a case label (ival) or default (op = 1) */
    IR_S_BREAK,
    IR_S_CONTINUE,
    IR_S_RETURN,    /* e may be NULL */
    IR_S_GOTO,      /* label */
    IR_S_LABEL,     /* label: marks this point; the labelled statement is
                       the next one in the enclosing block */
    IR_S_NOP
} ir_skind;

typedef struct ir_stmt ir_stmt;
struct ir_stmt {
    ir_skind kind;
    int op;
    ir_loc loc;
    ir_expr *e;
    ir_stmt *init;            /* IR_S_FOR */
    ir_expr *step;            /* IR_S_FOR */
    ir_stmt **body;
    uint32_t nbody;
    uint32_t sym;             /* IR_S_DECL */
    int64_t ival;             /* IR_S_CASE */
    uint32_t label;           /* IR_S_GOTO, IR_S_LABEL: per function id */
};

typedef struct ir_sym {
    const char *name;         /* as written; static locals keep theirs */
    ir_type type;
    ir_loc loc;
    bool is_param;
    bool is_static;           /* static local: lives across calls */
} ir_sym;

typedef struct ir_func {
    const char *name;
    ir_loc loc;               /* the function's name in its definition */
    ir_loc end_loc;           /* its closing brace */
    bool is_static;           /* internal linkage: visible in its file only */
    /* __attribute__((constructor)) / ((destructor)): the C runtime calls
     * it before main / after main returns (GCC manual, "Common Function
     * Attributes") */
    bool is_constructor, is_destructor;
    ir_type ret;
    ir_sym *locals;           /* parameters first, in order */
    uint32_t nlocals, nparams;
    uint32_t nlabels;
    ir_stmt *body;
} ir_func;

typedef struct ir_global {
    ir_sym sym;
    ir_expr *init;            /* NULL: zero-initialized (or extern) */
    bool is_extern;           /* a declaration only */
} ir_global;

typedef struct ir_unit {
    sc_arena arena;
    sc_interner strings;
    const char *main_file;    /* the translation unit's source path */
    const char **files;       /* files[0] = "" (none); paths as given */
    uint32_t nfiles;
    ir_global *globals;
    uint32_t nglobals;
    ir_func *funcs;           /* definitions only */
    uint32_t nfuncs;
    /* Called functions that are declared but not defined in this unit
     * are left to the linker (the link step resolves them by name). */
} ir_unit;

ir_unit *ir_unit_new(void);
void ir_unit_free(ir_unit *u);
/* Prints the unit as indented text, for debugging and front-end tests. */
void ir_dump(const ir_unit *u, void *file /* FILE * */);

/* Whether pred holds of some expression of x (x and its kids, at any
 * depth), or of some expression of s (its condition, a for's step, init
 * and body statements, at any depth). */
typedef bool (*ir_expr_pred)(const ir_expr *x, void *ctx);
bool ir_expr_any(const ir_expr *x, ir_expr_pred pred, void *ctx);
bool ir_stmt_any(const ir_stmt *s, ir_expr_pred pred, void *ctx);
/* s and the statements in it, at any depth */
size_t ir_stmt_count(const ir_stmt *s);

#endif
