/* unused-suppression: a suppression comment (scopecheck: ignore, or one of
 * clang-tidy's NOLINT family) that silences nothing.  Not an engine rule:
 * its findings are written by cli/suppress.c after the run, when
 * --report-unused-ignores (or the configuration) asks for them.  The
 * event kind SC_EV_NONE is never emitted, so the dispatcher never calls
 * run(). */
#include "rule.h"

static void run(const sc_event *ev, sc_rule_ctx *c)
{
    (void)ev;
    (void)c;
}

const sc_rule rule_unused_suppression = {"unused-suppression", SC_EV_NONE, -1,
                                         run};
