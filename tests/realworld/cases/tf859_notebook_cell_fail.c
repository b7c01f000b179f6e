/* realworld: tf859_notebook_cell (failing)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/859
 *   ("Feature request: clear all variable tensors")
 * The report: "When using ipython notebooks, one frequently runs the same
 *   cell without restarting the kernel. If the cell contains code of the
 *   form:  x = tf.get_variable('x', (1,))  the cell will run correctly the
 *   first time, but throw an error the second."
 * TF raised: ValueError: Variable x already exists, disallowed. Did you
 *   mean to set reuse=True in VarScope?  (TF's message for this call; the
 *   report names the error, not its text)
 * Original:
 *   # In[1]: (run twice)
 *   x = tf.get_variable('x', (1,))
 * Fix (mrry's answer in the thread): tf.reset_default_graph() at the top
 *   of the cell, so that each run builds a new graph.
 * Translation: the notebook's kernel is main(); the cell is a function,
 *   run twice against the same default graph.
 */
#include "varscope.h"

static vs_var *cell(vs_graph *g)
{
    return vs_get_variable(g, "x", .shape = VS_SHAPE(1)); // expect: duplicate-variable
}

int main(void)
{
    vs_graph *g = vs_graph_new();   /* the kernel's default graph */
    cell(g);                        /* first run of the cell */
    cell(g);                        /* the cell run again */
    vs_graph_free(g);
    return 0;
}
