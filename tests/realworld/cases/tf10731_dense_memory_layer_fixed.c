/* realworld: tf10731_dense_memory_layer (fixed)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/10731 (see the
 *   failing program's header).
 * Fix: the layer object is built once and called twice; its second call
 *   re-enters the scope its first call captured (main/memory_layer) and
 *   shares the kernel, with no reuse flag.  (The report's own workaround,
 *   the private argument _scope="memory_layer", has no C counterpart.)
 */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    static const float input_data[] = {1, 2, 3, 4, 5, 6};
    vs_tensor *input = vs_constant(g, VS_FLOAT32, VS_SHAPE(2, 3), input_data);
    VS_VARIABLE_SCOPE(g, "main") {
        vs_layer *memory_layer = vs_dense_layer(g, 10, .name = "memory_layer", .no_bias = true);
        vs_tensor *x = vs_layer_apply(g, memory_layer, input);
        vs_tensor *y = vs_layer_apply(g, memory_layer, input);
        (void)x, (void)y;
    }
    vs_graph_free(g);
    return 0;
}
