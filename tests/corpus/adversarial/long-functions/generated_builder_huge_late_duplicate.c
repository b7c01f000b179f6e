/* long-functions: a model builder of some 6,000 statements in one
 * function, as a code generator writes it (here the repeated blocks are
 * macros): past the 4,096 statements below which the engine keeps 16
 * paths apart, so it keeps fewer here, and must still not be silent.  Its first part makes one optional layer per extra argument
 * (l0 .. l15), so the runs differ in which variables exist; its last line
 * asks for l11 again when there are 13 extra arguments -- and l11 exists
 * then: "Variable l11 already exists".  No other run fails. */
// oracle-input: argc 1 2 5 12 13 14 15 17 20
#include "varscope.h"

/* one block of the generated middle part: a named scope with its two
 * variables, shared between towers by AUTO_REUSE */
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
    if (argc > 1) vs_get_variable(g, "l0", .shape = VS_SHAPE(2));
    if (argc > 2) vs_get_variable(g, "l1", .shape = VS_SHAPE(2));
    if (argc > 3) vs_get_variable(g, "l2", .shape = VS_SHAPE(2));
    if (argc > 4) vs_get_variable(g, "l3", .shape = VS_SHAPE(2));
    if (argc > 5) vs_get_variable(g, "l4", .shape = VS_SHAPE(2));
    if (argc > 6) vs_get_variable(g, "l5", .shape = VS_SHAPE(2));
    if (argc > 7) vs_get_variable(g, "l6", .shape = VS_SHAPE(2));
    if (argc > 8) vs_get_variable(g, "l7", .shape = VS_SHAPE(2));
    if (argc > 9) vs_get_variable(g, "l8", .shape = VS_SHAPE(2));
    if (argc > 10) vs_get_variable(g, "l9", .shape = VS_SHAPE(2));
    if (argc > 11) vs_get_variable(g, "l10", .shape = VS_SHAPE(2));
    if (argc > 12) vs_get_variable(g, "l11", .shape = VS_SHAPE(2));
    if (argc > 13) vs_get_variable(g, "l12", .shape = VS_SHAPE(2));
    if (argc > 14) vs_get_variable(g, "l13", .shape = VS_SHAPE(2));
    if (argc > 15) vs_get_variable(g, "l14", .shape = VS_SHAPE(2));
    if (argc > 16) vs_get_variable(g, "l15", .shape = VS_SHAPE(2));
    X256(BLOCK)
    X256(BLOCK)
    X256(BLOCK)
    X256(BLOCK)
    X256(BLOCK)
    X256(BLOCK)
    if (argc == 14)
        vs_get_variable(g, "l11", .shape = VS_SHAPE(2)); // expect: duplicate-variable
    vs_graph_free(g);
    return 0;
}
