/* C types to the IR's coarse ones. */
#include "lower_int.h"

#include <string.h>

ir_tkind fe_tkind_of(CXType c)
{
    switch (c.kind) {
    case CXType_Void:
        return IR_T_VOID;
    case CXType_Bool: case CXType_Char_U: case CXType_UChar: case CXType_Char16:
    case CXType_Char32: case CXType_UShort: case CXType_UInt: case CXType_ULong:
    case CXType_ULongLong: case CXType_UInt128: case CXType_Char_S: case CXType_SChar:
    case CXType_WChar: case CXType_Short: case CXType_Int: case CXType_Long:
    case CXType_LongLong: case CXType_Int128: case CXType_Enum:
        return IR_T_INT;
    case CXType_Float: case CXType_Double: case CXType_LongDouble: case CXType_Float128:
    case CXType_Half: case CXType_Float16: case CXType_BFloat16: case CXType_Ibm128:
        return IR_T_FLOAT;
    case CXType_Pointer: case CXType_BlockPointer:
        return IR_T_PTR;
    case CXType_Record:
        return IR_T_STRUCT;
    case CXType_ConstantArray: case CXType_IncompleteArray: case CXType_VariableArray:
    case CXType_DependentSizedArray:
        return IR_T_ARRAY;
    case CXType_FunctionProto: case CXType_FunctionNoProto:
        return IR_T_FUNC;
    default:
        return IR_T_OTHER;
    }
}

CXType fe_unatomic(CXType c)
{
    while (c.kind == CXType_Atomic)
        c = clang_getCanonicalType(clang_Type_getValueType(c));
    return c;
}

static bool is_char_kind(enum CXTypeKind k)
{
    return k == CXType_Char_S || k == CXType_Char_U || k == CXType_SChar || k == CXType_UChar;
}

/* The struct's name (its tag, else the typedef it is known by), or "char",
 * for a type as written (sugar kept). */
static const char *elem_name(lowering *l, CXType t)
{
    CXType c = fe_unatomic(clang_getCanonicalType(t));
    if (is_char_kind(c.kind))
        return fe_intern(l, "char", 4);
    if (c.kind != CXType_Record)
        return NULL;
    CXCursor d = clang_getTypeDeclaration(c);
    uint32_t i;
    if (!clang_Cursor_isNull(d) && fe_cmap_get(&l->namemap, d, &i))
        return l->names.items[i];
    const char *name = NULL;
    if (!clang_Cursor_isNull(d) && !clang_Cursor_isAnonymous(d))
        name = fe_intern_cx(l, clang_getCursorSpelling(d));
    if (name && !*name)
        name = NULL;
    if (!name) {
        /* an anonymous struct: the typedef name it is used through */
        CXType s = t;
        for (int guard = 0; guard < 16 && !name; guard++) {
            if (s.kind == CXType_Typedef) {
                name = fe_intern_cx(l, clang_getTypedefName(s));
            } else if (s.kind == CXType_Elaborated) {
                s = clang_Type_getNamedType(s);
                continue;
            }
            break;
        }
        return name && *name ? name : NULL;     /* not cached: depends on t */
    }
    if (!clang_Cursor_isNull(d)) {
        fe_cmap_put(&l->namemap, d, (uint32_t)l->names.len);
        SC_PUSH(l->names, name);
    }
    return name;
}

static ir_type lower_type_uncached(lowering *l, CXType t);

/* Types repeat: a small cache keyed on the type's identity (libclang's
 * CXType carries the QualType in data[0]). */
ir_type fe_lower_type(lowering *l, CXType t)
{
    uintptr_t key = (uintptr_t)t.data[0] ^ ((uintptr_t)t.kind << 3);
    size_t slot = (size_t)((key * 0x9E3779B97F4A7C15ull) >> 54) & (TYPE_CACHE - 1);
    tcache_ent *ce = &l->tcache[slot];
    if (ce->valid && ce->kind == t.kind && ce->data0 == t.data[0] && ce->data1 == t.data[1])
        return ce->type;
    ir_type r = lower_type_uncached(l, t);
    ce->valid = true;
    ce->kind = t.kind;
    ce->data0 = t.data[0];
    ce->data1 = t.data[1];
    ce->type = r;
    return r;
}

static ir_type lower_type_uncached(lowering *l, CXType t)
{
    ir_type r;
    memset(&r, 0, sizeof r);
    r.array_len = -1;
    bool plain = (t.kind >= CXType_FirstBuiltin && t.kind <= CXType_LastBuiltin) ||
                 t.kind == CXType_Pointer || t.kind == CXType_ConstantArray;
    CXType c = plain ? t : fe_unatomic(clang_getCanonicalType(t));
    r.kind = fe_tkind_of(c);
    switch (r.kind) {
    case IR_T_STRUCT:
        r.name = elem_name(l, t);
        break;
    case IR_T_PTR: {
        CXType p = clang_getPointeeType(t);
        if (p.kind == CXType_Invalid)
            p = clang_getPointeeType(c);
        r.elem = fe_tkind_of(fe_unatomic(clang_getCanonicalType(p)));
        r.name = elem_name(l, p);
        break;
    }
    case IR_T_ARRAY: {
        CXType e = clang_getArrayElementType(t);
        if (e.kind == CXType_Invalid)
            e = clang_getArrayElementType(c);
        r.elem = fe_tkind_of(fe_unatomic(clang_getCanonicalType(e)));
        r.name = elem_name(l, e);
        if (c.kind == CXType_ConstantArray)
            r.array_len = clang_getArraySize(c);
        break;
    }
    default:
        break;
    }
    return r;
}

bool fe_type_eq(CXType a, CXType b)
{
    return clang_equalTypes(clang_getCanonicalType(a), clang_getCanonicalType(b)) != 0;
}
