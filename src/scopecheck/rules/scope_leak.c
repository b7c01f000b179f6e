/* scope-leak: a path leaves a function or a block form with a scope it
 * entered still open (other paths close it), or the graph is freed / the
 * program ends with scopes open.  Reported where the scope was entered,
 * which is also where the runtime reports it at vs_graph_free. */
#include <string.h>

#include "rule.h"

/* Exits the scope just before the return that leaks it: the return
 * becomes { vs_scope_exit(G); return ...; } (braces keep an unbraced
 * `if (x) return;` correct).  Only offered when every path through that
 * return leaks this scope, which the engine checked. */
static void fix_exit_before_return(sc_rule_ctx *c, sc_finding *f,
                                   const sc_pos *enter, const sc_pos *ret)
{
    size_t len;
    const char *src = sc_source(c, ret->file, &len);
    /* the graph argument of the call that entered the scope */
    vs_spelling sp;
    int graph = sc_call_spelling(c, enter, &sp) && sp.graph >= 0 ? sp.graph : 0;
    const char *g = sc_call_arg(c, enter, graph);
    if (!src || !g || ret->end_offset > len || ret->offset >= ret->end_offset ||
        strncmp(src + ret->offset, "return", 6) != 0)
        return;
    size_t semi = ret->end_offset;
    while (semi < len && (src[semi] == ' ' || src[semi] == '\t'))
        semi++;
    if (semi >= len || src[semi] != ';') {
        /* the extent may already end at the semicolon */
        if (src[ret->end_offset - 1] != ';')
            return;
        semi = ret->end_offset - 1;
    }
    sc_edit edits[2] = {
        {ret->file, ret->offset, ret->offset,
         report_fmt(c->rep, "{ vs_scope_exit(%s); ", g)},
        {ret->file, (uint32_t)semi + 1, (uint32_t)semi + 1, " }"},
    };
    finding_fix_edits(c->rep, f,
                      report_fmt(c->rep, "exit the scope before returning: "
                                         "vs_scope_exit(%s)", g),
                      edits, 2);
}

void rule_scope_leak(const sc_event *ev, sc_rule_ctx *c)
{
    const char *what = report_fmt(
        c->rep, ev->scope_kind == SC_SCOPE_NAME ? "name scope '%s'"
                                                : "variable scope '%s'",
        ev->scope_name ? ev->scope_name : "?");
    const sc_pos *p = &ev->at.pos;
    const char *msg =
        ev->func && ev->other.known
            ? report_fmt(c->rep,
                         "%s entered here is still open when '%s' returns "
                         "on some paths; other paths exit it", what, ev->func)
            : report_fmt(c->rep,
                         "%s entered here is never exited: it is still open "
                         "when the graph is freed", what);
    sc_finding *f = report_add(c->rep, c->id, c->severity, p, msg);
    sc_context_notes(c, f, &ev->at);
    if (ev->other.known) {
        const sc_pos *q = &ev->other.pos;
        if (ev->func)
            finding_note(c->rep, f, q,
                         "the path leaves '%s' here without vs_scope_exit",
                         ev->func);
        else
            finding_note(c->rep, f, q, "the graph is freed here");
        sc_context_notes(c, f, &ev->other);
        if (ev->fix_before_other)
            fix_exit_before_return(c, f, p, q);
    }
}
