# Source: https://github.com/guillaume-chevalier/seq2seq-signal-prediction/issues/10
#   ("Error when re-running training cell in notebook with TensorFlow
#   1.10.0"); fix: pull request #11 of the same repository.
# Raised when the "# Training loss and optimizer" cell runs a second time:
#   ValueError: Variable Optimizer/Seq2seq/basic_rnn_seq2seq/rnn/multi_rnn_cell/
#   cell_0/gru_cell/gates/kernel/RMSProp/ already exists, disallowed. Did you
#   mean to set reuse=True or reuse=tf.AUTO_REUSE in VarScope? Originally
#   defined at: File "<ipython-input-6-...>", line 20, in <module>
#   train_op = optimizer.minimize(loss)
# Excerpt of seq2seq.ipynb (as of 2018-10):
# cell 4
seq_length = 10; batch_size = 5; output_dim = input_dim = 2
hidden_dim = 12; layers_stacked_count = 2
learning_rate = 0.007; lr_decay = 0.92; momentum = 0.5; lambda_l2_reg = 0.003
# cell 6: tf.nn.seq2seq = tf.contrib.legacy_seq2seq; tf.nn.rnn_cell = tf.contrib.rnn
# cell 7
tf.reset_default_graph()
sess = tf.InteractiveSession()
with tf.variable_scope('Seq2seq'):
    enc_inp = [tf.placeholder(tf.float32, shape=(None, input_dim), name="inp_{}".format(t))
               for t in range(seq_length)]
    expected_sparse_output = [tf.placeholder(tf.float32, shape=(None, output_dim), name="expected_sparse_output_".format(t))
                              for t in range(seq_length)]
    dec_inp = [tf.zeros_like(enc_inp[0], dtype=np.float32, name="GO")] + enc_inp[:-1]
    cells = []
    for i in range(layers_stacked_count):
        with tf.variable_scope('RNN_{}'.format(i)):
            cells.append(tf.nn.rnn_cell.GRUCell(hidden_dim))
    cell = tf.nn.rnn_cell.MultiRNNCell(cells)
    dec_outputs, dec_memory = tf.nn.seq2seq.basic_rnn_seq2seq(enc_inp, dec_inp, cell)
    w_out = tf.Variable(tf.random_normal([hidden_dim, output_dim]))
    b_out = tf.Variable(tf.random_normal([output_dim]))
    output_scale_factor = tf.Variable(1.0, name="Output_ScaleFactor")
    reshaped_outputs = [output_scale_factor*(tf.matmul(i, w_out) + b_out) for i in dec_outputs]
# cell 8 (run twice)
with tf.variable_scope('Loss'):
    output_loss = 0
    for _y, _Y in zip(reshaped_outputs, expected_sparse_output):
        output_loss += tf.reduce_mean(tf.nn.l2_loss(_y - _Y))
    reg_loss = 0
    for tf_var in tf.trainable_variables():
        if not ("Bias" in tf_var.name or "Output_" in tf_var.name):
            reg_loss += tf.reduce_mean(tf.nn.l2_loss(tf_var))
    loss = output_loss + lambda_l2_reg * reg_loss
with tf.variable_scope('Optimizer'):
    optimizer = tf.train.RMSPropOptimizer(learning_rate, decay=lr_decay, momentum=momentum)
    train_op = optimizer.minimize(loss)          # FAILS the second time
#
# Fix (PR #11): "Adding reuse=tf.AUTO_REUSE to two calls in this cell":
#   with tf.variable_scope('Loss', reuse=tf.AUTO_REUSE):
#   with tf.variable_scope('Optimizer', reuse=tf.AUTO_REUSE):
