/* realworld: chatbotcourse11_seq2seq_rerun (fixed)
 *
 * Source: https://github.com/lcdevelop/ChatBotCourse/issues/11
 * Fix (ours; the notebook fix tf859's thread gives): the cell starts with
 *   tf.reset_default_graph(), so a re-run builds in a fresh graph.
 */
#include <stdio.h>

#include "tfops.h"

enum { input_seq_len = 5, output_seq_len = 5, size = 8, num_encoder_symbols = 10, num_decoder_symbols = 16 };

static vs_graph *default_graph;

/* EmbeddingWrapper(cell, embedding_classes, embedding_size)(inputs): the
 * layer scope (default name "embedding_wrapper"), then the embedding */
static vs_tensor *embedding_wrapper_call(vs_graph *g, int embedding_classes, int embedding_size, vs_tensor *inputs)
{
    vs_tensor *embedded = NULL;
    VS_VARIABLE_SCOPE(g, NULL, .default_name = "embedding_wrapper") {
        vs_var *embedding = vs_get_variable(g, "embedding", .shape = VS_SHAPE(embedding_classes, embedding_size));
        embedded = tf_embedding_lookup(g, embedding, inputs);
    }
    return embedded;
}

/* seq2seq.embedding_attention_seq2seq, up to the encoder's first step */
static vs_tensor *embedding_attention_seq2seq(vs_graph *g, vs_tensor *const *encoder_inputs, int n_enc, int num_enc_symbols, int embedding_size)
{
    vs_tensor *first = NULL;
    VS_VARIABLE_SCOPE(g, "embedding_attention_seq2seq") {
        VS_VARIABLE_SCOPE(g, "rnn") {             /* rnn.static_rnn */
            if (n_enc > 0)
                first = embedding_wrapper_call(g, num_enc_symbols, embedding_size, encoder_inputs[0]);
        }
    }
    return first;
}

static vs_tensor *get_model(vs_graph *g)
{
    vs_tensor *encoder_inputs[input_seq_len], *decoder_inputs[output_seq_len + 1];
    char name[32];
    for (int i = 0; i < input_seq_len; i++) {
        snprintf(name, sizeof name, "encoder%d", i);
        encoder_inputs[i] = vs_placeholder(g, VS_INT32, VS_SHAPE(-1), .name = name);
    }
    for (int i = 0; i < output_seq_len + 1; i++) {
        snprintf(name, sizeof name, "decoder%d", i);
        decoder_inputs[i] = vs_placeholder(g, VS_INT32, VS_SHAPE(-1), .name = name);
    }
    (void)decoder_inputs;
    return embedding_attention_seq2seq(g, encoder_inputs, input_seq_len, num_encoder_symbols, size);
}

/* the training cell: with tf.Session() as sess: ... get_model() */
static void cell(void)
{
    vs_graph_free(default_graph);         /* tf.reset_default_graph() */
    default_graph = vs_graph_new();
    vs_tensor *outputs = get_model(default_graph);
    (void)outputs;
}

int main(void)
{
    default_graph = vs_graph_new();
    cell();
    cell();                               /* the cell run again */
    vs_graph_free(default_graph);
    return 0;
}
