/* __attribute__((cleanup(f))): f(&var) at every exit of var's scope,
 * innermost first, in reverse declaration order (GCC's manual, Common
 * Variable Attributes). */
#include "varscope.h"

static void scope_done(vs_graph **g)
{
    vs_scope_exit(*g);
}

static void note(int *v)
{
    (void)v;
}

#define GUARD(g, name)                                                     \
    __attribute__((cleanup(scope_done))) vs_graph *guard =                 \
        vs_variable_scope_enter((g), (name)) ? (g) : NULL
#define WITH_CLEANUP(fn) __attribute__((cleanup(fn)))

int exits(vs_graph *g, int n)
{
    GUARD(g, "outer");
    __attribute__((__cleanup__(note))) int count = 0;
    for (int i = 0; i < n; i++) {
        __attribute__((cleanup(note))) int step = i;
        if (i == 1)
            continue;                   /* step */
        if (i == 2)
            break;                      /* step */
        if (i == 3)
            goto done;                  /* step */
        if (i == 4)
            return count + i;           /* value first; step, count, guard */
        count++;
    }                                   /* step, each turn */
done:
    count++;
again:
    if (count > 9)
        return 0;                       /* count, guard (not later) */
    WITH_CLEANUP(note) int later = count;
    count += later;
    if (count < 5)
        goto again;                     /* later: its scope is left */
    return count;                       /* later, count, guard */
}
