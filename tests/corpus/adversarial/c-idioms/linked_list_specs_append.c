/* c-idioms: as linked_list_specs.c, but nodes are appended through a
 * pointer to the last `next` (the tail-pointer idiom) and the shared head
 * is asked for with the width it was built with: no run fails. */
#include <stdlib.h>

#include "varscope.h"

typedef struct layer_node {
    const char *name;
    int width;
    struct layer_node *next;
} layer_node;

static layer_node **append(layer_node **tail, const char *name, int width)
{
    layer_node *n = malloc(sizeof *n);
    if (!n)
        exit(1);
    n->name = name;
    n->width = width;
    n->next = NULL;
    *tail = n;
    return &n->next;
}

int main(void)
{
    layer_node *list = NULL, **tail = &list;
    tail = append(tail, "embed", 16);
    tail = append(tail, "hidden", 32);
    tail = append(tail, "logits", 10);
    vs_graph *g = vs_graph_new();
    for (layer_node *n = list; n; n = n->next) {
        VS_VARIABLE_SCOPE(g, n->name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(n->width));
        }
    }
    VS_VARIABLE_SCOPE(g, "logits", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(10));
    }
    while (list) {
        layer_node *next = list->next;
        free(list);
        list = next;
    }
    vs_graph_free(g);
    return 0;
}
