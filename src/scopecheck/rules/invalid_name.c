/* invalid-name: a name that TF's name patterns reject.
 * The runtime's own message says what went wrong; the finding adds where
 * (call chain, loop iteration). */
#include "rule.h"
#include "varscope.h"

static void run(const sc_event *ev, sc_rule_ctx *c)
{
    sc_runtime_finding(ev, c);
}

const sc_rule rule_invalid_name = {"invalid-name", SC_EV_ERROR, VS_ERR_INVALID_NAME, run};
