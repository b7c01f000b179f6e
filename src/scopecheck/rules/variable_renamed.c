/* variable-renamed: vs_variable with a name already taken is silently
 * renamed x_1 and shares nothing (the seed's x, x_1). */
#include "rule.h"

void rule_variable_renamed(const sc_event *ev, sc_rule_ctx *c)
{
    sc_finding *f = report_add(
        c->rep, c->id, c->severity, &ev->at.pos,
        report_fmt(c->rep,
                   "vs_variable '%s' is created as '%s': the name is taken, "
                   "and vs_variable never shares (use vs_get_variable under "
                   "reuse to share, or another name)",
                   ev->name ? ev->name : "?", ev->result ? ev->result : "?"));
    sc_context_notes(c, f, &ev->at);
    if (ev->other.known)
        finding_note(c->rep, f, &ev->other.pos, "'%s' was taken here", ev->name);
}
