/* scope-reentered: a scope entered by a name already taken opens a name
 * scope with a suffix (my_scope_1/), and the ops and vs_variables created
 * in it are named there (the seed's my_scope_1/var2:0). */
#include "rule.h"

void rule_scope_reentered(const sc_event *ev, sc_rule_ctx *c)
{
    const char *req = ev->name ? ev->name : "?";
    const char *ns = ev->result ? ev->result : "?";
    sc_finding *f = report_add(
        c->rep, c->id, c->severity, &ev->at.pos,
        ev->scope_kind == SC_SCOPE_NAME
            ? report_fmt(c->rep,
                         "name scope '%s' is taken, so this one is '%s': the "
                         "ops and vs_variables in it are named '%s...'",
                         req, ns, ns)
            : report_fmt(c->rep,
                         "name '%s' is taken, so this variable scope opens "
                         "name scope '%s': its ops and vs_variables are named "
                         "'%s...' while vs_get_variable still uses '%s/'",
                         req, ns, ns, req));
    sc_context_notes(c, f, &ev->at);
    if (ev->other.known)
        finding_note(c->rep, f, &ev->other.pos, "created in '%s' here", ns);
}
