/* backward-goto: a retry loop written with goto: the first attempt
 * creates model/w a second time and fails (reported), then the code
 * switches to AUTO_REUSE and jumps back; the retry succeeds. */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "model") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(3));
    }
    vs_reuse reuse = VS_REUSE_INHERIT;
again:
    vs_variable_scope_enter(g, "model", .reuse = reuse);
    vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(3)); // expect: duplicate-variable
    vs_scope_exit(g);
    if (!w && reuse == VS_REUSE_INHERIT) {
        reuse = VS_AUTO_REUSE;
        goto again;
    }
    vs_graph_free(g);
    return 0;
}
