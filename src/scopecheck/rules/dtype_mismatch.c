/* dtype-mismatch: sharing with an explicit .dtype (at the call or on a variable scope) other than the stored variable's.
 * The runtime's own message says what went wrong; the finding adds where
 * (call chain, loop iteration). */
#include "rule.h"
#include "varscope.h"

static void run(const sc_event *ev, sc_rule_ctx *c)
{
    sc_runtime_finding(ev, c);
}

const sc_rule rule_dtype_mismatch = {"dtype-mismatch", SC_EV_ERROR, VS_ERR_DTYPE_MISMATCH, run};
