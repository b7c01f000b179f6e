#include "scope_util.h"

void build_encoder(vs_graph *g, int layers);

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    build_encoder(g, argc);
    char name[32];
    for (int i = 0; i < argc; i++)
        dense_weight(g, layer_name(name, sizeof name, "dec", i), 16, 16);
    vs_graph_free(g);
    return 0;
}
