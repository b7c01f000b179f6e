/* buffer-writes: four towers placed on two GPUs; the scope is named after
 * the device (gpu_0, gpu_1) printed at an offset into the buffer, so the
 * third tower re-creates gpu_0/w without reuse and fails. */
#include <stdio.h>
#include <string.h>

#include "varscope.h"

#define NUM_GPUS 2

int main(void)
{
    vs_graph *g = vs_graph_new();
    char scope[24];
    strcpy(scope, "gpu_");
    const size_t off = sizeof "gpu_" - 1;

    for (int tower = 0; tower < 4; tower++) {
        sprintf(scope + off, "%d", tower % NUM_GPUS);
        VS_VARIABLE_SCOPE(g, scope) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(16, 16)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
