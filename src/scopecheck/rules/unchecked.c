/* unchecked: the engine stopped following part of the program here (a
 * budget, a cap, a call or jump it cannot follow).  Not a mistake in the
 * program: a note, so that silence about what was not checked is never
 * read as "will not fail" (rules/unchecked.md). */
#include "rule.h"

static const char *why(const sc_event *ev, sc_rule_ctx *c)
{
    const char *n = ev->name ? ev->name : "the callee";
    switch (ev->stop) {
    case SC_STOP_BUDGET:
        return "checking stops here: the analysis budget ran out, so from "
               "here on the calls and loops of this path are not followed "
               "and what they do is not checked";
    case SC_STOP_CALL_DEPTH:
        return report_fmt(c->rep, "'%s' is not followed: calls nested this "
                                  "deep are not, so what it does is not "
                                  "checked", n);
    case SC_STOP_RECURSION:
        return report_fmt(c->rep, "'%s' is not followed: it is running twice "
                                  "on this call chain already (recursion), "
                                  "so what this call does is not checked", n);
    case SC_STOP_UNKNOWN_CALLEE:
        return "a call through a function pointer whose targets are not "
               "known: what it does is not checked";
    case SC_STOP_LOOP_CAP:
        return "this loop runs more turns than are followed one by one: "
               "the later turns are checked only with what the loop writes "
               "unknown, so what fails on them is only a 'could fail' "
               "(--strict)";
    case SC_STOP_SETJMP:
        return "setjmp returns here again after a longjmp: what the jump "
               "could have changed is unknown on that path, so what fails "
               "after it is only a 'could fail' (--strict)";
    case SC_STOP_JUMP:
        return report_fmt(c->rep, "%s is not followed: what runs after it "
                                  "is not checked", ev->name ? ev->name
                                                             : "this jump");
    }
    return "checking stops here";
}

void rule_unchecked(const sc_event *ev, sc_rule_ctx *c)
{
    sc_finding *f = report_add(c->rep, c->id, c->severity, &ev->at.pos,
                               why(ev, c));
    sc_context_notes(c, f, &ev->at);
}
