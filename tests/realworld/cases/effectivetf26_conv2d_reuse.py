# Source: https://github.com/vahidk/EffectiveTensorflow/issues/26
#   ("Mistake in 'Scopes and when to use them'"): the guide's penultimate
#   example, run as the reporter ran it.
image1 = tf.placeholder(tf.float32, shape=[None, 100, 100, 3])
image2 = tf.placeholder(tf.float32, shape=[None, 100, 100, 3])
features1 = tf.layers.conv2d(image1, filters=32, kernel_size=3)
# Use the same convolution weights to process the second image
with tf.variable_scope(tf.get_variable_scope(), reuse=True):
    features2 = tf.layers.conv2d(image2, filters=32, kernel_size=3)   # FAILS
# ValueError: Variable conv2d_1/kernel does not exist, or was not created
# with tf.get_variable(). Did you mean to set reuse=tf.AUTO_REUSE in VarScope?
#
# The reporter's working variant (get_variable, shared by name):
#   conv1_weights = tf.get_variable('conv1_w', [3, 3, 3, 64])
#   features1 = tf.nn.conv2d(image1, conv1_weights, strides=[1, 1, 1, 1], padding='SAME')
#   with tf.variable_scope(tf.get_variable_scope(), reuse=True):
#       conv1_weights = tf.get_variable('conv1_w')
#       features2 = tf.nn.conv2d(image2, conv1_weights, strides=[1, 1, 1, 1], padding='SAME')
# Fix kept here (the example stays with tf.layers.conv2d): name both layers;
# the functional tf.layers.conv2d enters its name as a variable scope
# (layers/convolutional.py: Conv2D(..., name=name, _scope=name)), so the
# second call finds conv1/kernel:
#   features1 = tf.layers.conv2d(image1, filters=32, kernel_size=3, name='conv1')
#   with tf.variable_scope(tf.get_variable_scope(), reuse=True):
#       features2 = tf.layers.conv2d(image2, filters=32, kernel_size=3, name='conv1')
