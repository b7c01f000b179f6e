# Source: https://github.com/hunkim/DeepLearningZeroToAll/issues/212
#   ("Code does not work(lab-12-0-rnn_basics)", 2018-07-24); the notebook
#   lab-12-0-rnn_basics.ipynb of hunkim/DeepLearningZeroToAll (cells 0, 10
#   and 12; the cell is unchanged at commit dbbe397, 2019-01-16).
# Raised (quoted from the report):
#   tensorflow.python.framework.errors_impl.InvalidArgumentError: Dimensions
#   must be equal, but are 10 and 8 for
#   'MultiRNNCell/rnn/while/rnn/multi_rnn_cell/cell_0/basic_lstm_cell/MatMul_1'
#   (op: 'MatMul') with input shapes: [3,10], [8,20].
#   During handling of the above exception, another exception occurred:
#   ... Lab12.py, line 120, in <module>
#       outputs, _states = tf.nn.dynamic_rnn(cell, x_data, dtype=tf.float32)
#   (a ValueError with the same text)
import tensorflow as tf
import numpy as np
from tensorflow.contrib import rnn
sess = tf.InteractiveSession()

# Create input data
batch_size=3
sequence_length=5
input_dim=3
x_data = np.arange(45, dtype=np.float32).reshape(batch_size, sequence_length, input_dim)

with tf.variable_scope('MultiRNNCell') as scope:
    # Make rnn
    cell = rnn.BasicLSTMCell(num_units=5, state_is_tuple=True)
    cell = rnn.MultiRNNCell([cell] * 3, state_is_tuple=True) # 3 layers

    # rnn in/out
    outputs, _states = tf.nn.dynamic_rnn(cell, x_data, dtype=tf.float32)   # FAILS
    print("dynamic rnn: ", outputs)
    sess.run(tf.global_variables_initializer())

# Fix (ours; TF 1.2's release notes, quoted in tensorflow/tensorflow#13269:
# "To get 5 layers each with their own parameters, write:
# MultiRNNCell([LSTMCell(...) for _ in range(5)])"):
#   cell = rnn.MultiRNNCell([rnn.BasicLSTMCell(num_units=5, state_is_tuple=True)
#                            for _ in range(3)], state_is_tuple=True)
