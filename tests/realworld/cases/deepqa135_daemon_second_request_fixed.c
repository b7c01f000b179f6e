/* realworld: deepqa135_daemon_second_request (fixed)
 *
 * Source: https://github.com/Conchylicultor/DeepQA/issues/135 (see the
 *   failing program's header).
 * Fix: the daemon mode as DeepQA's own web interface uses it
 *   (chatbot_website/chatbot_interface: one Chatbot whose main() runs
 *   once at start-up; each request only calls daemonPredict): the model
 *   is built once, before the first request.
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
    vs_var *embedding = vs_get_variable(g, "embedding", .shape = VS_SHAPE(w->embedding_classes, w->embedding_size));
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

static vs_tensor *outputs[max_length_deco];

/* the flask handler: daemonPredict only */
static void handle_request(void)
{
    (void)outputs;                        /* sess.run(outputs, feed) */
}

int main(void)
{
    default_graph = vs_graph_new();
    build_network(default_graph, outputs);   /* Chatbot().main([... '--test', 'daemon']) at start-up */
    handle_request();
    handle_request();
    vs_graph_free(default_graph);
    return 0;
}
