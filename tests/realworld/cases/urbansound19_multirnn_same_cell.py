# Source: https://github.com/aqibsaeed/Urban-Sound-Classification/issues/19
#   ("RNN Dimensions must be equal, but are 600 and 320 for
#   'rnn/while/rnn/multi_rnn_cell/cell_0/cell_0/lstm_cell/MatMul_1' (op:
#   'MatMul') with input shapes: [?,600], [320,1200].", 2017-12-12); the
#   notebook "Urban Sound Classification using RNN.ipynb" (cells 3-5, the
#   same from commit 9adf136 of 2017-02-11 to e8ebd70 of 2018-04-24).
# Raised (quoted from the report):
#   ValueError                                Traceback (most recent call last)
#   ----> 1 prediction = RNN(x, weight, bias)
#   <ipython-input-5-bde338e9eb4c> in RNN(x, weight, bias)
#         2     cell = rnn_cell.LSTMCell(n_hidden,state_is_tuple = True)
#         3     cell = rnn_cell.MultiRNNCell([cell] * 2)
#   ----> 4     output, state = tf.nn.dynamic_rnn(cell, x, dtype = tf.float32)
#   ...
#   ValueError: Dimensions must be equal, but are 600 and 320 for
#   'rnn/while/rnn/multi_rnn_cell/cell_0/cell_0/lstm_cell/MatMul_1' (op:
#   'MatMul') with input shapes: [?,600], [320,1200].
tf.reset_default_graph()

learning_rate = 0.01
training_iters = 1000
batch_size = 50
display_step = 200

# Network Parameters
n_input = 20
n_steps = 41
n_hidden = 300
n_classes = 10

x = tf.placeholder("float", [None, n_steps, n_input])
y = tf.placeholder("float", [None, n_classes])

weight = tf.Variable(tf.random_normal([n_hidden, n_classes]))
bias = tf.Variable(tf.random_normal([n_classes]))

def RNN(x, weight, bias):
    cell = rnn_cell.LSTMCell(n_hidden,state_is_tuple = True)
    cell = rnn_cell.MultiRNNCell([cell] * 2)
    output, state = tf.nn.dynamic_rnn(cell, x, dtype = tf.float32)   # FAILS
    output = tf.transpose(output, [1, 0, 2])
    last = tf.gather(output, int(output.get_shape()[0]) - 1)
    return tf.nn.softmax(tf.matmul(last, weight) + bias)

prediction = RNN(x, weight, bias)

# Define loss and optimizer
loss_f = -tf.reduce_sum(y * tf.log(prediction))
optimizer = tf.train.AdamOptimizer(learning_rate = learning_rate).minimize(loss_f)

# Fix (ours; the notebook kept [cell] * 2 until it was rewritten with keras
# in 2020): one LSTMCell per layer, as TF 1.2's release notes say
# ("MultiRNNCell([LSTMCell(...) for _ in range(5)])"):
#   cell = rnn_cell.MultiRNNCell([rnn_cell.LSTMCell(n_hidden, state_is_tuple=True)
#                                 for _ in range(2)])
