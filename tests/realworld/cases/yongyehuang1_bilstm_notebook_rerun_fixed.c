/* realworld: yongyehuang1_bilstm_notebook_rerun (fixed)
 *
 * Source: https://github.com/yongyehuang/Tensorflow-Tutorial/issues/1
 * Fix (ours; the usual notebook fix, as tf859's thread gives it):
 *   tf.reset_default_graph() at the top of the model cell, so a re-run
 *   builds in a fresh graph (the placeholders are made again there).
 */
#include "tfops.h"

enum { vocab_size = 5159, embedding_size = 64, timestep_size = 32 };

static vs_graph *default_graph;
static vs_tensor *X_inputs;

static vs_tensor *bi_lstm(vs_tensor *x_inputs)
{
    vs_graph *g = default_graph;
    vs_var *embedding = vs_get_variable(g, "embedding", .shape = VS_SHAPE(vocab_size, embedding_size), .dtype = VS_FLOAT32);
    return tf_embedding_lookup(g, embedding, x_inputs);
}

/* In[31]: the model cell */
static void cell_31(void)
{
    vs_graph_free(default_graph);         /* tf.reset_default_graph() */
    default_graph = vs_graph_new();
    X_inputs = vs_placeholder(default_graph, VS_INT32, VS_SHAPE(-1, timestep_size), .name = "X_input");
    vs_tensor *y_pred = bi_lstm(X_inputs);
    (void)y_pred;
}

int main(void)
{
    default_graph = vs_graph_new();
    X_inputs = vs_placeholder(default_graph, VS_INT32, VS_SHAPE(-1, timestep_size), .name = "X_input");
    cell_31();
    cell_31();                            /* the cell run again */
    vs_graph_free(default_graph);
    return 0;
}
