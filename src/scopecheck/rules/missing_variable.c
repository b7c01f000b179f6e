/* missing-variable: vs_get_variable under reuse for a name never created. */
#include "rule.h"

void rule_missing_variable(const sc_event *ev, sc_rule_ctx *c)
{
    sc_finding *f = report_add(
        c->rep, c->id, c->severity, &ev->at.pos,
        report_fmt(c->rep,
                   "variable '%s' does not exist, and reuse is on "
                   "(VS_REUSE) here, so vs_get_variable will not create it "
                   "(use VS_AUTO_REUSE to create it when missing)",
                   ev->name ? ev->name : "?"));
    sc_context_notes(c, f, &ev->at);
    if (ev->scope_entry.known)
        finding_note(c->rep, f, &ev->scope_entry.pos,
                     "the variable scope is entered here, with reuse on");
}
