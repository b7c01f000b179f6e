/* invalid-name: a name that TF's name patterns reject.
 * The runtime's own message says what went wrong; the finding adds where
 * (call chain, loop iteration). */
#include "rule.h"

void rule_invalid_name(const sc_event *ev, sc_rule_ctx *c)
{
    sc_runtime_finding(ev, c);
}
