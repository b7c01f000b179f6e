/* buffer-writes: feature names copied into a fixed 8-byte field with
 * strncpy; "embedding_user" and "embedding_item" both truncate to
 * "embeddi", so the second embedding table already exists: duplicate. */
#include <string.h>

#include "varscope.h"

struct feature {
    char name[8];
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
    for (int i = 0; i < 2; i++)
        vs_get_variable(g, f[i].name, .shape = VS_SHAPE(f[i].vocab, 8)); // expect: duplicate-variable
    vs_graph_free(g);
    return 0;
}
