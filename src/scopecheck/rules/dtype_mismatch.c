/* dtype-mismatch: sharing with an explicit .dtype (at the call or on a variable scope) other than the stored variable's.
 * The runtime's own message says what went wrong; the finding adds where
 * (call chain, loop iteration). */
#include "rule.h"

void rule_dtype_mismatch(const sc_event *ev, sc_rule_ctx *c)
{
    sc_runtime_finding(ev, c);
}
