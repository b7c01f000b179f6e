/* c-idioms: checkpoint paths name the towers: the scope is the path's
 * last component (strrchr '/'), with the extension cut at its '.'
 * (strchr).  "runs/a/tower.ckpt" and "runs/b/tower.ckpt" give the same
 * scope "tower", and the second tower creates tower/w again. */
#include <stdio.h>
#include <string.h>

#include "varscope.h"

static void scope_from_path(const char *path, char *out, size_t n)
{
    const char *slash = strrchr(path, '/');
    snprintf(out, n, "%s", slash ? slash + 1 : path);
    char *dot = strchr(out, '.');
    if (dot)
        *dot = '\0';
}

int main(void)
{
    static const char *const ckpts[] = {"runs/a/tower.ckpt", "runs/b/tower.ckpt"};
    vs_graph *g = vs_graph_new();
    char scope[64];
    for (size_t i = 0; i < sizeof ckpts / sizeof *ckpts; i++) {
        scope_from_path(ckpts[i], scope, sizeof scope);
        VS_VARIABLE_SCOPE(g, scope) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(3)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
