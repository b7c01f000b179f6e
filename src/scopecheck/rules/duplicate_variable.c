/* duplicate-variable: vs_get_variable creates a name that exists while
 * reuse is off. */
#include <string.h>

#include "rule.h"

/* the variable scope is entered by a call that takes .reuse */
static bool takes_reuse(sc_rule_ctx *c, const sc_pos *enter)
{
    vs_spelling sp;
    return sc_call_spelling(c, enter, &sp) && sp.keywords &&
           (sp.fn == VS_FN_vs_variable_scope_enter ||
            sp.fn == VS_FN_vs_variable_scope_reenter);
}

void rule_duplicate_variable(const sc_event *ev, sc_rule_ctx *c)
{
    const char *msg = ev->existing
        ? report_fmt(c->rep,
                     "variable '%s' already exists and reuse is off here: "
                     "vs_get_variable will not create it again (set .reuse = "
                     "VS_REUSE or VS_AUTO_REUSE on the variable scope to "
                     "share it)", ev->name)
        : ev->message;
    sc_finding *f = report_add(c->rep, c->id, c->severity, &ev->at.pos, msg);
    sc_context_notes(c, f, &ev->at);
    if (ev->existing && ev->created.known) {
        finding_note(c->rep, f, &ev->created.pos, "'%s' was first created here",
                     ev->name);
        sc_context_notes(c, f, &ev->created);
    }
    if (ev->scope_entry.known) {
        const sc_pos *q = &ev->scope_entry.pos;
        finding_note(c->rep, f, q,
                     "the variable scope is entered here without reuse");
        if (ev->existing && takes_reuse(c, q))
            sc_fix_add_keyword(c, f, q, ", .reuse = VS_AUTO_REUSE",
                               "share the variable: add .reuse = "
                               "VS_AUTO_REUSE to the variable scope");
    }
}
