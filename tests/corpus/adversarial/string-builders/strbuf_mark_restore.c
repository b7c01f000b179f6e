/* string-builders: a hand-written string builder {data, len, cap} with
 * sb_appendf (vsnprintf, growing with realloc) and sb_truncate back to a
 * saved length, the way nested names are built: "model/enc_0",
 * "model/enc_1" ... each made from the saved "model" prefix.  Every name
 * is new: no run fails. */
// oracle-input: argc 1 2 3
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "varscope.h"

typedef struct strbuf {
    char *data;
    size_t len, cap;
} strbuf;

static int sb_reserve(strbuf *sb, size_t extra)
{
    if (sb->len + extra + 1 <= sb->cap)
        return 0;
    size_t cap = sb->cap ? sb->cap : 16;
    while (cap < sb->len + extra + 1)
        cap *= 2;
    char *p = realloc(sb->data, cap);
    if (!p)
        return -1;
    sb->data = p;
    sb->cap = cap;
    return 0;
}

static int sb_appendf(strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || sb_reserve(sb, (size_t)n) != 0)
        return -1;
    va_start(ap, fmt);
    vsnprintf(sb->data + sb->len, sb->cap - sb->len, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
    return 0;
}

static void sb_truncate(strbuf *sb, size_t len)
{
    if (len < sb->len) {
        sb->len = len;
        sb->data[len] = '\0';
    }
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    strbuf sb = {0};
    sb_appendf(&sb, "%s", "model");
    size_t mark = sb.len;
    for (int i = 0; i < argc + 1; i++) {
        sb_appendf(&sb, "_enc_%d", i);
        VS_VARIABLE_SCOPE(g, sb.data) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(16, 16));
        }
        sb_truncate(&sb, mark);
    }
    free(sb.data);
    vs_graph_free(g);
    return 0;
}
