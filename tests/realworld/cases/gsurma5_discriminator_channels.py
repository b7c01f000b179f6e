# Source: https://github.com/gsurma/image_generator/issues/5 ("Issue with
#   running notebook", 2019-08-27); the notebook ImageGeneratorDCGAN.ipynb of
#   gsurma/image_generator (unchanged since 2019-03-01).
# Raised (quoted from the report):
#   ValueError: Trying to share variable discriminator/conv1/kernel, but
#   specified shape (5, 5, 3, 64) and found shape (5, 5, 4, 64).
#   ---> 11     train(get_batches(input_images), input_images.shape)
#   ----> 3     d_loss, g_loss = model_loss(input_images, input_z, data_shape[3])
#   ---> 10     d_model_fake, d_logits_fake = discriminator(g_model, reuse=True)
#   <ipython-input-3-...> in discriminator(x, reuse)
#         9                                  padding="SAME",
#        10                                  kernel_i...
# Excerpt (cells 1-5, 10, 12, 13):
def generator(z, output_channel_dim, training):
    with tf.variable_scope("generator", reuse= not training):
        fully_connected = tf.layers.dense(z, 8*8*1024)
        fully_connected = tf.reshape(fully_connected, (-1, 8, 8, 1024))
        fully_connected = tf.nn.leaky_relu(fully_connected)
        trans_conv1 = tf.layers.conv2d_transpose(inputs=fully_connected, filters=512, kernel_size=[5,5],
                                                 strides=[2,2], padding="SAME",
                                                 kernel_initializer=tf.truncated_normal_initializer(stddev=WEIGHT_INIT_STDDEV),
                                                 name="trans_conv1")
        batch_trans_conv1 = tf.layers.batch_normalization(inputs = trans_conv1, training=training,
                                                          epsilon=EPSILON, name="batch_trans_conv1")
        trans_conv1_out = tf.nn.leaky_relu(batch_trans_conv1, name="trans_conv1_out")
        # ... trans_conv2 (256), trans_conv3 (128), trans_conv4 (64), each with its batch norm
        # 128x128x64 -> 128x128x3
        logits = tf.layers.conv2d_transpose(inputs=trans_conv4_out, filters=3, kernel_size=[5,5],
                                            strides=[1,1], padding="SAME", ..., name="logits")
        out = tf.tanh(logits, name="out")
        return out

def discriminator(x, reuse):
    with tf.variable_scope("discriminator", reuse=reuse):
        # 128*128*3 -> 64x64x64
        conv1 = tf.layers.conv2d(inputs=x, filters=64, kernel_size=[5,5], strides=[2,2],
                                 padding="SAME",
                                 kernel_initializer=tf.truncated_normal_initializer(stddev=WEIGHT_INIT_STDDEV),
                                 name='conv1')                                  # FAILS (2nd call)
        batch_norm1 = tf.layers.batch_normalization(conv1, training=True, epsilon=EPSILON, name='batch_norm1')
        conv1_out = tf.nn.leaky_relu(batch_norm1, name="conv1_out")
        # ... conv2 (128), conv3 (256), conv4 (512, stride 1), conv5 (1024), each with its batch norm
        flatten = tf.reshape(conv5_out, (-1, 8*8*1024))
        logits = tf.layers.dense(inputs=flatten, units=1, activation=None)
        out = tf.sigmoid(logits)
        return out, logits

def model_loss(input_real, input_z, output_channel_dim):
    g_model = generator(input_z, output_channel_dim, True)
    noisy_input_real = input_real + tf.random_normal(shape=tf.shape(input_real), mean=0.0,
                                                     stddev=random.uniform(0.0, 0.1), dtype=tf.float32)
    d_model_real, d_logits_real = discriminator(noisy_input_real, reuse=False)
    d_model_fake, d_logits_fake = discriminator(g_model, reuse=True)
    d_loss_real = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(logits=d_logits_real, labels=...))
    d_loss_fake = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(logits=d_logits_fake, labels=...))
    d_loss = tf.reduce_mean(0.5 * (d_loss_real + d_loss_fake))
    g_loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(logits=d_logits_fake, labels=...))
    return d_loss, g_loss

def model_optimizers(d_loss, g_loss):
    t_vars = tf.trainable_variables()
    g_vars = [var for var in t_vars if var.name.startswith("generator")]
    d_vars = [var for var in t_vars if var.name.startswith("discriminator")]
    update_ops = tf.get_collection(tf.GraphKeys.UPDATE_OPS)
    gen_updates = [op for op in update_ops if op.name.startswith('generator')]
    with tf.control_dependencies(gen_updates):
        d_train_opt = tf.train.AdamOptimizer(learning_rate=LR_D, beta1=BETA1).minimize(d_loss, var_list=d_vars)
        g_train_opt = tf.train.AdamOptimizer(learning_rate=LR_G, beta1=BETA1).minimize(g_loss, var_list=g_vars)
    return d_train_opt, g_train_opt

def model_inputs(real_dim, z_dim):
    inputs_real = tf.placeholder(tf.float32, (None, *real_dim), name='inputs_real')
    inputs_z = tf.placeholder(tf.float32, (None, z_dim), name="input_z")
    learning_rate_G = tf.placeholder(tf.float32, name="lr_g")
    learning_rate_D = tf.placeholder(tf.float32, name="lr_d")
    return inputs_real, inputs_z, learning_rate_G, learning_rate_D

def train(get_batches, data_shape, checkpoint_to_load=None):
    input_images, input_z, lr_G, lr_D = model_inputs(data_shape[1:], NOISE_SIZE)
    d_loss, g_loss = model_loss(input_images, input_z, data_shape[3])
    d_opt, g_opt = model_optimizers(d_loss, g_loss)
    ...

IMAGE_SIZE = 128; NOISE_SIZE = 100; LR_D = 0.00004; LR_G = 0.0004; BETA1 = 0.5
WEIGHT_INIT_STDDEV = 0.02; EPSILON = 0.00005
input_images = np.asarray([np.asarray(Image.open(file).resize((IMAGE_SIZE, IMAGE_SIZE)))
                           for file in glob(INPUT_DATA_DIR + '*')])
with tf.Graph().as_default():
    train(get_batches(input_images), input_images.shape)
#
# Why: the reporter's images are RGBA PNGs, so input_images.shape is
# (N, 128, 128, 4): the real images have 4 channels, the generator's
# output 3 (its last layer has filters=3; output_channel_dim is unused).
# The discriminator's second call shares discriminator/conv1/kernel,
# built (5, 5, 4, 64) by the first.
# Fix (ours; the thread has none we can read): load the images as RGB,
#   Image.open(file).convert('RGB').resize(...), so that data_shape[3] is 3.
