/* realworld: textcnn_notebook_rerun (failing)
 *
 * Source: https://github.com/gaussic/text-classification-cnn-rnn/issues/144
 *   ("报错Variable embedding already exists, disallowed. Did you mean to
 *   set reuse=True or reuse=tf.AUTO_REUSE in VarScope?"), code: cnn_model.py,
 *   predict.py
 * TF raised (quoted from the report):
 *   Variable embedding already exists, disallowed. Did you mean to set
 *   reuse=True or reuse=tf.AUTO_REUSE in VarScope?
 * The maintainer's diagnosis: "embedding只能创建一次，你是不是在用 notebook
 *   或 spyder 之类的软件，保存了之前的结果" (the embedding can only be created
 *   once; are you running it in a notebook or Spyder, which keep the
 *   previous run's state?)
 * Original (trimmed):
 *   class TextCNN(object):
 *       def __init__(self, config):
 *           self.input_x = tf.placeholder(tf.int32, [None, self.config.seq_length], name='input_x')
 *           self.input_y = tf.placeholder(tf.float32, [None, self.config.num_classes], name='input_y')
 *           self.keep_prob = tf.placeholder(tf.float32, name='keep_prob')
 *           self.cnn()
 *       def input_embedding(self):
 *           with tf.device('/cpu:0'):
 *               embedding = tf.get_variable('embedding',
 *                   [self.config.vocab_size, self.config.embedding_dim])
 *               _inputs = tf.nn.embedding_lookup(embedding, self.input_x)
 *           return _inputs
 *       def cnn(self):
 *           embedding_inputs = self.input_embedding()
 *           with tf.name_scope("cnn"):
 *               conv = tf.layers.conv1d(embedding_inputs, self.config.num_filters,
 *                   self.config.kernel_size, name='conv')
 *               gmp = tf.reduce_max(conv, reduction_indices=[1], name='gmp')
 *           with tf.name_scope("score"):
 *               fc = tf.layers.dense(gmp, self.config.hidden_dim, name='fc1')
 *               fc = tf.contrib.layers.dropout(fc, self.keep_prob)
 *               fc = tf.nn.relu(fc)
 *               self.logits = tf.layers.dense(fc, self.config.num_classes, name='fc2')
 *           ... loss, Adam, accuracy ...
 *   # predict.py
 *   def predict():
 *       config = TCNNConfig(); ...; config.vocab_size = len(words)
 *       model = TextCNN(config)
 *       ...
 * Why: predict() run a second time in the same interpreter builds
 *   TextCNN again in the same default graph.
 * Fix: restart the kernel or tf.reset_default_graph() before building the
 *   model again.
 * Translation: TCNNConfig's values (seq_length 600, num_classes 10,
 *   embedding_dim 64, num_filters 256, kernel_size 5, hidden_dim 128,
 *   vocab_size 5000).  tf.layers.conv1d is left out (it comes after the
 *   failing call; the library has no conv layers yet): conv + gmp is a
 *   stand-in of TF's shape [None, num_filters], so fc1's kernel takes its
 *   width from it.  Adam is left out.
 */
#include "tfops.h"

typedef struct TCNNConfig {
    int seq_length, num_classes, embedding_dim, num_filters, kernel_size,
        hidden_dim, vocab_size;
} TCNNConfig;

typedef struct TextCNN {
    TCNNConfig config;
    vs_tensor *input_x, *input_y, *keep_prob, *logits;
} TextCNN;

static vs_tensor *input_embedding(vs_graph *g, TextCNN *self)
{
    vs_var *embedding = vs_get_variable(g, "embedding", .shape = VS_SHAPE(self->config.vocab_size, self->config.embedding_dim)); // expect: duplicate-variable
    return tf_embedding_lookup(g, embedding, self->input_x);
}

static void cnn(vs_graph *g, TextCNN *self)
{
    vs_tensor *embedding_inputs = input_embedding(g, self);
    vs_tensor *gmp = NULL;
    VS_NAME_SCOPE(g, "cnn") {
        (void)embedding_inputs;
        gmp = tf_shaped(g, "gmp", VS_FLOAT32, VS_SHAPE(-1, self->config.num_filters));
    }
    VS_NAME_SCOPE(g, "score") {
        vs_tensor *fc = vs_dense(g, gmp, self->config.hidden_dim, .name = "fc1");
        fc = tf_like(g, "Relu", tf_like(g, "dropout", fc));
        self->logits = vs_dense(g, fc, self->config.num_classes, .name = "fc2");
    }
}

static void TextCNN_init(vs_graph *g, TextCNN *self, TCNNConfig config)
{
    self->config = config;
    self->input_x = vs_placeholder(g, VS_INT32, VS_SHAPE(-1, config.seq_length), .name = "input_x");
    self->input_y = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, config.num_classes), .name = "input_y");
    self->keep_prob = vs_placeholder(g, VS_FLOAT32, NULL, .name = "keep_prob");
    cnn(g, self);
}

static void predict(vs_graph *g)
{
    TCNNConfig config = {.seq_length = 600, .num_classes = 10, .embedding_dim = 64,
                         .num_filters = 256, .kernel_size = 5, .hidden_dim = 128,
                         .vocab_size = 5000};
    TextCNN model;
    TextCNN_init(g, &model, config);
}

int main(void)
{
    vs_graph *g = vs_graph_new();   /* the notebook kernel's default graph */
    predict(g);
    predict(g);                     /* run again in the same kernel */
    vs_graph_free(g);
    return 0;
}
