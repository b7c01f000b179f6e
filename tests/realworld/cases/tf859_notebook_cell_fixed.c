/* realworld: tf859_notebook_cell (fixed)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/859
 * Fix (mrry's answer in the thread): tf.reset_default_graph() at the top
 *   of the cell:
 *   # In[1]: (run twice)
 *   tf.reset_default_graph()
 *   x = tf.get_variable('x', (1,))
 * Translation: the default graph is a global of the kernel; resetting it
 *   frees the old graph and makes a new one.
 */
#include "varscope.h"

static vs_graph *default_graph;

static void reset_default_graph(void)
{
    vs_graph_free(default_graph);
    default_graph = vs_graph_new();
}

static vs_var *cell(void)
{
    reset_default_graph();
    return vs_get_variable(default_graph, "x", .shape = VS_SHAPE(1));
}

int main(void)
{
    default_graph = vs_graph_new();
    cell();
    cell();
    vs_graph_free(default_graph);
    return 0;
}
