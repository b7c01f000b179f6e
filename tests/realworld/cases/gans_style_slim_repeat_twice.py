# Source: https://github.com/llSourcell/GANS-for-style-transfer/issues/5
#   (open; no answer).  Program: demo2.ipynb (2017-05).
# Raised:
#   ValueError: Variable inference/Repeat/fully_connected_1/weights already
#   exists, disallowed. Did you mean to set reuse=True in VarScope?
#   ---> 14 rec_z = inference_network(p_x, latent_dim, n_layer_inf, n_hidden_inf, eps_dim )
# Excerpt (cells 2, 9, 10, 11; scoping lines):
batch_size = 64; input_dim = 2; latent_dim = 2; eps_dim = 2
n_layer_disc = 2; n_hidden_disc = 256; n_layer_gen = 2; n_hidden_gen = 256
n_layer_inf = 2; n_hidden_inf = 256
slim = tf.contrib.slim
def generative_network(z, input_dim, n_layer, n_hidden, eps_dim):
    with tf.variable_scope("generative"):
        h = z
        h = slim.repeat(h, n_layer, slim.fully_connected, n_hidden, activation_fn=tf.nn.relu)
        x = slim.fully_connected(h, input_dim, activation_fn=None, scope="p_x")
    return x
def inference_network(x, latent_dim, n_layer, n_hidden, eps_dim):
    with tf.variable_scope("inference"):
        h = x
        h = slim.repeat(h, n_layer, slim.fully_connected, n_hidden, activation_fn=tf.nn.relu)
        z = slim.fully_connected(h, latent_dim, activation_fn=None, scope="q_z")
    return z
def data_network_x(x, n_layers=2, n_hidden=256, activation_fn=None):
    h = tf.concat(x, 1)
    with tf.variable_scope('discriminator_x'):
        h = slim.repeat(h, n_layers, slim.fully_connected, n_hidden, activation_fn=tf.nn.relu)
        log_d = slim.fully_connected(h, 1, activation_fn=activation_fn)
    return tf.squeeze(log_d, squeeze_dims=[1])
# data_network_z: the same under 'discriminator_z'
tf.reset_default_graph()
x = tf.placeholder(tf.float32, shape=(batch_size, input_dim))
z = tf.placeholder(tf.float32, shape=(batch_size, latent_dim))
p_x = generative_network(z, input_dim , n_layer_gen, n_hidden_gen, eps_dim)
q_z = inference_network(x, latent_dim, n_layer_inf, n_hidden_inf, eps_dim)
decoder_logit_x = data_network_x(p_x, n_layers=n_layer_disc, n_hidden=n_hidden_disc)
encoder_logit_x = graph_replace(decoder_logit_x, {p_x: x})
decoder_logit_z = data_network_z(q_z, n_layers=n_layer_disc, n_hidden=n_hidden_disc)
encoder_logit_z = graph_replace(decoder_logit_z, {q_z: z})
...
rec_z = inference_network(p_x, latent_dim, n_layer_inf, n_hidden_inf, eps_dim )   # FAILS
rec_x = generative_network(q_z, input_dim , n_layer_gen, n_hidden_gen,  eps_dim )
...
qvars = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, "inference")
pvars = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, "generative")
dvars_x = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, "discriminator_x")
dvars_z = tf.get_collection(tf.GraphKeys.TRAINABLE_VARIABLES, "discriminator_z")
opt = tf.train.AdamOptimizer(1e-4, beta1=0.5)
train_gen_op =  opt.minimize(gen_loss, var_list=qvars + pvars)
train_disc_op = opt.minimize(disc_loss, var_list=dvars_x + dvars_z)
#
# Fix (ours: the issue has no answer): the reconstruction path must use the
# same two networks, so they take a reuse flag, True for rec_z and rec_x:
#   def inference_network(x, latent_dim, n_layer, n_hidden, eps_dim, reuse=None):
#       with tf.variable_scope("inference", reuse=reuse):
#   rec_z = inference_network(p_x, ..., reuse=True)
#   rec_x = generative_network(q_z, ..., reuse=True)
