/* control-shapes: a state machine over a token list ("enc dec" from
 * argc): an unknown token moves to the ERROR state, which stops the loop
 * without the DONE state's exit, so the "model" scope is still open when
 * the graph is freed (argc 3 has the third token "bogus"). */
// oracle-input: argc 1 2 3
#include <string.h>

#include "varscope.h"

enum state { S_OPEN, S_TOKEN, S_DONE, S_ERROR, S_STOP };

int main(int argc, char **argv)
{
    (void)argv;
    static const char *const tokens[] = {"enc", "dec", "bogus"};
    int n = argc, pos = 0;
    vs_graph *g = vs_graph_new();
    enum state st = S_OPEN;
    while (st != S_STOP) {
        switch (st) {
        case S_OPEN:
            vs_variable_scope_enter(g, "model"); // expect: scope-leak
            st = S_TOKEN;
            break;
        case S_TOKEN:
            if (pos == n) {
                st = S_DONE;
            } else if (strcmp(tokens[pos], "enc") == 0 || strcmp(tokens[pos], "dec") == 0) {
                VS_VARIABLE_SCOPE(g, tokens[pos]) {
                    vs_get_variable(g, "w", .shape = VS_SHAPE(8));
                }
                pos++;
            } else {
                st = S_ERROR;
            }
            break;
        case S_DONE:
            vs_scope_exit(g);
            st = S_STOP;
            break;
        case S_ERROR:
        default:
            st = S_STOP;
            break;
        }
    }
    vs_graph_free(g);
    return 0;
}
