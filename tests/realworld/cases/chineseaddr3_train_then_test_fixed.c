/* realworld: chineseaddr3_train_then_test (fixed)
 *
 * Source: https://github.com/yihenglu/chinese-address-segment/issues/3
 *   (see the failing program's header).
 * Fix (ours; the thread has none): the test block starts from a fresh
 *   default graph (tf.reset_default_graph() before its tf.Session), so
 *   its Model is built once in a graph of its own and restored from the
 *   checkpoint the training block saved.
 */
#include <stdbool.h>
#include <stdio.h>

#include "tfops.h"

typedef struct config {
    int num_chars, char_dim, seg_dim, lstm_dim, num_tags;
    double lr;
} config;

typedef struct model {
    const config *cfg;
    vs_var *global_step, *best_dev_f1, *best_test_f1;
    vs_tensor *char_inputs, *seg_inputs, *targets, *dropout, *lengths;
    vs_var *char_lookup, *seg_lookup, *trans;
    int num_filter, filter_width, embedding_dim, repeat_times, cnn_output_width;
    vs_tensor *logits, *loss;
    vs_op *train_op;
} model;

static const int dilations[3] = {1, 1, 2};

static vs_tensor *embedding_layer(vs_graph *g, model *m)
{
    vs_tensor *embed = NULL;
    VS_VARIABLE_SCOPE(g, "char_embedding") {
        m->char_lookup = vs_get_variable(g, "char_embedding", .shape = VS_SHAPE(m->cfg->num_chars, m->cfg->char_dim), .initializer = vs_init_glorot_uniform());
        vs_tensor *embedding[2] = {tfg_embedding_lookup(g, m->char_lookup, m->char_inputs), NULL};
        if (m->cfg->seg_dim) {
            VS_VARIABLE_SCOPE(g, "seg_embedding") {
                m->seg_lookup = vs_get_variable(g, "seg_embedding", .shape = VS_SHAPE(4, m->cfg->seg_dim), .initializer = vs_init_glorot_uniform());
                embedding[1] = tfg_embedding_lookup(g, m->seg_lookup, m->seg_inputs);
            }
        }
        embed = tfg_concat(g, embedding, m->cfg->seg_dim ? 2 : 1, 2);
    }
    return embed;
}

static vs_tensor *idcnn_layer(vs_graph *g, model *m, vs_tensor *model_inputs)
{
    vs_tensor *out = NULL;
    if (!model_inputs)
        return NULL;
    vs_tensor *expanded = tfg_reshape(g, model_inputs, VS_SHAPE(-1, 1, -1, m->embedding_dim)); /* expand_dims(, 1) */
    bool reuse = false;                   /* self.dropout == 1.0: a tensor compared with a float */
    VS_VARIABLE_SCOPE(g, "idcnn") {
        vs_var *filter_weights = vs_get_variable(g, "idcnn_filter", .shape = VS_SHAPE(1, m->filter_width, m->embedding_dim, m->num_filter), .initializer = vs_init_glorot_uniform());
        vs_tensor *layer_input = tfg_conv2d(g, expanded, filter_weights, 1, 1);
        vs_tensor *final_out[4] = {NULL};
        int nfinal = 0, total_width = 0;
        for (int j = 0; j < m->repeat_times; j++) {
            for (int i = 0; i < 3; i++) {
                bool is_last = i == 2;
                char name[32];
                snprintf(name, sizeof name, "atrous-conv-layer-%d", i);
                VS_VARIABLE_SCOPE(g, name, .reuse = (reuse || j > 0) ? VS_REUSE : VS_REUSE_INHERIT) {
                    vs_var *w = vs_get_variable(g, "filterW", .shape = VS_SHAPE(1, m->filter_width, m->num_filter, m->num_filter), .initializer = vs_init_glorot_uniform());
                    vs_var *b = vs_get_variable(g, "filterB", .shape = VS_SHAPE(m->num_filter));
                    vs_tensor *ins[2] = {layer_input, w ? vs_value(w) : NULL};
                    vs_tensor *conv = tf_op(g, "atrous_conv2d", ins, 2, VS_FLOAT32, layer_input ? vs_tensor_shape(layer_input) : NULL);
                    conv = conv && b ? vs_relu(g, vs_bias_add(g, conv, vs_value(b))) : NULL;
                    (void)dilations[i];
                    if (is_last) {
                        final_out[nfinal++] = conv;
                        total_width += m->num_filter;
                    }
                    layer_input = conv;
                }
            }
        }
        vs_tensor *final = tfg_concat(g, final_out, nfinal, 3);
        final = tfg_like(g, "dropout", final);
        final = tfg_reshape(g, final, VS_SHAPE(-1, total_width));
        m->cnn_output_width = total_width;
        out = final;
    }
    return out;
}

static vs_tensor *project_layer_idcnn(vs_graph *g, model *m, vs_tensor *idcnn_outputs)
{
    vs_tensor *pred = NULL;
    float b_init[64];
    for (int k = 0; k < m->cfg->num_tags; k++)
        b_init[k] = 0.001f;
    VS_VARIABLE_SCOPE(g, "project") {
        VS_VARIABLE_SCOPE(g, "logits") {
            vs_var *W = vs_get_variable(g, "W", .shape = VS_SHAPE(m->cnn_output_width, m->cfg->num_tags), .dtype = VS_FLOAT32, .initializer = vs_init_glorot_uniform());
            vs_var *b = vs_get_variable(g, "b", .initializer = vs_init_value(vs_constant(g, VS_FLOAT32, VS_SHAPE(m->cfg->num_tags), b_init)));
            pred = idcnn_outputs && W && b ? vs_bias_add(g, vs_matmul(g, idcnn_outputs, vs_value(W)), vs_value(b)) : NULL;
        }
        pred = tfg_reshape(g, pred, VS_SHAPE(-1, -1, m->cfg->num_tags));
    }
    return pred;
}

static vs_tensor *loss_layer(vs_graph *g, model *m, vs_tensor *project_logits)
{
    vs_tensor *loss = NULL;
    VS_VARIABLE_SCOPE(g, "crf_loss") {
        vs_tensor *logits = tfg_reshape(g, project_logits, VS_SHAPE(-1, -1, m->cfg->num_tags + 1));
        m->trans = vs_get_variable(g, "transitions", .shape = VS_SHAPE(m->cfg->num_tags + 1, m->cfg->num_tags + 1), .initializer = vs_init_glorot_uniform());
        vs_tensor *ins[3] = {logits, m->targets, m->trans ? vs_value(m->trans) : NULL};
        vs_tensor *log_likelihood = tf_op(g, "crf_log_likelihood", ins, 3, VS_FLOAT32, VS_SHAPE(-1));
        loss = log_likelihood ? vs_reduce_mean(g, log_likelihood) : NULL;
    }
    return loss;
}

static void model_init(vs_graph *g, model *m, const config *cfg)
{
    m->cfg = cfg;
    m->global_step = vs_variable(g, vs_scalar_i32(g, 0), .not_trainable = true);
    m->best_dev_f1 = vs_variable(g, vs_scalar_f32(g, 0.0f), .not_trainable = true);
    m->best_test_f1 = vs_variable(g, vs_scalar_f32(g, 0.0f), .not_trainable = true);
    m->char_inputs = vs_placeholder(g, VS_INT32, VS_SHAPE(-1, -1), .name = "ChatInputs");
    m->seg_inputs = vs_placeholder(g, VS_INT32, VS_SHAPE(-1, -1), .name = "SegInputs");
    m->targets = vs_placeholder(g, VS_INT32, VS_SHAPE(-1, -1), .name = "Targets");
    m->dropout = vs_placeholder(g, VS_FLOAT32, NULL, .name = "Dropout");
    m->lengths = tf_shaped(g, "Cast", VS_INT32, VS_SHAPE(-1));
    m->filter_width = 3;
    m->num_filter = cfg->lstm_dim;
    m->embedding_dim = cfg->char_dim + cfg->seg_dim;
    m->repeat_times = 4;
    m->cnn_output_width = 0;

    vs_tensor *embedding = embedding_layer(g, m);
    vs_tensor *model_inputs = tfg_like(g, "dropout", embedding);
    vs_tensor *model_outputs = idcnn_layer(g, m, model_inputs);
    m->logits = project_layer_idcnn(g, m, model_outputs);
    m->loss = loss_layer(g, m, m->logits);

    VS_VARIABLE_SCOPE(g, "optimizer") {
        vs_optimizer *opt = vs_adam_optimizer(g, .learning_rate = cfg->lr);
        m->train_op = m->loss ? vs_minimize(g, opt, m->loss, .global_step = m->global_step) : NULL;
    }
}

static vs_graph *default_graph;

/* utils.create_model: model = Model_class(config); then restore or init */
static model *create_model(model *m, const config *cfg)
{
    model_init(default_graph, m, cfg);
    return m;
}

static void train_test(const config *cfg, bool is_train, bool is_test)
{
    model train_model = {0}, test_model = {0};
    if (is_train) {
        model *m = create_model(&train_model, cfg);   /* with tf.Session() as sess: */
        (void)m;                                       /* ... train, evaluate on dev */
    }
    if (is_test) {
        vs_graph_free(default_graph);                  /* tf.reset_default_graph() */
        default_graph = vs_graph_new();
        model *m = create_model(&test_model, cfg);    /* with tf.Session() as sess: */
        (void)m;                                       /* evaluate(..., "test", ...) */
    }
}

int main(void)
{
    static const config cfg = {.num_chars = 2677, .char_dim = 100, .seg_dim = 20, .lstm_dim = 100, .num_tags = 23, .lr = 0.001};
    default_graph = vs_graph_new();
    train_test(&cfg, true, true);          /* FLAGS.train, FLAGS.test: both True */
    vs_graph_free(default_graph);
    return 0;
}
