/* buffer-writes: the same feature table with a 32-byte field: strncpy
 * keeps the whole names, the two tables are distinct, no run fails. */
#include <string.h>

#include "varscope.h"

struct feature {
    char name[32];
    int vocab;
};

int main(void)
{
    vs_graph *g = vs_graph_new();
    static const char *columns[] = {"embedding_user", "embedding_item"};
    struct feature f[2];

    for (int i = 0; i < 2; i++) {
        strncpy(f[i].name, columns[i], sizeof f[i].name - 1);
        f[i].name[sizeof f[i].name - 1] = '\0';
        f[i].vocab = 100 * (i + 1);
    }
    VS_VARIABLE_SCOPE(g, "input_layer") {
        for (int i = 0; i < 2; i++)
            vs_get_variable(g, f[i].name, .shape = VS_SHAPE(f[i].vocab, 8));
    }
    vs_graph_free(g);
    return 0;
}
