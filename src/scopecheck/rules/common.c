/* What the rules share: positions, context notes, fix-its, dispatch. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rule.h"
#include "../report/source.h"
#include "../util/ctext.h"

sc_pos sc_site_pos(const sc_site *s)
{
    sc_pos p = {0};
    if (s->unit && s->loc.file < s->unit->nfiles)
        p.file = s->unit->files[s->loc.file];
    p.line = s->loc.line;
    p.col = s->loc.col;
    p.end_line = s->loc.end_line;
    p.end_col = s->loc.end_col;
    p.offset = s->loc.offset;
    p.end_offset = s->loc.end_offset;
    return p;
}

void sc_context_notes(sc_rule_ctx *c, sc_finding *f, const sc_site *s)
{
    for (const sc_iter *it = s->iter; it; it = it->up) {
        if (it->n == 1)
            continue;     /* the first pass says nothing (block forms) */
        sc_site ls = {it->loop, it->unit, NULL, NULL};
        sc_pos p = sc_site_pos(&ls);
        if (it->n > 0)
            finding_note(c->rep, f, &p, "on iteration %lld of this loop",
                         (long long)it->n);
        else
            finding_note(c->rep, f, &p, "on a later iteration of this loop");
        break;                    /* the innermost loop says enough */
    }
    for (const sc_chain *ch = s->chain; ch; ch = ch->up) {
        sc_site cs = {ch->call, ch->unit, NULL, NULL};
        sc_pos p = sc_site_pos(&cs);
        finding_note(c->rep, f, &p, "in '%s', called from here", ch->callee);
    }
}

sc_finding *sc_runtime_finding(const sc_event *ev, sc_rule_ctx *c)
{
    sc_pos p = sc_site_pos(&ev->site);
    sc_finding *f = report_add(c->rep, c->id, c->severity, &p,
                               ev->message ? ev->message : c->id);
    sc_context_notes(c, f, &ev->site);
    return f;
}

const char *sc_source(sc_rule_ctx *c, const char *file, size_t *len)
{
    return source_get(c->sources, file, len);
}

const char *sc_call_first_arg(sc_rule_ctx *c, const sc_pos *pos)
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
    /* the tokens up to the first ',' or ')' outside brackets */
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
            break;
        }
        if (e == 0)
            b = t.b;
        e = t.e;
    }
    if (e == 0 || memchr(call + b, '\n', e - b))
        return NULL;
    return report_fmt(c->rep, "%.*s", (int)(e - b), call + b);
}

bool sc_fix_add_keyword(sc_rule_ctx *c, sc_finding *f, const sc_pos *pos,
                        const char *const *macros, const char *text,
                        const char *msg)
{
    size_t len;
    const char *src = sc_source(c, pos->file, &len);
    if (!src || pos->end_offset == 0 || pos->end_offset > len ||
        pos->offset >= pos->end_offset)
        return false;
    const char *call = src + pos->offset;
    size_t n = pos->end_offset - pos->offset;
    bool is_macro = false;
    for (; *macros; macros++) {
        size_t m = strlen(*macros);
        if (n > m && strncmp(call, *macros, m) == 0 &&
            (call[m] == '(' || call[m] == ' ' || call[m] == '\t'))
            is_macro = true;
    }
    if (!is_macro || call[n - 1] != ')')
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
    for (size_t i = 0; i < sc_nrules; i++)
        if (strcmp(sc_rules[i]->id, id) == 0)
            return (int)i;
    return -1;
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

static const char *const code_ids[] = {
    "ok", "duplicate-variable", "missing-variable", "missing-dtype",
    "dtype-mismatch", "shape-mismatch", "undefined-shape",
    "initializer-mismatch", "invalid-name", "reuse-without-name",
    "scope-underflow", "scope-leak", "invalid-argument", "no-memory"};

void sc_rules_dispatch(const sc_event *ev, void *conf)
{
    sc_rules_conf *rc = conf;
    if (ev->kind == SC_EV_MAYBE_ERROR) {
        /* strict mode: "could fail" as a warning of the matching rule */
        if (!rc->strict || ev->code <= 0 ||
            (size_t)ev->code >= sizeof code_ids / sizeof code_ids[0])
            return;
        int i = sc_rule_index(code_ids[ev->code]);
        if (i < 0 || !rc->enabled[i])
            return;
        sc_pos p = sc_site_pos(&ev->site);
        sc_finding *f = report_add(rc->rep, sc_rules[i]->id, SC_SEV_WARNING, &p,
                                   "this call could fail, depending on values "
                                   "known only at run time");
        sc_rule_ctx c = {rc->rep, SC_SEV_WARNING, sc_rules[i]->id, rc->sources};
        sc_context_notes(&c, f, &ev->site);
        return;
    }
    for (size_t i = 0; i < sc_nrules; i++) {
        const sc_rule *r = sc_rules[i];
        if (!rc->enabled[i] || r->kind != ev->kind)
            continue;
        if (r->kind == SC_EV_ERROR && r->code != ev->code)
            continue;
        sc_rule_ctx c = {rc->rep, rc->severity[i], r->id, rc->sources};
        r->fn(ev, &c);
    }
}
