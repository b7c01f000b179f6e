/* realworld: seq2seq_attention_import_test (fixed: test() no longer runs on import)
 *
 * Source: https://github.com/brightmart/text_classification/issues/64
 *   ("a1_seq2seq_attention_train"); code:
 *   a06_Seq2seqWithAttention/a1_seq2seq_attention_model.py (commit 1299e64)
 * TF raised (quoted from the report):
 *   ValueError: Variable W_initial_state1 already exists, disallowed. Did
 *   you mean to set reuse=True in VarScope? Originally defined at:
 *     File ".../a1_seq2seq_attention_model.py", line 173, in instantiate_weights
 *       self.W_initial_state1 = tf.get_variable("W_initial_state1", shape=[self.hidden_size, self.hidden_size*2], initializer=self.initializer)
 *     File ".../a1_seq2seq_attention_model.py", line 40, in __init__
 *       self.instantiate_weights()
 *     File ".../a1_seq2seq_attention_model.py", line 233, in test
 * The maintainer: "check whether there is a invoke of test method under
 *   model.py".
 * Original (trimmed; the repository's copy names the first variable
 *   W_initial_state, the reporter's W_initial_state1):
 *   class seq2seq_attention_model:
 *       def __init__(self, num_classes, learning_rate, batch_size, decay_steps, decay_rate,
 *                    sequence_length, vocab_size, embed_size, hidden_size, is_training, ...):
 *           self.learning_rate = tf.Variable(learning_rate, trainable=False, name="learning_rate")
 *           self.input_x = tf.placeholder(tf.int32, [None, self.sequence_length], name="input_x")
 *           ... decoder_input, input_y_label, dropout_keep_prob placeholders ...
 *           self.global_step = tf.Variable(0, trainable=False, name="Global_Step")
 *           self.epoch_step = tf.Variable(0, trainable=False, name="Epoch_Step")
 *           self.instantiate_weights()
 *           self.logits = self.inference()
 *           ...
 *       def instantiate_weights(self):
 *           with tf.name_scope("decoder_init_state"):
 *               self.W_initial_state = tf.get_variable("W_initial_state", shape=[self.hidden_size, self.hidden_size*2], initializer=self.initializer)
 *               self.b_initial_state = tf.get_variable("b_initial_state", shape=[self.hidden_size*2])
 *           with tf.name_scope("embedding_projection"):
 *               self.Embedding = tf.get_variable("Embedding", shape=[self.vocab_size, self.embed_size], initializer=self.initializer)
 *               self.Embedding_label = tf.get_variable("Embedding_label", shape=[self.num_classes, self.embed_size*2], dtype=tf.float32)
 *               self.W_projection = tf.get_variable("W_projection", shape=[self.hidden_size*2, self.num_classes], initializer=self.initializer)
 *               self.b_projection = tf.get_variable("b_projection", shape=[self.num_classes])
 *           with tf.name_scope("gru_weights_encoder"): ... W_z, U_z, b_z, W_r, U_r, b_r, W_h, U_h, b_h ...
 *           with tf.name_scope("gru_weights_decoder"): ... *_decoder ...
 *           with tf.name_scope("full_connected"): ... W_fc, a_fc ...
 *   def test():
 *       num_classes = 9+2; learning_rate = 0.0001; batch_size = 1; decay_steps = 1000
 *       decay_rate = 0.9; sequence_length = 5; vocab_size = 300; embed_size = 100
 *       hidden_size = 100; is_training = True; decoder_sent_length=6; l2_lambda=0.0001
 *       model = seq2seq_attention_model(num_classes, learning_rate, batch_size, ...)
 *       ... 1500 training steps ...
 *   test()          # at the bottom of the module: runs on import
 *   # a1_seq2seq_attention_train.py: imports the module, then builds its own model
 * Why: importing the model module runs test(), which builds a model in the
 *   default graph; the training script then builds another, and the
 *   get_variable names collide (the name scopes do not prefix them).
 * Fix: no test() call at import (if __name__ == "__main__": test()).
 * Translation: the name scopes are kept (they prefix no variable); the
 *   weights of the encoder and decoder GRUs are written as in the model; the
 *   inference graph (hand-written GRU steps over these weights, a custom
 *   attention decoder) and optimize_loss are left out.  The training
 *   script's sizes come from its flags and vocabulary, not in the report.
 */
#include "varscope.h"

typedef struct config {
    int num_classes, batch_size, sequence_length, vocab_size, embed_size, hidden_size, decoder_sent_length;
    float learning_rate;
} config;

typedef struct seq2seq_attention_model {
    config c;
    vs_var *learning_rate, *global_step, *epoch_step;
    vs_var *W_initial_state, *b_initial_state, *Embedding, *Embedding_label, *W_projection, *b_projection;
} seq2seq_attention_model;

static void instantiate_weights(vs_graph *g, seq2seq_attention_model *self)
{
    int h = self->c.hidden_size, e = self->c.embed_size;
    vs_init init = vs_init_random_normal(0.0, 0.1);
    VS_NAME_SCOPE(g, "decoder_init_state") {
        self->W_initial_state = vs_get_variable(g, "W_initial_state", .shape = VS_SHAPE(h, h * 2), .initializer = init);
        self->b_initial_state = vs_get_variable(g, "b_initial_state", .shape = VS_SHAPE(h * 2));
    }
    VS_NAME_SCOPE(g, "embedding_projection") {
        self->Embedding = vs_get_variable(g, "Embedding", .shape = VS_SHAPE(self->c.vocab_size, e), .initializer = init);
        self->Embedding_label = vs_get_variable(g, "Embedding_label", .shape = VS_SHAPE(self->c.num_classes, e * 2), .dtype = VS_FLOAT32);
        self->W_projection = vs_get_variable(g, "W_projection", .shape = VS_SHAPE(h * 2, self->c.num_classes), .initializer = init);
        self->b_projection = vs_get_variable(g, "b_projection", .shape = VS_SHAPE(self->c.num_classes));
    }
    VS_NAME_SCOPE(g, "gru_weights_encoder") {
        vs_get_variable(g, "W_z", .shape = VS_SHAPE(e, h), .initializer = init);
        vs_get_variable(g, "U_z", .shape = VS_SHAPE(e, h), .initializer = init);
        vs_get_variable(g, "b_z", .shape = VS_SHAPE(h));
        vs_get_variable(g, "W_r", .shape = VS_SHAPE(e, h), .initializer = init);
        vs_get_variable(g, "U_r", .shape = VS_SHAPE(e, h), .initializer = init);
        vs_get_variable(g, "b_r", .shape = VS_SHAPE(h));
        vs_get_variable(g, "W_h", .shape = VS_SHAPE(e, h), .initializer = init);
        vs_get_variable(g, "U_h", .shape = VS_SHAPE(e, h), .initializer = init);
        vs_get_variable(g, "b_h", .shape = VS_SHAPE(h));
    }
    VS_NAME_SCOPE(g, "gru_weights_decoder") {
        vs_get_variable(g, "W_z_decoder", .shape = VS_SHAPE(e * 2, h * 2), .initializer = init);
        vs_get_variable(g, "U_z_decoder", .shape = VS_SHAPE(e * 2, h * 2), .initializer = init);
        vs_get_variable(g, "C_z_decoder", .shape = VS_SHAPE(e * 2, h * 2), .initializer = init);
        vs_get_variable(g, "b_z_decoder", .shape = VS_SHAPE(h * 2));
        vs_get_variable(g, "W_r_decoder", .shape = VS_SHAPE(e * 2, h * 2), .initializer = init);
        vs_get_variable(g, "U_r_decoder", .shape = VS_SHAPE(e * 2, h * 2), .initializer = init);
        vs_get_variable(g, "C_r_decoder", .shape = VS_SHAPE(e * 2, h * 2), .initializer = init);
        vs_get_variable(g, "b_r_decoder", .shape = VS_SHAPE(h * 2));
        vs_get_variable(g, "W_h_decoder", .shape = VS_SHAPE(e * 2, h * 2), .initializer = init);
        vs_get_variable(g, "U_h_decoder", .shape = VS_SHAPE(e * 2, h * 2), .initializer = init);
        vs_get_variable(g, "C_h_decoder", .shape = VS_SHAPE(e * 2, h * 2), .initializer = init);
        vs_get_variable(g, "b_h_decoder", .shape = VS_SHAPE(h * 2));
    }
    VS_NAME_SCOPE(g, "full_connected") {
        vs_get_variable(g, "W_fc", .shape = VS_SHAPE(h * 2, h));
        vs_get_variable(g, "a_fc", .shape = VS_SHAPE(h));
    }
}

static void model_init(vs_graph *g, seq2seq_attention_model *self, config c)
{
    self->c = c;
    self->learning_rate = vs_variable(g, vs_scalar_f32(g, c.learning_rate), .name = "learning_rate");
    vs_placeholder(g, VS_INT32, VS_SHAPE(-1, c.sequence_length), .name = "input_x");
    vs_placeholder(g, VS_INT32, VS_SHAPE(-1, c.decoder_sent_length), .name = "decoder_input");
    vs_placeholder(g, VS_INT32, VS_SHAPE(-1, c.decoder_sent_length), .name = "input_y_label");
    vs_placeholder(g, VS_FLOAT32, NULL, .name = "dropout_keep_prob");
    self->global_step = vs_variable(g, vs_scalar_i32(g, 0), .name = "Global_Step");
    self->epoch_step = vs_variable(g, vs_scalar_i32(g, 0), .name = "Epoch_Step");
    instantiate_weights(g, self);
}

/* the module's test(), run at import */
static void test(vs_graph *g)
{
    config c = {.num_classes = 9 + 2, .learning_rate = 0.0001f, .batch_size = 1,
                .sequence_length = 5, .vocab_size = 300, .embed_size = 100,
                .hidden_size = 100, .decoder_sent_length = 6};
    seq2seq_attention_model model;
    model_init(g, &model, c);
}

static void import_model_module(vs_graph *g)
{
    (void)g;
    (void)test;                 /* if __name__ == "__main__": test() */
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    import_model_module(g);     /* from a1_seq2seq_attention_model import ... */
    config c = {.num_classes = 1999 + 2, .learning_rate = 0.01f, .batch_size = 128,
                .sequence_length = 100, .vocab_size = 100000, .embed_size = 100,
                .hidden_size = 100, .decoder_sent_length = 6};
    seq2seq_attention_model model;
    model_init(g, &model, c);   /* the training script's model */
    vs_graph_free(g);
    return 0;
}
