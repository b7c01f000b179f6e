# Source: https://github.com/tensorflow/tensorflow/issues/13887
#   (minimal version first posted in
#    https://github.com/tensorflow/tensorflow/issues/6220#issuecomment-314688444)
# TF 1.2.0.  Raised: ValueError: Variable w/Adam_2/ does not exist, or was
#   not created with tf.get_variable(). Did you mean to set reuse=None in
#   VarScope?
import tensorflow as tf
import numpy as np
class SimpleModel:
    def __init__(self):
        self.loss = self.calc_loss()
        self.train = self.train_model(self.loss)
    def calc_loss(self):
        W = tf.get_variable("w", [1])
        b = tf.Variable(tf.zeros([1]))
        y = W * x_data + b
        return tf.reduce_mean(tf.square(y - y_data))
    def train_model(self, loss):
        return tf.train.AdamOptimizer(0.5).minimize(loss)
        # return tf.train.GradientDescentOptimizer(0.5)
x_data = np.random.rand(100).astype(np.float32)
y_data = x_data * 0.1 + 0.3
s1 = SimpleModel()
tf.get_variable_scope().reuse_variables()
s2 = SimpleModel()

# Fix (the lesson drawn in #6220 by wookayin: "where the (Adam-like)
# optimizer acts ... should lie in the scope with reuse=False"): share the
# model under a reusing copy of the scope, minimize outside it.
#
#   class SimpleModel:
#       def __init__(self, reuse=None):
#           with tf.variable_scope(tf.get_variable_scope(), reuse=reuse):
#               self.loss = self.calc_loss()
#           self.train = self.train_model(self.loss)
#   s1 = SimpleModel()
#   s2 = SimpleModel(reuse=True)
