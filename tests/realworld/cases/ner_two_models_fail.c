/* realworld: ner_two_models (failing)
 *
 * Source: https://github.com/guillaumegenthial/sequence_tagging/issues/51
 *   ("ValueError: Variable chars/_char_embeddings already exists,
 *   disallowed. Did you mean to set reuse=True in VarScope? Originally
 *   defined at ner_model"), code: model/ner_model.py
 * TF raised (quoted from the report):
 *   ValueError: Variable chars/_char_embeddings already exists, disallowed.
 *   Did you mean to set reuse=True in VarScope?
 *   ... line 126, in add_word_embeddings_op
 *       shape=[self.config.nchars, self.config.dim_char])
 * The thread: "This issue is coming when we try to load second model with
 *   different word,char,tag files when first model is already loaded."
 * Original (trimmed):
 *   def build(self):
 *       self.add_placeholders(); self.add_word_embeddings_op()
 *       self.add_logits_op(); ... add_train_op, initialize_session
 *   def add_word_embeddings_op(self):
 *       with tf.variable_scope("words"):
 *           if self.config.embeddings is None:
 *               _word_embeddings = tf.get_variable(name="_word_embeddings",
 *                       dtype=tf.float32, shape=[self.config.nwords, self.config.dim_word])
 *           else:
 *               _word_embeddings = tf.Variable(self.config.embeddings,
 *                       name="_word_embeddings", dtype=tf.float32,
 *                       trainable=self.config.train_embeddings)
 *           word_embeddings = tf.nn.embedding_lookup(_word_embeddings,
 *                   self.word_ids, name="word_embeddings")
 *       with tf.variable_scope("chars"):
 *           if self.config.use_chars:
 *               _char_embeddings = tf.get_variable(name="_char_embeddings",
 *                       dtype=tf.float32, shape=[self.config.nchars, self.config.dim_char])
 *               ... char bi-LSTM ...
 *   def add_logits_op(self):
 *       with tf.variable_scope("bi-lstm"): ... bidirectional_dynamic_rnn ...
 *       with tf.variable_scope("proj"):
 *           W = tf.get_variable("W", dtype=tf.float32,
 *                   shape=[2*self.config.hidden_size_lstm, self.config.ntags])
 *           b = tf.get_variable("b", shape=[self.config.ntags],
 *                   dtype=tf.float32, initializer=tf.zeros_initializer())
 *   # the reporter: two models, one after the other, in one process
 *   model1 = NERModel(config1); model1.build()
 *   model2 = NERModel(config2); model2.build()
 * Why: with pre-trained GloVe vectors the word embeddings are a
 *   tf.Variable, which the second model silently renames
 *   (words_1/_word_embeddings); the char embeddings come from get_variable,
 *   and the second build finds the first model's.
 * Fix: build each model in its own graph
 *   (graph = tf.Graph(); with graph.as_default(): model.build()).
 * Translation: config.py's sizes (dim_word 300, dim_char 100,
 *   hidden_size_lstm 300); nwords, nchars and ntags come from the vocabulary
 *   files of each model (not in the report; two different sets are taken).
 *   The GloVe array is a float32 stand-in of its shape; the LSTMs are left
 *   out (the library has no cells yet), their outputs are stand-ins of TF's
 *   shapes.
 */
#include "tfops.h"

typedef struct Config {
    int nwords, nchars, ntags, dim_word, dim_char, hidden_size_lstm;
    bool use_chars, pretrained;
} Config;

typedef struct NERModel {
    Config config;
    vs_tensor *word_ids, *char_ids, *word_embeddings, *logits;
} NERModel;

static void add_placeholders(vs_graph *g, NERModel *self)
{
    self->word_ids = vs_placeholder(g, VS_INT32, VS_SHAPE(-1, -1), .name = "word_ids");
    self->char_ids = vs_placeholder(g, VS_INT32, VS_SHAPE(-1, -1, -1), .name = "char_ids");
}

static void add_word_embeddings_op(vs_graph *g, NERModel *self)
{
    vs_tensor *word_embeddings = NULL;
    VS_VARIABLE_SCOPE(g, "words") {
        vs_var *_word_embeddings;
        if (!self->config.pretrained)
            _word_embeddings = vs_get_variable(g, "_word_embeddings", .dtype = VS_FLOAT32, .shape = VS_SHAPE(self->config.nwords, self->config.dim_word));
        else
            _word_embeddings = vs_variable(g, tf_shaped(g, "Const", VS_FLOAT32, VS_SHAPE(self->config.nwords, self->config.dim_word)), .name = "_word_embeddings", .dtype = VS_FLOAT32);
        word_embeddings = tf_embedding_lookup(g, _word_embeddings, self->word_ids);
    }
    VS_VARIABLE_SCOPE(g, "chars") {
        if (self->config.use_chars) {
            vs_var *_char_embeddings = vs_get_variable(g, "_char_embeddings", .dtype = VS_FLOAT32, .shape = VS_SHAPE(self->config.nchars, self->config.dim_char)); // expect: duplicate-variable
            vs_tensor *char_embeddings = tf_embedding_lookup(g, _char_embeddings, self->char_ids);
            (void)char_embeddings;
        }
    }
    self->word_embeddings = tf_like(g, "dropout", word_embeddings);
}

static void add_logits_op(vs_graph *g, NERModel *self)
{
    vs_tensor *output = NULL;
    VS_VARIABLE_SCOPE(g, "bi-lstm") {
        output = tf_shaped(g, "concat", VS_FLOAT32, VS_SHAPE(-1, -1, 2 * self->config.hidden_size_lstm));
    }
    VS_VARIABLE_SCOPE(g, "proj") {
        vs_var *W = vs_get_variable(g, "W", .dtype = VS_FLOAT32, .shape = VS_SHAPE(2 * self->config.hidden_size_lstm, self->config.ntags));
        vs_var *b = vs_get_variable(g, "b", .shape = VS_SHAPE(self->config.ntags), .dtype = VS_FLOAT32, .initializer = vs_init_zeros());
        vs_tensor *flat = tf_shaped(g, "Reshape", VS_FLOAT32, VS_SHAPE(-1, 2 * self->config.hidden_size_lstm));
        vs_tensor *pred = W && b ? vs_add(g, vs_matmul(g, flat, vs_value(W)), vs_value(b)) : NULL;
        self->logits = pred;
        (void)output;
    }
}

static void build(vs_graph *g, NERModel *self)
{
    add_placeholders(g, self);
    add_word_embeddings_op(g, self);
    add_logits_op(g, self);
}

static const Config config1 = {.nwords = 22949, .nchars = 85, .ntags = 9,
                               .dim_word = 300, .dim_char = 100, .hidden_size_lstm = 300,
                               .use_chars = true, .pretrained = true};
static const Config config2 = {.nwords = 18410, .nchars = 92, .ntags = 17,
                               .dim_word = 300, .dim_char = 100, .hidden_size_lstm = 300,
                               .use_chars = true, .pretrained = true};

int main(void)
{
    vs_graph *g = vs_graph_new();
    NERModel model1 = {.config = config1};
    build(g, &model1);
    NERModel model2 = {.config = config2};
    build(g, &model2);
    vs_graph_free(g);
    return 0;
}
