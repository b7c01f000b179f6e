/* realworld: qebrain4_stale_name_in_avg (failing)
 *
 * Source: https://github.com/lovecambi/qebrain/issues/4; code: qe_model.py,
 *   avg_checkpoints, before commit 771519d "fix model avg" (2019-01-06).
 * TF raised (quoted from the report):
 *   File "qe_model.py", line 923, in avg_checkpoints
 *     tf_vars = [tf.get_variable(name, shape=var_values[name].shap...
 *   Variable transformerpredictor/estimator/sent_generator/dense/kernel
 *   already exists, disallowed
 * Original Python (qe_model.py, avg_checkpoints, trimmed):
 *   var_list = tf.contrib.framework.list_variables(checkpoints[0])
 *   var_values, var_dtypes = {}, {}
 *   for (name, shape) in var_list:
 *       if name != global_step_name:
 *           var_values[name] = np.zeros(shape)
 *   ...
 *   for name in var_values:
 *       var_values[name] /= len(checkpoints)
 *   with tf.Graph().as_default():
 *       tf_vars = [tf.get_variable(name, shape=var_values[name].shape, dtype=var_dtypes[name]) for v in var_values]
 * Why: the comprehension iterates over v but names every variable `name`,
 *   the last key of the previous loop: the second get_variable asks for
 *   the same name again in the new graph.
 * Library calls: vs_get_variable over a table of names and shapes read
 *   from the checkpoint (list_variables gives them sorted by name).
 * Translation: the checkpoint is a table of (name, shape) pairs, cut to a
 *   few of the model's keys in list_variables' order, the last one the
 *   report's; the reading and averaging of values is left out (it makes
 *   no variable); `name` keeps the previous loop's last key as Python's
 *   comprehension sees it.
 */
#include <stddef.h>
#include <string.h>

#include "varscope.h"

typedef struct ckpt_entry {
    const char *name;
    int64_t rows, cols;
} ckpt_entry;

static const ckpt_entry var_list[] = {
    {"global_step", 0, 0},
    {"transformerpredictor/estimator/embedding/source_embedding", 30000, 512},
    {"transformerpredictor/estimator/output_layer/kernel", 512, 2},
    {"transformerpredictor/estimator/sent_generator/dense/kernel", 512, 1},
};

static void avg_checkpoints(const char *global_step_name)
{
    const ckpt_entry *var_values[sizeof var_list / sizeof var_list[0]];
    size_t n = 0;
    for (size_t i = 0; i < sizeof var_list / sizeof var_list[0]; i++)
        if (strcmp(var_list[i].name, global_step_name) != 0)
            var_values[n++] = &var_list[i];

    const ckpt_entry *name = NULL;
    for (size_t i = 0; i < n; i++) {      /* for name in var_values: average */
        name = var_values[i];
    }

    vs_graph *g = vs_graph_new();         /* with tf.Graph().as_default(): */
    vs_var *tf_vars[sizeof var_list / sizeof var_list[0]];
    for (size_t v = 0; v < n; v++)
        tf_vars[v] = vs_get_variable(g, name->name, .shape = VS_SHAPE(name->rows, name->cols), .dtype = VS_FLOAT32); // expect: duplicate-variable
    (void)tf_vars;
    vs_graph_free(g);
}

int main(void)
{
    avg_checkpoints("global_step");
    return 0;
}
