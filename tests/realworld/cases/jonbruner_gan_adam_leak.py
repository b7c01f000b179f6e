# Source: https://github.com/jonbruner/generative-adversarial-networks/issues/1
# Program: gan-script.py at commit 27e998e (2017-06-01), TF 1.0/1.1.
# Excerpt: only the lines that matter to scoping; "..." marks what is left
# out (the layers in between follow the same pattern).
# Raised (report: gan-script.py, line 131, d_trainer_fake = ...):
#   ValueError: Variable d_w1/Adam/ does not exist, or was not created with
#   tf.get_variable(). Did you mean to set reuse=None in VarScope?

def discriminator(images, reuse=False):
    if (reuse):
        tf.get_variable_scope().reuse_variables()
    d_w1 = tf.get_variable('d_w1', [5, 5, 1, 32], initializer=...)
    d_b1 = tf.get_variable('d_b1', [32], initializer=...)
    d1 = tf.nn.conv2d(input=images, filter=d_w1, strides=[1, 1, 1, 1], padding='SAME')
    ...                      # d_w2/d_b2 conv, avg_pool; d_w3/d_b3, d_w4/d_b4 dense
    return d4

def generator(z, batch_size, z_dim):
    g_w1 = tf.get_variable('g_w1', [z_dim, 3136], ...)
    g_b1 = tf.get_variable('g_b1', [3136], ...)
    g1 = tf.matmul(z, g_w1) + g_b1
    g1 = tf.reshape(g1, [-1, 56, 56, 1])
    g1 = tf.contrib.layers.batch_norm(g1, epsilon=1e-5, scope='bn1')
    ...                      # g_w2..g_w4 convs, batch_norm 'bn2', 'bn3'
    return g4

Gz = generator(z_placeholder, batch_size, z_dimensions)
Dx = discriminator(x_placeholder)
Dg = discriminator(Gz, reuse=True)
d_loss_real = ...; d_loss_fake = ...; g_loss = ...
tvars = tf.trainable_variables()
d_vars = [var for var in tvars if 'd_' in var.name]
g_vars = [var for var in tvars if 'g_' in var.name]
with tf.variable_scope(tf.get_variable_scope(), reuse=False) as scope:
    d_trainer_fake = tf.train.AdamOptimizer(0.0003).minimize(d_loss_fake, var_list=d_vars)   # FAILS
    d_trainer_real = tf.train.AdamOptimizer(0.0003).minimize(d_loss_real, var_list=d_vars)
    g_trainer = tf.train.AdamOptimizer(0.0001).minimize(g_loss, var_list=g_vars)

# Fix (the author's commits ec7d59e..b3e0392, 2017-06-07, "Fix variable
# scoping for v1.1.0"):
#   def discriminator(images, reuse_variables=None):
#       with tf.variable_scope(tf.get_variable_scope(), reuse=reuse_variables) as scope:
#           ...  (same body)
#   Dg = discriminator(Gz, reuse_variables=True)
#   d_trainer_fake = tf.train.AdamOptimizer(0.0003).minimize(d_loss_fake, var_list=d_vars)
#   ...  (the reuse=False wrapper removed)
#   tf.get_variable_scope().reuse_variables()      # after the optimizers
#   images_for_tensorboard = generator(z_placeholder, batch_size, z_dimensions)
