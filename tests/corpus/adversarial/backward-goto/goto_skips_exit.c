/* backward-goto: a token-driven loop with goto; the "(" token opens a
 * name scope and ")" closes it, and the input "((x)" leaves one open at
 * vs_graph_free: scope-leak. */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    const char *p = "((x)";
loop:
    switch (*p) {
    case '(':
        vs_name_scope_enter(g, "group"); // expect: scope-leak
        break;
    case ')':
        vs_scope_exit(g);
        break;
    case 'x':
        vs_scalar_f32(g, 1.0f, .name = "x");
        break;
    default:
        goto done;
    }
    p++;
    goto loop;
done:
    vs_graph_free(g);
    return 0;
}
