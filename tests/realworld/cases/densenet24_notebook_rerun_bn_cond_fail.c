/* realworld: densenet24_notebook_rerun_bn_cond (failing)
 *
 * Source: https://github.com/taki0112/Densenet-Tensorflow/issues/24
 *   ("Model compilation failing with ValueError: Variable
 *   dense_1_bottleN_0_batch1/beta already exists, disallowed", amitkayal,
 *   2019-08-24, a Colab notebook).
 * TF raised (quoted from the report):
 *   ValueError: Variable dense_1_bottleN_0_batch1/beta already exists,
 *   disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in
 *   VarScope?
 *   from cell [8], line 209: model = DenseNet(x=x, nb_blocks=nb_block,
 *   filters=growth_k, training=training_flag)
 * Original Python (Densenet_Cifar10.py, the version with its blocks
 *   written out, trimmed):
 *   def conv_layer(input, filter, kernel, stride=1, layer_name="conv"):
 *       with tf.name_scope(layer_name):
 *           return tf.layers.conv2d(inputs=input, use_bias=False, filters=filter,
 *                                   kernel_size=kernel, strides=stride, padding='SAME')
 *   def Batch_Normalization(x, training, scope):
 *       with arg_scope([batch_norm], scope=scope, updates_collections=None, decay=0.9,
 *                      center=True, scale=True, zero_debias_moving_mean=True):
 *           return tf.cond(training,
 *                          lambda: batch_norm(inputs=x, is_training=training, reuse=None),
 *                          lambda: batch_norm(inputs=x, is_training=training, reuse=True))
 *   class DenseNet():
 *       def bottleneck_layer(self, x, scope):
 *           with tf.name_scope(scope):
 *               x = Batch_Normalization(x, training=self.training, scope=scope+'_batch1')
 *               x = Relu(x)
 *               x = conv_layer(x, filter=4 * self.filters, kernel=[1,1], layer_name=scope+'_conv1')
 *               x = Drop_out(x, rate=dropout_rate, training=self.training)
 *               x = Batch_Normalization(x, training=self.training, scope=scope+'_batch2')
 *               x = Relu(x)
 *               x = conv_layer(x, filter=self.filters, kernel=[3,3], layer_name=scope+'_conv2')
 *               return Drop_out(x, rate=dropout_rate, training=self.training)
 *       def transition_layer(self, x, scope): ... scope+'_batch1', scope+'_conv1', Average_pooling
 *       def dense_block(self, input_x, nb_layers, layer_name):
 *           with tf.name_scope(layer_name):
 *               layers_concat = [input_x]
 *               x = self.bottleneck_layer(input_x, scope=layer_name + '_bottleN_' + str(0))
 *               layers_concat.append(x)
 *               for i in range(nb_layers - 1):
 *                   x = Concatenation(layers_concat)
 *                   x = self.bottleneck_layer(x, scope=layer_name + '_bottleN_' + str(i + 1))
 *                   layers_concat.append(x)
 *               return Concatenation(layers_concat)
 *       def Dense_net(self, input_x):
 *           x = conv_layer(input_x, filter=2 * self.filters, kernel=[7,7], stride=2, layer_name='conv0')
 *           x = self.dense_block(input_x=x, nb_layers=6, layer_name='dense_1')
 *           x = self.transition_layer(x, scope='trans_1')
 *           x = self.dense_block(input_x=x, nb_layers=12, layer_name='dense_2')
 *           ...
 * Why: the model cell ran a second time in the notebook's graph.  The
 *   convolutions are tf.layers without names (conv2d, conv2d_1, ...: made
 *   unique again), but contrib's batch_norm takes its variable scope from
 *   the string scope: the second run's first batch norm, the cond's true
 *   branch with reuse=None, makes dense_1_bottleN_0_batch1/beta again
 *   (updates_collections=None: beta first).  The name scopes around it
 *   do not prefix get_variable's names.
 * Fix: ours (the thread has no answer): tf.reset_default_graph() at the
 *   top of the cell, as the corpus's other notebook re-runs.
 * Library calls: vs_placeholder, vs_conv2d, vs_relu, vs_dropout,
 *   name scopes (block form); tfc_batch_norm (tfcontrib.h) in both
 *   branches of tf.cond; pooling and concat through tfops.h.
 * Translation: tf.cond builds both branches, a helper here; the block
 *   sizes are 6 and 12 (the first two of the file's; the failure is in
 *   the first); CIFAR-10 input [?, 32, 32, 3], growth_k 24; the notebook
 *   cell is a function, run twice as the user ran it.
 */
#include "tfops.h"
#include "tfcontrib.h"
#include <stdio.h>

struct densenet { int nb_blocks, filters; vs_tensor *training; vs_tensor *model; };

static vs_tensor *conv_layer(vs_graph *g, vs_tensor *input, int filter, int kernel, int stride, const char *layer_name)
{
    vs_tensor *net = NULL;
    VS_NAME_SCOPE(g, layer_name) {
        net = vs_conv2d(g, input, filter, kernel, kernel, .no_bias = true, .strides = {stride, stride}, .padding = VS_SAME);
    }
    return net;
}

static vs_tensor *batch_normalization(vs_graph *g, vs_tensor *x, const char *scope)
{
    if (!x)
        return NULL;
    /* tf.cond(training, f1, f2): both branches are built */
    vs_tensor *t = tfc_batch_norm(g, x, .scope = scope, .no_updates_collections = true, .decay = 0.9, .scale = true, .reuse = VS_REUSE_INHERIT); // expect: duplicate-variable
    vs_tensor *f = t ? tfc_batch_norm(g, x, .scope = scope, .no_updates_collections = true, .decay = 0.9, .scale = true, .reuse = VS_REUSE) : NULL;
    return f ? t : NULL;
}

static vs_tensor *drop_out(vs_graph *g, vs_tensor *x)
{
    return x ? vs_dropout(g, x, 0.2) : NULL;
}

static vs_tensor *bottleneck_layer(vs_graph *g, struct densenet *self, vs_tensor *x, const char *scope)
{
    char name[96];
    VS_NAME_SCOPE(g, scope) {
        snprintf(name, sizeof name, "%s_batch1", scope);
        x = batch_normalization(g, x, name);
        x = x ? vs_relu(g, x) : NULL;
        snprintf(name, sizeof name, "%s_conv1", scope);
        x = x ? conv_layer(g, x, 4 * self->filters, 1, 1, name) : NULL;
        x = drop_out(g, x);
        snprintf(name, sizeof name, "%s_batch2", scope);
        x = batch_normalization(g, x, name);
        x = x ? vs_relu(g, x) : NULL;
        snprintf(name, sizeof name, "%s_conv2", scope);
        x = x ? conv_layer(g, x, self->filters, 3, 1, name) : NULL;
        x = drop_out(g, x);
    }
    return x;
}

static vs_tensor *transition_layer(vs_graph *g, struct densenet *self, vs_tensor *x, const char *scope)
{
    char name[96];
    VS_NAME_SCOPE(g, scope) {
        snprintf(name, sizeof name, "%s_batch1", scope);
        x = batch_normalization(g, x, name);
        x = x ? vs_relu(g, x) : NULL;
        snprintf(name, sizeof name, "%s_conv1", scope);
        x = x ? conv_layer(g, x, self->filters, 1, 1, name) : NULL;
        x = drop_out(g, x);
        x = tfg_pool(g, "AvgPool", x, 2, 2, 0);
    }
    return x;
}

static vs_tensor *dense_block(vs_graph *g, struct densenet *self, vs_tensor *input_x, int nb_layers, const char *layer_name)
{
    vs_tensor *layers_concat[16];
    int n = 0;
    vs_tensor *x = NULL;
    char scope[96];
    VS_NAME_SCOPE(g, layer_name) {
        layers_concat[n++] = input_x;
        snprintf(scope, sizeof scope, "%s_bottleN_%d", layer_name, 0);
        x = bottleneck_layer(g, self, input_x, scope);
        layers_concat[n++] = x;
        for (int i = 0; x && i < nb_layers - 1; i++) {
            x = tf_concat(g, layers_concat, n, 3);
            snprintf(scope, sizeof scope, "%s_bottleN_%d", layer_name, i + 1);
            x = bottleneck_layer(g, self, x, scope);
            layers_concat[n++] = x;
        }
        x = x ? tf_concat(g, layers_concat, n, 3) : NULL;
    }
    return x;
}

static vs_tensor *dense_net(vs_graph *g, struct densenet *self, vs_tensor *input_x)
{
    vs_tensor *x = conv_layer(g, input_x, 2 * self->filters, 7, 2, "conv0");
    x = x ? dense_block(g, self, x, 6, "dense_1") : NULL;
    x = x ? transition_layer(g, self, x, "trans_1") : NULL;
    x = x ? dense_block(g, self, x, 12, "dense_2") : NULL;
    return x;
}

static vs_graph *g;   /* the notebook's default graph */

static void notebook_cell_8(void)
{
    vs_tensor *x = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 32, 32, 3));
    vs_tensor *training_flag = vs_placeholder(g, VS_BOOL, VS_SCALAR);
    struct densenet model = {.nb_blocks = 2, .filters = 24, .training = training_flag};
    model.model = dense_net(g, &model, x);
}

int main(void)
{
    g = vs_graph_new();
    notebook_cell_8();
    notebook_cell_8();   /* the cell run again */
    vs_graph_free(g);
    return 0;
}
