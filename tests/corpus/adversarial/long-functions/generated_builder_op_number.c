/* long-functions: a builder of some 2,700 statements in one function.
 * Each extra argument adds one unnamed sum first ("Add", "Add_1", ...);
 * after the generated middle part, the next sum's name, cut at ':',
 * names a scope ("layer_Add_3"), and a variable is made in it.
 * "layer_Add_6/w" was made at the start: on the run whose sum is Add_6
 * (seven arguments) the get_variable finds it and fails ("Variable
 * layer_Add_6/w already exists"); every other run makes a new one. */
// oracle-input: argc 1 3 7 8 9 12 17
#include <stdio.h>
#include <string.h>

#include "varscope.h"

#define BLOCK                                                              \
    VS_VARIABLE_SCOPE(g, "tower", .reuse = VS_AUTO_REUSE) {                \
        vs_get_variable(g, "kernel", .shape = VS_SHAPE(3, 3));             \
        vs_get_variable(g, "bias", .shape = VS_SHAPE(3));                  \
    }                                                                      \
    vs_scalar_f32(g, 0.5f, .name = "keep");
#define X4(s) s s s s
#define X16(s) X4(X4(s))
#define X256(s) X16(X16(s))

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    vs_tensor *one = vs_scalar_f32(g, 1.0f, .name = "one");
    VS_VARIABLE_SCOPE(g, "layer_Add_6") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    }
    for (int i = 1; i < argc && i <= 16; i++)
        vs_add(g, one, one);
    X256(BLOCK)
    X256(BLOCK)
    X256(BLOCK)
    char scope[64];
    const char *sum = vs_tensor_name(vs_add(g, one, one));
    snprintf(scope, sizeof scope, "layer_%.*s", (int)strcspn(sum, ":"), sum);
    VS_VARIABLE_SCOPE(g, scope) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable
    }
    vs_graph_free(g);
    return 0;
}
