# Source: https://github.com/hill-a/stable-baselines/issues/538 ("[Bug]
#   Unable to pretrain a model with dataset twice"); confirmed by the
#   maintainer, never fixed in stable-baselines 2 (a pull request was asked
#   for).  Code as of 2019-11 (commit a71f9db).
# The report:
model.pretrain(dataset, n_epochs=10)
# some code that changes values in the dataset
model.pretrain(dataset, n_epochs=10)
# Raised:
#   ValueError: Variable pretrain/model/pi_fc0/w/Adam/ already exists,
#   disallowed. Did you mean to set reuse=True or reuse=tf.AUTO_REUSE in
#   VarScope? Originally defined at:
#   File ".../stable_baselines/common/base_class.py", line 266, in pretrain
#     optim_op = optimizer.minimize(loss, var_list=self.params)
# Excerpt:
# common/base_class.py, BaseRLModel.pretrain
        with self.graph.as_default():
            with tf.variable_scope('pretrain'):
                if continuous_actions:
                    obs_ph, actions_ph, deterministic_actions_ph = self._get_pretrain_placeholders()
                    loss = tf.reduce_mean(tf.square(actions_ph - deterministic_actions_ph))
                ...
                optimizer = tf.train.AdamOptimizer(learning_rate=learning_rate, epsilon=adam_epsilon)
                optim_op = optimizer.minimize(loss, var_list=self.params)          # FAILS (2nd call)
            self.sess.run(tf.global_variables_initializer())
# a2c/utils.py
def linear(input_tensor, scope, n_hidden, *, init_scale=1.0, init_bias=0.0):
    with tf.variable_scope(scope):
        n_input = input_tensor.get_shape()[1].value
        weight = tf.get_variable("w", [n_input, n_hidden], initializer=ortho_init(init_scale))
        bias = tf.get_variable("b", [n_hidden], initializer=tf.constant_initializer(init_bias))
        return tf.matmul(input_tensor, weight) + bias
# common/policies.py: mlp_extractor (net_arch [dict(vf=[64, 64], pi=[64, 64])], tanh):
#     latent_policy = act_fun(linear(latent_policy, "pi_fc{}".format(idx), pi_layer_size, init_scale=np.sqrt(2)))
#     latent_value = act_fun(linear(latent_value, "vf_fc{}".format(idx), vf_layer_size, init_scale=np.sqrt(2)))
# FeedForwardPolicy.__init__:
#     with tf.variable_scope("model", reuse=reuse):
#         pi_latent, vf_latent = mlp_extractor(tf.layers.flatten(self.processed_obs), net_arch, act_fun)
#         self._value_fn = linear(vf_latent, 'vf', 1)
#         self._proba_distribution, self._policy, self.q_value = \
#             self.pdtype.proba_distribution_from_latent(pi_latent, vf_latent, init_scale=0.01)
# common/distributions.py, DiagGaussianProbabilityDistributionType:
#     mean = linear(pi_latent_vector, 'pi', self.size, init_scale=init_scale, init_bias=init_bias)
#     logstd = tf.get_variable(name='pi/logstd', shape=[1, self.size], initializer=tf.zeros_initializer())
#     q_values = linear(vf_latent_vector, 'q', self.size, init_scale=init_scale, init_bias=init_bias)
# ppo2/ppo2.py, setup_model:
#     act_model = self.policy(self.sess, self.observation_space, self.action_space, self.n_envs, 1, n_batch_step, reuse=False, **self.policy_kwargs)
#     with tf.variable_scope("train_model", reuse=True, custom_getter=tf_util.outer_scope_getter("train_model")):
#         train_model = self.policy(...)
#     with tf.variable_scope("loss", reuse=False):
#         ...
#         self.params = tf_util.get_trainable_vars("model")
#         grads = tf.gradients(loss, self.params) ...
#     trainer = tf.train.AdamOptimizer(learning_rate=self.learning_rate_ph, epsilon=1e-5)
#     self._train = trainer.apply_gradients(grads)
#
# Fix (ours; none upstream): reuse=tf.AUTO_REUSE on the 'pretrain' scope, so
# that a second pretrain() shares the slots the first one made.
