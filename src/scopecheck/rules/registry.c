/* Every rule, in the order of the contract's table. */
#include <string.h>

#include "rule.h"

extern const sc_rule rule_duplicate_variable, rule_missing_variable,
    rule_missing_dtype, rule_dtype_mismatch, rule_shape_mismatch,
    rule_undefined_shape, rule_initializer_mismatch, rule_invalid_name,
    rule_reuse_without_name, rule_scope_underflow, rule_scope_leak,
    rule_variable_renamed, rule_name_scope_ignored, rule_scope_reentered,
    rule_invalid_argument, rule_unused_suppression;

const sc_rule *const sc_rules[] = {
    &rule_duplicate_variable, &rule_missing_variable, &rule_missing_dtype,
    &rule_dtype_mismatch,     &rule_shape_mismatch,   &rule_undefined_shape,
    &rule_initializer_mismatch, &rule_invalid_name,   &rule_reuse_without_name,
    &rule_scope_underflow,    &rule_scope_leak,       &rule_variable_renamed,
    &rule_name_scope_ignored, &rule_scope_reentered,  &rule_invalid_argument,
    &rule_unused_suppression,
};
const size_t sc_nrules = sizeof sc_rules / sizeof sc_rules[0];

const sc_rule_meta *sc_rule_meta_find(const char *id)
{
    for (size_t i = 0; i < sc_nrule_metas; i++)
        if (strcmp(sc_rule_metas[i].id, id) == 0)
            return &sc_rule_metas[i];
    return NULL;
}
