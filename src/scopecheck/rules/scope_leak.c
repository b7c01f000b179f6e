/* scope-leak: a path leaves a function or a block form with a scope it
 * entered still open (other paths close it), or the graph is freed / the
 * program ends with scopes open.  Reported where the scope was entered,
 * which is also where the runtime reports it at vs_graph_free. */
#include "rule.h"
#include "varscope.h"

static void run(const sc_event *ev, sc_rule_ctx *c)
{
    const sc_entry *en = ev->entry;
    const char *what =
        en->kind == SC_ENTRY_NAME_SCOPE
            ? report_fmt(c->rep, "name scope '%s'", en->ns ? en->ns : "?")
            : report_fmt(c->rep, "variable scope '%s'",
                         ev->scope && ev->scope->name ? ev->scope->name : "?");
    sc_pos p = sc_site_pos(&en->site);
    const char *msg =
        ev->func && ev->other.unit
            ? report_fmt(c->rep,
                         "%s entered here is still open when '%s' returns "
                         "on some paths; other paths exit it", what, ev->func)
            : report_fmt(c->rep,
                         "%s entered here is never exited: it is still open "
                         "when the graph is freed", what);
    sc_finding *f = report_add(c->rep, c->id, c->severity, &p, msg);
    sc_context_notes(c, f, &en->site);
    if (ev->other.unit) {
        sc_pos q = sc_site_pos(&ev->other);
        if (ev->func)
            finding_note(c->rep, f, &q,
                         "the path leaves '%s' here without vs_scope_exit",
                         ev->func);
        else
            finding_note(c->rep, f, &q, "the graph is freed here");
        sc_context_notes(c, f, &ev->other);
    }
}

const sc_rule rule_scope_leak = {"scope-leak", SC_EV_LEAK, -1, run};
