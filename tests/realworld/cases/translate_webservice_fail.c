/* realworld: translate_webservice (failing)
 *
 * Source: https://github.com/tensorflow/tensorflow/issues/2975
 *   ("ValueError : Variable proj_w already exists, disallowed. did you mean
 *   to set reuse=true in VarScope?"); code: TF's translate tutorial,
 *   tensorflow/models/rnn/translate/seq2seq_model.py (stored commit
 *   1052a44) and translate.py
 * The report: "I have created a REST webservice to execute machine
 *   translation with some modifications in translate.py. ... when I try to
 *   run the decode function through the webservice that I have created,
 *   the first time, I get the translation result. But on the second
 *   iteration, I get an error mentioned in the title":
 *   ValueError : Variable proj_w already exists, disallowed. did you mean to
 *   set reuse=true in VarScope?
 * Original (trimmed):
 *   # translate.py
 *   def decode():
 *     with tf.Session() as sess:
 *       model = create_model(sess, True)   # Seq2SeqModel(..., forward_only=True)
 *       model.batch_size = 1
 *       ...
 *   # seq2seq_model.py, Seq2SeqModel.__init__
 *   self.learning_rate = tf.Variable(float(learning_rate), trainable=False, dtype=dtype)
 *   self.global_step = tf.Variable(0, trainable=False)
 *   if num_samples > 0 and num_samples < self.target_vocab_size:
 *     w_t = tf.get_variable("proj_w", [self.target_vocab_size, size], dtype=dtype)
 *     w = tf.transpose(w_t)
 *     b = tf.get_variable("proj_b", [self.target_vocab_size], dtype=dtype)
 *   single_cell = tf.nn.rnn_cell.GRUCell(size) ...
 *   for i in xrange(buckets[-1][0]):
 *     self.encoder_inputs.append(tf.placeholder(tf.int32, shape=[None], name="encoder{0}".format(i)))
 *   for i in xrange(buckets[-1][1] + 1):
 *     self.decoder_inputs.append(tf.placeholder(tf.int32, shape=[None], name="decoder{0}".format(i)))
 *     self.target_weights.append(tf.placeholder(dtype, shape=[None], name="weight{0}".format(i)))
 *   ... model_with_buckets(...) with embedding_attention_seq2seq ...
 * Why: each request builds the model again in the service's one default
 *   graph.  The two tf.Variables are silently renamed (Variable_2,
 *   Variable_3); proj_w comes from get_variable and fails.
 * Fix: build the model once when the service starts and only decode per
 *   request (or tf.reset_default_graph() at the top of decode()); the
 *   thread has no answer.
 * Translation: translate.py's defaults (vocabularies 40000, size 1024,
 *   num_samples 512, buckets up to (40, 50)); two requests.  The seq2seq
 *   graph with its GRU cells is left out: it comes after the failing call
 *   and needs creators the library does not have yet.  Placeholder names
 *   are built with snprintf as the tutorial builds them with format().
 */
#include <stdio.h>

#include "varscope.h"

enum { VOCAB = 40000, SIZE = 1024, NUM_SAMPLES = 512 };
static const int buckets[][2] = {{5, 10}, {10, 15}, {20, 25}, {40, 50}};
#define NBUCKETS (int)(sizeof buckets / sizeof *buckets)

typedef struct Seq2SeqModel {
    vs_var *learning_rate, *global_step, *proj_w, *proj_b;
    vs_tensor *encoder_inputs[64], *decoder_inputs[64], *target_weights[64];
} Seq2SeqModel;

static void Seq2SeqModel_init(vs_graph *g, Seq2SeqModel *self, int source_vocab_size, int target_vocab_size,
                              int size, float learning_rate, int num_samples)
{
    (void)source_vocab_size;
    self->learning_rate = vs_variable(g, vs_scalar_f32(g, learning_rate), .dtype = VS_FLOAT32);
    self->global_step = vs_variable(g, vs_scalar_i32(g, 0));
    if (num_samples > 0 && num_samples < target_vocab_size) {
        self->proj_w = vs_get_variable(g, "proj_w", .shape = VS_SHAPE(target_vocab_size, size), .dtype = VS_FLOAT32); // expect: duplicate-variable
        self->proj_b = vs_get_variable(g, "proj_b", .shape = VS_SHAPE(target_vocab_size), .dtype = VS_FLOAT32);
    }
    char name[32];
    for (int i = 0; i < buckets[NBUCKETS - 1][0]; i++) {
        snprintf(name, sizeof name, "encoder%d", i);
        self->encoder_inputs[i] = vs_placeholder(g, VS_INT32, VS_SHAPE(-1), .name = name);
    }
    for (int i = 0; i < buckets[NBUCKETS - 1][1] + 1; i++) {
        snprintf(name, sizeof name, "decoder%d", i);
        self->decoder_inputs[i] = vs_placeholder(g, VS_INT32, VS_SHAPE(-1), .name = name);
        snprintf(name, sizeof name, "weight%d", i);
        self->target_weights[i] = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1), .name = name);
    }
}

static void decode(vs_graph *g)
{
    Seq2SeqModel model;
    Seq2SeqModel_init(g, &model, VOCAB, VOCAB, SIZE, 0.5f, NUM_SAMPLES);   /* create_model(sess, True) */
}

int main(void)
{
    vs_graph *g = vs_graph_new();       /* the web service's default graph */
    for (int request = 0; request < 2; request++)
        decode(g);
    vs_graph_free(g);
    return 0;
}
