/* realworld: tf10705_contrib_fc_twice (failing)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/10705 (comment of
 *   2017-06-15; Python beside this file: tf10705_contrib_fc_twice.py).
 * TF raised (quoted from the report, TF 1.1.0):
 *   ValueError: Variable DNN/weights already exists, disallowed. Did you
 *   mean to set reuse=True in VarScope?
 * Why: tf.contrib.layers.fully_connected(..., reuse=None, scope='DNN')
 *   enters variable_scope('DNN', reuse=None): the second call creates
 *   DNN/weights again.  (TF 1.0.1 had ignored reuse in contrib layers; 1.1
 *   restored it, lukaszkaiser explains in the thread.)
 * Library calls: vs_fully_connected (.scope, .reuse).
 * Translation: the report does not show the input; a float32
 *   [None, 10] placeholder stands for it, passed to both calls.
 */
#include "varscope.h"

static vs_tensor *build_dnn(vs_graph *g, vs_tensor *input)
{
    vs_tensor *output = vs_fully_connected(g, input, 3, .reuse = VS_REUSE_INHERIT, .scope = "DNN"); // expect: duplicate-variable
    return output;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 10));
    vs_tensor *y1 = build_dnn(g, x);
    vs_tensor *y2 = build_dnn(g, x);
    (void)y1, (void)y2;
    vs_graph_free(g);
    return 0;
}
