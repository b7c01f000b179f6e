/* See clang_api.h. */
#define SC_CLANG_API_IMPL
#include "clang_api.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>

#ifndef SC_LIBCLANG
#define SC_LIBCLANG "libclang.so"
#endif

#define SC_CLANG_DEFINE(f) __typeof__(&f) sc_p_##f;
SC_CLANG_FUNCTIONS(SC_CLANG_DEFINE)
#undef SC_CLANG_DEFINE

unsigned (*sc_clang_binop_kind)(CXCursor);
unsigned (*sc_clang_unop_kind)(CXCursor);

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const char *load_error;
static const char *preferred;

void sc_clang_prefer(const char *path)
{
    preferred = path;
}

static void load(void)
{
    /* the libclang we were built against first, then the loader's path */
    static const char *const names[] = {SC_LIBCLANG, "libclang.so",
                                        "libclang.so.1", NULL};
    void *h = preferred ? dlopen(preferred, RTLD_NOW | RTLD_LOCAL) : NULL;
    for (int i = 0; names[i] && !h; i++)
        h = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        /* dlerror() says why (a missing file, a static TLS block full...) */
        static char why[512];
        const char *e = dlerror();
        snprintf(why, sizeof why, "libclang could not be loaded (install libclang-dev)%s%s",
                 e ? ": " : "", e ? e : "");
        load_error = why;
        return;
    }
#define SC_CLANG_RESOLVE(f)                                                 \
    if (!(*(void **)&sc_p_##f = dlsym(h, #f)) && !load_error)               \
        load_error = "libclang lacks " #f " (too old a version?)";
    SC_CLANG_FUNCTIONS(SC_CLANG_RESOLVE)
#undef SC_CLANG_RESOLVE
    *(void **)&sc_clang_binop_kind = dlsym(h, "clang_getCursorBinaryOperatorKind");
    *(void **)&sc_clang_unop_kind = dlsym(h, "clang_getCursorUnaryOperatorKind");
    /* the handle stays open for the life of the process */
}

bool sc_clang_load(const char **err)
{
    pthread_once(&once, load);
    if (load_error && err)
        *err = load_error;
    return load_error == NULL;
}
