/* control-shapes: a hand-made stack of entered scope objects (an array
 * and a stack pointer): every successful enter is pushed, and the
 * unwinding pops and exits until the stack is empty; the middle enter
 * fails with argc 2 (an invalid name) and is not pushed.  Balanced. */
// oracle-input: argc 1 2
#include "varscope.h"

struct scope_stack { vs_scope *items[8]; int sp; };

static void push(vs_graph *g, struct scope_stack *s, const char *name)
{
    vs_scope *sc = vs_variable_scope_enter(g, name); // expect: invalid-name
    if (sc && s->sp < 8)
        s->items[s->sp++] = sc;
}

static void unwind(vs_graph *g, struct scope_stack *s)
{
    while (s->sp > 0) {
        vs_scope_exit(g);
        s->items[--s->sp] = NULL;
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    struct scope_stack st = {{0}, 0};
    push(g, &st, "model");
    push(g, &st, argc > 1 ? "bad block" : "block");
    push(g, &st, "layer");
    vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    unwind(g, &st);
    vs_graph_free(g);
    return 0;
}
