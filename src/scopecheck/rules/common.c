/* What the rules share: positions, context notes, fix-its, dispatch. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rule.h"
#include "../report/source.h"
#include "../util/ctext.h"

void sc_context_notes(sc_rule_ctx *c, sc_finding *f, const sc_event_site *s)
{
    if (s->in_loop) {
        if (s->turn > 0)
            finding_note(c->rep, f, &s->loop, "on iteration %lld of this loop",
                         (long long)s->turn);
        else
            finding_note(c->rep, f, &s->loop, "on a later iteration of this loop");
    }
    for (size_t i = 0; i < s->ncalls; i++)
        finding_note(c->rep, f, &s->calls[i].at, "in '%s', called from here",
                     s->calls[i].callee);
}

/* the start of the UTF-8 character at or before i */
static size_t char_start(const char *s, size_t i)
{
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

const char *sc_name_shown(sc_rule_ctx *c, const char *name)
{
    size_t len = strlen(name);
    if (len <= SC_NAME_SHOWN_MAX)
        return name;
    size_t keep = (SC_NAME_SHOWN_MAX - 40) / 2;
    size_t head = char_start(name, keep);
    size_t tail = char_start(name, len - keep);
    return report_fmt(c->rep, "%.*s...%s (%zu characters)", (int)head, name,
                      name + tail, len);
}

sc_finding *sc_runtime_finding(const sc_event *ev, sc_rule_ctx *c)
{
    sc_finding *f = report_add(c->rep, c->id, c->severity, &ev->at.pos,
                               ev->message ? ev->message : c->id);
    sc_context_notes(c, f, &ev->at);
    return f;
}

const char *sc_source(sc_rule_ctx *c, const char *file, size_t *len)
{
    return source_get(c->sources, file, len);
}

bool sc_call_spelling(sc_rule_ctx *c, const sc_pos *pos, vs_spelling *out)
{
    size_t len;
    const char *src = sc_source(c, pos->file, &len);
    if (!src || pos->end_offset > len || pos->offset >= pos->end_offset)
        return false;
    const char *call = src + pos->offset, *end = src + pos->end_offset;
    const char *p = call;
    while (p < end && ctext_ident_char(*p))
        p++;
    if (p == end || (*p != '(' && *p != ' ' && *p != '\t'))
        return false;
    return vs__spelling(call, (size_t)(p - call), out);
}

const char *sc_call_arg(sc_rule_ctx *c, const sc_pos *pos, int index)
{
    size_t len;
    const char *src = sc_source(c, pos->file, &len);
    if (!src || pos->end_offset > len || pos->offset >= pos->end_offset)
        return NULL;
    const char *call = src + pos->offset;
    ctext_lexer lx;
    ctext_tok t;
    ctext_lexer_init(&lx, call, pos->end_offset - pos->offset);
    while (ctext_next(&lx, &t) != CT_END && !(t.kind == CT_PUNCT && call[t.b] == '('))
        ;
    /* the tokens of argument `index`: between the commas outside brackets
     * (or the parentheses) around it */
    size_t b = 0, e = 0;
    int depth = 0;
    while (ctext_next(&lx, &t) != CT_END) {
        if (t.kind == CT_COMMENT)
            continue;
        char ch = call[t.b];
        if (t.kind == CT_PUNCT && strchr("([{", ch)) {
            depth++;
        } else if (t.kind == CT_PUNCT && strchr(")]}", ch)) {
            if (depth-- == 0)
                break;
        } else if (t.kind == CT_PUNCT && ch == ',' && depth == 0) {
            if (index-- == 0)
                break;
            b = e = 0;            /* the next argument starts */
            continue;
        }
        if (e == 0)
            b = t.b;
        e = t.e;
    }
    if (index > 0)
        return NULL;              /* fewer arguments */
    if (e == 0 || memchr(call + b, '\n', e - b))
        return NULL;
    return report_fmt(c->rep, "%.*s", (int)(e - b), call + b);
}

bool sc_fix_add_keyword(sc_rule_ctx *c, sc_finding *f, const sc_pos *pos,
                        const char *text, const char *msg)
{
    size_t len;
    const char *src = sc_source(c, pos->file, &len);
    if (!src || pos->end_offset == 0 || pos->end_offset > len ||
        pos->offset >= pos->end_offset)
        return false;
    const char *call = src + pos->offset;
    size_t n = pos->end_offset - pos->offset;
    if (call[n - 1] != ')')
        return false;
    /* the keyword must not be there already: a second designator for the
     * same field would silently override the first, for every call */
    const char *dot = strchr(text, '.');
    size_t kl = 0;
    while (dot && ctext_ident_char(dot[1 + kl]))
        kl++;
    ctext_lexer lx;
    ctext_tok t;
    bool after_dot = false;
    ctext_lexer_init(&lx, call, n);
    while (kl && ctext_next(&lx, &t) != CT_END) {
        if (t.kind == CT_COMMENT)
            continue;
        if (after_dot && t.kind == CT_IDENT && t.e - t.b == kl && memcmp(call + t.b, dot + 1, kl) == 0)
            return false;
        after_dot = t.kind == CT_PUNCT && t.e - t.b == 1 && call[t.b] == '.';
    }
    finding_fix(c->rep, f, msg, pos->file, pos->end_offset - 1,
                pos->end_offset - 1, text);
    return true;
}

/* ---- dispatch ---- */

int sc_rule_index(const char *id)
{
    return sc_rule_meta_index(id);   /* generated in one order */
}

sc_severity sc_severity_parse(const char *s, bool *ok)
{
    *ok = true;
    if (strcmp(s, "error") == 0)
        return SC_SEV_ERROR;
    if (strcmp(s, "warning") == 0)
        return SC_SEV_WARNING;
    if (strcmp(s, "note") == 0)
        return SC_SEV_NOTE;
    *ok = false;
    return SC_SEV_WARNING;
}

void sc_rules_dispatch(const sc_event *ev, void *conf)
{
    sc_rules_conf *rc = conf;
    if (ev->kind == SC_EV_MAYBE_ERROR) {
        /* strict mode: "could fail" as a warning of the matching rule */
        if (!rc->strict)
            return;
        /* the rule that mirrors the failure: its id is the code's name */
        int i = sc_rule_index(vs_code_name((vs_code)ev->code));
        if (i < 0 || !rc->enabled[i])
            return;
        sc_finding *f = report_add(rc->rep, sc_rules[i]->id, SC_SEV_WARNING,
                                   &ev->at.pos,
                                   "this call could fail, depending on values "
                                   "known only at run time");
        sc_rule_ctx c = {rc->rep, SC_SEV_WARNING, sc_rules[i]->id, rc->sources};
        sc_context_notes(&c, f, &ev->at);
        return;
    }
    for (size_t i = 0; i < sc_nrules; i++) {
        const sc_rule *r = sc_rules[i];
        /* a failure of the library reported under a rule of its own
         * kind (a template call whose builder left a scope open fails
         * as scope-leak): the rule of that code writes it */
        bool failure = ev->kind == SC_EV_ERROR && r->kind != SC_EV_ERROR &&
                       r->code >= 0 && r->code == ev->code;
        if (!rc->enabled[i] || (r->kind != ev->kind && !failure) || !r->fn)
            continue;
        if (r->kind == SC_EV_ERROR && r->code != ev->code)
            continue;
        sc_rule_ctx c = {rc->rep, rc->severity[i], r->id, rc->sources};
        /* an error only where a run hits it (event.h: no_run_fails) */
        if (ev->no_run_fails && c.severity == SC_SEV_ERROR)
            c.severity = SC_SEV_WARNING;
        r->fn(ev, &c);
    }
}
