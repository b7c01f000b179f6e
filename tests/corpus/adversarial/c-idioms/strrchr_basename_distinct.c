/* c-idioms: as strrchr_basename_scope.c, but the scope is the directory
 * above the file (the run's name): "runs/a/tower.ckpt" -> "a",
 * "runs/b/tower.ckpt" -> "b".  The name is cut with strrchr and a '\0'
 * store, then strrchr again; the towers are distinct and no run fails. */
#include <stdio.h>
#include <string.h>

#include "varscope.h"

static void run_name(const char *path, char *out, size_t n)
{
    snprintf(out, n, "%s", path);
    char *slash = strrchr(out, '/');
    if (slash)
        *slash = '\0';            /* drop the file */
    slash = strrchr(out, '/');
    if (slash)
        memmove(out, slash + 1, strlen(slash + 1) + 1);
}

int main(void)
{
    static const char *const ckpts[] = {"runs/a/tower.ckpt", "runs/b/tower.ckpt"};
    vs_graph *g = vs_graph_new();
    char scope[64];
    for (size_t i = 0; i < sizeof ckpts / sizeof *ckpts; i++) {
        run_name(ckpts[i], scope, sizeof scope);
        VS_VARIABLE_SCOPE(g, scope) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(3));
        }
    }
    vs_graph_free(g);
    return 0;
}
