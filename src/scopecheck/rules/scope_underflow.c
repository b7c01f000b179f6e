/* scope-underflow: vs_scope_exit with no scope open.
 * The runtime's own message says what went wrong; the finding adds where
 * (call chain, loop iteration). */
#include "rule.h"

void rule_scope_underflow(const sc_event *ev, sc_rule_ctx *c)
{
    sc_runtime_finding(ev, c);
}
