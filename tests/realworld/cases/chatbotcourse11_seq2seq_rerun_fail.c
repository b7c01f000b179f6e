/* realworld: chatbotcourse11_seq2seq_rerun (failing)
 *
 * Source: https://github.com/lcdevelop/ChatBotCourse/issues/11
 *   (the seq2seq demo notebook, TF 1.x, tf.contrib.legacy_seq2seq).
 * TF raised (quoted from the report):
 *   ValueError: Variable embedding_attention_seq2seq/rnn/embedding_wrapper/
 *   embedding already exists, disallowed. Did you mean to set reuse=True
 *   in VarScope?
 *   --> 142   encoder_inputs, decoder_inputs, target_weights, outputs, loss = get_model()
 *   --> 133   dtype=tf.float32)       (the embedding_attention_seq2seq call)
 *   seq2seq.py line 854: encoder_outputs, encoder_state = rnn.static_rnn(encoder_cell, ...
 * Original Python (the notebook's cell, trimmed):
 *   def get_model():
 *       encoder_inputs = [tf.placeholder(tf.int32, shape=[None], name="encoder%d" % i) for i in range(input_seq_len)]
 *       decoder_inputs = [... for i in range(output_seq_len + 1)]
 *       cell = tf.contrib.rnn.BasicLSTMCell(size)
 *       outputs, _ = seq2seq.embedding_attention_seq2seq(encoder_inputs,
 *           decoder_inputs[:output_seq_len], cell,
 *           num_encoder_symbols=num_encoder_symbols,
 *           num_decoder_symbols=num_decoder_symbols, embedding_size=size,
 *           output_projection=None, feed_previous=False, dtype=tf.float32)
 *       ...
 *   with tf.Session() as sess:
 *       ... = get_model()        # the cell, run a second time
 * Why: the re-run builds the model again in the kernel's default graph.
 *   embedding_attention_seq2seq enters variable_scope("embedding_attention_
 *   seq2seq") and static_rnn variable_scope("rnn") by string (which resets
 *   the default-name counts below them), so EmbeddingWrapper's default
 *   scope is "embedding_wrapper" again and its get_variable("embedding")
 *   finds the first run's variable.
 * Library calls: variable scopes by string and by default name and
 *   get_variable, as legacy_seq2seq and EmbeddingWrapper make them
 *   (contrib/legacy_seq2seq/python/ops/seq2seq.py,
 *   embedding_attention_seq2seq; contrib/rnn/python/ops/core_rnn_cell.py,
 *   EmbeddingWrapper.call: get_variable("embedding",
 *   [embedding_classes, embedding_size]) in the cell's default-named
 *   layer scope); tfops.h's embedding_lookup.
 * Translation: the demo's sizes (input_seq_len 5, output_seq_len 5,
 *   size 8, 10 encoder and 16 decoder symbols).  The model is cut after
 *   the encoder's embedding at time 0, where the re-run fails; the cell
 *   is a function run twice on the default graph.
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
        vs_var *embedding = vs_get_variable(g, "embedding", .shape = VS_SHAPE(embedding_classes, embedding_size)); // expect: duplicate-variable
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
