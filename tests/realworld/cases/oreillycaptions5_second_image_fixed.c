/* realworld: oreillycaptions5_second_image (fixed)
 *
 * Source: https://github.com/mlberkeley/oreilly-captions/issues/5 (see
 *   the failing program's header).
 * Fix: the thread's answer (pcuenca): "run tf.reset_default_graph() and
 *   then run the notebook again": each run starts from a fresh default
 *   graph.
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
        vs_tensor *output = vs_rnn_cell_call(g, m->lstm, image_embedding, state, .new_state = &state);
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
    vs_graph_free(default_graph);         /* tf.reset_default_graph() */
    default_graph = vs_graph_new();
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
