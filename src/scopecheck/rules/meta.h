/* What each rule is, for whoever lists or describes rules (--explain,
 * --list-rules, the SARIF writer), generated from rules/<id>.json and
 * rules/<id>.md (tools/genrules.c).  No engine type in sight: the rules'
 * engine-facing side is rule.h. */
#ifndef SC_RULE_META_H
#define SC_RULE_META_H

#include <stddef.h>

typedef struct sc_rule_meta {
    const char *id;
    const char *severity;         /* "error", "warning", "note" */
    const char *summary;
    const char *doc;              /* the markdown page */
    int fixable;
    int runtime;                  /* mirrors a runtime failure */
    const char *const *tags;      /* rules/<id>.json "tags", NULL-ended */
} sc_rule_meta;

/* every rule, in the order --list-rules prints them (runtime failures in
 * vs_code order, then the others by event kind) */
extern const sc_rule_meta sc_rule_metas[];
extern const size_t sc_nrule_metas;

const sc_rule_meta *sc_rule_meta_find(const char *id);
/* its index in sc_rule_metas (and in rule.h's sc_rules), or -1 */
int sc_rule_meta_index(const char *id);

#endif
