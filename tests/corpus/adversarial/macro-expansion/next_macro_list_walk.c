/* macro-expansion: a list of layer specs walked with NEXT(p) (`((p) =
 * (p)->next)`) in a for step and in a while condition.  The list is
 * embed, enc, dec; with an argument a second "enc" is pushed at the
 * front: walking it makes enc/w twice, "Variable enc/w already
 * exists".  The second walk counts the specs. */
// oracle-input: argc 1 2
#include <stdio.h>

#include "varscope.h"

struct spec {
    const char *name;
    struct spec *next;
};

#define NEXT(p) ((p) = (p)->next)

int main(int argc, char **argv)
{
    (void)argv;
    struct spec dec = {"dec", NULL}, enc = {"enc", &dec}, embed = {"embed", &enc};
    struct spec extra = {"enc", &embed};
    struct spec *head = argc > 1 ? &extra : &embed;
    vs_graph *g = vs_graph_new();
    for (struct spec *p = head; p; NEXT(p)) {
        VS_VARIABLE_SCOPE(g, p->name) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(3)); // expect: duplicate-variable
        }
    }
    int count = 1;
    struct spec *q = head;
    while (NEXT(q))
        count++;
    printf("%d specs\n", count);
    vs_graph_free(g);
    return 0;
}
