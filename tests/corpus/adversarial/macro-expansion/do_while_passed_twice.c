/* macro-expansion: `do { } while (0)` wrappers passed through other
 * macros: IN_TOWER(g, body) enters, runs body, exits; TRY(stmt) wraps a
 * statement; TWICE(x) writes x twice.  The tower shares by AUTO_REUSE, so
 * the two passes are clean.  With two arguments a CLOSE_ALL(g, n) macro
 * meant for error paths exits one scope too many ("n" counts the
 * entered ones from 1): "scope-underflow". */
// oracle-input: argc 1 2 3
#include "varscope.h"

#define TRY(stmt) do { stmt; } while (0)
#define TWICE(x) x; x
#define IN_TOWER(g, body)                                                  \
    do {                                                                   \
        vs_variable_scope_enter(g, "tower", .reuse = VS_AUTO_REUSE);       \
        body;                                                              \
        vs_scope_exit(g);                                                  \
    } while (0)
#define CLOSE_ALL(g, n) do { for (int c_ = 0; c_ <= (n); c_++) vs_scope_exit(g); } while (0)

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    TWICE(IN_TOWER(g, TRY(vs_get_variable(g, "w", .shape = VS_SHAPE(3)))));
    if (argc > 2) {
        vs_variable_scope_enter(g, "head");
        CLOSE_ALL(g, 1); // expect: scope-underflow
    }
    vs_graph_free(g);
    return 0;
}
