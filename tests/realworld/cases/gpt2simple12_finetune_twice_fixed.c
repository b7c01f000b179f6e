/* realworld: gpt2simple12_finetune_twice (fixed)
 *
 * Source: https://github.com/minimaxir/gpt-2-simple/issues/12
 * Fix (the library's answer, commit 1a5c98a "Function to reset session
 *   (#114)"): between the two finetune calls the notebook calls
 *   `sess = gpt2.reset_session(sess)`, which closes the session and calls
 *   tf.reset_default_graph(), so the second finetune builds in a new graph.
 */
#include <stdio.h>
#include <string.h>

#include "tfops.h"

typedef struct hparams {
    int n_vocab, n_ctx, n_embd, n_head, n_layer;
} hparams;

static vs_tensor *norm(vs_graph *g, vs_tensor *x, const char *scope)
{
    if (!x)                               /* Python raised before here */
        return NULL;
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, scope) {
        int64_t n_state = vs_tensor_shape(x)->dims[2];
        vs_var *gv = vs_get_variable(g, "g", .shape = VS_SHAPE(n_state), .initializer = vs_init_constant(1));
        vs_var *b = vs_get_variable(g, "b", .shape = VS_SHAPE(n_state), .initializer = vs_init_constant(0));
        vs_tensor *ins[3] = {x, vs_value(gv), vs_value(b)};
        out = tf_op(g, "norm", ins, 3, VS_FLOAT32, vs_tensor_shape(x));
    }
    return out;
}

static vs_tensor *conv1d(vs_graph *g, vs_tensor *x, const char *scope, int nf)
{
    if (!x)                               /* Python raised before here */
        return NULL;
    vs_tensor *c = NULL;
    VS_VARIABLE_SCOPE(g, scope) {
        const vs_shape *s = vs_tensor_shape(x);
        int64_t nx = s->dims[2];
        vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(1, nx, nf), .initializer = vs_init_random_normal(0, 0.02));
        vs_var *b = vs_get_variable(g, "b", .shape = VS_SHAPE(nf), .initializer = vs_init_constant(0));
        vs_tensor *ins[3] = {x, vs_value(w), vs_value(b)};
        c = tf_op(g, "conv1d", ins, 3, VS_FLOAT32, VS_SHAPE(s->dims[0], s->dims[1], nf));
    }
    return c;
}

static vs_tensor *attn(vs_graph *g, vs_tensor *x, const char *scope, int n_state)
{
    if (!x)                               /* Python raised before here */
        return NULL;
    vs_tensor *a = NULL;
    VS_VARIABLE_SCOPE(g, scope) {
        vs_tensor *c = conv1d(g, x, "c_attn", n_state * 3);
        vs_tensor *ins[1] = {c};
        const vs_shape *s = vs_tensor_shape(x);
        vs_tensor *merged = tf_op(g, "multihead_attn", ins, 1, VS_FLOAT32, VS_SHAPE(s->dims[0], s->dims[1], n_state));
        a = conv1d(g, merged, "c_proj", n_state);
    }
    return a;
}

static vs_tensor *mlp(vs_graph *g, vs_tensor *x, const char *scope, int n_state)
{
    if (!x)                               /* Python raised before here */
        return NULL;
    vs_tensor *h2 = NULL;
    VS_VARIABLE_SCOPE(g, scope) {
        int nx = (int)vs_tensor_shape(x)->dims[2];
        vs_tensor *h = tfg_like(g, "gelu", conv1d(g, x, "c_fc", n_state));
        h2 = conv1d(g, h, "c_proj", nx);
    }
    return h2;
}

static vs_tensor *block(vs_graph *g, vs_tensor *x, const char *scope)
{
    if (!x)                               /* Python raised before here */
        return NULL;
    vs_tensor *out = NULL;
    VS_VARIABLE_SCOPE(g, scope) {
        int nx = (int)vs_tensor_shape(x)->dims[2];
        vs_tensor *a = attn(g, norm(g, x, "ln_1"), "attn", nx);
        x = vs_add(g, x, a);
        vs_tensor *m = mlp(g, norm(g, x, "ln_2"), "mlp", nx * 4);
        out = vs_add(g, x, m);
    }
    return out;
}

static vs_tensor *model(vs_graph *g, const hparams *hp, vs_tensor *X, vs_reuse reuse)
{
    vs_tensor *logits = NULL;
    VS_VARIABLE_SCOPE(g, "model", .reuse = reuse) {
        const vs_shape *xs = vs_tensor_shape(X);
        vs_var *wpe = vs_get_variable(g, "wpe", .shape = VS_SHAPE(hp->n_ctx, hp->n_embd), .initializer = vs_init_random_normal(0, 0.01));
        vs_var *wte = vs_get_variable(g, "wte", .shape = VS_SHAPE(hp->n_vocab, hp->n_embd), .initializer = vs_init_random_normal(0, 0.02));
        vs_tensor *ins[3] = {vs_value(wte), vs_value(wpe), X};
        vs_tensor *h = tf_op(g, "gather_add", ins, 3, VS_FLOAT32, VS_SHAPE(xs->dims[0], xs->dims[1], hp->n_embd));
        for (int layer = 0; layer < hp->n_layer; layer++) {
            char name[16];
            snprintf(name, sizeof name, "h%d", layer);
            h = block(g, h, name);
        }
        h = norm(g, h, "ln_f");
        vs_tensor *lg[2] = {h, vs_value(wte)};
        logits = tf_op(g, "logits", lg, 2, VS_FLOAT32, VS_SHAPE(xs->dims[0], xs->dims[1], hp->n_vocab));
    }
    return logits;
}

static void finetune(vs_graph *g, int batch_size, double learning_rate)
{
    const hparams hp = {50257, 1024, 768, 12, 12};
    vs_tensor *context = vs_placeholder(g, VS_INT32, VS_SHAPE(batch_size, -1));
    vs_tensor *output = model(g, &hp, context, VS_REUSE_INHERIT);
    vs_tensor *loss = tfg_loss(g, "sparse_softmax_cross_entropy_with_logits", output, NULL);
    VS_NAME_SCOPE(g, "sample_sequence") {     /* sample.sample_sequence */
        model(g, &hp, context, VS_AUTO_REUSE);
        model(g, &hp, context, VS_AUTO_REUSE);
    }
    const vs_var_list *all = vs_get_collection(g, VS_TRAINABLE_VARIABLES);
    vs_var *train_vars[256];
    size_t n = 0;
    for (size_t i = 0; i < all->len && n < 256; i++)
        if (strstr(vs_var_name(all->vars[i]), "model"))
            train_vars[n++] = all->vars[i];
    vs_var_list var_list = {n, train_vars};
    vs_op *opt_apply = vs_minimize(g, vs_adam_optimizer(g, .learning_rate = learning_rate), loss, .var_list = &var_list);
    (void)opt_apply;
}

int main(void)
{
    vs_graph *g = vs_graph_new();         /* sess = gpt2.start_tf_sess() */
    finetune(g, 1, 0.0001);               /* steps=1000 */
    vs_graph_free(g);                     /* sess = gpt2.reset_session(sess) */
    g = vs_graph_new();
    finetune(g, 1, 0.0001);               /* 1000 more */
    vs_graph_free(g);
    return 0;
}
