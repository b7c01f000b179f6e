/* initializer-mismatch: a value initializer whose dtype differs from .dtype, or that comes with a .shape.
 * The runtime's own message says what went wrong; the finding adds where
 * (call chain, loop iteration). */
#include "rule.h"

void rule_initializer_mismatch(const sc_event *ev, sc_rule_ctx *c)
{
    sc_runtime_finding(ev, c);
}
