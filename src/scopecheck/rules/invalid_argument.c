/* invalid-argument: an argument the library rejects (NULL graph or tensor, bad rank, units <= 0, ...).
 * The runtime's own message says what went wrong; the finding adds where
 * (call chain, loop iteration). */
#include "rule.h"

void rule_invalid_argument(const sc_event *ev, sc_rule_ctx *c)
{
    sc_finding *f = sc_runtime_finding(ev, c);
    /* a NULL that comes from an earlier failure: say which */
    if (ev->other.known)
        finding_note(c->rep, f, &ev->other.pos,
                     "the NULL comes from this call, which fails");
}
