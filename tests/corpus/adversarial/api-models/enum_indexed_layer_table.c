/* api-models: layer objects kept in a table indexed by an enum; the
 * output head is shared by the image branch (64 features) and the text
 * branch (128 features): the built head refuses the second width. */
#include "varscope.h"

enum { L_IMG, L_TXT, L_HEAD, N_LAYERS };

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_layer *layers[N_LAYERS] = {
        [L_IMG] = vs_dense_layer(g, 64, .name = "img_proj"),
        [L_TXT] = vs_dense_layer(g, 128, .name = "txt_proj"),
        [L_HEAD] = vs_dense_layer(g, 10, .name = "head"),
    };
    vs_tensor *img = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 256));
    vs_tensor *txt = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 300));
    vs_tensor *a = vs_layer_apply(g, layers[L_IMG], img);
    vs_tensor *b = vs_layer_apply(g, layers[L_TXT], txt);
    vs_layer_apply(g, layers[L_HEAD], a);
    vs_layer_apply(g, layers[L_HEAD], b); // expect: shape-mismatch
    vs_graph_free(g);
    return 0;
}
