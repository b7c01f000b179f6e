/* _Generic: only the association selected by the controlling expression's
 * type is in the IR (C11 6.5.1.1); the controlling expression is not
 * evaluated. */
#include "varscope.h"

typedef struct layer layer;
typedef unsigned long count_t;
layer *add_dense(vs_graph *g, int units);
layer *add_named(vs_graph *g, const char *name);
layer *add_other(vs_graph *g, double x);
int side(int);

/* a dispatch on the argument's type: distinct function types */
#define ADD(g, x) _Generic((x), int: add_dense, const char *: add_named)(g, x)
/* calls of one type: told by the type names as written */
#define ADD2(g, x) _Generic((x), int: add_dense(g, 1), const char *: add_named(g, "n"), \
                            default: add_other(g, 0.5))

void generic(vs_graph *g, const char *s, count_t n, unsigned u, struct layer *l)
{
    layer *a = ADD(g, 3);
    layer *b = ADD(g, s);
    layer *c = ADD2(g, s);
    layer *d = ADD2(g, 2.0);            /* default: no typed name is double */
    int e = _Generic(n, unsigned long: 1, default: 2);
    int f = _Generic(u, unsigned: side(3), long: side(4), default: side(5));
    int h = _Generic(side(9), int: 7, default: 8);  /* side(9) not called */
    /* l's type is spelt "struct layer *", the association's "layer *": a
     * typedef name that may or may not be the type is not told, and the
     * associations have side effects: a call of an unknown function */
    layer *k = _Generic(l, layer *: add_dense(g, 2), count_t: add_dense(g, 3));
    (void)a; (void)b; (void)c; (void)d; (void)e; (void)f; (void)h; (void)k;
}
