/* backward-goto: the same token loop on a balanced input "(x)(x)": every
 * scope opened is closed.  No run fails. */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    const char *p = "(x)(x)";
loop:
    switch (*p) {
    case '(':
        vs_name_scope_enter(g, "group");
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
