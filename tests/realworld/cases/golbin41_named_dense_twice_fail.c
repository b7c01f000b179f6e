/* realworld: golbin41_named_dense_twice (failing)
 *
 * Source: https://github.com/golbin/TensorFlow-Tutorials/issues/41, the
 *   answer by ufxpri (2019-01-03) explaining when the reported error
 *   "ValueError: Variable generator/dense/kernel already exists,
 *   disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in
 *   VarScope?" appears:
 *   "보통 reuse 가 포함된 에러가 나는 이유는 같은 이름 또는 객체의 레이어(신경망)
 *   이 중복 선언되었을때 나타납니다." (the reuse error appears when layers of
 *   the same name are declared twice), with two examples:
 *     model = tf.layers.dense( model, 16, name="dense1" )
 *     model = tf.layers.dense( model, 32, name="dense1" )
 *   and
 *     def dense_layer(model):
 *         return tf.layers.dense( model, 16, name="dense1" )
 *     model = dense_layer(model)
 *     model = dense_layer(model)
 * TF raised (the answer's subject; TF 1.15's text for these examples):
 *   Variable dense1/kernel already exists, disallowed. Did you mean to set
 *   reuse=True or reuse=tf.AUTO_REUSE in VarScope?
 * Why: a named functional layer enters the variable scope of that name by
 *   string (layers/core.py dense -> Dense(_scope=name)), so the second
 *   layer of the same name finds dense1/kernel, reuse off.
 * Fix: distinct names (or reuse=True where sharing is meant).
 * Translation: each example gets its own graph; "model" is a [None, 16]
 *   placeholder (the answer does not say what it is).
 */
#include "varscope.h"

static vs_tensor *dense_layer(vs_graph *g, vs_tensor *model)
{
    return vs_dense(g, model, 16, .name = "dense1"); // expect: duplicate-variable
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_tensor *model = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 16));
    model = vs_dense(g, model, 16, .name = "dense1");
    model = vs_dense(g, model, 32, .name = "dense1"); // expect: duplicate-variable
    vs_graph_free(g);

    g = vs_graph_new();
    model = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 16));
    model = dense_layer(g, model);
    model = dense_layer(g, model);
    vs_graph_free(g);
    return 0;
}
