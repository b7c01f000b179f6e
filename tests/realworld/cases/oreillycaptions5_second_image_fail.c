/* realworld: oreillycaptions5_second_image (failing)
 *
 * Source: https://github.com/mlberkeley/oreilly-captions/issues/5
 *   ("Running 3. on two images in a row is disallowed"; code: the
 *   notebook "3. O'Reilly Generate from image.ipynb" at ba7b8ae).
 * TF raised (quoted from the report, TF 1.0/1.1, where the kernel was
 *   still called "weights"; TF 1.15 names it kernel):
 *   ValueError: Variable RNN/basic_lstm_cell/weights already exists,
 *   disallowed. Did you mean to set reuse=True in VarScope? Originally
 *   defined at: ...
 *     File "<ipython-input-5-7c0cc7cce63d>", line 97, in build_generator
 *       output, state = self.lstm(image_embedding, state)
 * Original Python (trimmed; the notebook's cells):
 *   class Caption_Generator():
 *       def __init__(self, dim_in, dim_embed, dim_hidden, batch_size, n_lstm_steps, n_words, init_b=None):
 *           self.word_embedding = tf.Variable(tf.random_uniform([self.n_words, self.dim_embed], -0.1, 0.1), name='word_embedding')
 *           self.embedding_bias = tf.Variable(tf.zeros([dim_embed]), name='embedding_bias')
 *           self.lstm = tf.contrib.rnn.BasicLSTMCell(dim_hidden)
 *           self.img_embedding = tf.Variable(...); self.img_embedding_bias = ...
 *           self.word_encoding = tf.Variable(...); self.word_encoding_bias = ...
 *       def build_generator(self, maxlen, batchsize=1):
 *           img = tf.placeholder(tf.float32, [self.batch_size, self.dim_in])
 *           image_embedding = tf.matmul(img, self.img_embedding) + self.img_embedding_bias
 *           state = self.lstm.zero_state(batchsize, dtype=tf.float32)
 *           with tf.variable_scope("RNN"):
 *               output, state = self.lstm(image_embedding, state)
 *               previous_word = tf.nn.embedding_lookup(self.word_embedding, [0]) + self.embedding_bias
 *               for i in range(maxlen):
 *                   tf.get_variable_scope().reuse_variables()
 *                   out, state = self.lstm(previous_word, state)
 *                   logit = tf.matmul(out, self.word_encoding) + self.word_encoding_bias
 *                   best_word = tf.argmax(logit, 1)
 *                   previous_word = tf.nn.embedding_lookup(self.word_embedding, best_word) + self.embedding_bias
 *                   all_words.append(best_word)
 *           return img, all_words
 *   # cell 8: images = tf.placeholder("float32", [1, 224, 224, 3]); tf.import_graph_def(vgg, ...)
 *   #         caption_generator = Caption_Generator(dim_in, dim_hidden, dim_embed, batch_size, maxlen+2, n_words)
 *   #         image, generated_words = caption_generator.build_generator(maxlen=maxlen)
 *   # cell 13: test(sess, image, generated_words, ixtoword, image_path)
 *   # the reporter runs the notebook again for another image, in the same kernel
 * Why: the second run makes a new Caption_Generator, whose BasicLSTMCell
 *   is a new layer object; its first call, under variable_scope("RNN")
 *   entered by string without reuse (reuse_variables() comes after it),
 *   builds RNN/basic_lstm_cell/kernel again in the kernel's one default
 *   graph (the tf.Variable's of __init__ are only renamed: _1).
 * Library calls: vs_variable, vs_basic_lstm_cell, vs_rnn_zero_state,
 *   vs_rnn_cell_call, vs_variable_scope_enter (block form),
 *   vs_reuse_variables; tfops.h for the VGG features and the lookups.
 * Translation: the notebook's sizes (dim_in 4096, dim_hidden = dim_embed
 *   = 256, batch 1, maxlen 15); a vocabulary of 2943 words (ixtoword from
 *   the training notebook); a notebook run is a function, called once per
 *   image as the reporter did; the session, restore and VGG run make no
 *   variable and are left out.
 */
#include "tfops.h"

enum { dim_embed = 256, dim_hidden = 256, dim_in = 4096, batch_size = 1, maxlen = 15, n_words = 2943 };

static vs_graph *default_graph;

typedef struct caption_generator {
    vs_var *word_embedding, *embedding_bias, *img_embedding, *img_embedding_bias;
    vs_var *word_encoding, *word_encoding_bias;
    vs_layer *lstm;
} caption_generator;

static void caption_generator_init(vs_graph *g, caption_generator *m)
{
    m->word_embedding = vs_variable(g, tf_shaped(g, "random_uniform", VS_FLOAT32, VS_SHAPE(n_words, dim_embed)), .name = "word_embedding");
    m->embedding_bias = vs_variable(g, tf_shaped(g, "zeros", VS_FLOAT32, VS_SHAPE(dim_embed)), .name = "embedding_bias");
    m->lstm = vs_basic_lstm_cell(g, dim_hidden);
    m->img_embedding = vs_variable(g, tf_shaped(g, "random_uniform", VS_FLOAT32, VS_SHAPE(dim_in, dim_hidden)), .name = "img_embedding");
    m->img_embedding_bias = vs_variable(g, tf_shaped(g, "zeros", VS_FLOAT32, VS_SHAPE(dim_hidden)), .name = "img_embedding_bias");
    m->word_encoding = vs_variable(g, tf_shaped(g, "random_uniform", VS_FLOAT32, VS_SHAPE(dim_hidden, n_words)), .name = "word_encoding");
    m->word_encoding_bias = vs_variable(g, tf_shaped(g, "zeros", VS_FLOAT32, VS_SHAPE(n_words)), .name = "word_encoding_bias");
}

static vs_tensor *build_generator(vs_graph *g, caption_generator *m, vs_tensor **img_out)
{
    vs_tensor *img = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(batch_size, dim_in));
    vs_tensor *image_embedding = vs_add(g, vs_matmul(g, img, vs_value(m->img_embedding)), vs_value(m->img_embedding_bias));
    vs_rnn_state *state = vs_rnn_zero_state(g, m->lstm, 1, VS_FLOAT32);
    vs_tensor *best_word = NULL;
    VS_VARIABLE_SCOPE(g, "RNN") {
        vs_tensor *output = vs_rnn_cell_call(g, m->lstm, image_embedding, state, .new_state = &state); // expect: duplicate-variable
        vs_tensor *previous_word = output ? vs_add(g, tf_shaped(g, "embedding_lookup", VS_FLOAT32, VS_SHAPE(1, dim_embed)), vs_value(m->embedding_bias)) : NULL;
        for (int i = 0; i < maxlen && previous_word; i++) {
            vs_reuse_variables(vs_get_variable_scope(g));
            vs_tensor *out = vs_rnn_cell_call(g, m->lstm, previous_word, state, .new_state = &state);
            vs_tensor *logit = out ? vs_add(g, vs_matmul(g, out, vs_value(m->word_encoding)), vs_value(m->word_encoding_bias)) : NULL;
            best_word = logit ? tf_shaped(g, "ArgMax", VS_INT64, VS_SHAPE(1)) : NULL;
            previous_word = best_word ? vs_add(g, tf_embedding_lookup(g, m->word_embedding, best_word), vs_value(m->embedding_bias)) : NULL;
        }
    }
    *img_out = img;
    return best_word;
}

/* the notebook, run from its first cell */
static void run_notebook(void)
{
    vs_graph *g = default_graph;
    vs_tensor *images = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(1, 224, 224, 3));   /* cell 8: VGG's input_map */
    (void)images;
    caption_generator caption_generator;
    caption_generator_init(g, &caption_generator);
    vs_tensor *image;
    vs_tensor *generated_words = build_generator(g, &caption_generator, &image);
    (void)generated_words;                /* cell 13: test(sess, image, generated_words, ...) */
}

int main(void)
{
    default_graph = vs_graph_new();
    run_notebook();                       /* the first image */
    run_notebook();                       /* the next image, same kernel */
    vs_graph_free(default_graph);
    return 0;
}
