/* Rules read the engine's events and turn them into findings.  A rule is
 * an id (equal to vs_code_name() where the runtime fails the same way),
 * the events it listens to, and a checker, rule_<id with _>() in
 * <id with _>.c, that writes the finding with its notes and fix-its.
 * Metadata (severity, summary, doc, event) lives in rules/<id>.json and
 * rules/<id>.md at the top of the tree; tools/genrules.c makes the
 * registry (sc_rules) and the metadata (meta.h) from them. */
#ifndef SC_RULE_H
#define SC_RULE_H

#include "../../common/vocab.h"
#include "../engine/event.h"
#include "../report/findings.h"
#include "../report/source.h"
#include "meta.h"

typedef struct sc_rule_ctx {
    sc_report *rep;
    sc_severity severity;         /* configured severity of the rule */
    const char *id;
    sc_source_cache *sources;     /* file texts, for fix-its */
} sc_rule_ctx;

typedef void (*sc_rule_fn)(const sc_event *ev, sc_rule_ctx *ctx);

typedef struct sc_rule {
    const char *id;
    sc_event_kind kind;
    int code;                     /* a runtime failure's vs_code; else -1 */
    sc_rule_fn fn;                /* NULL: findings not from the engine */
} sc_rule;

/* every rule, in sc_rule_metas' order (generated) */
extern const sc_rule *const sc_rules[];
extern const size_t sc_nrules;

/* ---- helpers shared by the rules (common.c) ---- */
/* notes for the loop turn and the call chain of a place */
void sc_context_notes(sc_rule_ctx *c, sc_finding *f, const sc_event_site *s);
/* name as a message shows it: whole, or, past SC_NAME_SHOWN_MAX bytes (a
 * scope opened in a loop a thousand times over), its two ends around an
 * ellipsis and its length, cut at UTF-8 character boundaries */
#define SC_NAME_SHOWN_MAX 160
const char *sc_name_shown(sc_rule_ctx *c, const char *name);
/* the finding every runtime-failure rule starts from */
sc_finding *sc_runtime_finding(const sc_event *ev, sc_rule_ctx *c);
/* How the call written at pos is spelled (vocab.h: which library function
 * it reaches through which macro); false if not with one of the library's
 * names. */
bool sc_call_spelling(sc_rule_ctx *c, const sc_pos *pos, vs_spelling *out);
/* Inserts TEXT (", .field = value") before the closing parenthesis of the
 * call at pos, unless the call sets that field already; the caller checked
 * that the call takes keywords (sc_call_spelling).  False if not done. */
bool sc_fix_add_keyword(sc_rule_ctx *c, sc_finding *f, const sc_pos *pos,
                        const char *text, const char *msg);
const char *sc_source(sc_rule_ctx *c, const char *file, size_t *len);
/* The text of argument `index` (0-based) of the call written at pos ("g"
 * in vs_variable_scope_enter(g, "a") for 0), or NULL. */
const char *sc_call_arg(sc_rule_ctx *c, const sc_pos *pos, int index);

/* Feeds an event to the rules that listen to it. */
typedef struct sc_rules_conf {
    sc_report *rep;
    sc_source_cache *sources;
    /* per rule: enabled and severity (indexes of sc_rules) */
    bool *enabled;
    sc_severity *severity;
    bool strict;
} sc_rules_conf;
void sc_rules_dispatch(const sc_event *ev, void *conf /* sc_rules_conf */);
int sc_rule_index(const char *id);
sc_severity sc_severity_parse(const char *s, bool *ok);

#endif
