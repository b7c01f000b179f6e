/* missing-dtype: sharing a non-float32 variable without saying .dtype. */
#include "rule.h"

void rule_missing_dtype(const sc_event *ev, sc_rule_ctx *c)
{
    int dt = ev->dtype_found;
    bool known = dt >= 0 && vs__dtype_valid((vs_dtype)dt);
    /* what the store holds, as TF names it and as C spells it */
    const char *name = known ? vs_dtype_name((vs_dtype)dt) : "?";
    const char *spelling =
        known ? vs__dtype_spelling(vs__dtype_or_float((vs_dtype)dt)) : NULL;
    const sc_pos *p = &ev->at.pos;
    sc_finding *f = report_add(
        c->rep, c->id, c->severity, p,
        report_fmt(c->rep,
                   "variable '%s' is %s, but this call gives no .dtype, so "
                   "float32 is asked for and sharing fails",
                   ev->name ? ev->name : "?", name));
    sc_context_notes(c, f, &ev->at);
    if (ev->existing && ev->created.known) {
        finding_note(c->rep, f, &ev->created.pos, "'%s' was created here as %s",
                     ev->name ? ev->name : "?", name);
    }
    vs_spelling sp;
    if (spelling && sc_call_spelling(c, p, &sp) && sp.keywords &&
        sp.fn == VS_FN_vs_get_variable)
        sc_fix_add_keyword(c, f, p,
                           report_fmt(c->rep, ", .dtype = %s", spelling),
                           report_fmt(c->rep, "add .dtype = %s", spelling));
}
