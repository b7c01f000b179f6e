/* Designated initializers, resolved as C does (C11 6.7.9). */
#include "varscope.h"

struct pt { int x, y; };
struct box { struct pt a, b; int tag; };
union num { int i; double d; };
enum { RED, GREEN, BLUE };

int side(int);

#define OPTS(...) ((vs_scope_opts){.reuse = VS_REUSE_INHERIT, .default_name = "d", __VA_ARGS__})

void designators(int n)
{
    /* the last value of a field given twice; fields in declaration order */
    vs_scope_opts o = OPTS(.reuse = VS_AUTO_REUSE);
    /* an overridden initializer is dropped with its side effect */
    struct pt p = {.x = side(1), .y = 2, .x = 3};
    /* positional items go on after the designated field */
    struct box b = {.b = {1, 2}, 7};
    /* a later path into a member merges with its earlier list */
    struct box m = {.a = {1, 2}, .a.y = n, .b.x = 4};
    /* arrays by index; positional items go on after the index */
    const char *names[4] = {[BLUE] = "blue", [RED] = "red", "green"};
    int gaps[6] = {[2] = 1, 5};
    int range[4] = {[0 ... 2] = 9};
    struct pt pts[3] = {[1].y = n, [2] = {3}};
    /* a union keeps the member initialized last */
    union num u = {.i = 1, .d = 2.5};
    /* {0} into a struct whose first member is a struct */
    struct box z = {0};
    /* not followed: brace elision of values other than a final zero, and
     * a range whose value has a side effect (unknown, side effects kept) */
    struct box e = {1, 2, 3, 4, 5};
    int r2[3] = {[0 ... 1] = side(2)};
    (void)o; (void)p; (void)b; (void)m; (void)names; (void)gaps; (void)range;
    (void)pts; (void)u; (void)z; (void)e; (void)r2;
}
