/* realworld: qebrain4_stale_name_in_avg (fixed)
 *
 * Source: https://github.com/lovecambi/qebrain/issues/4
 * Fix (commit 771519d "fix model avg"): the comprehension iterates over
 *   the names it uses,
 *     tf_vars = [tf.get_variable(name, shape=var_values[name].shape, dtype=var_dtypes[name]) for name in var_values]
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
    (void)name;
    for (size_t v = 0; v < n; v++)
        tf_vars[v] = vs_get_variable(g, var_values[v]->name, .shape = VS_SHAPE(var_values[v]->rows, var_values[v]->cols), .dtype = VS_FLOAT32);
    (void)tf_vars;
    vs_graph_free(g);
}

int main(void)
{
    avg_checkpoints("global_step");
    return 0;
}
