/* shape-mismatch: sharing with a .shape (or a dense layer's input width) incompatible with the stored variable's.
 * The runtime's own message says what went wrong; the finding adds where
 * (call chain, loop iteration). */
#include "rule.h"

void rule_shape_mismatch(const sc_event *ev, sc_rule_ctx *c)
{
    sc_runtime_finding(ev, c);
}
