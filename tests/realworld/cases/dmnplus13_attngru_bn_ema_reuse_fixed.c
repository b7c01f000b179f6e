/* realworld: dmnplus13_attngru_bn_ema_reuse (fixed)
 *
 * Source: https://github.com/therne/dmn-tensorflow/issues/13
 * Fix: the maintainer's advice for the same failure in
 *   therne/dmn-tensorflow#7 ("Can you remove the batch normalization code
 *   until the time I update?"): --batch_norm=False, so AttnGRU's _linear,
 *   the memory update (which takes the bias b_t instead) and the answer
 *   normalize nothing, and no moving average is made under the AttnGate
 *   scope's reuse.  The Adam optimizer's slots are then made in the
 *   variable scope 'DMN', whose reuse is off.
 * Translation: as the failing program with FLAGS.batch_norm false.
 */
#include <stdbool.h>
#include <stdio.h>

#include "tfops.h"

enum { N = 128, F = 10, L = 7, Q = 4, V = 80, d = 80, A = 22, memory_step = 3 };

static const bool flag_batch_norm = false;       /* --batch_norm=False */
static const double keep_prob = 1.0, weight_decay = 0.001, learning_rate = 0.002;

/* tf.add_to_collection('l2', ...) */
static vs_tensor *l2_collection[64];
static int n_l2;

static double sqrt_of(double x)
{
    double r = x > 1 ? x : 1;
    for (int i = 0; i < 40; i++)
        r = 0.5 * (r + x / r);
    return r;
}

typedef enum { INIT_HE, INIT_XAVIER, INIT_UNIFORM } init_mode;

/* utils/nn.py weight() */
static vs_var *weight(vs_graph *g, const char *name, int64_t fan_in, int64_t fan_out, init_mode init, double range)
{
    vs_init initializer = vs_init_constant(0.0);
    if (init == INIT_XAVIER) {
        double r = sqrt_of(6.0 / (double)(fan_in + fan_out));
        initializer = vs_init_random_uniform(-r, r);
    } else if (init == INIT_HE) {
        initializer = vs_init_random_normal(0.0, sqrt_of(2.0 / (double)fan_in));
    } else {
        initializer = vs_init_random_uniform(-range, range);
    }
    vs_var *var = vs_get_variable(g, name, .shape = VS_SHAPE(fan_in, fan_out), .initializer = initializer);
    if (var && n_l2 < 64)
        l2_collection[n_l2++] = tfg_loss(g, "L2Loss", vs_value(var), NULL);
    return var;
}

/* utils/nn.py bias() */
static vs_var *bias(vs_graph *g, const char *name, const vs_shape *dims, double initial_value)
{
    return vs_get_variable(g, name, .shape = dims, .initializer = vs_init_constant(initial_value));
}

/* tf.cond(pred, true_fn, false_fn): both branches are built, the true one
 * first; a branch that raises stops the call */
typedef bool (*branch_fn)(vs_graph *g, void *closure, vs_tensor **out);

static bool tf_cond(vs_graph *g, vs_tensor *pred, branch_fn true_fn, branch_fn false_fn, void *closure, vs_tensor **out, int n)
{
    bool ok = false;
    if (!pred)
        return false;
    VS_NAME_SCOPE(g, "cond") {
        vs_tensor *t[2] = {NULL, NULL}, *f[2] = {NULL, NULL};
        if (true_fn(g, closure, t) && false_fn(g, closure, f)) {
            ok = true;
            for (int i = 0; i < n; i++) {
                vs_tensor *both[2] = {t[i], f[i]};
                out[i] = tf_op(g, "Merge", both, 2, vs_tensor_dtype(t[i]), vs_tensor_shape(t[i]));
            }
        }
    }
    return ok;
}

/* the closures of batch_norm */
typedef struct bn_closure {
    vs_ema *ema;
    vs_tensor *batch_mean, *batch_var;
} bn_closure;

static bool mean_var_with_update(vs_graph *g, void *closure, vs_tensor **out)
{
    bn_closure *c = closure;
    vs_tensor *moments[2] = {c->batch_mean, c->batch_var};
    vs_op *ema_apply_op = vs_ema_apply_tensors(g, c->ema, moments, 2);
    if (!ema_apply_op)
        return false;
    out[0] = tf_like(g, "Identity", c->batch_mean);
    out[1] = tf_like(g, "Identity", c->batch_var);
    return true;
}

static bool ema_averages(vs_graph *g, void *closure, vs_tensor **out)
{
    bn_closure *c = closure;
    vs_var *m = vs_ema_average_tensor(c->ema, c->batch_mean);
    vs_var *v = vs_ema_average_tensor(c->ema, c->batch_var);
    (void)g;
    out[0] = m ? vs_value(m) : NULL;
    out[1] = v ? vs_value(v) : NULL;
    return out[0] && out[1];
}

/* utils/nn.py batch_norm() */
static vs_tensor *batch_norm(vs_graph *g, vs_tensor *x, vs_tensor *is_training)
{
    vs_tensor *normed = NULL;
    if (!x)
        return NULL;
    VS_VARIABLE_SCOPE(g, "BatchNorm") {
        const vs_shape *inputs_shape = vs_tensor_shape(x);
        int64_t param = inputs_shape->dims[inputs_shape->rank - 1];
        vs_var *beta = vs_get_variable(g, "beta", .shape = VS_SHAPE(param), .initializer = vs_init_constant(0.));
        vs_var *gamma = vs_get_variable(g, "gamma", .shape = VS_SHAPE(param), .initializer = vs_init_constant(1.));
        bn_closure c = {NULL, NULL, NULL};
        VS_NAME_SCOPE(g, "moments") {              /* tf.nn.moments(x, axis) */
            c.batch_mean = tf_shaped(g, "Squeeze", VS_FLOAT32, VS_SHAPE(param));
            c.batch_var = tf_shaped(g, "Squeeze", VS_FLOAT32, VS_SHAPE(param));
        }
        c.ema = vs_exponential_moving_average(g, 0.5);
        vs_tensor *mv[2] = {NULL, NULL};
        if (beta && gamma && tf_cond(g, is_training, mean_var_with_update, ema_averages, &c, mv, 2)) {
            vs_tensor *ins[5] = {x, mv[0], mv[1], vs_value(beta), vs_value(gamma)};
            normed = tf_op(g, "batchnorm", ins, 5, VS_FLOAT32, inputs_shape);
        }
    }
    return normed;
}

/* utils/nn.py dropout(): tf.cond(is_training, dropout, identity) */
typedef struct dropout_closure {
    vs_tensor *x;
} dropout_closure;

static bool dropout_branch(vs_graph *g, void *closure, vs_tensor **out)
{
    out[0] = tfg_like(g, "dropout", ((dropout_closure *)closure)->x);
    return out[0] != NULL;
}

static bool identity_branch(vs_graph *g, void *closure, vs_tensor **out)
{
    (void)g;
    out[0] = ((dropout_closure *)closure)->x;
    return out[0] != NULL;
}

static vs_tensor *dropout(vs_graph *g, vs_tensor *x, double keep, vs_tensor *is_training)
{
    dropout_closure c = {x};
    vs_tensor *out[1] = {NULL};
    (void)keep;
    return tf_cond(g, is_training, dropout_branch, identity_branch, &c, out, 1) ? out[0] : NULL;
}

/* utils/attn_gru.py AttnGRU */
typedef struct attn_gru {
    int num_units;
    vs_tensor *is_training;
    bool batch_norm;
} attn_gru;

static vs_tensor *attn_gru_linear(vs_graph *g, attn_gru *self, vs_tensor *x, vs_tensor *h, double bias_default)
{
    if (!x || !h)
        return NULL;
    int64_t I = vs_tensor_shape(x)->dims[1], D = self->num_units;
    vs_var *w = weight(g, "W", I, D, INIT_HE, 0);
    vs_var *u = weight(g, "U", D, D, INIT_HE, 0);
    vs_var *b = bias(g, "b", VS_SHAPE(D), bias_default);
    if (!w || !u || !b)
        return NULL;
    if (self->batch_norm) {
        vs_tensor *x_w = NULL, *h_u = NULL;
        VS_VARIABLE_SCOPE(g, "Linear1") {
            x_w = batch_norm(g, vs_matmul(g, x, vs_value(w)), self->is_training);
        }
        if (!x_w)
            return NULL;
        VS_VARIABLE_SCOPE(g, "Linear2") {
            h_u = batch_norm(g, vs_matmul(g, h, vs_value(u)), self->is_training);
        }
        return h_u ? vs_add(g, vs_add(g, x_w, h_u), vs_value(b)) : NULL;
    }
    return vs_add(g, vs_add(g, vs_matmul(g, x, vs_value(w)), vs_matmul(g, h, vs_value(u))), vs_value(b));
}

static vs_tensor *attn_gru_call(vs_graph *g, attn_gru *self, vs_tensor *inputs, vs_tensor *state, vs_tensor *attention)
{
    vs_tensor *new_h = NULL;
    VS_VARIABLE_SCOPE(g, "AttrGRU") {
        vs_tensor *r = NULL, *c = NULL;
        VS_VARIABLE_SCOPE(g, "Gates") {
            vs_tensor *lin = attn_gru_linear(g, self, inputs, state, 1.0);
            r = lin ? vs_sigmoid(g, lin) : NULL;
        }
        VS_VARIABLE_SCOPE(g, "Candidate") {
            vs_tensor *lin = r ? attn_gru_linear(g, self, inputs, vs_multiply(g, r, state), 0.0) : NULL;
            c = lin ? vs_tanh(g, lin) : NULL;
        }
        if (c) {
            vs_tensor *one = vs_scalar_f32(g, 1.0f);
            new_h = vs_add(g, vs_multiply(g, attention, c), vs_multiply(g, vs_subtract(g, one, attention), state));
        }
    }
    return new_h;
}

/* models/new/episode_module.py EpisodeModule */
typedef struct episode_module {
    vs_tensor *question_transposed;
    vs_tensor *facts[F], *facts_transposed[F];
    vs_var *w1, *b1, *w2, *b2;
    attn_gru gru;
} episode_module;

static void episode_init(vs_graph *g, episode_module *self, int num_hidden, vs_tensor *question, vs_tensor *facts, vs_tensor *is_training, bool bn)
{
    vs_tensor *t = tfg_like(g, "transpose", facts);
    for (int i = 0; i < F; i++) {
        self->facts[i] = tf_op(g, "unpack", &t, 1, VS_FLOAT32, VS_SHAPE(num_hidden, N));
        self->facts_transposed[i] = tf_op(g, "transpose", &self->facts[i], 1, VS_FLOAT32, VS_SHAPE(N, num_hidden));
    }
    self->question_transposed = tf_op(g, "transpose", &question, 1, VS_FLOAT32, VS_SHAPE(num_hidden, N));
    self->w1 = weight(g, "w1", num_hidden, 4 * num_hidden, INIT_HE, 0);
    self->b1 = bias(g, "b1", VS_SHAPE(num_hidden, 1), 0.0);
    self->w2 = weight(g, "w2", 1, num_hidden, INIT_HE, 0);
    self->b2 = bias(g, "b2", VS_SHAPE(1, 1), 0.0);
    self->gru = (attn_gru){num_hidden, is_training, bn};
}

static vs_tensor *episode_attention(vs_graph *g, episode_module *self, vs_tensor *f, vs_tensor *m)
{
    vs_tensor *att = NULL;
    VS_VARIABLE_SCOPE(g, "attention") {
        vs_tensor *q = self->question_transposed;
        vs_tensor *f_minus_q = vs_subtract(g, f, q), *f_minus_m = vs_subtract(g, f, m);
        vs_tensor *parts[4] = {vs_multiply(g, f, q), vs_multiply(g, f, m), tfg_like(g, "Abs", f_minus_q), tfg_like(g, "Abs", f_minus_m)};
        vs_tensor *vec = tfg_concat(g, parts, 4, 0);           /* [4*d, N] */
        vs_tensor *l1 = vec ? vs_tanh(g, vs_add(g, vs_matmul(g, vs_value(self->w1), vec), vs_value(self->b1))) : NULL;
        vs_tensor *l2 = l1 ? tfg_like(g, "Softmax", vs_add(g, vs_matmul(g, vs_value(self->w2), l1), vs_value(self->b2))) : NULL;
        att = l2 ? tf_op(g, "transpose", &l2, 1, VS_FLOAT32, VS_SHAPE(N, 1)) : NULL;
    }
    return att;
}

static vs_tensor *episode_new(vs_graph *g, episode_module *self, vs_tensor *memory)
{
    vs_tensor *state = tf_like(g, "zeros_like", self->facts_transposed[0]);
    memory = tf_op(g, "transpose", &memory, 1, VS_FLOAT32, VS_SHAPE(d, N));
    VS_VARIABLE_SCOPE_AS(scope, g, "AttnGate") {
        for (int i = 0; i < F && state; i++) {
            vs_tensor *gate = episode_attention(g, self, self->facts[i], memory);
            state = gate ? attn_gru_call(g, &self->gru, self->facts_transposed[i], state, gate) : NULL;
            vs_reuse_variables(scope);           /* share params */
        }
    }
    return state;
}

/* tf.nn.rnn (static_rnn): TF's rnn.py */
static vs_tensor *static_rnn_state(vs_graph *g, vs_layer *cell, vs_tensor **inputs, int n)
{
    vs_rnn_state *state = NULL;
    VS_VARIABLE_SCOPE_AS(varscope, g, "rnn") {
        state = vs_rnn_zero_state(g, cell, N, VS_FLOAT32);
        for (int time = 0; time < n && state; time++) {
            if (time > 0)
                vs_reuse_variables(varscope);
            if (!vs_rnn_cell_call(g, cell, inputs[time], state, .new_state = &state))
                state = NULL;
        }
    }
    return state ? vs_rnn_state_tensor(state, 0) : NULL;
}

/* models/new/dmn_plus.py DMN.build, in BaseModel's variable_scope('DMN') */
static void dmn_build(vs_graph *g, vs_var *global_step)
{
    vs_tensor *question = vs_placeholder(g, VS_INT32, VS_SHAPE(N, Q), .name = "q");
    vs_tensor *input_mask = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(N, F, L, V), .name = "xm");
    vs_tensor *is_training = vs_placeholder(g, VS_BOOL, NULL);

    vs_layer *gru = vs_gru_cell(g, d);
    vs_var *embedding = weight(g, "embedding", A, V, INIT_UNIFORM, sqrt_of(3.0));   /* 3**(1/2) */

    vs_tensor *facts = NULL;
    VS_NAME_SCOPE(g, "SentenceReader") {
        vs_tensor *embed = tfg_embedding_lookup(g, embedding, vs_placeholder(g, VS_INT32, VS_SHAPE(N, F, L), .name = "x"));
        vs_tensor *encoded = vs_multiply(g, embed, input_mask);      /* l * input_embed * input_mask */
        facts = tf_op(g, "Sum", &encoded, 1, VS_FLOAT32, VS_SHAPE(N, F, V));
    }
    facts = dropout(g, facts, keep_prob, is_training);

    VS_NAME_SCOPE(g, "InputFusion") {
        vs_tensor *forward_states = NULL, *backward_states = NULL;
        VS_VARIABLE_SCOPE(g, "Forward") {
            forward_states = vs_dynamic_rnn(g, gru, facts, .dtype = VS_FLOAT32);
        }
        VS_VARIABLE_SCOPE(g, "Backward") {
            vs_tensor *facts_reverse = tfg_like(g, "ReverseSequence", facts);
            backward_states = vs_dynamic_rnn(g, gru, facts_reverse, .dtype = VS_FLOAT32);
        }
        facts = forward_states && backward_states ? vs_add(g, forward_states, backward_states) : NULL;
    }

    vs_tensor *question_vec = NULL;
    VS_VARIABLE_SCOPE(g, "Question") {
        vs_tensor *ques_embed[Q];
        for (int i = 0; i < Q; i++)
            ques_embed[i] = tfg_embedding_lookup(g, embedding, tf_op(g, "unpack", &question, 1, VS_INT32, VS_SHAPE(N)));
        question_vec = static_rnn_state(g, gru, ques_embed, Q);
    }
    if (!facts || !question_vec)
        return;

    vs_tensor *memory = NULL;
    VS_VARIABLE_SCOPE(g, "Episodic") {
        episode_module episode;
        episode_init(g, &episode, d, question_vec, facts, is_training, flag_batch_norm);
        memory = tf_like(g, "Identity", question_vec);
        for (int t = 0; t < memory_step && memory; t++) {
            char layer_name[16];
            snprintf(layer_name, sizeof layer_name, "Layer%d", t);
            VS_VARIABLE_SCOPE_AS(scope, g, layer_name) {
                vs_tensor *c = episode_new(g, &episode, memory);
                vs_tensor *parts[3] = {memory, c, question_vec};
                vs_tensor *concated = c ? tfg_concat(g, parts, 3, 1) : NULL;
                vs_var *w_t = concated ? weight(g, "w_t", 3 * d, d, INIT_HE, 0) : NULL;
                vs_tensor *z = w_t ? vs_matmul(g, concated, vs_value(w_t)) : NULL;
                if (z && flag_batch_norm) {
                    z = batch_norm(g, z, is_training);
                } else if (z) {
                    vs_var *b_t = bias(g, "b_t", VS_SHAPE(d), 0.0);
                    z = b_t ? vs_add(g, z, vs_value(b_t)) : NULL;
                }
                memory = z ? vs_relu(g, z) : NULL;
                vs_reuse_variables(scope);
            }
        }
    }
    if (!memory)
        return;                                  /* Python raised */

    if (flag_batch_norm)
        memory = batch_norm(g, memory, is_training);
    memory = dropout(g, memory, keep_prob, is_training);
    vs_tensor *logits = NULL;
    VS_NAME_SCOPE(g, "Answer") {
        vs_var *w_a = weight(g, "w_a", d, A, INIT_XAVIER, 0);
        logits = memory && w_a ? vs_matmul(g, memory, vs_value(w_a)) : NULL;
    }
    vs_tensor *total_loss = NULL;
    VS_NAME_SCOPE(g, "Loss") {
        vs_tensor *loss = tfg_loss(g, "cross_entropy", logits, NULL);
        vs_tensor *l2 = tf_op(g, "AddN", l2_collection, n_l2, VS_FLOAT32, VS_SCALAR);
        float wd = (float)weight_decay;
        total_loss = loss && l2 ? vs_add(g, loss, vs_multiply(g, vs_scalar_f32(g, wd), l2)) : NULL;
    }
    VS_VARIABLE_SCOPE(g, "Accuracy") {
        vs_tensor *accuracy = logits ? tf_shaped(g, "Mean", VS_FLOAT32, VS_SCALAR) : NULL;
        (void)accuracy;
    }
    vs_optimizer *optimizer = vs_adam_optimizer(g, .learning_rate = learning_rate);
    vs_op *opt_op = total_loss ? vs_minimize(g, optimizer, total_loss, .global_step = global_step) : NULL;
    (void)opt_op;
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "DMN") {                  /* BaseModel.__init__ */
        vs_var *global_step = vs_variable(g, vs_scalar_i32(g, 0), .name = "global_step", .not_trainable = true);
        dmn_build(g, global_step);
    }
    vs_graph_free(g);
    return 0;
}
