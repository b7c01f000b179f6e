/* name-scope-ignored: vs_get_variable inside a name scope, which does not
 * prefix it (the seed's var1:0).  The name it is not is the one a
 * tf.Variable would get: the name scope and the name asked for (v/n/w in
 * a name scope n inside a variable scope v, not v/n/v/w). */
#include "rule.h"

void rule_name_scope_ignored(const sc_event *ev, sc_rule_ctx *c)
{
    const char *ns = ev->result ? ev->result : "?";
    sc_finding *f = report_add(
        c->rep, c->id, c->severity, &ev->at.pos,
        ev->name
            ? report_fmt(c->rep,
                         "vs_get_variable ignores name scope '%s': the "
                         "variable is named '%s', not '%s%s' (use a variable "
                         "scope to prefix it)",
                         ns, ev->name, ns,
                         ev->scope_name ? ev->scope_name : ev->name)
            : report_fmt(c->rep,
                         "vs_get_variable ignores name scope '%s': only "
                         "variable scopes prefix its name", ns));
    sc_context_notes(c, f, &ev->at);
    if (ev->scope_entry.known)
        finding_note(c->rep, f, &ev->scope_entry.pos,
                     "name scope '%s' is entered here", ns);
}
