# Source: https://github.com/carpedm20/DCGAN-tensorflow/issues/66
#   ("ValueError: Variable d_h0_conv/w/Adam/ does not exist", 2016-12-15,
#   TF 0.12, "when running on mnist dataset"; also tensorflow/tensorflow#6329
#   by the same reporter).  Program: model.py and ops.py of commit 9cb1951
#   (2016-12-21, the last before the fix), main.py's mnist branch.
# Raised (quoted from the report):
#   ValueError: Variable d_h0_conv/w/Adam/ does not exist, or was not
#   created with tf.get_variable(). Did you mean to set reuse=None in VarScope?
# ops.py
class batch_norm(object):
    def __init__(self, epsilon=1e-5, momentum = 0.9, name="batch_norm"):
        with tf.variable_scope(name):
            self.epsilon  = epsilon
            self.momentum = momentum
            self.name = name
    def __call__(self, x, train=True):
        return tf.contrib.layers.batch_norm(x, decay=self.momentum, updates_collections=None,
                                            epsilon=self.epsilon, scale=True, is_training=train,
                                            scope=self.name)
def conv2d(input_, output_dim, k_h=5, k_w=5, d_h=2, d_w=2, stddev=0.02, name="conv2d"):
    with tf.variable_scope(name):
        w = tf.get_variable('w', [k_h, k_w, input_.get_shape()[-1], output_dim],
                            initializer=tf.truncated_normal_initializer(stddev=stddev))
        conv = tf.nn.conv2d(input_, w, strides=[1, d_h, d_w, 1], padding='SAME')
        biases = tf.get_variable('biases', [output_dim], initializer=tf.constant_initializer(0.0))
        conv = tf.reshape(tf.nn.bias_add(conv, biases), conv.get_shape())
        return conv
# deconv2d: the same with w [k_h, k_w, output_shape[-1], input_.get_shape()[-1]]
#   (random_normal) and tf.nn.conv2d_transpose; linear(input_, output_size,
#   scope): variable_scope(scope or "Linear"), Matrix [shape[1], output_size],
#   bias [output_size]; conv_cond_concat(x, y): concat on axis 3 with y tiled.
# model.py (y_dim branch: main.py's mnist run is DCGAN(sess, batch_size=64,
#   y_dim=10, output_size=28, c_dim=1, ...))
    def build_model(self):
        self.y = tf.placeholder(tf.float32, [self.batch_size, self.y_dim], name='y')
        self.images = tf.placeholder(tf.float32, [self.batch_size] + [self.output_size, self.output_size, self.c_dim], name='real_images')
        self.sample_images = tf.placeholder(...)
        self.z = tf.placeholder(tf.float32, [None, self.z_dim], name='z')
        self.G = self.generator(self.z, self.y)
        self.D, self.D_logits  = self.discriminator(self.images, self.y, reuse=False)
        self.sampler = self.sampler(self.z, self.y)
        self.D_, self.D_logits_ = self.discriminator(self.G, self.y, reuse=True)
        ... losses ...
        t_vars = tf.trainable_variables()
        self.d_vars = [var for var in t_vars if 'd_' in var.name]
        self.g_vars = [var for var in t_vars if 'g_' in var.name]
    def train(self, config):
        d_optim = tf.train.AdamOptimizer(config.learning_rate, beta1=config.beta1) \
                          .minimize(self.d_loss, var_list=self.d_vars)          # FAILS
        g_optim = tf.train.AdamOptimizer(config.learning_rate, beta1=config.beta1) \
                          .minimize(self.g_loss, var_list=self.g_vars)
    def discriminator(self, image, y=None, reuse=False):
        if reuse:
            tf.get_variable_scope().reuse_variables()
        yb = tf.reshape(y, [self.batch_size, 1, 1, self.y_dim])
        x = conv_cond_concat(image, yb)
        h0 = lrelu(conv2d(x, self.c_dim + self.y_dim, name='d_h0_conv'))
        h0 = conv_cond_concat(h0, yb)
        h1 = lrelu(self.d_bn1(conv2d(h0, self.df_dim + self.y_dim, name='d_h1_conv')))
        h1 = tf.reshape(h1, [self.batch_size, -1])
        h1 = tf.concat(1, [h1, y])
        h2 = lrelu(self.d_bn2(linear(h1, self.dfc_dim, 'd_h2_lin')))
        h2 = tf.concat(1, [h2, y])
        h3 = linear(h2, 1, 'd_h3_lin')
        return tf.nn.sigmoid(h3), h3
    def generator(self, z, y=None):
        s = self.output_size
        s2, s4 = int(s/2), int(s/4)
        yb = tf.reshape(y, [self.batch_size, 1, 1, self.y_dim])
        z = tf.concat(1, [z, y])
        h0 = tf.nn.relu(self.g_bn0(linear(z, self.gfc_dim, 'g_h0_lin')))
        h0 = tf.concat(1, [h0, y])
        h1 = tf.nn.relu(self.g_bn1(linear(h0, self.gf_dim*2*s4*s4, 'g_h1_lin')))
        h1 = tf.reshape(h1, [self.batch_size, s4, s4, self.gf_dim * 2])
        h1 = conv_cond_concat(h1, yb)
        h2 = tf.nn.relu(self.g_bn2(deconv2d(h1, [self.batch_size, s2, s2, self.gf_dim * 2], name='g_h2')))
        h2 = conv_cond_concat(h2, yb)
        return tf.nn.sigmoid(deconv2d(h2, [self.batch_size, s, s, self.c_dim], name='g_h3'))
    def sampler(self, z, y=None):
        tf.get_variable_scope().reuse_variables()
        ... the generator's layers again (g_bn1, g_bn2 with train=False) ...
#
# Fix (commit 6c2a0ca, "fix legacy and training erros fix #66, #62"):
#   discriminator, generator and sampler each run inside their own scope,
#     with tf.variable_scope("discriminator") as scope:
#         if reuse:
#             scope.reuse_variables()
#     with tf.variable_scope("generator") as scope:           # generator
#     with tf.variable_scope("generator") as scope:           # sampler
#         scope.reuse_variables()
#   so reuse ends with each scope and the optimizers create
#   discriminator/d_h0_conv/w/Adam ... at the root.
