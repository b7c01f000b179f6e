/* string-builders: the same {data, len, cap} builder, but the mark is
 * taken after the first layer's suffix was appended ("model_enc"), so
 * sb_truncate returns to "model_enc" and the loop appends a block number
 * to it: "model_enc", "model_enc_1", "model_enc_2" are all new.  A second
 * pass for evaluation (argc 2) rebuilds "model_enc" without reuse: its
 * weight is created twice. */
// oracle-input: argc 1 2
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "varscope.h"

typedef struct strbuf {
    char *data;
    size_t len, cap;
} strbuf;

static int sb_add(strbuf *sb, const char *s)
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

static void build(vs_graph *g, int blocks)
{
    strbuf sb = {0};
    sb_add(&sb, "model");
    sb_add(&sb, "_enc");
    size_t mark = sb.len;
    for (int i = 0; i < blocks; i++) {
        if (i > 0) {
            char num[16];
            snprintf(num, sizeof num, "_%d", i);
            sb_add(&sb, num);
        }
        VS_VARIABLE_SCOPE(g, sb.data) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(8)); // expect: duplicate-variable
        }
        sb.len = mark;
        sb.data[mark] = '\0';
    }
    free(sb.data);
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    build(g, 3);
    if (argc > 1)
        build(g, 1);
    vs_graph_free(g);
    return 0;
}
