/* realworld: librecommender_fit_twice (fixed: reset_default_graph() before re-running)
 *
 * Source: https://github.com/massquantity/LibRecommender/issues/63
 *   ("Error when running model.fit() a second time"); code: the README's
 *   "pure collaborative-filtering example" and libreco/algorithms/svdpp.py
 *   (commit 6701159, the version of the report's time)
 * TF raised (quoted from the report): 'ValueError: Variable bu_var already
 *   exists, disallowed. Did you mean to set reuse=True or
 *   reuse=tf.AUTO_REUSE in VarScope? Originally defined at: ...'
 * Original (trimmed):
 *   svdpp = SVDpp(task="rating", data_info=data_info, embed_size=16, n_epochs=3,
 *                 lr=0.001, reg=None, batch_size=256)
 *   svdpp.fit(train_data, verbose=2, eval_data=eval_data, metrics=["rmse", "mae", "r2"])
 *   # SVDpp.fit -> if not self.graph_built: self._build_model(...); self._build_train_ops()
 *   def _build_model(self, sparse_implicit_interaction):
 *       self.graph_built = True
 *       self.user_indices = tf.placeholder(tf.int32, shape=[None])
 *       self.item_indices = tf.placeholder(tf.int32, shape=[None])
 *       self.labels = tf.placeholder(tf.float32, shape=[None])
 *       self.bu_var = tf.get_variable(name="bu_var", shape=[self.n_users],
 *                                     initializer=tf_zeros, regularizer=self.reg)
 *       self.bi_var = tf.get_variable(name="bi_var", shape=[self.n_items], ...)
 *       self.pu_var = tf.get_variable(name="pu_var", shape=[self.n_users, self.embed_size],
 *                                     initializer=tf_truncated_normal(0.0, 0.03), ...)
 *       self.qi_var = tf.get_variable(name="qi_var", shape=[self.n_items, self.embed_size], ...)
 *       yj_var = tf.get_variable(name="yj_var", shape=[self.n_items, self.embed_size], ...)
 *       uj = tf.nn.safe_embedding_lookup_sparse(yj_var, sparse_implicit_interaction, ...)
 *       self.puj_var = self.pu_var + uj
 *       ... embedding lookups, output ...
 * Why: the example re-run in the same console creates a new SVDpp whose
 *   graph_built is False, so it builds again in the same default graph.
 * Fix (the maintainer): "Just call tf.compat.v1.reset_default_graph()
 *   before rerunning."
 * Translation: n_users 5894 and n_items 3253 as printed by the README;
 *   the sparse lookup is a stand-in (tfops.h); _build_train_ops (Adam) is
 *   left out; the truncated-normal initializer is the library's random-
 *   normal one.
 */
#include "tfops.h"

typedef struct SVDpp {
    int n_users, n_items, embed_size;
    bool graph_built;
    vs_var *bu_var, *bi_var, *pu_var, *qi_var;
    vs_tensor *user_indices, *item_indices, *labels, *puj_var;
} SVDpp;

static void build_model(vs_graph *g, SVDpp *self)
{
    self->graph_built = true;
    self->user_indices = vs_placeholder(g, VS_INT32, VS_SHAPE(-1));
    self->item_indices = vs_placeholder(g, VS_INT32, VS_SHAPE(-1));
    self->labels = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1));

    self->bu_var = vs_get_variable(g, "bu_var", .shape = VS_SHAPE(self->n_users), .initializer = vs_init_zeros());
    self->bi_var = vs_get_variable(g, "bi_var", .shape = VS_SHAPE(self->n_items), .initializer = vs_init_zeros());
    self->pu_var = vs_get_variable(g, "pu_var", .shape = VS_SHAPE(self->n_users, self->embed_size), .initializer = vs_init_random_normal(0.0, 0.03));
    self->qi_var = vs_get_variable(g, "qi_var", .shape = VS_SHAPE(self->n_items, self->embed_size), .initializer = vs_init_random_normal(0.0, 0.03));
    vs_var *yj_var = vs_get_variable(g, "yj_var", .shape = VS_SHAPE(self->n_items, self->embed_size), .initializer = vs_init_random_normal(0.0, 0.03));
    vs_tensor *uj = yj_var ? tf_shaped(g, "safe_embedding_lookup_sparse", VS_FLOAT32, VS_SHAPE(self->n_users, self->embed_size)) : NULL;
    self->puj_var = self->pu_var && uj ? vs_add(g, vs_value(self->pu_var), uj) : NULL;
}

static void fit(vs_graph *g, SVDpp *self)
{
    if (!self->graph_built)
        build_model(g, self);
}

static void example(vs_graph *g)
{
    SVDpp svdpp = {.n_users = 5894, .n_items = 3253, .embed_size = 16};
    fit(g, &svdpp);
}

int main(void)
{
    vs_graph *g = vs_graph_new();   /* the console's default graph */
    example(g);
    /* tf.compat.v1.reset_default_graph() */
    vs_graph_free(g);
    g = vs_graph_new();
    example(g);                     /* the example run again */
    vs_graph_free(g);
    return 0;
}
