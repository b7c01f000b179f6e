/* gnu-c: a tiny bytecode interpreter for the model ("enter enc, build,
 * exit, enter dec, build, exit, end") dispatched with computed goto
 * (`goto *ops[code[pc++]]`); balanced, each build in its own scope:
 * no run fails. */
// oracle-input: argc 1 2
#include "varscope.h"

enum { OP_ENC, OP_DEC, OP_BUILD, OP_EXIT, OP_END };

int main(int argc, char **argv)
{
    (void)argv;
    static const unsigned char prog_small[] = {OP_ENC, OP_BUILD, OP_EXIT, OP_END};
    static const unsigned char prog_full[] = {OP_ENC, OP_BUILD, OP_EXIT, OP_DEC, OP_BUILD, OP_EXIT, OP_END};
    const unsigned char *code = argc > 1 ? prog_full : prog_small;
    static void *const ops[] = {&&enc, &&dec, &&build, &&leave, &&end};
    vs_graph *g = vs_graph_new();
    int pc = 0;
    goto *ops[code[pc++]];
enc:
    vs_variable_scope_enter(g, "enc");
    goto *ops[code[pc++]];
dec:
    vs_variable_scope_enter(g, "dec");
    goto *ops[code[pc++]];
build:
    vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    goto *ops[code[pc++]];
leave:
    vs_scope_exit(g);
    goto *ops[code[pc++]];
end:
    vs_graph_free(g);
    return 0;
}
