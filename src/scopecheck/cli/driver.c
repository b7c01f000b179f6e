/* The run: options -> files -> map (parse and lower each file) -> link
 * (group files into programs, run the engine, the rules read its events)
 * -> suppressions -> report -> exit status. */
#include "driver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../engine/engine.h"
#include "../report/output.h"
#include "../rules/rule.h"
#include "../version.h"
#include "files.h"
#include "map.h"

static void list_rules(FILE *out)
{
    for (size_t i = 0; i < sc_nrules; i++) {
        const sc_rule_meta *m = sc_rule_meta_find(sc_rules[i]->id);
        fprintf(out, "%-22s %-8s %s\n", sc_rules[i]->id,
                m ? m->severity : "?", m ? m->summary : "");
    }
}

static bool explain(FILE *out, const char *id)
{
    const sc_rule_meta *m = sc_rule_meta_find(id);
    if (!m)
        return false;
    fputs(m->doc, out);
    return true;
}

/* Rules on/off and severities: the metadata's defaults, then --enable
 * and --disable. */
static void configure_rules(const sc_options *o, bool *enabled,
                            sc_severity *sev)
{
    for (size_t i = 0; i < sc_nrules; i++) {
        const sc_rule_meta *m = sc_rule_meta_find(sc_rules[i]->id);
        bool ok;
        enabled[i] = true;
        sev[i] = m ? sc_severity_parse(m->severity, &ok) : SC_SEV_WARNING;
    }
    for (size_t k = 0; k < o->disable.len; k++)
        enabled[sc_rule_index(o->disable.items[k])] = false;
    for (size_t k = 0; k < o->enable.len; k++)
        enabled[sc_rule_index(o->enable.items[k])] = true;
}

/* Programs: each unit that defines main is a program together with every
 * unit that defines no main (shared helpers); without any main, all units
 * form one program. */
static bool defines_main(const ir_unit *u)
{
    for (uint32_t i = 0; i < u->nfuncs; i++)
        if (strcmp(u->funcs[i].name, "main") == 0 && !u->funcs[i].is_static)
            return true;
    return false;
}

static void link_programs(ir_unit **units, size_t n, const sc_engine_opts *eo,
                          sc_rules_conf *rc)
{
    size_t nmain = 0;
    for (size_t i = 0; i < n; i++)
        nmain += units[i] && defines_main(units[i]);
    ir_unit **prog = calloc(n + 1, sizeof *prog);
    if (nmain == 0) {
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (units[i])
                prog[k++] = units[i];
        sc_analyze(prog, k, eo, sc_rules_dispatch, rc);
    }
    for (size_t m = 0; nmain && m < n; m++) {
        if (!units[m] || !defines_main(units[m]))
            continue;
        size_t k = 0;
        prog[k++] = units[m];
        for (size_t i = 0; i < n; i++)
            if (units[i] && !defines_main(units[i]))
                prog[k++] = units[i];
        sc_analyze(prog, k, eo, sc_rules_dispatch, rc);
    }
    free(prog);
}

static int exit_status(const sc_options *o, sc_report *rep)
{
    if (rep->failures.len)
        return 2;
    if (o->exit_zero)
        return 0;
    return report_count(rep, SC_SEV_ERROR) ? 1 : 0;
}

static void summary(FILE *err, sc_report *rep, size_t nfiles)
{
    size_t e = report_count(rep, SC_SEV_ERROR),
           w = report_count(rep, SC_SEV_WARNING),
           n = report_count(rep, SC_SEV_NOTE);
    fprintf(err, "scopecheck: %zu error%s, %zu warning%s, %zu note%s in %zu "
                 "file%s%s\n",
            e, e == 1 ? "" : "s", w, w == 1 ? "" : "s", n, n == 1 ? "" : "s",
            nfiles, nfiles == 1 ? "" : "s",
            rep->failures.len ? " (some files could not be checked)" : "");
}

int sc_run(const sc_options *o)
{
    if (o->help) {
        options_usage(stdout);
        return 0;
    }
    if (o->version) {
        printf("scopecheck %s (varscope %s, TF 1.15 semantics)\n", SC_VERSION,
               SC_VERSION);
        return 0;
    }
    if (o->list_rules) {
        list_rules(stdout);
        return 0;
    }
    if (o->explain)
        return explain(stdout, o->explain) ? 0 : 2;
    if (o->paths.len == 0) {
        fprintf(stderr, "scopecheck: no input files (see --help)\n");
        return 2;
    }

    sc_report rep;
    report_init(&rep);
    sc_strs files = {0};
    files_expand(&o->paths, &files, &rep);

    bool *enabled = calloc(sc_nrules, sizeof *enabled);
    sc_severity *sev = calloc(sc_nrules, sizeof *sev);
    configure_rules(o, enabled, sev);

    /* map: each file to its IR */
    ir_unit **units = calloc(files.len + 1, sizeof *units);
    sc_map_opts mo = {o->compdb_dir, &o->cflags, &o->extra_args, o->jobs};
    map_files(&files, &mo, units, &rep);

    /* link: the engine over each program, the rules read its events */
    sc_source_cache *src = sc_source_cache_new();
    sc_rules_conf rc = {&rep, src, enabled, sev, o->strict};
    sc_engine_opts eo = {0};
    eo.strict = o->strict;
    eo.loop_unroll = 1024;
    eo.call_depth = 32;
    link_programs(units, files.len, &eo, &rc);
    report_finish(&rep);

    FILE *out = stdout;
    if (o->output && !(out = fopen(o->output, "w"))) {
        fprintf(stderr, "scopecheck: %s: cannot write the report\n", o->output);
        out = NULL;
    }
    for (size_t i = 0; i < rep.failures.len; i++)
        fprintf(stderr, "scopecheck: error: %s\n", rep.failures.items[i]);
    sc_output_opts oo = {o->show_suppressed, false, files.len};
    if (out) {
        if (o->format == SC_FMT_JSON)
            output_json(out, &rep, src, &oo);
        else
            output_text(out, &rep, src, &oo);
    }
    if (out)
        fflush(out);
    if (!o->quiet && o->format == SC_FMT_TEXT)
        summary(stderr, &rep, files.len);
    int status = out ? exit_status(o, &rep) : 2;
    if (out && out != stdout)
        fclose(out);

    for (size_t i = 0; i < files.len; i++)
        if (units[i])
            ir_unit_free(units[i]);
    free(units);
    sc_source_cache_free(src);
    free(enabled);
    free(sev);
    files_free(&files);
    report_free(&rep);
    return status;
}
