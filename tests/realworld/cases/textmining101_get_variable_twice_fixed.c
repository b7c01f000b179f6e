/* realworld: textmining101_get_variable_twice (fixed: the failing cell
 * dropped, as the notebook does; the names it prints are checked)
 *
 * Source: 3_7_tensorflow_Variable.ipynb of
 *   https://github.com/samkugji/text_mining101 (commit dcf03fc), see
 *   textmining101_get_variable_twice_fail.c.  The notebook's outputs, as
 *   TF printed them, are the expected names below: In[3] testVariable:0,
 *   In[5] testVariable_1:0, In[7] testGetBar:0, In[10] foo/testGetVar2:0
 *   twice, In[13] Global/T1:0 ... Global/Asia/Korea/T5:0, In[15] var1:0,
 *   my_scope/var2:0, my_scope/Add:0, In[17] my_scope/var1:0,
 *   my_scope_1/var2:0, my_scope_1/Add:0.
 */
#include <stdio.h>
#include <string.h>

#include "tfops.h"

static int failures;

static void expect(const char *got, const char *want)
{
    if (!got || strcmp(got, want) != 0) {
        fprintf(stderr, "name %s, the notebook printed %s\n", got ? got : "(null)", want);
        failures++;
    }
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_var *w_1 = vs_variable(g, tf_shaped(g, "truncated_normal", VS_FLOAT32, VS_SHAPE(4, 4)), .name = "testVariable");
    expect(vs_var_name(w_1), "testVariable:0");
    w_1 = vs_variable(g, tf_shaped(g, "truncated_normal", VS_FLOAT32, VS_SHAPE(4, 4)), .name = "testVariable");
    expect(vs_var_name(w_1), "testVariable_1:0");
    vs_var *w_2 = vs_get_variable(g, "testGetBar", .shape = VS_SHAPE(4, 5), .initializer = vs_init_random_normal(0.0, 0.1));
    expect(vs_var_name(w_2), "testGetBar:0");

    VS_VARIABLE_SCOPE_AS(scope, g, "foo") {
        vs_var *w_3 = vs_get_variable(g, "testGetVar2", .shape = VS_SHAPE(4, 4), .initializer = vs_init_random_normal(0.0, 0.1));
        vs_reuse_variables(scope);
        vs_var *w_4 = vs_get_variable(g, "testGetVar2", .shape = VS_SHAPE(4, 4), .initializer = vs_init_random_normal(1.0, 0.5));
        if (w_4 != w_3)
            failures++;
        expect(vs_var_name(w_3), "foo/testGetVar2:0");
    }
    VS_VARIABLE_SCOPE(g, "Global") {
        expect(vs_var_name(vs_get_variable(g, "T1", .shape = VS_SHAPE(2, 2))), "Global/T1:0");
        VS_VARIABLE_SCOPE(g, "Asia") {
            expect(vs_var_name(vs_get_variable(g, "T2", .shape = VS_SHAPE(1))), "Global/Asia/T2:0");
            expect(vs_var_name(vs_get_variable(g, "T3", .shape = VS_SHAPE(1, 2))), "Global/Asia/T3:0");
            VS_VARIABLE_SCOPE(g, "Korea") {
                expect(vs_var_name(vs_get_variable(g, "T4", .shape = VS_SHAPE(1, 2, 2))), "Global/Asia/Korea/T4:0");
                expect(vs_var_name(vs_get_variable(g, "T5", .shape = VS_SHAPE(2, 2, 2, 2))), "Global/Asia/Korea/T5:0");
            }
        }
    }
    VS_NAME_SCOPE(g, "my_scope") {
        vs_var *v1 = vs_get_variable(g, "var1", .shape = VS_SHAPE(1), .dtype = VS_FLOAT32);
        vs_var *v2 = vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "var2", .dtype = VS_FLOAT32);
        vs_tensor *a = vs_add(g, vs_value(v1), vs_value(v2));
        expect(vs_var_name(v1), "var1:0");
        expect(vs_var_name(v2), "my_scope/var2:0");
        expect(vs_tensor_name(a), "my_scope/Add:0");
    }
    VS_VARIABLE_SCOPE(g, "my_scope") {
        vs_var *v1 = vs_get_variable(g, "var1", .shape = VS_SHAPE(1), .dtype = VS_FLOAT32);
        vs_var *v2 = vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "var2", .dtype = VS_FLOAT32);
        vs_tensor *a = vs_add(g, vs_value(v1), vs_value(v2));
        expect(vs_var_name(v1), "my_scope/var1:0");
        expect(vs_var_name(v2), "my_scope_1/var2:0");
        expect(vs_tensor_name(a), "my_scope_1/Add:0");
    }
    vs_graph_free(g);
    return failures != 0;
}
