/* scope-leak: a path leaves a function or a block form with a scope it
 * entered still open (other paths close it), or the graph is freed / the
 * program ends with scopes open.  Reported where the scope was entered,
 * which is also where the runtime reports it at vs_graph_free. */
#include <ctype.h>
#include <string.h>

#include "rule.h"

/* The indentation of the line holding offset `at`: its start and length. */
static size_t indent_of(const char *src, size_t at, size_t *start)
{
    size_t ls = at;
    while (ls > 0 && src[ls - 1] != '\n')
        ls--;
    size_t k = ls;
    while (src[k] == ' ' || src[k] == '\t')
        k++;
    *start = ls;
    return k - ls;
}

/* Exits the scope just before the return that leaks it, laid out in the
 * file's own indentation (rules/scope-leak.md shows it):
 *   - a return that is a statement of a block gets `vs_scope_exit(G);` on
 *     its own line above it, indented as it is;
 *   - a return that is the unbraced body of an if/else/loop on its own
 *     line gets braces, the `{` on the line of the condition and the `}`
 *     under it;
 *   - otherwise (`if (x) return;` on one line, a comment in the way) the
 *     return becomes `{ vs_scope_exit(G); return ...; }` where it stands.
 * Only offered when every path through that return leaks this scope,
 * which the engine checked. */
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
    const char *msg = report_fmt(c->rep, "exit the scope before returning: "
                                         "vs_scope_exit(%s)", g);
    size_t ls, ind = indent_of(src, ret->offset, &ls);
    bool own_line = ls + ind == ret->offset;
    /* what comes before the return, blanks skipped */
    size_t prev = ret->offset;
    while (prev > 0 && strchr(" \t\r\n", src[prev - 1]))
        prev--;
    char before = prev > 0 ? src[prev - 1] : '{';
    bool after_else = prev >= 4 && strncmp(src + prev - 4, "else", 4) == 0 &&
                      (prev == 4 || !(src[prev - 5] == '_' ||
                                      isalnum((unsigned char)src[prev - 5])));
    if (own_line && strchr("{;}:", before) && !after_else) {
        sc_edit e = {ret->file, ret->offset, ret->offset,
                     report_fmt(c->rep, "vs_scope_exit(%s);\n%.*s", g, (int)ind,
                                src + ls)};
        finding_fix_edits(c->rep, f, msg, &e, 1);
        return;
    }
    if (own_line && (before == ')' || after_else)) {
        size_t cls, cind = indent_of(src, prev - 1, &cls);
        sc_edit edits[2] = {
            {ret->file, (uint32_t)prev, ret->offset,
             report_fmt(c->rep, " {\n%.*svs_scope_exit(%s);\n%.*s", (int)ind,
                        src + ls, g, (int)ind, src + ls)},
            {ret->file, (uint32_t)semi + 1, (uint32_t)semi + 1,
             report_fmt(c->rep, "\n%.*s}", (int)cind, src + cls)},
        };
        finding_fix_edits(c->rep, f, msg, edits, 2);
        return;
    }
    sc_edit edits[2] = {
        {ret->file, ret->offset, ret->offset,
         report_fmt(c->rep, "{ vs_scope_exit(%s); ", g)},
        {ret->file, (uint32_t)semi + 1, (uint32_t)semi + 1, " }"},
    };
    finding_fix_edits(c->rep, f, msg, edits, 2);
}

/* A template call whose builder returned with a scope it entered still
 * open: the library fails the call there (template.c) and undoes what
 * the builder did.  Reported at the call, the scope's entry as a note. */
static void template_leak(const sc_event *ev, sc_rule_ctx *c)
{
    sc_finding *f = sc_runtime_finding(ev, c);
    if (ev->other.known) {
        finding_note(c->rep, f, &ev->other.pos,
                     "%s '%s' is entered here and still open when the "
                     "builder returns: the template call fails and undoes "
                     "what the builder did",
                     ev->scope_kind == SC_SCOPE_NAME ? "name scope"
                                                     : "variable scope",
                     ev->scope_name ? sc_name_shown(c, ev->scope_name) : "?");
        sc_context_notes(c, f, &ev->other);
    }
}

void rule_scope_leak(const sc_event *ev, sc_rule_ctx *c)
{
    if (ev->kind == SC_EV_ERROR) {
        template_leak(ev, c);
        return;
    }
    const char *what = report_fmt(
        c->rep, ev->scope_kind == SC_SCOPE_NAME ? "name scope '%s'"
                                                : "variable scope '%s'",
        ev->scope_name ? sc_name_shown(c, ev->scope_name) : "?");
    const sc_pos *p = &ev->at.pos;
    const char *msg =
        ev->at_program_end
            ? report_fmt(c->rep,
                         "%s entered here is still open when main returns "
                         "with the graph alive: no run fails, since the "
                         "library reports open scopes at vs_graph_free, but "
                         "the scope is never closed", what)
        : ev->func && ev->other.known
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
        if (ev->at_program_end)
            finding_note(c->rep, f, q, "main returns here; the graph is "
                                       "never freed");
        else if (ev->func)
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
