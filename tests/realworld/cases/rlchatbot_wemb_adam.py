# Source: https://github.com/pochih/RL-Chatbot/issues/7 (TF 1.4; the same
#   S2VT-style model failed identically in tsenghungchen/SA-tensorflow#11).
# Raised:
#   Variable Wemb/Adam/ does not exist, or was not created with
#   tf.get_variable(). Did you mean to set reuse=None in VarScope?
# Excerpt of python/model.py (2018):
class Seq2Seq_chatbot():
    def __init__(self, dim_wordvec, n_words, dim_hidden, batch_size, n_encode_lstm_step, n_decode_lstm_step, bias_init_vector=None, lr=0.0001):
        ...
        with tf.device("/cpu:0"):
            self.Wemb = tf.Variable(tf.random_uniform([n_words, dim_hidden], -0.1, 0.1), name='Wemb')
        self.lstm1 = tf.contrib.rnn.BasicLSTMCell(dim_hidden, state_is_tuple=False)
        self.lstm2 = tf.contrib.rnn.BasicLSTMCell(dim_hidden, state_is_tuple=False)
        self.encode_vector_W = tf.Variable(tf.random_uniform([dim_wordvec, dim_hidden], -0.1, 0.1), name='encode_vector_W')
        self.encode_vector_b = tf.Variable(tf.zeros([dim_hidden]), name='encode_vector_b')
        self.embed_word_W = tf.Variable(tf.random_uniform([dim_hidden, n_words], -0.1, 0.1), name='embed_word_W')
        self.embed_word_b = tf.Variable(bias_init_vector.astype(np.float32), name='embed_word_b')   # (or zeros)
    def build_model(self):
        word_vectors = tf.placeholder(tf.float32, [self.batch_size, self.n_encode_lstm_step, self.dim_wordvec])
        ...
        for i in range(0, self.n_encode_lstm_step):
            if i > 0:
                tf.get_variable_scope().reuse_variables()
            with tf.variable_scope("LSTM1"):
                output1, state1 = self.lstm1(wordvec_emb[:, i, :], state1)
            with tf.variable_scope("LSTM2"):
                output2, state2 = self.lstm2(tf.concat([padding, output1], 1), state2)
        for i in range(0, self.n_decode_lstm_step):
            with tf.device("/cpu:0"):
                current_embed = tf.nn.embedding_lookup(self.Wemb, caption[:, i])
            tf.get_variable_scope().reuse_variables()
            with tf.variable_scope("LSTM1"):
                output1, state1 = self.lstm1(padding, state1)
            with tf.variable_scope("LSTM2"):
                output2, state2 = self.lstm2(tf.concat([current_embed, output1], 1), state2)
            ...
            logit_words = tf.nn.xw_plus_b(output2, self.embed_word_W, self.embed_word_b)
            ...
            loss = loss + current_loss
        with tf.variable_scope(tf.get_variable_scope(), reuse=False):
            train_op = tf.train.AdamOptimizer(self.lr).minimize(loss)        # FAILS
        ...
# train.py: dim_wordvec = 300, dim_hidden = 1000, n_encode_lstm_step = 22 + 22,
#   n_decode_lstm_step = 22, batch_size = 100, learning_rate = 0.0001
#
# Fix (the reporter, same thread: "I change my code and it works!"):
#   def build_model(self):
#       with tf.variable_scope(tf.get_variable_scope()):  # add this line in model.py
#           word_vectors = tf.placeholder(...)
#           ...
# The reuse_variables() calls then switch on reuse in a copy of the root
# scope that ends with the block; the optimizer must come after the block
# (a later commenter who reports it "still does not work" shows that
# keeping the minimize() inside the block fails the same way).
