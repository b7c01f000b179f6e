/* missing-dtype: sharing a non-float32 variable without saying .dtype. */
#include "rule.h"
#include "varscope.h"

static const char *const macros[] = {"vs_get_variable", NULL};
static const char *const dtype_enums[] = {
    "VS_FLOAT32", "VS_FLOAT32", "VS_FLOAT64", "VS_INT32", "VS_INT64",
    "VS_BOOL"};
static const char *const dtype_names[] = {"float32", "float32", "float64",
                                          "int32", "int64", "bool"};

static void run(const sc_event *ev, sc_rule_ctx *c)
{
    int dt = ev->dtype_found;
    bool known = dt >= 0 && dt <= VS_BOOL;
    const sc_pos *p = &ev->at.pos;
    sc_finding *f = report_add(
        c->rep, c->id, c->severity, p,
        report_fmt(c->rep,
                   "variable '%s' is %s, but this call gives no .dtype, so "
                   "float32 is asked for and sharing fails",
                   ev->name ? ev->name : "?", known ? dtype_names[dt] : "?"));
    sc_context_notes(c, f, &ev->at);
    if (ev->existing && ev->created.known) {
        finding_note(c->rep, f, &ev->created.pos, "'%s' was created here as %s",
                     ev->name ? ev->name : "?", known ? dtype_names[dt] : "?");
    }
    if (known)
        sc_fix_add_keyword(c, f, p, macros,
                           report_fmt(c->rep, ", .dtype = %s", dtype_enums[dt]),
                           report_fmt(c->rep, "add .dtype = %s", dtype_enums[dt]));
}

const sc_rule rule_missing_dtype = {
    "missing-dtype", SC_EV_ERROR, VS_ERR_MISSING_DTYPE, run};
