/* realworld: brightmart14_fasttext_import_test (fixed)
 *
 * Source: https://github.com/brightmart/text_classification/issues/14
 * Fix (ours, as the repository's other models do it and as
 *   seq2seq_attention_import_test's fix): the module-level test() call is
 *   guarded, `if __name__ == "__main__": test()`, so importing the model
 *   builds nothing and main()'s fastTextB is the graph's only one.
 */
#include <stdbool.h>

#include "tfops.h"

typedef struct fastTextB {
    int label_size, batch_size, sentence_len, vocab_size, embed_size;
    bool is_training;
    vs_tensor *sentence, *labels, *logits, *loss_val;
    vs_var *global_step, *epoch_step, *Embedding, *W, *b;
    vs_op *train_op;
} fastTextB;

static void instantiate_weights(vs_graph *g, fastTextB *self)
{
    self->Embedding = vs_get_variable(g, "Embedding", .shape = VS_SHAPE(self->vocab_size, self->embed_size));
    self->W = vs_get_variable(g, "W", .shape = VS_SHAPE(self->embed_size, self->label_size));
    self->b = vs_get_variable(g, "b", .shape = VS_SHAPE(self->label_size));
}

static vs_tensor *inference(vs_graph *g, fastTextB *self)
{
    vs_tensor *emb = tfg_embedding_lookup(g, self->Embedding, self->sentence);
    vs_tensor *in[1] = {emb};
    vs_tensor *mean = tf_op(g, "Mean", in, 1, VS_FLOAT32, VS_SHAPE(-1, self->embed_size));
    return vs_add(g, vs_matmul(g, mean, vs_value(self->W)), vs_value(self->b));
}

static void fastTextB_init(vs_graph *g, fastTextB *self, int label_size, int batch_size, int sentence_len, int vocab_size, int embed_size, bool is_training)
{
    self->label_size = label_size;
    self->batch_size = batch_size;
    self->sentence_len = sentence_len;
    self->vocab_size = vocab_size;
    self->embed_size = embed_size;
    self->is_training = is_training;
    self->sentence = vs_placeholder(g, VS_INT32, VS_SHAPE(-1, sentence_len), .name = "sentence");
    self->labels = vs_placeholder(g, VS_INT32, VS_SHAPE(-1), .name = "Labels");
    self->global_step = vs_variable(g, vs_scalar_i32(g, 0), .not_trainable = true, .name = "Global_Step");
    self->epoch_step = vs_variable(g, vs_scalar_i32(g, 0), .not_trainable = true, .name = "Epoch_Step");
    instantiate_weights(g, self);
    self->logits = inference(g, self);
    if (!is_training)
        return;
    self->loss_val = tfg_loss(g, "nce_loss", self->logits, NULL);
    self->train_op = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = 0.01), self->loss_val, .global_step = self->global_step);
}

/* p5_fastTextB_model.py: def test(): ...; if __name__ == "__main__": test() */
static void model_module_import(vs_graph *g, int is_main)
{
    if (is_main) {
        fastTextB fastText;
        fastTextB_init(g, &fastText, 19, 8, 5, 10000, 100, true);
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    model_module_import(g, 0);               /* from p5_fastTextB_model import fastTextB */
    fastTextB fast_text;
    fastTextB_init(g, &fast_text, 19, 8, 5, 10000, 100, true);
    vs_graph_free(g);
    return 0;
}
