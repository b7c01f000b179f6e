# Source: https://github.com/udacity/deep-learning/issues/132
#   ("Anna_KaRNNa variable sharing error"; same failure in
#   NELSONZHAO/zhihu#7, yala/introdeeplearning#8, ageron/handson-ml#28,
#   igormq/ctc_tensorflow_example#15, aqibsaeed/Urban-Sound-Classification#8)
# Raised (TF 1.1; the solutions notebook unmodified):
#   Trying to share variable rnn/multi_rnn_cell/cell_0/basic_lstm_cell/weights,
#   but specified shape (1024, 2048) and found shape (595, 2048).
# Excerpt (intro-to-rnns/Anna_KaRNNa.ipynb):
def build_lstm(lstm_size, num_layers, batch_size, keep_prob):
    lstm = tf.contrib.rnn.BasicLSTMCell(lstm_size)
    drop = tf.contrib.rnn.DropoutWrapper(lstm, output_keep_prob=keep_prob)
    cell = tf.contrib.rnn.MultiRNNCell([drop] * num_layers)
    initial_state = cell.zero_state(batch_size, tf.float32)
    return cell, initial_state

class CharRNN:
    def __init__(self, num_classes, batch_size=64, num_steps=50, lstm_size=128,
                 num_layers=2, learning_rate=0.001, grad_clip=5, sampling=False):
        ...
        self.inputs, self.targets, self.keep_prob = build_inputs(batch_size, num_steps)
        cell, self.initial_state = build_lstm(lstm_size, num_layers, batch_size, self.keep_prob)
        x_one_hot = tf.one_hot(self.inputs, num_classes)
        outputs, state = tf.nn.dynamic_rnn(cell, x_one_hot, initial_state=self.initial_state)   # FAILS
        ...
# hyper-parameters: batch_size = 100, num_steps = 100, lstm_size = 512,
# num_layers = 2; num_classes = len(vocab) = 83.
#
# Fix (the thread, and the notebook's later version): one cell object per
# layer:
#   def build_cell(lstm_size, keep_prob):
#       lstm = tf.contrib.rnn.BasicLSTMCell(lstm_size)
#       return tf.contrib.rnn.DropoutWrapper(lstm, output_keep_prob=keep_prob)
#   cell = tf.contrib.rnn.MultiRNNCell([build_cell(lstm_size, keep_prob) for _ in range(num_layers)])
