# Source: https://github.com/tensorflow/tensorflow/issues/10731
#   ("scope reuse problem variable not exist for using Dense (in
#   contrib.seq2seq.attention_wrapper)"), TF 1.2.0-rc0.
from tensorflow.python.layers import core as layers_core
input = tf.constant([[1,2,3], [4,5,6]], dtype=tf.float32)
with tf.variable_scope('main') as scope:
    memory_layer = layers_core.Dense(10, name="memory_layer", use_bias=False)
    x = memory_layer(input)
    scope.reuse_variables()
    memory_layer = layers_core.Dense(10, name="memory_layer", use_bias=False)
    y = memory_layer(input)          # FAILS
# ValueError: Variable main/memory_layer_1/kernel does not exist, or was not
# created with tf.get_variable(). Did you mean to set reuse=None in VarScope?
#
# Workaround in the report: Dense(10, _scope="memory_layer", ...) (a private
# argument).  The public way: build the layer object once and call it
# twice; the second call shares its variables without any reuse flag.
