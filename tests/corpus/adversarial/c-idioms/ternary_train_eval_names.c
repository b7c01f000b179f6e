/* c-idioms: the scope name is picked with a ternary on the mode
 * ("train" or "eval"), and the eval pass is meant to share through
 * AUTO_REUSE picked by another ternary -- on the wrong variable: it tests
 * `is_train`, so the eval pass (is_train == 0) gets no reuse.  Both
 * passes name their scope "model" when MODEL_ONE_SCOPE is set, and then
 * the eval pass creates model/w again. */
// oracle-input: env MODEL_ONE_SCOPE - 1
#include <stdbool.h>
#include <stdlib.h>

#include "varscope.h"

static void pass(vs_graph *g, bool is_train, bool one_scope)
{
    const char *scope = one_scope ? "model" : is_train ? "train" : "eval";
    VS_VARIABLE_SCOPE(g, scope, .reuse = is_train ? VS_AUTO_REUSE : VS_REUSE_INHERIT) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(3)); // expect: duplicate-variable
    }
}

int main(void)
{
    bool one_scope = getenv("MODEL_ONE_SCOPE") != NULL;
    vs_graph *g = vs_graph_new();
    pass(g, true, one_scope);
    pass(g, false, one_scope);
    vs_graph_free(g);
    return 0;
}
