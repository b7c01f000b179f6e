# Source: https://github.com/ageron/handson-ml/issues/28 ("MultiRNNCell
#   error"; comment of jingw222, 2017-05-30, TF 1.2), notebook
#   14_recurrent_neural_networks.ipynb, "Deep RNN" (the book's code, 1st ed.).
# Raised:
#   ValueError: Trying to share variable rnn/multi_rnn_cell/cell_0/basic_rnn_cell/kernel,
#   but specified shape (200, 100) and found shape (102, 100).
n_inputs = 2
n_steps = 5
X = tf.placeholder(tf.float32, [None, n_steps, n_inputs])
n_neurons = 100
n_layers = 3
basic_cell = tf.contrib.rnn.BasicRNNCell(num_units=n_neurons)
multi_layer_cell = tf.contrib.rnn.MultiRNNCell([basic_cell] * n_layers)
outputs, states = tf.nn.dynamic_rnn(multi_layer_cell, X, dtype=tf.float32)   # FAILS
#
# Fix (ageron, same thread, and the notebook since June 2017): one cell per
# layer:
#   layers = [tf.contrib.rnn.BasicRNNCell(num_units=n_neurons) for layer in range(n_layers)]
#   multi_layer_cell = tf.contrib.rnn.MultiRNNCell(layers)
