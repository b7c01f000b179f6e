/* realworld: brightmart14_fasttext_import_test (failing)
 *
 * Source: https://github.com/brightmart/text_classification/issues/14
 *   (a01_FastText/p5_fastTextB_model.py and p5_fastTextB_train.py).
 * TF raised (quoted from the report's traceback):
 *   File "p5_fastTextB_model.py", line 42, in instantiate_weights
 *     self.Embedding = tf.get_variable("Embedding", [self.vocab_size, self.embed_size])
 *   ValueError: Variable Embedding already exists
 * Original Python (p5_fastTextB_model.py, trimmed): the model module ends
 *   with a function test that builds a fastTextB (and trains it a hundred
 *   steps) and a call `test()` at module level; p5_fastTextB_train.py does
 *   `from p5_fastTextB_model import fastTextB`, so importing it runs test()
 *   in the default graph, and main() then builds its own fastTextB:
 *     def instantiate_weights(self):
 *         self.Embedding = tf.get_variable("Embedding", [self.vocab_size, self.embed_size])
 *         self.W = tf.get_variable("W", [self.embed_size, self.label_size])
 *         self.b = tf.get_variable("b", [self.label_size])
 * Why: the same root-scope get_variable names twice in one graph.
 * Library calls: vs_variable for the tf.Variable counters, vs_get_variable,
 *   vs_adam_optimizer + vs_minimize for contrib's optimize_loss(...,
 *   optimizer="Adam"); tfops.h for embedding_lookup and the NCE loss.
 * Translation: the import is a call of the module's init function before
 *   main's; test()'s constants (19 classes, batch 8, sentence length 5,
 *   vocabulary 10000, embedding 100); main's FLAGS are the train script's
 *   defaults as far as the shapes go (the same sizes kept here: the
 *   failure does not depend on them).  The session steps are left out.
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
    self->Embedding = vs_get_variable(g, "Embedding", .shape = VS_SHAPE(self->vocab_size, self->embed_size)); // expect: duplicate-variable
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

/* p5_fastTextB_model.py: def test(): ... ; test() at module level */
static void model_module_import(vs_graph *g)
{
    fastTextB fastText;
    fastTextB_init(g, &fastText, 19, 8, 5, 10000, 100, true);
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    model_module_import(g);               /* from p5_fastTextB_model import fastTextB */
    fastTextB fast_text;
    fastTextB_init(g, &fast_text, 19, 8, 5, 10000, 100, true);
    vs_graph_free(g);
    return 0;
}
