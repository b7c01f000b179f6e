/* control-shapes: the model is built by a state machine (a switch in a
 * loop) whose states enter and exit scopes: START enters "model", ENC and
 * DEC enter their part, build it and exit, DONE exits "model".  The
 * decoder is skipped when argc is 1; every path is balanced and no name
 * repeats: no run fails. */
// oracle-input: argc 1 2
#include "varscope.h"

enum state { ST_START, ST_ENC, ST_DEC, ST_DONE, ST_STOP };

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    enum state st = ST_START;
    while (st != ST_STOP) {
        switch (st) {
        case ST_START:
            vs_variable_scope_enter(g, "model");
            st = ST_ENC;
            break;
        case ST_ENC:
            vs_variable_scope_enter(g, "encoder");
            vs_get_variable(g, "w", .shape = VS_SHAPE(16, 16));
            vs_scope_exit(g);
            st = argc > 1 ? ST_DEC : ST_DONE;
            break;
        case ST_DEC:
            vs_variable_scope_enter(g, "decoder");
            vs_get_variable(g, "w", .shape = VS_SHAPE(16, 16));
            vs_scope_exit(g);
            st = ST_DONE;
            break;
        case ST_DONE:
            vs_scope_exit(g);
            st = ST_STOP;
            break;
        default:
            st = ST_STOP;
            break;
        }
    }
    vs_graph_free(g);
    return 0;
}
