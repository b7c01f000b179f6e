/* The vocabulary's tables as arrays, checked against varscope.h. */
#include <string.h>

#include "vocab.h"

/* Each table lists the enum's values in order, and all of them. */
#define CODE_POS(code, name) CODE_POS_##code,
enum { VS_CODES(CODE_POS) CODE_COUNT };
#define CODE_CHECK(code, name) \
    _Static_assert((int)code == (int)CODE_POS_##code, #code " out of order");
VS_CODES(CODE_CHECK)
_Static_assert(CODE_COUNT == VS_ERR_NO_MEMORY + 1, "a vs_code is missing");

#define DTYPE_POS(dt, name) DTYPE_POS_##dt,
enum { VS_DTYPES(DTYPE_POS) DTYPE_COUNT };
#define DTYPE_CHECK(dt, name) \
    _Static_assert((int)dt == (int)DTYPE_POS_##dt, #dt " out of order");
VS_DTYPES(DTYPE_CHECK)
_Static_assert(DTYPE_COUNT == VS_UINT8 + 1, "a vs_dtype is missing");

/* every function of the table is declared in varscope.h */
#define FN_SYMBOL_AT(name) name##_at
#define FN_SYMBOL_PLAIN(name) name
#define FN_CHECK(name, form, ...) \
    _Static_assert(sizeof(&FN_SYMBOL_##form(name)) != 0, #name);
VS_FUNCTIONS(FN_CHECK)

static const char *const code_names[] = {
#define CODE_NAME(code, name) [code] = name,
    VS_CODES(CODE_NAME)
};

const char *vs_code_name(vs_code c)
{
    if ((unsigned)c < CODE_COUNT)
        return code_names[c];
    return "unknown";
}

static const struct {
    const char *name, *spelling;
} dtypes[] = {
#define DTYPE_ROW(dt, name) [dt] = {name, #dt},
    VS_DTYPES(DTYPE_ROW)
};

bool vs__dtype_valid(vs_dtype dt)
{
    return (unsigned)dt < DTYPE_COUNT;
}

const char *vs_dtype_name(vs_dtype dt)
{
    return vs__dtype_valid(dt) ? dtypes[dt].name : "invalid";
}

const char *vs__dtype_spelling(vs_dtype dt)
{
    return vs__dtype_valid(dt) ? dtypes[dt].spelling : NULL;
}

vs_dtype vs__dtype_or_float(vs_dtype dt)
{
    return dt == VS_DTYPE_DEFAULT ? VS_FLOAT32 : dt;
}

bool vs__dtype_floating(vs_dtype dt)
{
    dt = vs__dtype_or_float(dt);
    return dt == VS_FLOAT32 || dt == VS_FLOAT64 || dt == VS_FLOAT16;
}

/* ---- functions ---- */

#define FN_NAME_AT(name) #name "_at"
#define FN_NAME_PLAIN(name) #name
#define FN_MACRO_AT(name) #name
#define FN_MACRO_PLAIN(name) NULL
const vs_fn_info vs__fns[VS_FN_COUNT] = {
#define FN_ROW(name, form, arity, graph, name_arg, options, fails_null) \
    {FN_NAME_##form(name), FN_MACRO_##form(name), arity, graph, name_arg, \
     options, fails_null},
    VS_FUNCTIONS(FN_ROW)
};

const vs_fn_info *vs__fn_find(const char *name)
{
    for (size_t i = 0; i < VS_FN_COUNT; i++)
        if (strcmp(vs__fns[i].name, name) == 0)
            return &vs__fns[i];
    return NULL;
}

static const struct {
    const char *macro;
    vs_fn_id fn;
    int graph;
} blocks[] = {
#define BLOCK_ROW(macro, enters, graph) {#macro, VS_FN_##enters, graph},
    VS_BLOCK_MACROS(BLOCK_ROW)
};

static bool is(const char *ident, size_t len, const char *name)
{
    return name && strlen(name) == len && memcmp(ident, name, len) == 0;
}

bool vs__spelling(const char *ident, size_t len, vs_spelling *out)
{
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
        if (is(ident, len, blocks[i].macro)) {
            vs_fn_id fn = blocks[i].fn;
            *out = (vs_spelling){fn, blocks[i].graph, vs__fns[fn].options >= 0};
            return true;
        }
    for (size_t i = 0; i < VS_FN_COUNT; i++) {
        bool macro = is(ident, len, vs__fns[i].macro);
        if (macro || is(ident, len, vs__fns[i].name)) {
            *out = (vs_spelling){(vs_fn_id)i, vs__fns[i].graph,
                                 macro && vs__fns[i].options >= 0};
            return true;
        }
    }
    return false;
}
