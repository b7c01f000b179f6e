/* string-builders: a path written piece by piece with
 * `pos += snprintf(buf + pos, sizeof buf - pos, ...)`, the position
 * clamped when a piece does not fit (the careful idiom).  The buffer is
 * wide enough for every path here: "net/enc/l0" ... each distinct, no run
 * fails. */
// oracle-input: argc 1 2 3
#include <stdio.h>

#include "varscope.h"

static size_t put(char *buf, size_t cap, size_t pos, const char *piece)
{
    if (pos >= cap)
        return pos;
    int n = snprintf(buf + pos, cap - pos, "%s%s", pos ? "_" : "", piece);
    if (n < 0)
        return pos;
    pos += (size_t)n;
    return pos < cap ? pos : cap - 1;
}

int main(int argc, char **argv)
{
    (void)argv;
    static const char *const parts[] = {"enc", "dec"};
    vs_graph *g = vs_graph_new();
    char buf[48];
    for (int p = 0; p < 2; p++) {
        for (int l = 0; l < argc; l++) {
            size_t pos = 0;
            char num[8];
            snprintf(num, sizeof num, "l%d", l);
            pos = put(buf, sizeof buf, pos, "net");
            pos = put(buf, sizeof buf, pos, parts[p]);
            pos = put(buf, sizeof buf, pos, num);
            VS_VARIABLE_SCOPE(g, buf) {
                vs_get_variable(g, "w", .shape = VS_SHAPE(2, 2));
            }
        }
    }
    vs_graph_free(g);
    return 0;
}
