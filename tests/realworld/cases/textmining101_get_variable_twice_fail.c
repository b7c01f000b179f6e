/* realworld: textmining101_get_variable_twice (failing)
 *
 * Source: the tutorial notebook 3_7_tensorflow_Variable.ipynb of
 *   https://github.com/samkugji/text_mining101 (commit dcf03fc), which
 *   records the error in its cell In[8] and explains it.
 * TF raised (quoted from the notebook; it names the variable testGetVar,
 *   TF's message names the one asked for, testGetBar):
 *   # ## You can see ValueError...
 *   # # "ValueError: Variable testGetVar already exists, disallowed."
 *   # w_2 = tf.get_variable(name="testGetBar", shape=[4,5],
 *   #                      initializer=tf.truncated_normal_initializer(mean=0.0, stddev=0.1))
 * Original (the notebook's cells In[2] to In[17], prints left out):
 *   w_1 = tf.Variable(initial_value=tf.truncated_normal(shape=[4,4], mean=0.0, stddev=0.1), name="testVariable")
 *   w_1 = tf.Variable(initial_value=tf.truncated_normal(shape=[4,4], mean=0.0, stddev=0.1), name="testVariable")
 *   w_2 = tf.get_variable(name="testGetBar", shape=[4,5],
 *                         initializer=tf.truncated_normal_initializer(mean=0.0, stddev=0.1))
 *   w_2 = tf.get_variable(name="testGetBar", shape=[4,5], ...)       # In[8]: raises
 *   with tf.variable_scope("foo") as scope:
 *       w_3 = tf.get_variable("testGetVar2", shape=[4,4], ...)
 *       scope.reuse_variables()
 *       w_4 = tf.get_variable("testGetVar2", shape=[4,4], ...)
 *   assert w_4 is w_3
 *   with tf.variable_scope("Global"):
 *       t_1 = tf.get_variable("T1", [2,2])
 *       with tf.variable_scope("Asia"):
 *           t_2 = tf.get_variable("T2", [1]); t_3 = tf.get_variable("T3", [1, 2])
 *           with tf.variable_scope("Korea"):
 *               t_4 = tf.get_variable("T4", [1,2,2]); t_5 = tf.get_variable("T5", [2,2,2,2])
 *   with tf.name_scope("my_scope"):
 *       v1 = tf.get_variable("var1", [1], dtype=tf.float32)
 *       v2 = tf.Variable(1, name="var2", dtype=tf.float32)
 *       a = tf.add(v1, v2)
 *   with tf.variable_scope("my_scope"):
 *       v1 = tf.get_variable("var1", [1], dtype=tf.float32)
 *       v2 = tf.Variable(1, name="var2", dtype=tf.float32)
 *       a = tf.add(v1, v2)
 * Why: get_variable checks the store, reuse off; the second tf.Variable
 *   is silently renamed testVariable_1 (the notebook prints it).
 * Fix (the notebook): "You should define variable scope and do setting
 *   reuse_variables()", as its In[9] does; the failing cell is dropped.
 * Translation: tf.truncated_normal is a stand-in (tfops.h), the truncated-
 *   normal initializer the library's random-normal one.
 */
#include "tfops.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_var *w_1 = vs_variable(g, tf_shaped(g, "truncated_normal", VS_FLOAT32, VS_SHAPE(4, 4)), .name = "testVariable");
    w_1 = vs_variable(g, tf_shaped(g, "truncated_normal", VS_FLOAT32, VS_SHAPE(4, 4)), .name = "testVariable");
    vs_var *w_2 = vs_get_variable(g, "testGetBar", .shape = VS_SHAPE(4, 5), .initializer = vs_init_random_normal(0.0, 0.1));
    w_2 = vs_get_variable(g, "testGetBar", .shape = VS_SHAPE(4, 5), .initializer = vs_init_random_normal(0.0, 0.1)); // expect: duplicate-variable
    (void)w_1, (void)w_2;

    VS_VARIABLE_SCOPE_AS(scope, g, "foo") {
        vs_var *w_3 = vs_get_variable(g, "testGetVar2", .shape = VS_SHAPE(4, 4), .initializer = vs_init_random_normal(0.0, 0.1));
        vs_reuse_variables(scope);
        vs_var *w_4 = vs_get_variable(g, "testGetVar2", .shape = VS_SHAPE(4, 4), .initializer = vs_init_random_normal(1.0, 0.5));
        (void)w_3, (void)w_4;
    }
    VS_VARIABLE_SCOPE(g, "Global") {
        vs_get_variable(g, "T1", .shape = VS_SHAPE(2, 2));
        VS_VARIABLE_SCOPE(g, "Asia") {
            vs_get_variable(g, "T2", .shape = VS_SHAPE(1));
            vs_get_variable(g, "T3", .shape = VS_SHAPE(1, 2));
            VS_VARIABLE_SCOPE(g, "Korea") {
                vs_get_variable(g, "T4", .shape = VS_SHAPE(1, 2, 2));
                vs_get_variable(g, "T5", .shape = VS_SHAPE(2, 2, 2, 2));
            }
        }
    }
    VS_NAME_SCOPE(g, "my_scope") {
        vs_var *v1 = vs_get_variable(g, "var1", .shape = VS_SHAPE(1), .dtype = VS_FLOAT32);
        vs_var *v2 = vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "var2", .dtype = VS_FLOAT32);
        vs_add(g, vs_value(v1), vs_value(v2));
    }
    VS_VARIABLE_SCOPE(g, "my_scope") {
        vs_var *v1 = vs_get_variable(g, "var1", .shape = VS_SHAPE(1), .dtype = VS_FLOAT32);
        vs_var *v2 = vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "var2", .dtype = VS_FLOAT32);
        vs_add(g, vs_value(v1), vs_value(v2));
    }
    vs_graph_free(g);
    return 0;
}
