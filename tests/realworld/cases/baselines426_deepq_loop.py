# Source: https://github.com/openai/baselines/issues/426 ("deepq training
#   breaks on loops"), baselines as of 2018-06 (commit 36ee5d1).
# The reporter loops a hyper-parameter search over deepq.learn; on the
# second iteration:
#   File "train_blindfind_multi.py", line 46, in <module>: main(lr, exp_frac)
#   File ".../deepq/simple.py", line 189, in learn
#   File ".../deepq/build_graph.py", line 376, in build_train
#     act_f = build_act(make_obs_ph, q_func, num_actions, scope=scope, reuse=reuse)
#   File ".../deepq/build_graph.py", line 181, in build_act
#     eps = tf.get_variable("eps", (), initializer=tf.constant_initializer(0))
#   ValueError: Variable deepq/eps already exists, disallowed. ...
#   (the traceback in the report stops in variable_scope.py; the message is
#   TF's for an existing variable with reuse off)
# Excerpt:
# deepq/build_graph.py
def build_act(make_obs_ph, q_func, num_actions, scope="deepq", reuse=None):
    with tf.variable_scope(scope, reuse=reuse):
        observations_ph = make_obs_ph("observation")
        stochastic_ph = tf.placeholder(tf.bool, (), name="stochastic")
        update_eps_ph = tf.placeholder(tf.float32, (), name="update_eps")
        eps = tf.get_variable("eps", (), initializer=tf.constant_initializer(0))   # FAILS (2nd iteration)
        q_values = q_func(observations_ph.get(), num_actions, scope="q_func")
        ...
def build_train(make_obs_ph, q_func, num_actions, optimizer, grad_norm_clipping=None, gamma=1.0,
                double_q=True, scope="deepq", reuse=None, param_noise=False, param_noise_filter_func=None):
    act_f = build_act(make_obs_ph, q_func, num_actions, scope=scope, reuse=reuse)
    with tf.variable_scope(scope, reuse=reuse):
        obs_t_input = make_obs_ph("obs_t")
        ...
        obs_tp1_input = make_obs_ph("obs_tp1")
        ...
        q_t = q_func(obs_t_input.get(), num_actions, scope="q_func", reuse=True)  # reuse parameters from act
        q_func_vars = tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, scope=tf.get_variable_scope().name + "/q_func")
        q_tp1 = q_func(obs_tp1_input.get(), num_actions, scope="target_q_func")
        target_q_func_vars = tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES, scope=tf.get_variable_scope().name + "/target_q_func")
        ...
        if double_q:
            q_tp1_using_online_net = q_func(obs_tp1_input.get(), num_actions, scope="q_func", reuse=True)
        ...
        gradients = optimizer.compute_gradients(weighted_error, var_list=q_func_vars)   # grad_norm_clipping=10
        ...
        optimize_expr = optimizer.apply_gradients(gradients)
        ...
# deepq/models.py
def _mlp(hiddens, inpt, num_actions, scope, reuse=False, layer_norm=False):
    with tf.variable_scope(scope, reuse=reuse):
        out = inpt
        for hidden in hiddens:
            out = layers.fully_connected(out, num_outputs=hidden, activation_fn=None)
            out = tf.nn.relu(out)
        q_out = layers.fully_connected(out, num_outputs=num_actions, activation_fn=None)
        return q_out
def mlp(hiddens=[], layer_norm=False):
    return lambda *args, **kwargs: _mlp(hiddens, layer_norm=layer_norm, *args, **kwargs)
# deepq/simple.py, learn(env, q_func, lr=5e-4, ...):
#     sess = tf.Session(); sess.__enter__()
#     act, train, update_target, debug = deepq.build_train(make_obs_ph=make_obs_ph,
#         q_func=q_func, num_actions=env.action_space.n,
#         optimizer=tf.train.AdamOptimizer(learning_rate=lr), gamma=gamma,
#         grad_norm_clipping=10, param_noise=param_noise)
#
# Fix (the thread): give each iteration its own graph,
#   with tf.Graph().as_default():
#       deepq.learn(...)
