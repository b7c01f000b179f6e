/* realworld: wordrnn_flask_per_request (failing)
 *
 * Source: https://github.com/hunkim/word-rnn-tensorflow/issues/55
 *   ("Variable rnnlm/softmax_w already exists, disallowed. Did you mean to
 *   set reuse=True in VarScope?"), code: model.py
 * TF raised (quoted from the report, on the second request):
 *   ValueError: Variable rnnlm/softmax_w already exists, disallowed. Did
 *   you mean to set reuse=True in VarScope?
 * Original (trimmed; the report's Flask app and model.py):
 *   def sample(n, pick, width, prime):
 *       ...
 *       model = Model(saved_args, True)
 *       with tf.Session() as sess: ... restore, model.sample(...)
 *   @app.route("/<int:n>/<int:pick>/<int:width>/<prime>")
 *   def hello(n, pick, width, prime):
 *       return sample(n, pick, width, prime)
 *   # model.py, Model.__init__(self, args, infer=False)
 *   cell = cell_fn(args.rnn_size)
 *   self.cell = cell = rnn_cell.MultiRNNCell([cell] * args.num_layers)
 *   self.input_data = tf.placeholder(tf.int32, [args.batch_size, args.seq_length])
 *   self.targets = tf.placeholder(tf.int32, [args.batch_size, args.seq_length])
 *   self.initial_state = cell.zero_state(args.batch_size, tf.float32)
 *   with tf.variable_scope('rnnlm'):
 *       softmax_w = tf.get_variable("softmax_w", [args.rnn_size, args.vocab_size])
 *       softmax_b = tf.get_variable("softmax_b", [args.vocab_size])
 *       with tf.device("/cpu:0"):
 *           embedding = tf.get_variable("embedding", [args.vocab_size, args.rnn_size])
 *           inputs = tf.split(1, args.seq_length, tf.nn.embedding_lookup(embedding, self.input_data))
 *   def loop(prev, _): ...
 *   outputs, last_state = seq2seq.rnn_decoder(inputs, self.initial_state, cell,
 *                             loop_function=loop if infer else None, scope='rnnlm')
 *   ... logits, loss, self.lr = tf.Variable(0.0, trainable=False), Adam ...
 * Why: each request builds the model again in the server's one default
 *   graph ("First time in browser (Good)", then the error).
 * Fix: build in a fresh graph per request (tf.reset_default_graph() at
 *   the top of sample()), or build the model once at start-up; the thread
 *   has no answer.
 * Translation: two requests, as in the report.  The cells, rnn_decoder
 *   with its loop function, the loss and Adam are left out: they come after
 *   the failing call and need creators the library does not have yet (the
 *   cells create no variable before rnn_decoder calls them).  rnn_size 256,
 *   vocab_size 10000: the saved model's arguments are not in the report.
 */
#include "tfops.h"

typedef struct args {
    int batch_size, seq_length, rnn_size, vocab_size;
} args;

typedef struct Model {
    vs_tensor *input_data, *targets;
    vs_var *lr;
} Model;

static void Model_init(vs_graph *g, Model *self, args a, bool infer)
{
    if (infer) {
        a.batch_size = 1;
        a.seq_length = 1;
    }
    self->input_data = vs_placeholder(g, VS_INT32, VS_SHAPE(a.batch_size, a.seq_length));
    self->targets = vs_placeholder(g, VS_INT32, VS_SHAPE(a.batch_size, a.seq_length));
    VS_VARIABLE_SCOPE(g, "rnnlm") {
        vs_var *softmax_w = vs_get_variable(g, "softmax_w", .shape = VS_SHAPE(a.rnn_size, a.vocab_size)); // expect: duplicate-variable
        vs_var *softmax_b = vs_get_variable(g, "softmax_b", .shape = VS_SHAPE(a.vocab_size));
        vs_var *embedding = vs_get_variable(g, "embedding", .shape = VS_SHAPE(a.vocab_size, a.rnn_size));
        vs_tensor *inputs = tf_embedding_lookup(g, embedding, self->input_data);
        (void)softmax_w, (void)softmax_b, (void)inputs;
    }
}

static const args saved_args = {.batch_size = 50, .seq_length = 25,
                                .rnn_size = 256, .vocab_size = 10000};

static void sample(vs_graph *g)
{
    Model model;
    Model_init(g, &model, saved_args, true);
}

int main(void)
{
    vs_graph *g = vs_graph_new();     /* the server process's default graph */
    for (int request = 0; request < 2; request++)
        sample(g);                    /* hello() -> sample() */
    vs_graph_free(g);
    return 0;
}
