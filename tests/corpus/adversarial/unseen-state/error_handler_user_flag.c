/* unseen-state: the handler writes through its user pointer into a
 * struct on main's stack (a "build status").  When the first attempt
 * fails (model/w exists), main retries the build under reuse, which
 * succeeds; the retry's branch is the only one that runs. */
#include <stdio.h>

#include "varscope.h"

struct status {
    int failed;
    vs_code code;
};

static void remember(const vs_error *e, void *user)
{
    struct status *st = user;
    st->failed = 1;
    st->code = e->code;
    fprintf(stderr, "%s:%d: error: %s [%s]\n", e->file, e->line, e->message,
            vs_code_name(e->code));
}

static void build(vs_graph *g, vs_reuse reuse)
{
    VS_VARIABLE_SCOPE(g, "model", .reuse = reuse) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4)); // expect: duplicate-variable
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    struct status st = {0, VS_OK};
    vs_set_error_handler(g, remember, &st);
    build(g, VS_REUSE_INHERIT);
    build(g, VS_REUSE_INHERIT);
    if (st.failed && st.code == VS_ERR_DUPLICATE_VARIABLE)
        build(g, VS_REUSE);
    else
        VS_VARIABLE_SCOPE(g, "model", .reuse = VS_REUSE) {
            vs_get_variable(g, "never_made", .shape = VS_SHAPE(1));
        }
    vs_graph_free(g);
    return 0;
}
