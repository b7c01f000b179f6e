# Source: https://github.com/carpedm20/DCGAN-tensorflow/issues/178
#   (same failure: #167, #186, and LeeDoYup/AnoGAN-tf#4 in a fork)
# Raised (from model.py build_model -> discriminator -> ops.py linear):
#   ValueError: Trying to share variable discriminator/d_h3_lin/Matrix, but
#   specified shape (8192, 1) and found shape (25088, 1).
# Cause (the thread): the command line; python main.py --dataset ... --train
#   without --crop: real images stay input_height=108 pixels while the
#   generator makes output_height=64 ones.  "it was the input command in my
#   case ... I didn't set the train and crop flags"; "the size of input and
#   output must be the same".
# Excerpt of model.py / ops.py (mid-2017), scoping lines only:

# ops.py
class batch_norm(object):
  def __init__(self, epsilon=1e-5, momentum=0.9, name="batch_norm"):
    with tf.variable_scope(name):
      self.epsilon = epsilon; self.momentum = momentum; self.name = name
  def __call__(self, x, train=True):
    return tf.contrib.layers.batch_norm(x, decay=self.momentum, updates_collections=None,
        epsilon=self.epsilon, scale=True, is_training=train, scope=self.name)

def conv2d(input_, output_dim, k_h=5, k_w=5, d_h=2, d_w=2, stddev=0.02, name="conv2d"):
  with tf.variable_scope(name):
    w = tf.get_variable('w', [k_h, k_w, input_.get_shape()[-1], output_dim], ...)
    conv = tf.nn.conv2d(input_, w, strides=[1, d_h, d_w, 1], padding='SAME')
    biases = tf.get_variable('biases', [output_dim], ...)
    ...

def linear(input_, output_size, scope=None, stddev=0.02, bias_start=0.0, with_w=False):
  shape = input_.get_shape().as_list()
  with tf.variable_scope(scope or "Linear"):
    matrix = tf.get_variable("Matrix", [shape[1], output_size], tf.float32, ...)
    bias = tf.get_variable("bias", [output_size], ...)
    ...

# model.py
  def build_model(self):
    if self.crop:
      image_dims = [self.output_height, self.output_width, self.c_dim]
    else:
      image_dims = [self.input_height, self.input_width, self.c_dim]
    self.inputs = tf.placeholder(tf.float32, [self.batch_size] + image_dims, name='real_images')
    ...
    self.G = self.generator(self.z, self.y)
    self.D, self.D_logits = self.discriminator(inputs, self.y, reuse=False)
    self.sampler = self.sampler(self.z, self.y)
    self.D_, self.D_logits_ = self.discriminator(self.G, self.y, reuse=True)   # FAILS

  def discriminator(self, image, y=None, reuse=False):
    with tf.variable_scope("discriminator") as scope:
      if reuse:
        scope.reuse_variables()
      h0 = lrelu(conv2d(image, self.df_dim, name='d_h0_conv'))
      h1 = lrelu(self.d_bn1(conv2d(h0, self.df_dim*2, name='d_h1_conv')))
      h2 = lrelu(self.d_bn2(conv2d(h1, self.df_dim*4, name='d_h2_conv')))
      h3 = lrelu(self.d_bn3(conv2d(h2, self.df_dim*8, name='d_h3_conv')))
      h4 = linear(tf.reshape(h3, [self.batch_size, -1]), 1, 'd_h3_lin')
      return tf.nn.sigmoid(h4), h4

  def generator(self, z, y=None):
    with tf.variable_scope("generator") as scope:
      s_h, s_w = self.output_height, self.output_width
      ...  # s_h2 .. s_h16 = conv_out_size_same(...)
      self.z_, self.h0_w, self.h0_b = linear(z, self.gf_dim*8*s_h16*s_w16, 'g_h0_lin', with_w=True)
      self.h0 = tf.reshape(self.z_, [-1, s_h16, s_w16, self.gf_dim * 8])
      h0 = tf.nn.relu(self.g_bn0(self.h0))
      ...  # deconv2d g_h1 .. g_h4 with g_bn1 .. g_bn3
      return tf.nn.tanh(h4)

  # sampler(): the generator again under scope.reuse_variables(), train=False

# main.py defaults: input_height 108, output_height 64, batch_size 64,
# crop False.  Fix: run with --crop (or input size = output size).
