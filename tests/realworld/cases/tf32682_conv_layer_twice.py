# Source: https://github.com/tensorflow/tensorflow/issues/32682
#   ("tf.keras.layers.Conv2D expected axis -1 of input shape to have value
#   3.", TF 1.14, 2019-09-20)
# Raised (the report's title; the traceback ends at the second call):
#   ValueError: ... expected axis -1 of input shape to have value 3 ...
#   ---> 20 conv1_2 = convLayer_32_3_3(conv1_1)
x = tf.placeholder(tf.float32, [None, 3072])
y = tf.placeholder(tf.int64, [None])

x_img = tf.reshape(x, [-1, 3, 32, 32])
x_img = tf.transpose(x_img, perm=[0, 2, 3, 1])

# Layers Class
convLayer_32_3_3 = tf.keras.layers.Conv2D(filters=32,
                                 kernel_size=(3, 3),
                                 strides=(1,1),
                                 padding='same',
                                 data_format='channels_last',
                                 activation=tf.nn.relu, name='convLayer_32_3_3')
maxPoolLayer_2_2 = tf.keras.layers.MaxPool2D(pool_size=(2, 2),
                                     strides=(2, 2),
                                     data_format='channels_last')

# conv1: feature_map
conv1_1 = convLayer_32_3_3(x_img)
conv1_2 = convLayer_32_3_3(conv1_1)          # FAILS
#
# Why: a layer object is built by its first call for that input's channel
# count (kernel (3, 3, 3, 32), input spec axis -1 == 3); a second call is
# the same layer with the same kernel, and its input has 32 channels.
# Fix (ours): one Conv2D object per convolution, e.g.
#   conv1_2 = tf.keras.layers.Conv2D(32, (3, 3), padding='same',
#                                    activation=tf.nn.relu, name='conv1_2')(conv1_1)
