# Source: https://github.com/uclaacmai/Generative-Adversarial-Network-Tutorial/pull/3
#   ("change to be compatible with 1.0+"; its comments, and issue #5 there,
#   report that the change does not help), fixed by pull request #7
#   (2017-10, commit 3307a5b) and, for the last cell, #11 (2018-10).
# Raised (TF 1.0 .. 1.3):
#   ValueError: Variable d_wconv1/Adam/ does not exist, or was not created
#   with tf.get_variable(). Did you mean to set reuse=None in VarScope?
# Excerpt of "Generative Adversarial Networks Tutorial.ipynb" after #3:
def discriminator(x_image, reuse=False):
    if (reuse):
        tf.get_variable_scope().reuse_variables()
    W_conv1 = tf.get_variable('d_wconv1', [5, 5, 1, 8], initializer=tf.truncated_normal_initializer(stddev=0.02))
    b_conv1 = tf.get_variable('d_bconv1', [8], initializer=tf.constant_initializer(0))
    ...   # d_wconv2/d_bconv2, d_wfc1/d_bfc1 [7*7*16, 32], d_wfc2/d_bfc2 [32, 1]
def generator(z, batch_size, z_dim, reuse=False):
    if (reuse):
        tf.get_variable_scope().reuse_variables()
    g_dim = 64; c_dim = 1; s = 28
    s2, s4, s8, s16 = int(s/2), int(s/4), int(s/8), int(s/16)
    h0 = tf.reshape(z, [batch_size, s16+1, s16+1, 25])
    h0 = tf.nn.relu(h0)
    output1_shape = [batch_size, s8, s8, g_dim*4]
    W_conv1 = tf.get_variable('g_wconv1', [5, 5, output1_shape[-1], int(h0.get_shape()[-1])], ...)
    b_conv1 = tf.get_variable('g_bconv1', [output1_shape[-1]], ...)
    H_conv1 = tf.nn.conv2d_transpose(h0, W_conv1, output_shape=output1_shape, strides=[1, 2, 2, 1], padding='SAME') + b_conv1
    H_conv1 = tf.contrib.layers.batch_norm(inputs = H_conv1, center=True, scale=True, is_training=True, scope="g_bn1")
    ...   # g_wconv2 [.., s4-1, .., g_dim*2] + g_bn2, g_wconv3 [.., s2-2, .., g_dim] + g_bn3, g_wconv4 [.., s, s, c_dim]
    return H_conv4
# cell 37
sample_image = generator(z_test_placeholder, 1, z_dimensions)
# cell 44
batch_size = 16
tf.reset_default_graph()
x_placeholder = tf.placeholder("float", shape = [None,28,28,1])
z_placeholder = tf.placeholder(tf.float32, [None, z_dimensions])
# cell 46
Dx = discriminator(x_placeholder)
Gz = generator(z_placeholder, batch_size, z_dimensions)
Dg = discriminator(Gz, reuse=True)
# cells 48-53: losses; d_vars = [var for var in tvars if 'd_' in var.name], g_vars likewise
# cell 55 (pull request #3)
with tf.variable_scope(tf.get_variable_scope(),reuse=False):
    trainerD = tf.train.AdamOptimizer().minimize(d_loss, var_list=d_vars)     # FAILS
    trainerG = tf.train.AdamOptimizer().minimize(g_loss, var_list=g_vars)
# cell 61
sample_image = generator(z_placeholder, 1, z_dimensions)
#
# Fix, pull request #7 (commit 3307a5b): each network in its own scope, so
# that reuse_variables() switches on reuse there only; one optimizer:
#   def discriminator(x_image, reuse=False):
#       with tf.variable_scope('discriminator') as scope:
#           if (reuse):
#               tf.get_variable_scope().reuse_variables()
#           ...
#   def generator(z, batch_size, z_dim, reuse=False):
#       with tf.variable_scope('generator') as scope:
#           ...
#   adam = tf.train.AdamOptimizer()
#   trainerD = adam.minimize(d_loss, var_list=d_vars)
#   trainerG = adam.minimize(g_loss, var_list=g_vars)
# and pull request #11 (issue #8): the last cell samples with reuse=True:
#   sample_image = generator(z_placeholder, 1, z_dimensions, reuse=True)
