/* c-idioms: layer specs are pushed onto a singly linked list (so the
 * list runs newest first) and the model walks it; the head "logits" is
 * then built again by name with reuse to share it, but it was pushed
 * with 10 classes and is asked for with 5: shape-mismatch. */
#include <stdlib.h>

#include "varscope.h"

typedef struct layer_node {
    const char *name;
    int width;
    struct layer_node *next;
} layer_node;

static layer_node *push(layer_node *head, const char *name, int width)
{
    layer_node *n = malloc(sizeof *n);
    if (!n)
        exit(1);
    n->name = name;
    n->width = width;
    n->next = head;
    return n;
}

int main(void)
{
    layer_node *list = NULL;
    list = push(list, "embed", 16);
    list = push(list, "hidden", 32);
    list = push(list, "logits", 10);
    vs_graph *g = vs_graph_new();
    for (layer_node *n = list; n; n = n->next) {
        VS_VARIABLE_SCOPE(g, n->name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(n->width));
        }
    }
    VS_VARIABLE_SCOPE(g, "logits", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(5)); // expect: shape-mismatch
    }
    while (list) {
        layer_node *next = list->next;
        free(list);
        list = next;
    }
    vs_graph_free(g);
    return 0;
}
