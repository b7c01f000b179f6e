/* api-models: the layer widths are copied into a global table with
 * memcpy from a compound literal; the encoder is built twice without
 * reuse and the second build's encoder/w0 already exists. */
#include <string.h>
#include "varscope.h"
typedef struct Net { const int *layers; int n; const char *name; } Net;
typedef struct Model { Net enc; } Model;
static int enc_layers[3];
static void build(vs_graph *g, const Net *self)
{
    VS_VARIABLE_SCOPE(g, self->name) {
        for (int i = 0; i + 1 < self->n; i++) {
            char id[16] = "w0";
            id[1] = (char)('0' + i);
            vs_get_variable(g, id, .shape = VS_SHAPE(self->layers[i], self->layers[i + 1])); // expect: duplicate-variable
        }
    }
}
int main(void)
{
    Model m;
    memcpy(enc_layers, (int[]){4, 5, 6}, sizeof enc_layers);
    m.enc = (Net){enc_layers, 3, "encoder"};
    vs_graph *g = vs_graph_new();
    build(g, &m.enc);
    build(g, &m.enc);
    vs_graph_free(g);
    return 0;
}
