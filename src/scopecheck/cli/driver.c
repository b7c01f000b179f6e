/* The run: options -> files -> pre-scan -> map (parse and lower, through
 * the cache, on N threads) -> link (group files into programs, run the
 * engine; the rules read its events) -> report -> exit status.
 *
 * --emit-summary DIR stops after the map step and writes each file's IR
 * summary to DIR; --link DIR starts from the summaries in DIR.  A build
 * system can run the first next to compilation and the second at the
 * end. */
#include "driver.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "../engine/engine.h"
#include "../ir/summary.h"
#include "../report/output.h"
#include "../rules/rule.h"
#include "../util/file.h"
#include "../version.h"
#include "cache.h"
#include "files.h"
#include "jsonfile.h"
#include "fix.h"
#include "map.h"
#include "policy.h"
#include "prescan.h"

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

/* ---- link ---- */

/* Programs: each unit that defines main is a program together with every
 * unit that defines no main (shared helpers); without any main, all units
 * form one program.  Entry points: each program's main and the uncalled
 * functions of its main unit; the uncalled functions of the shared units
 * are analysed once, in a pass over every unit (so that a helper any main
 * calls is not mistaken for an entry point), not once per program. */
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

/* ---- map, with the pre-scan ---- */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void add_name(const char *name, void *ctx)
{
    sc_strmap_put(ctx, name, (void *)1);
}

typedef struct run {
    const sc_options *o;
    sc_report *rep;
    sc_strs files;
    sc_map_item *items;           /* per file */
    bool *mapped;
    sc_cache *cache;
    sc_strs aliases;
    double map_seconds;
} run;

static void map_some(run *r, const bool *want)
{
    size_t n = 0;
    sc_map_item *batch = calloc(r->files.len + 1, sizeof *batch);
    size_t *index = calloc(r->files.len + 1, sizeof *index);
    for (size_t i = 0; i < r->files.len; i++)
        if (want[i] && !r->mapped[i] && r->items[i].argv) {
            index[n] = i;
            batch[n++] = r->items[i];
            r->mapped[i] = true;
        }
    map_items(batch, n, r->o->jobs, r->cache, NULL, NULL);
    for (size_t k = 0; k < n; k++)
        r->items[index[k]] = batch[k];
    free(batch);
    free(index);
}

static ir_unit **units_of(run *r)
{
    ir_unit **u = calloc(r->files.len + 1, sizeof *u);
    for (size_t i = 0; i < r->files.len; i++)
        u[i] = r->items[i].unit;
    return u;
}

/* The first round's filter, run by the map step's workers: a file is
 * parsed if it names the library (binary data too: it is no C source,
 * whatever it may name, and its parse says so). */
typedef struct first_round {
    run *r;
    sc_prescan *ps;
    bool all;                     /* --all-files: every file */
} first_round;

static bool names_library(void *ctx, size_t i)
{
    first_round *fr = ctx;
    run *r = fr->r;
    const char *file = r->files.items[i];
    bool want = r->items[i].argv &&
                (fr->all ||
                 prescan_mentions_library(fr->ps, file, r->items[i].argv,
                                          &r->aliases) ||
                 prescan_is_binary(fr->ps, file));
    r->mapped[i] = want;
    return want;
}

/* Parses the files that can reach the library: those whose text names it,
 * then, until nothing changes, those that name a function that reaches it
 * (see prescan.c).  --all-files parses everything. */
static void map_reaching(run *r, bool all)
{
    size_t n = r->files.len;
    bool *want = calloc(n + 1, sizeof *want);
    sc_prescan *ps = prescan_new();
    first_round fr = {r, ps, all};
    map_items(r->items, n, r->o->jobs, r->cache, names_library, &fr);
    for (;;) {
        ir_unit **u = units_of(r);
        ir_unit **dense = calloc(n + 1, sizeof *dense);
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (u[i])
                dense[k++] = u[i];
        sc_strmap names = {0};
        sc_reaching_functions(dense, k, NULL, 0, add_name, &names);
        bool more = false;
        for (size_t i = 0; i < n; i++) {
            want[i] = !r->mapped[i] && r->items[i].argv &&
                      prescan_mentions_any(ps, r->files.items[i], &names);
            more |= want[i];
        }
        sc_strmap_free(&names);
        free(u);
        free(dense);
        if (!more)
            break;
        map_some(r, want);
    }
    prescan_free(ps);
    free(want);
}

/* ---- summaries on disk ---- */

static char *summary_name(const char *dir, const char *file)
{
    uint64_t h = sc_fnv1a(SC_FNV_INIT, file, strlen(file));
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    size_t n = strlen(dir) + strlen(base) + 32;
    char *path = sc_xmalloc(n);
    snprintf(path, n, "%s/%s.%016llx.scir", dir, base, (unsigned long long)h);
    return path;
}

static void emit_summaries(run *r)
{
    if (mkdir(r->o->emit_summary, 0777) != 0 && errno != EEXIST) {
        report_failure(r->rep, "%s: cannot create the directory (%s)",
                       r->o->emit_summary, strerror(errno));
        return;
    }
    for (size_t i = 0; i < r->files.len; i++) {
        if (!r->items[i].unit)
            continue;
        size_t len;
        unsigned char *bytes = ir_write(r->items[i].unit, &len);
        char *path = summary_name(r->o->emit_summary, r->files.items[i]);
        char *tmp = sc_xmalloc(strlen(path) + 8);
        sprintf(tmp, "%s.tmp", path);
        FILE *f = fopen(tmp, "wb");
        bool ok = f && fwrite(bytes, 1, len, f) == len;
        if (f)
            ok = fclose(f) == 0 && ok;
        if (!ok || rename(tmp, path) != 0) {
            remove(tmp);
            report_failure(r->rep, "%s: cannot write the summary", path);
        }
        free(tmp);
        free(path);
        free(bytes);
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* --link DIR...: every *.scir in each DIR, in name order (stable output). */
static void read_summaries(run *r)
{
    for (size_t k = 0; k < r->o->link.len; k++) {
        const char *dir = r->o->link.items[k];
        DIR *d = opendir(dir);
        if (!d) {
            report_failure(r->rep, "%s: %s", dir, strerror(errno));
            continue;
        }
        size_t before = r->files.len;
        struct dirent *e;
        while ((e = readdir(d))) {
            size_t l = strlen(e->d_name);
            if (l > 5 && strcmp(e->d_name + l - 5, ".scir") == 0)
                SC_PUSH(r->files, sc_asprintf("%s/%s", dir, e->d_name));
        }
        closedir(d);
        if (r->files.len == before)
            report_failure(r->rep, "%s: no summaries (*.scir) in this directory",
                           dir);
    }
    if (r->files.len > 1)
        qsort(r->files.items, r->files.len, sizeof *r->files.items, cmp_str);
    r->items = calloc(r->files.len + 1, sizeof *r->items);
    for (size_t i = 0; i < r->files.len; i++) {
        size_t len;
        unsigned char *buf = (unsigned char *)sc_read_file(r->files.items[i], &len);
        r->items[i].file = r->files.items[i];
        r->items[i].unit = buf ? ir_read(buf, len) : NULL;
        if (!r->items[i].unit)
            report_failure(r->rep, "%s: not a scopecheck %s summary, or damaged",
                           r->files.items[i], SC_VERSION);
        free(buf);
    }
}

/* ---- --fix ---- */

static void apply_fixes(run *r, sc_report *rep)
{
#ifdef SC_TEST_HOOKS
    /* the test build only (tests/suites/fix.sh): a file changed by
     * somebody between the check and the fix */
    if (getenv("SCOPECHECK_TEST_MODIFY_BEFORE_FIX"))
        for (size_t i = 0; i < r->files.len; i++) {
            FILE *f = fopen(r->files.items[i], "a");
            if (f) {
                fputc('\n', f);
                fclose(f);
            }
        }
#endif
    sc_strmap hashes = {0};
    for (size_t i = 0; i < r->files.len; i++)
        if (r->items[i].hashed)
            sc_strmap_put(&hashes, r->files.items[i], &r->items[i].hash);
    size_t nfiles = 0, n = fix_apply(rep, &hashes, &nfiles);
    sc_strmap_free(&hashes);
    if (!r->o->quiet)
        fprintf(stderr, "scopecheck: fixed %zu finding%s in %zu file%s\n", n,
                n == 1 ? "" : "s", nfiles, nfiles == 1 ? "" : "s");
}

/* ---- output ---- */

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

static bool write_report(const sc_options *o, sc_report *rep,
                         sc_source_cache *src, size_t nfiles)
{
    FILE *out = stdout;
    if (o->output && !(out = fopen(o->output, "w"))) {
        report_failure(rep, "%s: cannot write the report (%s)", o->output,
                       strerror(errno));
        return false;
    }
    sc_output_opts oo = {o->show_suppressed, false, nfiles};
    bool ok = true;
    switch (o->format) {
    case SC_FMT_JSON:
        ok = output_json(out, rep, src, &oo);
        break;
    case SC_FMT_SARIF:
        ok = output_sarif(out, rep, src, &oo);
        break;
    case SC_FMT_GITHUB:
        output_github(out, rep, src, &oo);
        break;
    default:
        output_text(out, rep, src, &oo);
        break;
    }
    if (out != stdout)
        ok = fclose(out) == 0 && ok;
    else
        fflush(out);
    return ok;
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
    if (o->paths.len == 0 && o->link.len == 0) {
        fprintf(stderr, "scopecheck: no input files (see --help)\n");
        return 2;
    }

    sc_report rep;
    report_init(&rep);
    run r = {0};
    r.o = o;
    r.rep = &rep;
    sc_map_opts mo = {o->compdb_dir, &o->cflags, &o->extra_args};
    sc_args_ctx *args = NULL;
    /* configurations, suppressions, baselines (see policy.h) */
    sc_policy *pol = policy_new(o);
    const sc_policy_plan *plan = NULL;

    if (o->link.len) {
        read_summaries(&r);
    } else {
        files_expand(&o->paths, &r.files, &rep);
        plan = policy_prepare(pol, &r.files, &rep);
        if (plan)
            r.aliases = plan->alias_names;
        r.items = calloc(r.files.len + 1, sizeof *r.items);
        r.mapped = calloc(r.files.len + 1, sizeof *r.mapped);
        args = args_new(&mo, &rep);
        for (size_t i = 0; args && i < r.files.len; i++) {
            r.items[i].file = r.files.items[i];
            char *err = NULL;
            r.items[i].argv = args_for(args, r.files.items[i],
                                       plan ? &plan->extra_args[i] : NULL,
                                       &r.items[i].argc, &err);
            if (!r.items[i].argv) {
                report_failure(&rep, "%s", err ? err : r.files.items[i]);
                free(err);
            }
        }
        if (!o->no_cache && !o->emit_summary) {
            char *err = NULL;
            r.cache = cache_open(o->cache_dir ? o->cache_dir : ".scopecheck-cache",
                                 &err);
            if (!r.cache) {
                /* no cache is a slower run, not a failed one */
                if (!o->quiet)
                    fprintf(stderr, "scopecheck: warning: %s\n", err);
                free(err);
            }
        }
        /* a build system runs the map step file by file: it cannot know
         * which functions of other files reach the library, so every
         * file gets its summary */
        double t0 = now();
        map_reaching(&r, o->all_files || o->emit_summary);
        r.map_seconds = now() - t0;
        for (size_t i = 0; i < r.files.len; i++)
            if (r.items[i].error) {
                report_failure(&rep, "%s", r.items[i].error);
                free(r.items[i].error);
                r.items[i].error = NULL;
            }
    }
    if (getenv("SCOPECHECK_STATS")) {
        size_t hits, misses, parsed = 0;
        cache_stats(r.cache, &hits, &misses);
        for (size_t i = 0; i < r.files.len; i++)
            parsed += r.mapped && r.mapped[i];
        fprintf(stderr, "scopecheck: %zu files, %zu mapped, cache %zu hits, "
                        "%zu misses (map step %.3f s)\n", r.files.len, parsed,
                hits, misses, r.map_seconds);
    }

    int status;
    if (o->emit_summary) {
        emit_summaries(&r);
        for (size_t i = 0; i < rep.failures.len; i++)
            fprintf(stderr, "scopecheck: error: %s\n", rep.failures.items[i]);
        status = rep.failures.len ? 2 : 0;
    } else {
        bool *enabled = calloc(sc_nrules, sizeof *enabled);
        sc_severity *sev = calloc(sc_nrules, sizeof *sev);
        configure_rules(o, enabled, sev);
        sc_source_cache *src = sc_source_cache_new();
        bool strict = plan ? plan->strict : o->strict;
        sc_rules_conf rc = {&rep, src, enabled, sev, strict};
        sc_engine_opts eo = {0};
        eo.strict = strict;
        if (plan) {
            eo.aliases = plan->aliases;
            eo.naliases = plan->naliases;
        }
        eo.loop_unroll = 1024;
        eo.call_depth = 32;
        ir_unit **units = units_of(&r);
        double t0 = now();
        link_programs(units, r.files.len, &eo, &rc);
        if (getenv("SCOPECHECK_STATS"))
            fprintf(stderr, "scopecheck: link step %.3f s\n", now() - t0);
        free(units);
        report_finish(&rep);
        policy_apply(pol, &rep, src);
        if (o->fix)
            apply_fixes(&r, &rep);
        bool wrote = write_report(o, &rep, src, r.files.len);
        for (size_t i = 0; i < rep.failures.len; i++)
            fprintf(stderr, "scopecheck: error: %s\n", rep.failures.items[i]);
        if (!o->quiet && o->format == SC_FMT_TEXT)
            summary(stderr, &rep, r.files.len);
        status = wrote ? exit_status(o, &rep) : 2;
        sc_source_cache_free(src);
        free(enabled);
        free(sev);
    }

    for (size_t i = 0; i < r.files.len; i++) {
        if (r.items[i].unit)
            ir_unit_free(r.items[i].unit);
        args_release(r.items[i].argv);
    }
    free(r.items);
    free(r.mapped);
    cache_close(r.cache);
    args_free(args);
    files_free(&r.files);
    policy_free(pol);
    report_free(&rep);
    return status;
}
