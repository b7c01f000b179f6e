/* designators: head names placed by enum index ([HEAD_MASK] = "mask"),
 * listed in another order than the enum.  The model creates the heads it
 * enables, in enum order, and then shares head_names[HEAD_BOX], which is
 * "box": it exists.  No run fails. */
#include "varscope.h"

enum head { HEAD_CLS, HEAD_BOX, HEAD_MASK, HEAD_COUNT };

static const char *const head_names[HEAD_COUNT] = {
    [HEAD_MASK] = "mask",
    [HEAD_CLS] = "cls",
    [HEAD_BOX] = "box",
};

static const int enabled[] = {HEAD_CLS, HEAD_BOX};

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "heads") {
        for (int i = 0; i < 2; i++)
            vs_get_variable(g, head_names[enabled[i]], .shape = VS_SHAPE(256, 4));
    }
    VS_VARIABLE_SCOPE(g, "heads", .reuse = VS_REUSE) {
        vs_get_variable(g, head_names[HEAD_BOX], .shape = VS_SHAPE(256, 4));
    }
    vs_graph_free(g);
    return 0;
}
