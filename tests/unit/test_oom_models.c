/* Allocation-failure injection (oom.h) for the calls real models are made
 * of: empty names, collections, the layer objects and functions, contrib
 * fully_connected, RNN cells and dynamic_rnn, templates (their builders'
 * calls nested in the template's), optimizers and their slots (also under
 * leaked reuse), moving averages, the global step, and the session.
 *
 * mirrors the api contract: "A call that fails ... leaves the graph
 * exactly as it was" (also for no-memory, which every call can report),
 * and "Atomic like every call: when it fails, nothing it did stays
 * (counters included)". */
#include "oom.h"

static const char *d_l(const vs_layer *l) { return l ? vs_layer_name(l) : "NULL"; }
static const char *d_o(const vs_op *o) { return o ? vs_op_name(o) : "NULL"; }
static const char *d_p(const void *p) { return p ? "ok" : "NULL"; }
static const char *d_a(const vs_ndarray *a)
{
    static char buf[512];
    if (!a)
        return "NULL";
    vs_ndarray_repr(a, buf, sizeof buf);
    return buf;
}
static const char *d_c(const vs_var_list *l)
{
    static char buf[64];
    if (!l)
        return "NULL";
    snprintf(buf, sizeof buf, "%zu variables", l->len);
    return buf;
}

/* template builders */
static vs_tensor *scale(vs_graph *g, vs_tensor *x, void *user)
{
    (void)user;
    vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(1), .initializer = vs_init_ones());
    if (!w)
        return NULL;
    vs_tensor *out = NULL;
    VS_NAME_SCOPE(g, "body") { out = vs_multiply(g, x, vs_value(w)); }
    return out;
}

static vs_tensor *twice(vs_graph *g, vs_tensor *x, void *user)
{
    (void)user;
    vs_get_variable(g, "once", .shape = VS_SHAPE(1));
    return vs_get_variable(g, "once", .shape = VS_SHAPE(1)) ? x : NULL;
}

static vs_tensor *nested(vs_graph *g, vs_tensor *x, void *user)
{
    (void)user;
    vs_template *inner = vs_make_template(g, "inner", scale, NULL);
    return inner ? vs_template_call(g, inner, x) : NULL;
}

static const float row[] = {1, 2, 3};

/* common inputs of the scenarios */
typedef struct inputs { vs_tensor *x, *img, *seq, *x4, *u, *one; } inputs;

static inputs make_inputs(run *R)
{
    vs_graph *g = R->g;
    inputs in;
    vs_set_random_seed(g, 5);
    STEP(R, in.x, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 3), .name = "x"), d_t);
    STEP(R, in.img, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 8, 8, 2), .name = "img"), d_t);
    STEP(R, in.seq, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 4, 3), .name = "seq"), d_t);
    STEP(R, in.x4, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 4)), d_t);
    STEP(R, in.u, vs_placeholder(g, VS_FLOAT32, NULL), d_t);
    STEP(R, in.one, vs_scalar_f32(g, 1.0f), d_t);
    return in;
}

/* empty names, dtypes, collections; the layers */
static void scenario_layers(run *R)
{
    vs_graph *g = R->g;
    inputs in = make_inputs(R);
    vs_tensor *t;
    vs_var *v, *v2;
    vs_layer *l, *dense;
    vs_scope *s;
    const vs_var_list *list;

    STEP(R, s, vs_variable_scope_enter(g, "emb"), d_s);
    STEP(R, v, vs_get_variable(g, "", .shape = VS_SHAPE(2), .dtype = VS_INT8), d_v);
    STEP(R, v, vs_get_variable(g, "", .shape = VS_SHAPE(2)), d_v);            /* duplicate */
    STEP_VOID(R, vs_scope_exit(g));
    STEP(R, v, vs_get_variable(g, "h", .shape = VS_SHAPE(2), .dtype = VS_FLOAT16,
                               .initializer = vs_init_seed(vs_init_he_normal(), 3)), d_v);
    STEP(R, v, vs_get_variable(g, "frozen", .shape = VS_SHAPE(1), .not_trainable = true), d_v);
    STEP(R, v2, vs_add_to_collection(g, "mine", v), d_v);
    STEP(R, list, vs_get_collection(g, "mine"), d_c);
    STEP(R, list, vs_get_collection(g, VS_TRAINABLE_VARIABLES, .scope = "e"), d_c);
    STEP(R, list, vs_get_collection(g, "mine", .scope = "("), d_c);            /* bad regex */

    STEP(R, dense, vs_dense_layer(g, 2, .activation = VS_ACT_RELU), d_l);
    STEP(R, t, vs_layer_apply(g, dense, in.x), d_t);
    STEP(R, t, vs_layer_apply(g, dense, in.x), d_t);                      /* shared */
    STEP(R, t, vs_layer_apply(g, dense, in.x4), d_t);                     /* width */
    STEP(R, s, vs_variable_scope_enter(g, "model"), d_s);
    /* (each result in its own variable: a step made again after a
     * no-memory failure must see the same arguments) */
    vs_tensor *c1, *b1, *p1, *f1, *d1, *fc;
    STEP(R, c1, vs_conv2d(g, in.img, 4, 3, 3, .padding = VS_SAME, .name = "conv"), d_t);
    STEP(R, t, vs_conv2d(g, in.img, 4, 3, 3, .name = "conv"), d_t);           /* duplicate */
    STEP(R, b1, vs_batch_normalization(g, c1, .training = true), d_t);
    STEP(R, p1, vs_max_pooling2d(g, b1, 2, 2), d_t);
    STEP(R, f1, vs_flatten(g, p1), d_t);
    STEP(R, d1, vs_dropout(g, f1, 0.5, .training = true), d_t);
    STEP(R, fc, vs_fully_connected(g, d1, 3, .scope = "fc"), d_t);
    STEP(R, t, vs_fully_connected(g, fc, 3, .reuse = VS_REUSE), d_t);         /* no scope */
    STEP(R, l, vs_batch_norm_layer(g, .axis = 1), d_l);
    STEP(R, t, vs_layer_apply(g, l, in.u), d_t);                          /* rank */
    STEP_VOID(R, vs_scope_exit(g));
    STEP(R, s, vs_variable_scope_enter(g, "left_open"), d_s);
}

/* RNN cells and dynamic_rnn */
static void scenario_rnn(run *R)
{
    vs_graph *g = R->g;
    inputs in = make_inputs(R);
    vs_tensor *t;
    vs_layer *multi;
    vs_layer *cells[2] = {NULL, NULL};

    STEP(R, cells[0], vs_basic_lstm_cell(g, 3), d_l);
    STEP(R, cells[1], vs_gru_cell(g, 3), d_l);
    STEP(R, multi, vs_multi_rnn_cell(g, cells, 2), d_l);
    STEP(R, t, vs_dynamic_rnn(g, multi, in.seq, .dtype = VS_FLOAT32), d_t);
    STEP(R, t, vs_dynamic_rnn(g, multi, in.seq, .dtype = VS_FLOAT32), d_t);  /* shared */
}

/* more cells and dynamic_rnn: scopes, the cell called directly */
static void scenario_rnn2(run *R)
{
    vs_graph *g = R->g;
    inputs in = make_inputs(R);
    vs_tensor *t;
    vs_layer *l, *cell;
    vs_rnn_state *z;

    STEP(R, cell, vs_lstm_cell(g, 3, .use_peepholes = true, .num_proj = 2), d_l);
    STEP(R, t, vs_dynamic_rnn(g, cell, in.seq), d_t);                        /* no dtype */
    STEP(R, t, vs_dynamic_rnn(g, cell, in.seq, .dtype = VS_FLOAT32, .scope = "enc"), d_t);
    STEP(R, l, vs_basic_rnn_cell(g, 3), d_l);
    STEP(R, t, vs_dynamic_rnn(g, l, in.seq, .dtype = VS_FLOAT32, .scope = "enc"), d_t);
    STEP(R, l, vs_lstm_cell(g, 3, .use_peepholes = true, .num_proj = 2), d_l);
    STEP(R, t, vs_dynamic_rnn(g, l, in.seq, .dtype = VS_FLOAT32, .scope = "enc"), d_t); /* dup */
    STEP(R, z, vs_rnn_zero_state(g, cell, -1, VS_FLOAT32), d_p);
    STEP(R, t, vs_rnn_cell_call(g, cell, in.x, z), d_t);
}

/* templates, optimizers, moving averages, the global step */
static void scenario_train(run *R)
{
    vs_graph *g = R->g;
    inputs in = make_inputs(R);
    vs_tensor *t, *y, *sq, *loss;
    vs_var *w;
    vs_layer *dense;
    vs_scope *s;
    vs_template *tp, *bad, *outer;
    vs_optimizer *adam, *mom;
    vs_ema *ema;
    vs_op *op;
    const vs_var_list *list;

    STEP(R, tp, vs_make_template(g, "scale", scale, NULL), d_p);
    STEP(R, t, vs_template_call(g, tp, in.x), d_t);
    STEP(R, t, vs_template_call(g, tp, in.x), d_t);
    STEP(R, bad, vs_make_template(g, "twice", twice, NULL, .create_scope_now = true), d_p);
    STEP(R, t, vs_template_call(g, bad, in.x), d_t);                          /* duplicate */
    STEP(R, outer, vs_make_template(g, "outer", nested, NULL), d_p);
    STEP(R, t, vs_template_call(g, outer, in.x), d_t);
    STEP(R, t, vs_template_call(g, outer, in.x), d_t);

    STEP(R, dense, vs_dense_layer(g, 2), d_l);
    STEP(R, y, vs_layer_apply(g, dense, in.x), d_t);
    STEP(R, sq, vs_square(g, y), d_t);
    STEP(R, loss, vs_reduce_mean(g, sq), d_t);
    STEP(R, w, vs_get_or_create_global_step(g), d_v);
    STEP(R, adam, vs_adam_optimizer(g), d_p);
    STEP(R, s, vs_variable_scope_enter(g, "", .reuse = VS_REUSE), d_s);
    STEP(R, op, vs_minimize(g, adam, loss), d_o);                            /* leaked reuse */
    STEP_VOID(R, vs_scope_exit(g));
    STEP(R, op, vs_minimize(g, adam, loss, .global_step = w), d_o);
    STEP(R, mom, vs_momentum_optimizer(g, 0.1, 0.9), d_p);
    STEP(R, s, vs_variable_scope_enter(g, "", .reuse = VS_AUTO_REUSE), d_s);
    STEP(R, op, vs_minimize(g, mom, loss), d_o);
    STEP_VOID(R, vs_scope_exit(g));
    STEP(R, op, vs_minimize(g, mom, in.one), d_o);                           /* no gradient */
    STEP(R, ema, vs_exponential_moving_average(g, 0.99), d_p);
    STEP(R, list, vs_get_collection(g, VS_TRAINABLE_VARIABLES, .scope = "dense"), d_c);
    STEP(R, op, vs_ema_apply(g, ema, .var_list = list), d_o);
}

/* the session */
static void scenario_session(run *R)
{
    vs_graph *g = R->g;
    inputs in = make_inputs(R);
    vs_tensor *y, *c;
    vs_session *sess;
    vs_op *op;
    const vs_op *done;
    const vs_ndarray *arr;

    STEP(R, y, vs_dense(g, in.x, 2, .activation = VS_ACT_TANH), d_t);
    STEP(R, c, vs_conv2d(g, in.img, 2, 2, 2, .padding = VS_SAME), d_t);
    STEP(R, sess, vs_session_new(g), d_p);
    STEP(R, op, vs_global_variables_initializer(g), d_o);
    STEP(R, arr, vs_session_run(sess, y), d_a);                              /* not initialized */
    STEP(R, done, vs_session_run_op(sess, op), d_p);
    STEP(R, arr, vs_session_run(sess, y, .feeds = &(vs_feed){in.x, VS_SHAPE(1, 3), row}, .nfeeds = 1), d_a);
    STEP(R, arr, vs_session_run(sess, y), d_a);                              /* not fed */
    STEP(R, done, vs_session_run_op(sess, op), d_p);
    STEP(R, arr, vs_session_run(sess, c), d_a);                              /* not fed */
}

/* mirrors the api ("leaves the graph exactly as it was", "no-memory"):
 * every injected allocation failure is clean, in every new call */
static void test_layers_oom(void **state)
{
    (void)state;
    char *ref = check_every_allocation(scenario_layers);
    assert_non_null(strstr(ref, "[duplicate-variable"));
    assert_non_null(strstr(ref, "[shape-mismatch"));
    assert_non_null(strstr(ref, "[undefined-shape"));
    assert_non_null(strstr(ref, "[reuse-without-name"));
    assert_non_null(strstr(ref, "at free: [scope-leak"));
    free(ref);
}

static void test_rnn_oom(void **state)
{
    (void)state;
    free(check_every_allocation(scenario_rnn));
    char *ref = check_every_allocation(scenario_rnn2);
    assert_non_null(strstr(ref, "[duplicate-variable"));
    assert_non_null(strstr(ref, "[invalid-argument"));
    free(ref);
}

static void test_train_oom(void **state)
{
    (void)state;
    char *ref = check_every_allocation(scenario_train);
    assert_non_null(strstr(ref, "[duplicate-variable"));
    assert_non_null(strstr(ref, "[missing-variable"));
    assert_non_null(strstr(ref, "[invalid-argument"));
    free(ref);
}

static void test_session_oom(void **state)
{
    (void)state;
    char *ref = check_every_allocation(scenario_session);
    assert_non_null(strstr(ref, "array([["));
    assert_non_null(strstr(ref, "[invalid-argument"));
    free(ref);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layers_oom),
        cmocka_unit_test(test_rnn_oom),
        cmocka_unit_test(test_train_oom),
        cmocka_unit_test(test_session_oom),
    };
    return cmocka_run_group_tests_name("oom_models", tests, NULL, NULL);
}
