/* undefined-shape: creating a variable without a fully defined shape or a value initializer.
 * The runtime's own message says what went wrong; the finding adds where
 * (call chain, loop iteration). */
#include "rule.h"
#include "varscope.h"

static void run(const sc_event *ev, sc_rule_ctx *c)
{
    sc_runtime_finding(ev, c);
}

const sc_rule rule_undefined_shape = {"undefined-shape", SC_EV_ERROR, VS_ERR_UNDEFINED_SHAPE, run};
