/* realworld: tensorpack_eleven_towers (fixed: c2edd999, the index is the name's trailing digits)
 *
 * Source: https://github.com/tensorpack/tensorpack/issues/310
 *   ("Multi-GPU training when #GPU>10"); code: tensorpack/tfutils/tower.py,
 *   tensorpack/train/multigpu.py, tensorpack/models/fc.py at c2edd999^
 *   (the parent of the fix, 2017-06-22)
 * TF raised (quoted from the report):
 *   [0623 02:20:52 @multigpu.py:89] Building graph for training tower 10...
 *   ValueError: Variable XXX/W already exists, disallowed. Did you mean to
 *   set reuse=True in VarScope? Originally defined at:
 *   "This error won't happen when #GPU <= 10."
 * Original (trimmed):
 *   # multigpu.py, MultiGPUTrainerBase.build_on_multi_tower
 *   for idx, t in enumerate(towers):
 *       with TowerContext('tower{}'.format(idx), device=device, is_training=True,
 *                         var_strategy=var_strategy, vs_name=vs_names[idx]):
 *           ret.append(func())
 *   # tower.py, TowerContext
 *   @property
 *   def index(self):
 *       if self._name == '':
 *           return 0
 *       return int(self._name[-1])
 *   def __enter__(self):
 *       ...
 *       if len(self._name):
 *           if self.has_own_variables: ...
 *           else:
 *               if self.is_training:
 *                   reuse = self.index > 0
 *                   if reuse is True:
 *                       self._ctxs.append(tf.name_scope(None))
 *                       self._ctxs.append(tf.variable_scope(
 *                           tf.get_variable_scope(), reuse=True))
 *               self._ctxs.append(tf.name_scope(self._name))
 *       ...
 *       for c in self._ctxs:
 *           c.__enter__()
 *   # fc.py (inside layer_register's `with tf.variable_scope(name)`)
 *   def FullyConnected(x, out_dim, W_init=None, b_init=None, nl=tf.identity, use_bias=True):
 *       x = symbf.batch_flatten(x)
 *       in_dim = x.get_shape().as_list()[1]
 *       W = tf.get_variable('W', [in_dim, out_dim], initializer=W_init)
 *       if use_bias:
 *           b = tf.get_variable('b', [out_dim], initializer=b_init)
 * Why: the tower's reuse flag is read from the last character of its
 *   name; "tower10" ends in 0, so the eleventh tower creates the model's
 *   variables again with reuse off.
 * Fix (c2edd999, "Allow >=10 GPUs. (fix #310)"): the index is the name's
 *   trailing digits, re.findall('[0-9]+$', self._name); dadd971c then
 *   passes the index into TowerContext.
 * Translation: eleven towers, as in the report; the reporter's model (its
 *   layer names are hidden as XXX) is two tensorpack FullyConnected layers
 *   on a flat input of 784.  The trainer's func is a callback, as in
 *   tensorpack.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tfops.h"

typedef struct TowerContext {
    char name[32];
    int nctx;               /* scopes entered by __enter__ */
} TowerContext;

static int tower_index(const TowerContext *self)
{
    size_t n = strlen(self->name), k = n;
    if (n == 0)
        return 0;
    while (k > 0 && self->name[k - 1] >= '0' && self->name[k - 1] <= '9')
        k--;                                 /* re.findall('[0-9]+$', name) */
    if (k == n)
        return 0;
    return atoi(self->name + k);
}

static void tower_enter(vs_graph *g, TowerContext *self)
{
    self->nctx = 0;
    if (strlen(self->name)) {
        bool reuse = tower_index(self) > 0;
        if (reuse) {
            vs_name_scope_enter(g, NULL);
            vs_variable_scope_reenter(g, vs_get_variable_scope(g), .reuse = VS_REUSE);
            self->nctx += 2;
        }
        vs_name_scope_enter(g, self->name);
        self->nctx += 1;
    }
}

static void tower_exit(vs_graph *g, TowerContext *self)
{
    while (self->nctx-- > 0)
        vs_scope_exit(g);
}

/* tensorpack.models.FullyConnected under layer_register's variable scope */
static vs_tensor *FullyConnected(vs_graph *g, const char *name, vs_tensor *x, int out_dim)
{
    vs_tensor *ret = NULL;
    VS_VARIABLE_SCOPE(g, name) {
        int64_t in_dim = vs_tensor_shape(x)->dims[1];
        vs_var *W = vs_get_variable(g, "W", .shape = VS_SHAPE(in_dim, out_dim));
        vs_var *b = vs_get_variable(g, "b", .shape = VS_SHAPE(out_dim), .initializer = vs_init_constant(0.0));
        if (W && b)
            ret = vs_add(g, vs_matmul(g, x, vs_value(W)), vs_value(b));
    }
    return ret;
}

static vs_tensor *image;

static vs_tensor *tower_func(vs_graph *g)
{
    vs_tensor *l = FullyConnected(g, "fc0", image, 512);
    return l ? FullyConnected(g, "fc1", l, 10) : NULL;
}

static void build_on_multi_tower(vs_graph *g, int ntowers, vs_tensor *(*func)(vs_graph *))
{
    for (int idx = 0; idx < ntowers; idx++) {
        TowerContext ctx;
        snprintf(ctx.name, sizeof ctx.name, "tower%d", idx);
        tower_enter(g, &ctx);
        func(g);
        tower_exit(g, &ctx);
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    image = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 784), .name = "input");
    build_on_multi_tower(g, 11, tower_func);
    vs_graph_free(g);
    return 0;
}
