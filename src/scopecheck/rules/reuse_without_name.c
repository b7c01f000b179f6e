/* reuse-without-name: VS_REUSE or VS_AUTO_REUSE on a scope that has only a .default_name.
 * The runtime's own message says what went wrong; the finding adds where
 * (call chain, loop iteration). */
#include "rule.h"

void rule_reuse_without_name(const sc_event *ev, sc_rule_ctx *c)
{
    sc_runtime_finding(ev, c);
}
