/* undefined-shape: creating a variable without a fully defined shape or a value initializer.
 * The runtime's own message says what went wrong; the finding adds where
 * (call chain, loop iteration). */
#include "rule.h"

void rule_undefined_shape(const sc_event *ev, sc_rule_ctx *c)
{
    sc_runtime_finding(ev, c);
}
