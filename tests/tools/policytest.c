/* policytest [scopecheck options] PATH... [-- FLAGS]
 *
 * scopecheck's run with the policy wired in as policy.h tells the driver
 * to (configurations, suppressions, baselines), for tests/suites/policy.sh
 * until driver.c calls policy_prepare/policy_apply itself.  The same
 * options, output and exit statuses as scopecheck; what it leaves out is
 * what the policy does not touch: the summary cache, the pre-scan (every
 * file is parsed), --emit-summary/--link. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/files.h"
#include "cli/map.h"
#include "cli/options.h"
#include "cli/policy.h"
#include "engine/engine.h"
#include "report/output.h"
#include "rules/rule.h"

static bool defines_main(const ir_unit *u)
{
    for (uint32_t i = 0; i < u->nfuncs; i++)
        if (strcmp(u->funcs[i].name, "main") == 0 && !u->funcs[i].is_static)
            return true;
    return false;
}

/* as driver.c links: each main with the shared units, then the shared
 * units' own entry points */
static void link_programs(ir_unit **units, size_t n, const sc_engine_opts *eo,
                          sc_rules_conf *rc)
{
    ir_unit **prog = calloc(n + 1, sizeof *prog);
    ir_unit **shared = calloc(n + 1, sizeof *shared);
    size_t nshared = 0;
    for (size_t i = 0; i < n; i++)
        if (units[i] && !defines_main(units[i]))
            shared[nshared++] = units[i];
    for (size_t m = 0; m < n; m++) {
        if (!units[m] || !defines_main(units[m]))
            continue;
        size_t k = 0;
        prog[k++] = units[m];
        for (size_t i = 0; i < nshared; i++)
            prog[k++] = shared[i];
        sc_engine_opts o = *eo;
        o.entry_units = &units[m];
        o.nentry_units = 1;
        sc_analyze(prog, k, &o, sc_rules_dispatch, rc);
    }
    if (nshared) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (units[i])
                prog[k++] = units[i];
        sc_engine_opts o = *eo;
        o.entry_units = shared;
        o.nentry_units = nshared;
        sc_analyze(prog, k, &o, sc_rules_dispatch, rc);
    }
    free(prog);
    free(shared);
}

int main(int argc, char **argv)
{
    sc_options o;
    if (!options_parse(&o, argc, argv))
        return 2;
    if (o.paths.len == 0) {
        fprintf(stderr, "scopecheck: no input files (see --help)\n");
        options_free(&o);
        return 2;
    }
    sc_report rep;
    report_init(&rep);
    sc_policy *pol = policy_new(&o);
    sc_strs files = {0};
    files_expand(&o.paths, &files, &rep);
    const sc_policy_plan *plan = policy_prepare(pol, &files, &rep);

    sc_map_opts mo = {o.compdb_dir, &o.cflags, &o.extra_args};
    sc_args_ctx *args = args_new(&mo, &rep);
    sc_map_item *items = calloc(files.len + 1, sizeof *items);
    size_t n = 0;
    for (size_t i = 0; args && i < files.len; i++) {
        char *err = NULL;
        sc_map_item it = {0};
        it.file = files.items[i];
        it.argv = args_for(args, files.items[i], &plan->extra_args[i],
                           &it.argc, &err);
        if (!it.argv) {
            report_failure(&rep, "%s", err ? err : files.items[i]);
            free(err);
            continue;
        }
        if (getenv("POLICYTEST_ARGS")) {
            fprintf(stderr, "args %s:", it.file);
            for (int a = 0; a < it.argc; a++)
                fprintf(stderr, " %s", it.argv[a]);
            fputc('\n', stderr);
        }
        items[n++] = it;
    }
    map_items(items, n, o.jobs, NULL, NULL, NULL);
    ir_unit **units = calloc(n + 1, sizeof *units);
    for (size_t i = 0; i < n; i++) {
        units[i] = items[i].unit;
        if (items[i].error) {
            report_failure(&rep, "%s", items[i].error);
            free(items[i].error);
        }
    }

    bool *enabled = calloc(sc_nrules, sizeof *enabled);
    sc_severity *sev = calloc(sc_nrules, sizeof *sev);
    for (size_t i = 0; i < sc_nrules; i++) {
        const sc_rule_meta *m = sc_rule_meta_find(sc_rules[i]->id);
        bool ok;
        enabled[i] = true;
        sev[i] = m ? sc_severity_parse(m->severity, &ok) : SC_SEV_WARNING;
    }
    for (size_t k = 0; k < o.disable.len; k++)
        enabled[sc_rule_index(o.disable.items[k])] = false;
    for (size_t k = 0; k < o.enable.len; k++)
        enabled[sc_rule_index(o.enable.items[k])] = true;
    sc_source_cache *src = sc_source_cache_new();
    sc_rules_conf rc = {&rep, src, enabled, sev, plan->strict};
    sc_engine_opts eo = {0};
    eo.strict = plan->strict;
    eo.loop_unroll = 1024;
    eo.call_depth = 32;
    eo.aliases = plan->aliases;
    eo.naliases = plan->naliases;
    link_programs(units, n, &eo, &rc);
    report_finish(&rep);
    policy_apply(pol, &rep, src);

    FILE *out = stdout;
    if (o.output && !(out = fopen(o.output, "w"))) {
        report_failure(&rep, "%s: cannot write the report", o.output);
        out = NULL;
    }
    sc_output_opts oo = {o.show_suppressed, false, files.len};
    if (out) {
        if (o.format == SC_FMT_JSON)
            output_json(out, &rep, src, &oo);
        else if (o.format == SC_FMT_SARIF)
            output_sarif(out, &rep, src, &oo);
        else
            output_text(out, &rep, src, &oo);
        if (out != stdout)
            fclose(out);
        else
            fflush(out);
    }
    for (size_t i = 0; i < rep.failures.len; i++)
        fprintf(stderr, "scopecheck: error: %s\n", rep.failures.items[i]);
    size_t e = report_count(&rep, SC_SEV_ERROR),
           w = report_count(&rep, SC_SEV_WARNING),
           nn = report_count(&rep, SC_SEV_NOTE);
    if (!o.quiet && o.format == SC_FMT_TEXT)
        fprintf(stderr, "scopecheck: %zu errors, %zu warnings, %zu notes in "
                        "%zu files\n", e, w, nn, files.len);
    int status = rep.failures.len ? 2 : o.exit_zero ? 0 : e ? 1 : 0;

    for (size_t i = 0; i < n; i++) {
        if (items[i].unit)
            ir_unit_free(items[i].unit);
        args_release(items[i].argv);
    }
    free(items);
    free(units);
    free(enabled);
    free(sev);
    sc_source_cache_free(src);
    args_free(args);
    files_free(&files);
    policy_free(pol);
    report_free(&rep);
    options_free(&o);
    return status;
}
