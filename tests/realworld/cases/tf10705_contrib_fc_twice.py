# Source: https://github.com/tensorflow/tensorflow/issues/10705
#   ("undocumented change in variable scope from tf 1.0.1 to tf 1.1.0"),
#   comment of hyunjik11, 2017-06-15:
def build_dnn(input):
    output = tf.contrib.layers.fully_connected(inputs=input, num_outputs=3, reuse=None, scope='DNN')
    return output
# "in tensorflow 1.1.0, calling build_dnn twice will give me the following error":
#   ValueError: Variable DNN/weights already exists, disallowed. Did you mean
#   to set reuse=True in VarScope?
# (and with reuse=True, the first call fails: the variables do not exist yet)
#
# Fix (lukaszkaiser, same thread): "Just add the reuse parameter to your
# build_dnn function, and call it with "None" first time and with "True"
# the other one."
#   def build_dnn(input, reuse=None):
#       return tf.contrib.layers.fully_connected(inputs=input, num_outputs=3, reuse=reuse, scope='DNN')
#   build_dnn(x); build_dnn(x, reuse=True)
