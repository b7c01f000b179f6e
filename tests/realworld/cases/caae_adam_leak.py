# Source: https://github.com/ZZUTK/Face-Aging-CAAE/issues/4 (and #2, with the
#   traceback; ExprGAN#7, a fork, fails the same way).  Program: FaceAging.py
#   and ops.py at commit 0547a9c (2017-04; "tested on r0.12"), run on TF 1.x.
# Raised (traceback of #2: FaceAging.py line 224, var_list=self.E_variables +
#   self.G_variables, in minimize -> apply_gradients -> adam._create_slots):
#   ValueError: Variable E_conv0/w/Adam/ does not exist, or was not created
#   with tf.get_variable(). Did you mean to set reuse=None in VarScope?
# Excerpt (scoping lines):
class FaceAging(object):
    def __init__(self, session, size_image=128, size_kernel=5, size_batch=100,
                 num_input_channels=3, num_encoder_channels=64, num_z_channels=50,
                 num_categories=10, num_gen_channels=1024, enable_tile_label=True,
                 tile_ratio=1.0, is_training=True, ...):
        ...
        self.z = self.encoder(image=self.input_image)
        self.G = self.generator(z=self.z, y=self.age, gender=self.gender, ...)
        self.D_z, self.D_z_logits = self.discriminator_z(z=self.z, is_training=self.is_training)
        self.D_G, self.D_G_logits = self.discriminator_img(image=self.G, y=self.age, gender=self.gender, is_training=self.is_training)
        self.D_z_prior, self.D_z_prior_logits = self.discriminator_z(z=self.z_prior, is_training=self.is_training, reuse_variables=True)
        self.D_input, self.D_input_logits = self.discriminator_img(image=self.input_image, y=self.age, gender=self.gender, is_training=self.is_training, reuse_variables=True)
        ...  # losses
        trainable_variables = tf.trainable_variables()
        self.E_variables = [var for var in trainable_variables if 'E_' in var.name]
        self.G_variables = [var for var in trainable_variables if 'G_' in var.name]
        self.D_z_variables = [var for var in trainable_variables if 'D_z_' in var.name]
        self.D_img_variables = [var for var in trainable_variables if 'D_img_' in var.name]
    def train(self, num_epochs=200, learning_rate=0.0002, beta1=0.5, ...):
        ...
        self.EG_global_step = tf.Variable(0, trainable=False, name='global_step')
        EG_learning_rate = tf.train.exponential_decay(...)
        self.EG_optimizer = tf.train.AdamOptimizer(learning_rate=EG_learning_rate, beta1=beta1
            ).minimize(loss=self.loss_EG, global_step=self.EG_global_step,
                       var_list=self.E_variables + self.G_variables)          # FAILS
        self.D_z_optimizer = tf.train.AdamOptimizer(...).minimize(loss=self.loss_Dz, var_list=self.D_z_variables)
        self.D_img_optimizer = tf.train.AdamOptimizer(...).minimize(loss=self.loss_Di, var_list=self.D_img_variables)
    def encoder(self, image, reuse_variables=False):
        if reuse_variables:
            tf.get_variable_scope().reuse_variables()
        num_layers = int(np.log2(self.size_image)) - int(self.size_kernel / 2)
        for i in range(num_layers):
            current = conv2d(input_map=current, num_output_channels=self.num_encoder_channels * (2 ** i), size_kernel=self.size_kernel, name='E_conv' + str(i))
            current = tf.nn.relu(current)
        current = fc(input_vector=tf.reshape(current, [self.size_batch, -1]), num_output_length=self.num_z_channels, name='E_fc')
        return tf.nn.tanh(current)
    # generator: G_fc, then deconv2d G_deconv0 .. G_deconv6 (same pattern)
    def discriminator_z(self, z, is_training=True, reuse_variables=False, num_hidden_layer_channels=(64, 32, 16)):
        if reuse_variables:
            tf.get_variable_scope().reuse_variables()
        for i in range(len(num_hidden_layer_channels)):
            current = fc(input_vector=current, num_output_length=num_hidden_layer_channels[i], name='D_z_fc' + str(i))
            current = tf.contrib.layers.batch_norm(current, scale=False, is_training=is_training, scope='D_z_bn' + str(i), reuse=reuse_variables)
            ...
    # discriminator_img: conv2d D_img_conv0..3 + batch_norm D_img_bn0..3 (reuse=reuse_variables),
    # labels concatenated after layer 0, fc D_img_fc1, D_img_fc2
# ops.py
def conv2d(input_map, num_output_channels, size_kernel=5, stride=2, name='conv2d'):
    with tf.variable_scope(name):
        kernel = tf.get_variable(name='w', shape=[size_kernel, size_kernel, input_map.get_shape()[-1], num_output_channels], ...)
        biases = tf.get_variable(name='b', shape=[num_output_channels], ...)
def fc(input_vector, num_output_length, name='fc'):
    with tf.variable_scope(name):
        w = tf.get_variable(name='w', shape=[input_vector.get_shape()[1], num_output_length], ...)
        b = tf.get_variable(name='b', shape=[num_output_length], ...)
# deconv2d: w [k, k, output_shape[-1], input_map.get_shape()[-1]], b
#
# Fix (the author's TF 1.7 version of 2018-04-20, FaceAging.py): the three
# optimizers are built inside
#   with tf.variable_scope('opt', reuse=tf.AUTO_REUSE):
# (an AUTO_REUSE child of a reusing scope is AUTO_REUSE: the slots are
# created, as opt/E_conv0/w/Adam ...).
