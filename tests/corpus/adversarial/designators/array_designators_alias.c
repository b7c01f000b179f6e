/* designators: a segmentation head added to the table reuses the string
 * "mask" by mistake ([HEAD_SEG] = "mask"); building every head creates
 * heads/mask twice and the second fails. */
#include "varscope.h"

enum head { HEAD_CLS, HEAD_MASK, HEAD_SEG, HEAD_COUNT };

static const char *const head_names[HEAD_COUNT] = {
    [HEAD_SEG] = "mask",
    [HEAD_MASK] = "mask",
    [HEAD_CLS] = "cls",
};

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "heads") {
        for (int h = 0; h < HEAD_COUNT; h++)
            vs_get_variable(g, head_names[h], .shape = VS_SHAPE(256, 4)); // expect: duplicate-variable
    }
    vs_graph_free(g);
    return 0;
}
