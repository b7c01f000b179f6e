# Source: https://github.com/LouisScorpio/datamining/issues/5
#   ("your code cannot work"; also #4 there), program
#   tensorflow-program/rnn/stock_predict/stock_predict_2.py (2017-04).
# Raised: ValueError: Variable rnn/basic_lstm_cell/weights already exists,
#   disallowed. Did you mean to set reuse=True in VarScope
# The author's answer: "可以设置reuse=True，也可以训练和预测分开进行" (set
#   reuse=True, or run training and prediction separately).
# Excerpt (scoping lines; data loading, session and plotting left out):
rnn_unit=10; input_size=7; output_size=1; lr=0.0006
weights={'in':tf.Variable(tf.random_normal([input_size,rnn_unit])),
         'out':tf.Variable(tf.random_normal([rnn_unit,1]))}
biases={'in':tf.Variable(tf.constant(0.1,shape=[rnn_unit,])),
        'out':tf.Variable(tf.constant(0.1,shape=[1,]))}
def lstm(X):
    batch_size=tf.shape(X)[0]
    time_step=tf.shape(X)[1]
    w_in=weights['in']; b_in=biases['in']
    input=tf.reshape(X,[-1,input_size])
    input_rnn=tf.matmul(input,w_in)+b_in
    input_rnn=tf.reshape(input_rnn,[-1,time_step,rnn_unit])
    cell=tf.nn.rnn_cell.BasicLSTMCell(rnn_unit)
    init_state=cell.zero_state(batch_size,dtype=tf.float32)
    output_rnn,final_states=tf.nn.dynamic_rnn(cell, input_rnn,initial_state=init_state, dtype=tf.float32)   # FAILS (2nd call)
    output=tf.reshape(output_rnn,[-1,rnn_unit])
    w_out=weights['out']; b_out=biases['out']
    pred=tf.matmul(output,w_out)+b_out
    return pred,final_states
def train_lstm(batch_size=80,time_step=15,train_begin=2000,train_end=5800):
    X=tf.placeholder(tf.float32, shape=[None,time_step,input_size])
    Y=tf.placeholder(tf.float32, shape=[None,time_step,output_size])
    pred,_=lstm(X)
    loss=tf.reduce_mean(tf.square(tf.reshape(pred,[-1])-tf.reshape(Y, [-1])))
    train_op=tf.train.AdamOptimizer(lr).minimize(loss)
    ...
train_lstm()
def prediction(time_step=20):
    X=tf.placeholder(tf.float32, shape=[None,time_step,input_size])
    pred,_=lstm(X)
    ...
prediction()
#
# Fix (the author's first option): prediction() builds the model under
# reuse:
#   with tf.variable_scope(tf.get_variable_scope(), reuse=True):
#       pred,_=lstm(X)
