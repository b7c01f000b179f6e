/* realworld: deepqa135_daemon_second_request (failing)
 *
 * Source: https://github.com/Conchylicultor/DeepQA/issues/135
 *   ("reuse error when I tries to do another round prediction in daemon
 *   mode"; code: chatbot/chatbot.py and chatbot/model.py at f4425e4, the
 *   report's day; TF's legacy_seq2seq and core_rnn_cell from r1.15).
 * TF raised (quoted from the report, on the second request):
 *   ValueError: Variable embedding_rnn_seq2seq/rnn/embedding_wrapper/embedding
 *   already exists, disallowed. Did you mean to set reuse=True in VarScope?
 * Original Python (trimmed):
 *   # the reporter's flask handler, run for every request:
 *   AkishinoProjectBot = chatbot.Chatbot()
 *   AkishinoProjectBot.main(['--modelTag', 'taiwa20170709', '--test', 'daemon'])
 *   answer = AkishinoProjectBot.daemonPredict(sentence=sentence_in)
 *   AkishinoProjectBot.daemonClose()
 *   del AkishinoProjectBot
 *   # Chatbot.main: ... with tf.device(self.getDevice()):
 *   #                       self.model = Model(self.args, self.textData)
 *   #               self.sess = tf.Session(...); restore; (daemon: return)
 *   # Model.buildNetwork (test mode, softmaxSamples=0: no projection):
 *   def create_rnn_cell():
 *       return tf.contrib.rnn.BasicLSTMCell(self.args.hiddenSize)
 *   encoDecoCell = tf.contrib.rnn.MultiRNNCell([create_rnn_cell() for _ in range(numLayers)])
 *   self.encoderInputs = [tf.placeholder(tf.int32, [None, ]) for _ in range(maxLengthEnco)]
 *   self.decoderInputs = [tf.placeholder(tf.int32, [None, ], name='inputs') for _ in range(maxLengthDeco)]
 *   decoderOutputs, states = tf.contrib.legacy_seq2seq.embedding_rnn_seq2seq(
 *       self.encoderInputs, self.decoderInputs, encoDecoCell,
 *       vocabSize, vocabSize, embedding_size=embeddingSize,
 *       output_projection=None, feed_previous=bool(self.args.test))
 *   # legacy_seq2seq.embedding_rnn_seq2seq (r1.15, trimmed):
 *   with variable_scope.variable_scope(scope or "embedding_rnn_seq2seq"):
 *       encoder_cell = copy.deepcopy(cell)
 *       encoder_cell = core_rnn_cell.EmbeddingWrapper(encoder_cell, num_encoder_symbols, embedding_size)
 *       _, encoder_state = rnn.static_rnn(encoder_cell, encoder_inputs, dtype=dtype)
 *       cell = core_rnn_cell.OutputProjectionWrapper(cell, num_decoder_symbols)
 *       return embedding_rnn_decoder(decoder_inputs, encoder_state, cell, ...,
 *                                    feed_previous=feed_previous)
 *   # rnn.static_rnn: with vs.variable_scope(scope or "rnn") as varscope:
 *   #     for time, input_ in enumerate(inputs):
 *   #         if time > 0: varscope.reuse_variables()
 *   #         (output, state) = call_cell()
 *   # embedding_rnn_decoder: with variable_scope("embedding_rnn_decoder"):
 *   #     embedding = get_variable("embedding", [num_symbols, embedding_size])
 *   #     loop_function = _extract_argmax_and_embed(embedding, ...) if feed_previous else None
 *   #     return rnn_decoder(emb_inp, initial_state, cell, loop_function=loop_function)
 *   # rnn_decoder: with variable_scope("rnn_decoder"): for i, inp in enumerate(decoder_inputs):
 *   #     if loop_function is not None and prev is not None:
 *   #         with variable_scope.variable_scope("loop_function", reuse=True):
 *   #             inp = loop_function(prev, i)
 *   #     if i > 0: variable_scope.get_variable_scope().reuse_variables()
 *   #     output, state = cell(inp, state)
 *   #     if loop_function is not None: prev = output
 * Why: every request builds a new Model in the one default graph of the
 *   flask process (a tf.Session does not bring a graph of its own, and
 *   daemonClose only closes the session); the second request's encoder
 *   creates the embedding wrapper's variable again.
 * Library calls: vs_basic_lstm_cell, vs_multi_rnn_cell, vs_rnn_zero_state,
 *   vs_rnn_cell_call, vs_variable_scope_enter / _reenter (block forms),
 *   vs_reuse_variables, vs_get_variable_scope, vs_get_variable; tfops.h.
 * Translation: the cell wrappers are written as TF 1.15's
 *   core_rnn_cell.py makes them: a wrapper is a layer whose variable scope
 *   (default name "embedding_wrapper" / "output_projection_wrapper") is
 *   captured at its first call and re-entered with reuse by later calls;
 *   OutputProjectionWrapper's _Linear makes kernel and bias once, in that
 *   scope.  copy.deepcopy of the unbuilt cell is a second cell made the
 *   same way.  The loop function is a function pointer with its user data
 *   (the decoder's embedding), as legacy_seq2seq passes a closure.
 *   DeepQA's defaults: hiddenSize 512, numLayers 2, embeddingSize 64,
 *   maxLength 10 (encoder 10, decoder 12 steps); a vocabulary of 40000.
 */
#include <stdbool.h>
#include <stddef.h>

#include "tfops.h"

enum { hidden_size = 512, num_layers = 2, embedding_size = 64, max_length_enco = 10, max_length_deco = 12, vocab_size = 40000 };

static vs_graph *default_graph;

typedef struct embedding_wrapper {
    vs_layer *cell;
    int embedding_classes, embedding_size;
    vs_scope *scope;                      /* captured at the first call */
} embedding_wrapper;

typedef struct output_projection_wrapper {
    vs_layer *cell;
    int output_size;
    vs_scope *scope;
    vs_var *kernel, *bias;                /* the cached _Linear */
} output_projection_wrapper;

/* a loop function and its closure */
typedef vs_tensor *(*loop_fn)(vs_graph *g, void *user, vs_tensor *prev, int i);

static vs_layer *make_multi_cell(vs_graph *g)
{
    vs_layer *cells[num_layers];
    for (int i = 0; i < num_layers; i++)
        cells[i] = vs_basic_lstm_cell(g, hidden_size);
    return vs_multi_rnn_cell(g, cells, num_layers);
}

static vs_tensor *embedding_wrapper_body(vs_graph *g, embedding_wrapper *w, vs_tensor *inputs, vs_rnn_state **state)
{
    vs_var *embedding = vs_get_variable(g, "embedding", .shape = VS_SHAPE(w->embedding_classes, w->embedding_size)); // expect: duplicate-variable
    vs_tensor *embedded = tf_embedding_lookup(g, embedding, inputs);
    return embedded ? vs_rnn_cell_call(g, w->cell, embedded, *state, .new_state = state) : NULL;
}

/* EmbeddingWrapper.__call__ */
static vs_tensor *embedding_wrapper_call(vs_graph *g, embedding_wrapper *w, vs_tensor *inputs, vs_rnn_state **state)
{
    vs_tensor *output = NULL;
    if (!w->scope) {
        VS_VARIABLE_SCOPE_AS(scope, g, NULL, .default_name = "embedding_wrapper") {
            w->scope = scope;
            output = embedding_wrapper_body(g, w, inputs, state);
        }
    } else {
        VS_VARIABLE_SCOPE_REENTER(g, w->scope, .reuse = VS_REUSE, .no_name_scope = true) {
            output = embedding_wrapper_body(g, w, inputs, state);
        }
    }
    return output;
}

static vs_tensor *output_projection_body(vs_graph *g, output_projection_wrapper *w, vs_tensor *inputs, vs_rnn_state **state)
{
    vs_tensor *output = vs_rnn_cell_call(g, w->cell, inputs, *state, .new_state = state);
    if (!output)
        return NULL;
    if (!w->kernel) {
        w->kernel = vs_get_variable(g, "kernel", .shape = VS_SHAPE(vs_tensor_shape(output)->dims[1], w->output_size));
        w->bias = w->kernel ? vs_get_variable(g, "bias", .shape = VS_SHAPE(w->output_size), .initializer = vs_init_zeros()) : NULL;
    }
    return w->bias ? vs_bias_add(g, vs_matmul(g, output, vs_value(w->kernel)), vs_value(w->bias)) : NULL;
}

/* OutputProjectionWrapper.__call__ */
static vs_tensor *output_projection_call(vs_graph *g, output_projection_wrapper *w, vs_tensor *inputs, vs_rnn_state **state)
{
    vs_tensor *output = NULL;
    if (!w->scope) {
        VS_VARIABLE_SCOPE_AS(scope, g, NULL, .default_name = "output_projection_wrapper") {
            w->scope = scope;
            output = output_projection_body(g, w, inputs, state);
        }
    } else {
        VS_VARIABLE_SCOPE_REENTER(g, w->scope, .reuse = VS_REUSE, .no_name_scope = true) {
            output = output_projection_body(g, w, inputs, state);
        }
    }
    return output;
}

/* rnn.static_rnn(cell, inputs, dtype) with the embedding wrapper */
static vs_rnn_state *static_rnn(vs_graph *g, embedding_wrapper *cell, vs_tensor *const *inputs, int n)
{
    vs_rnn_state *state = vs_rnn_zero_state(g, cell->cell, -1, VS_FLOAT32);
    VS_VARIABLE_SCOPE_AS(varscope, g, "rnn") {
        for (int time = 0; time < n; time++) {
            if (time > 0)
                vs_reuse_variables(varscope);
            vs_tensor *output = embedding_wrapper_call(g, cell, inputs[time], &state);
            (void)output;
        }
    }
    return state;
}

/* _extract_argmax_and_embed(embedding, output_projection=None) */
static vs_tensor *extract_argmax_and_embed(vs_graph *g, void *user, vs_tensor *prev, int i)
{
    vs_var *embedding = user;
    (void)i;
    vs_tensor *prev_symbol = tf_shaped(g, "ArgMax", VS_INT32, VS_SHAPE(vs_tensor_shape(prev)->dims[0]));
    return tf_embedding_lookup(g, embedding, prev_symbol);
}

static void rnn_decoder(vs_graph *g, vs_tensor *const *decoder_inputs, int n, vs_rnn_state *state, output_projection_wrapper *cell, loop_fn loop_function, void *loop_user, vs_tensor **outputs)
{
    VS_VARIABLE_SCOPE(g, "rnn_decoder") {
        vs_tensor *prev = NULL;
        for (int i = 0; i < n; i++) {
            vs_tensor *inp = decoder_inputs[i];
            if (loop_function && prev) {
                VS_VARIABLE_SCOPE(g, "loop_function", .reuse = VS_REUSE) {
                    inp = loop_function(g, loop_user, prev, i);
                }
            }
            if (i > 0)
                vs_reuse_variables(vs_get_variable_scope(g));
            vs_tensor *output = inp ? output_projection_call(g, cell, inp, &state) : NULL;
            outputs[i] = output;
            if (loop_function)
                prev = output;
        }
    }
}

static void embedding_rnn_decoder(vs_graph *g, vs_tensor *const *decoder_inputs, int n, vs_rnn_state *initial_state, output_projection_wrapper *cell, int num_symbols, bool feed_previous, vs_tensor **outputs)
{
    VS_VARIABLE_SCOPE(g, "embedding_rnn_decoder") {
        vs_var *embedding = vs_get_variable(g, "embedding", .shape = VS_SHAPE(num_symbols, embedding_size));
        loop_fn loop_function = feed_previous ? extract_argmax_and_embed : NULL;
        vs_tensor *emb_inp[max_length_deco];
        for (int i = 0; i < n; i++)
            emb_inp[i] = tf_embedding_lookup(g, embedding, decoder_inputs[i]);
        rnn_decoder(g, emb_inp, n, initial_state, cell, loop_function, embedding, outputs);
    }
}

static void embedding_rnn_seq2seq(vs_graph *g, vs_tensor *const *encoder_inputs, vs_tensor *const *decoder_inputs, vs_layer *(*cell_factory)(vs_graph *), vs_layer *cell, bool feed_previous, vs_tensor **outputs)
{
    VS_VARIABLE_SCOPE(g, "embedding_rnn_seq2seq") {
        embedding_wrapper encoder_cell = {cell_factory(g), vocab_size, embedding_size, NULL};   /* copy.deepcopy(cell) */
        vs_rnn_state *encoder_state = static_rnn(g, &encoder_cell, encoder_inputs, max_length_enco);
        output_projection_wrapper decoder_cell = {cell, vocab_size, NULL, NULL, NULL};
        embedding_rnn_decoder(g, decoder_inputs, max_length_deco, encoder_state, &decoder_cell, vocab_size, feed_previous, outputs);
    }
}

/* Model(args, textData) in test mode */
static void build_network(vs_graph *g, vs_tensor **outputs)
{
    vs_layer *enco_deco_cell = make_multi_cell(g);
    vs_tensor *encoder_inputs[max_length_enco], *decoder_inputs[max_length_deco];
    VS_NAME_SCOPE(g, "placeholder_encoder") {
        for (int i = 0; i < max_length_enco; i++)
            encoder_inputs[i] = vs_placeholder(g, VS_INT32, VS_SHAPE(-1));
    }
    VS_NAME_SCOPE(g, "placeholder_decoder") {
        for (int i = 0; i < max_length_deco; i++)
            decoder_inputs[i] = vs_placeholder(g, VS_INT32, VS_SHAPE(-1), .name = "inputs");
    }
    embedding_rnn_seq2seq(g, encoder_inputs, decoder_inputs, make_multi_cell, enco_deco_cell, true, outputs);
}

/* the flask handler: Chatbot().main([... '--test', 'daemon']), daemonPredict, daemonClose */
static void handle_request(void)
{
    vs_tensor *outputs[max_length_deco] = {NULL};
    build_network(default_graph, outputs);
}

int main(void)
{
    default_graph = vs_graph_new();
    handle_request();                     /* first request: answered */
    handle_request();                     /* another round */
    vs_graph_free(default_graph);
    return 0;
}
