/* realworld: tacotron2_gpu_towers (failing)
 *
 * Source: https://github.com/Rayhane-mamah/Tacotron-2/issues/250
 *   ("Synthesis using multiple gpus")
 * TF raised (quoted from the report):
 *   ValueError: Variable Tacotron_model/inference/inputs_embedding already
 *   exists, disallowed. Did you mean to set reuse=True or
 *   reuse=tf.AUTO_REUSE in VarScope? Originally defined at:
 *   tacotron/models/tacotron.py", line 112, in initialize
 *     'inputs_embedding', [len(symbols), hp.embedding_dim], dtype=tf.float32)
 * Original (trimmed; tacotron/synthesizer.py before the fix, and
 * tacotron/models/tacotron.py):
 *   # Synthesizer.load
 *   inputs = tf.placeholder(tf.int32, (None, None), name='inputs')
 *   with tf.variable_scope('Tacotron_model') as scope:
 *       self.model = create_model(model_name, hparams)
 *       self.model.initialize(inputs, input_lengths, split_infos=split_infos)
 *   # Tacotron.initialize
 *   for i in range (hp.tacotron_num_gpus):
 *       tower_inputs.append(tf.reshape(p_inputs[i], [batch_size, -1]))
 *   ...
 *   for i in range(hp.tacotron_num_gpus):
 *       with tf.device(...):
 *           with tf.variable_scope('inference') as scope:
 *               self.embedding_table = tf.get_variable(
 *                   'inputs_embedding', [len(symbols), hp.embedding_dim],
 *                   dtype=tf.float32)
 *               embedded_inputs = tf.nn.embedding_lookup(self.embedding_table,
 *                                                        tower_inputs[i])
 *               ... encoder convolutions and LSTM, decoder ...
 * Why: the tower loop enters variable_scope('inference') by name on every
 *   GPU; the second tower creates inputs_embedding again, reuse off.
 * Fix (n5-suzuki in the thread, and synthesizer.py upstream since):
 *   with tf.variable_scope('Tacotron_model', reuse=tf.AUTO_REUSE) as scope:
 * Translation: the towers' encoder, attention and decoder (conv1d, LSTM
 *   cells, dynamic_decode) are left out: they come after the failing call
 *   and need creators the library does not have yet.  Two GPUs, as in the
 *   report ("multiple gpus").  len(symbols) depends on the symbol set; its
 *   value does not matter here.
 */
#include "tfops.h"

#define N_SYMBOLS 148                   /* len(symbols) */

typedef struct hparams {
    int tacotron_num_gpus;
    int embedding_dim;
} hparams;

static const hparams hp_default = {.tacotron_num_gpus = 2,
                                   .embedding_dim = 512};

typedef struct Tacotron {
    const hparams *hp;
    vs_var *embedding_table;
    vs_tensor *embedded_inputs[8];
} Tacotron;

static void initialize(vs_graph *g, Tacotron *self, vs_tensor *inputs)
{
    const hparams *hp = self->hp;
    vs_tensor *tower_inputs[8];
    (void)inputs;
    for (int i = 0; i < hp->tacotron_num_gpus; i++)
        tower_inputs[i] = tf_shaped(g, "Reshape", VS_INT32, VS_SHAPE(-1, -1));

    for (int i = 0; i < hp->tacotron_num_gpus; i++) {
        VS_VARIABLE_SCOPE(g, "inference") {
            self->embedding_table = vs_get_variable(g, "inputs_embedding", .shape = VS_SHAPE(N_SYMBOLS, hp->embedding_dim), .dtype = VS_FLOAT32); // expect: duplicate-variable
            self->embedded_inputs[i] =
                tf_embedding_lookup(g, self->embedding_table, tower_inputs[i]);
        }
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    Tacotron model = {.hp = &hp_default};
    vs_tensor *inputs = vs_placeholder(g, VS_INT32, VS_SHAPE(-1, -1),
                                       .name = "inputs");
    VS_VARIABLE_SCOPE(g, "Tacotron_model") {
        initialize(g, &model, inputs);
    }
    vs_graph_free(g);
    return 0;
}
