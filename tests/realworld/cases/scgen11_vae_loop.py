# Source: https://github.com/theislab/scgen/issues/11 ("ValueError: Variable
#   encoder/dense/kernel/Adam/ already exists if model is trained in a
#   loop"); fixed by commit 5e957f8 ("fixed #11") of 2019-10-02.
# The reporter's program (scgen 1.1.3):
for i in range(1, 3):
    data = pandas.DataFrame(np.random.random((i * 100, 50)))
    ...
    network = scgen.VAEArith(x_dimension=adata.shape[1],
                             model_path="./models/batch-" + str(i))      # FAILS (i == 2)
    network.train(train_data=adata, n_epochs=100)
    corrected_adata = scgen.batch_removal(network, adata)
# Raised: ValueError: Variable encoder/dense/kernel/Adam/ already exists,
#   disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in
#   VarScope?
# Excerpt of scgen/models/_vae.py (2019-09):
class VAEArith:
    def __init__(self, x_dimension, z_dimension=100, **kwargs):
        self.x_dim = x_dimension; self.z_dim = z_dimension
        self.learning_rate = kwargs.get("learning_rate", 0.001)
        self.dropout_rate = kwargs.get("dropout_rate", 0.2)
        self.alpha = kwargs.get("alpha", 0.00005)
        self.is_training = tf.placeholder(tf.bool, name='training_flag')
        self.x = tf.placeholder(tf.float32, shape=[None, self.x_dim], name="data")
        self.z = tf.placeholder(tf.float32, shape=[None, self.z_dim], name="latent")
        self.init_w = tf.contrib.layers.xavier_initializer()
        self._create_network()
        self._loss_function()
        ...
    def _encoder(self):
        with tf.variable_scope("encoder", reuse=tf.AUTO_REUSE):
            h = tf.layers.dense(inputs=self.x, units=800, kernel_initializer=self.init_w, use_bias=False)
            h = tf.layers.batch_normalization(h, axis=1, training=self.is_training)
            h = tf.nn.leaky_relu(h)
            h = tf.layers.dropout(h, self.dropout_rate, training=self.is_training)
            h = tf.layers.dense(inputs=h, units=800, kernel_initializer=self.init_w, use_bias=False)
            h = tf.layers.batch_normalization(h, axis=1, training=self.is_training)
            h = tf.nn.leaky_relu(h)
            h = tf.layers.dropout(h, self.dropout_rate, training=self.is_training)
            mean = tf.layers.dense(inputs=h, units=self.z_dim, kernel_initializer=self.init_w)
            log_var = tf.layers.dense(inputs=h, units=self.z_dim, kernel_initializer=self.init_w)
            return mean, log_var
    # _decoder: the same under "decoder" (AUTO_REUSE), dense 800, 800, x_dim
    def _loss_function(self):
        ...
        self.vae_loss = tf.reduce_mean(recon_loss + self.alpha * kl_loss)
        with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
            self.solver = tf.train.AdamOptimizer(learning_rate=self.learning_rate).minimize(self.vae_loss)
#
# Fix (commit 5e957f8): the first line of __init__ becomes
#   tf.reset_default_graph()
