/* team-idioms: the string builder is reset by setting len = 0 but the
 * loop appends the same suffix for the decoder as for the encoder (the
 * prefix table repeats "enc"): the second "enc/w" already exists. */
#include <stdlib.h>
#include <string.h>

#include "varscope.h"

typedef struct strbuf {
    char *data;
    size_t len, cap;
} strbuf;

static int sb_append(strbuf *sb, const char *s)
{
    size_t n = strlen(s);
    if (sb->len + n + 1 > sb->cap) {
        size_t cap = (sb->len + n + 1) * 2;
        char *p = realloc(sb->data, cap);
        if (!p)
            return -1;
        sb->data = p;
        sb->cap = cap;
    }
    memcpy(sb->data + sb->len, s, n + 1);
    sb->len += n;
    return 0;
}

int main(void)
{
    static const char *const prefixes[] = {"enc", "enc"};
    vs_graph *g = vs_graph_new();
    strbuf sb = {0};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        sb.len = 0;
        if (sb_append(&sb, prefixes[i]) || sb_append(&sb, "/w"))
            break;
        vs_get_variable(g, sb.data, .shape = VS_SHAPE(4, 4)); // expect: duplicate-variable
    }
    free(sb.data);
    vs_graph_free(g);
    return 0;
}
