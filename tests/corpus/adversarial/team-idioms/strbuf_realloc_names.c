/* team-idioms: a growable string builder (realloc) assembles each
 * variable's full name "enc/layerN/w"; get_variable takes names with
 * slashes; every name is distinct, no run fails. */
#include <stdio.h>
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
        size_t cap = sb->cap ? sb->cap * 2 : 8;
        while (cap < sb->len + n + 1)
            cap *= 2;
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

static void sb_reset(strbuf *sb)
{
    sb->len = 0;
    if (sb->data)
        sb->data[0] = '\0';
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    strbuf sb = {0};
    for (int i = 0; i < 3; i++) {
        char part[16];
        snprintf(part, sizeof part, "layer%d", i);
        sb_reset(&sb);
        if (sb_append(&sb, "enc/") || sb_append(&sb, part) || sb_append(&sb, "/w"))
            break;
        vs_get_variable(g, sb.data, .shape = VS_SHAPE(4, 4));
    }
    free(sb.data);
    vs_graph_free(g);
    return 0;
}
