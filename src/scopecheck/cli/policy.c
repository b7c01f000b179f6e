#include "policy.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../report/fingerprint.h"
#include "../rules/rule.h"
#include "baseline.h"
#include "config.h"
#include "path.h"
#include "suppress.h"

struct sc_policy {
    const sc_options *o;
    sc_config_cache *configs;
    sc_policy_plan plan;
    sc_strs files;                       /* the checked files (borrowed) */
    const bool *reported;                /* per file: its comments are read */
    sc_strs *extra;                      /* per checked file */
    SC_VEC(sc_alias) aliases;
    SC_VEC(const char *) alias_from;     /* the config each alias came from */
    sc_report *rep;                      /* for the callbacks */
    char *last_file;                     /* cfg_of's memo (a copy) */
    const sc_config *last_cfg;
    bool last_excluded;
};

/* the engine's strict-mode findings (rules/common.c, sc_rules_dispatch) */
static const char strict_prefix[] = "this call could fail";

sc_policy *policy_new(const sc_options *o)
{
    sc_policy *p = sc_xmalloc(sizeof *p);
    memset(p, 0, sizeof *p);
    p->o = o;
    p->configs = config_cache_new(o->config);
    return p;
}

void policy_free(sc_policy *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->files.len; i++)
        SC_VEC_FREE(p->extra[i]);
    free(p->extra);
    SC_VEC_FREE(p->files);
    SC_VEC_FREE(p->plan.alias_names);
    SC_VEC_FREE(p->aliases);
    SC_VEC_FREE(p->alias_from);
    free(p->last_file);
    config_cache_free(p->configs);
    free(p);
}

static bool listed(const sc_strs *v, const char *id)
{
    for (size_t i = 0; i < v->len; i++)
        if (strcmp(v->items[i], id) == 0)
            return true;
    return false;
}

/* ---- before the map step ------------------------------------------------ */

static void add_aliases(sc_policy *p, const sc_config *cfg, sc_report *rep)
{
    for (size_t k = 0; k < cfg->naliases; k++) {
        const sc_alias *a = &cfg->aliases[k];
        bool dup = false;
        for (size_t i = 0; i < p->aliases.len && !dup; i++) {
            if (strcmp(p->aliases.items[i].name, a->name) != 0)
                continue;
            dup = true;
            if (strcmp(p->aliases.items[i].canonical, a->canonical) != 0)
                report_failure(rep, "%s: \"library\": \"%s\" is \"%s\" here but "
                                    "\"%s\" in %s (a program has one meaning "
                                    "for each name)",
                               cfg->path, a->name, a->canonical,
                               p->aliases.items[i].canonical,
                               p->alias_from.items[i]);
        }
        if (!dup) {
            SC_PUSH(p->aliases, *a);
            SC_PUSH(p->alias_from, cfg->path);
        }
    }
}

const sc_policy_plan *policy_prepare(sc_policy *p, sc_strs *files,
                                     sc_report *rep)
{
    const sc_options *o = p->o;
    p->rep = rep;
    for (size_t i = 0; i < p->files.len; i++)   /* a second call */
        SC_VEC_FREE(p->extra[i]);
    free(p->extra);
    p->files.len = 0;
    p->extra = sc_xmalloc((files->len + 1) * sizeof *p->extra);
    memset(p->extra, 0, (files->len + 1) * sizeof *p->extra);
    p->plan.strict = o->strict;
    SC_VEC(const sc_config *) seen = {0};
    size_t k = 0;
    for (size_t i = 0; i < files->len; i++) {
        const char *file = files->items[i];
        const sc_config *cfg = config_for_file(p->configs, file, rep);
        if (cfg->broken || config_excludes(p->configs, cfg, file)) {
            free((void *)file);
            continue;
        }
        files->items[k] = file;
        SC_PUSH(p->files, file);
        for (size_t a = 0; a < cfg->extra_args.len; a++)
            SC_PUSH(p->extra[k], cfg->extra_args.items[a]);
        k++;
        if (cfg->strict == 1)
            p->plan.strict = true;
        bool known = false;
        for (size_t s = 0; s < seen.len && !known; s++)
            known = seen.items[s] == cfg;
        if (!known) {
            SC_PUSH(seen, cfg);
            add_aliases(p, cfg, rep);
        }
    }
    files->len = k;
    SC_VEC_FREE(seen);
    p->plan.extra_args = p->extra;
    p->plan.aliases = p->aliases.items;
    p->plan.naliases = p->aliases.len;
    p->plan.alias_names.len = 0;
    for (size_t i = 0; i < p->aliases.len; i++)
        SC_PUSH(p->plan.alias_names, p->aliases.items[i].name);
    return &p->plan;
}

/* ---- after report_finish --------------------------------------------------- */

static void drop(sc_finding *f)
{
    SC_VEC_FREE(f->notes);
    for (size_t m = 0; m < f->fixes.len; m++)
        free(f->fixes.items[m].edits);
    SC_VEC_FREE(f->fixes);
}

/* the configuration of a finding's file (NULL: none usable); findings
 * come sorted by file, so one remembered answer saves most lookups */
static const sc_config *cfg_of(sc_policy *p, const char *file, sc_report *rep)
{
    if (!file)
        return NULL;
    if (p->last_file && strcmp(p->last_file, file) == 0)
        return p->last_cfg;
    const sc_config *cfg = config_for_file(p->configs, file, rep);
    free(p->last_file);
    p->last_file = sc_xstrdup(file);
    p->last_cfg = cfg && !cfg->broken ? cfg : NULL;
    p->last_excluded = p->last_cfg && config_excludes(p->configs, p->last_cfg, file);
    return p->last_cfg;
}

/* step 1: the configuration's rules and strictness */
static void configure(sc_policy *p, sc_report *rep)
{
    const sc_options *o = p->o;
    size_t k = 0;
    for (size_t i = 0; i < rep->items.len; i++) {
        sc_finding *f = rep->items.items[i];
        const sc_config *cfg = cfg_of(p, f->pos.file, rep);
        bool strict_finding =
            f->msg && strncmp(f->msg, strict_prefix, sizeof strict_prefix - 1) == 0;
        /* a finding in a header its configuration excludes */
        bool keep = !(cfg && p->last_excluded);
        if (strict_finding && !o->strict && !(cfg && cfg->strict == 1))
            keep = false;
        int ri = f->rule ? sc_rule_index(f->rule) : -1;
        int st = config_rule(cfg, ri);
        if (st == SC_RULE_OFF && !listed(&o->enable, f->rule))
            keep = false;
        if (keep && st >= 0) {
            sc_severity sev = (sc_severity)st;
            if (strict_finding && sev == SC_SEV_ERROR)
                sev = SC_SEV_WARNING;
            f->severity = sev;
        }
        if (keep)
            rep->items.items[k++] = f;
        else
            drop(f);
    }
    rep->items.len = k;
}

/* step 3's decisions, per file */
static bool unused_report(void *ctx, const char *file, sc_severity *sev)
{
    sc_policy *p = ctx;
    const sc_options *o = p->o;
    const char *id = SC_UNUSED_SUPPRESSION;
    bool enabled = listed(&o->enable, id);
    if (!enabled && listed(&o->disable, id))
        return false;
    const sc_config *cfg = cfg_of(p, file, p->rep);
    int st = config_rule(cfg, sc_rule_index(id));
    if (st == SC_RULE_OFF && !enabled)
        return false;
    if (!(o->report_unused_ignores || enabled || st >= 0))
        return false;
    const sc_rule_meta *m = sc_rule_meta_find(id);
    bool ok = true;
    *sev = st >= 0 ? (sc_severity)st
                   : m ? sc_severity_parse(m->severity, &ok) : SC_SEV_WARNING;
    return true;
}

static bool rule_on(void *ctx, const char *file, int rule)
{
    sc_policy *p = ctx;
    const sc_options *o = p->o;
    const char *id = sc_rules[rule]->id;
    if (listed(&o->enable, id))
        return true;
    if (listed(&o->disable, id))
        return false;
    return config_rule(cfg_of(p, file, p->rep), rule) != SC_RULE_OFF;
}

void policy_report_only(sc_policy *p, const bool *reported)
{
    p->reported = reported;
}

/* findings' files as a baseline names them: relative to its directory */
typedef struct rel_names {
    char *dir;                    /* the baseline's, absolute */
    sc_report *rep;               /* the names live in its arena */
    const char *last_file, *last_name;
} rel_names;

static const char *rel_name(void *ctx, const char *file)
{
    rel_names *rn = ctx;
    if (rn->last_file && strcmp(rn->last_file, file) == 0)
        return rn->last_name;
    char *abs = sc_path_abs(file);
    char *rel = sc_path_rel(rn->dir, abs);
    rn->last_file = file;
    rn->last_name = report_str(rn->rep, rel);
    free(rel);
    free(abs);
    return rn->last_name;
}

static const char **baseline_fps(sc_report *rep, sc_source_cache *src,
                                 const char *baseline, const char ***names)
{
    char *abs = sc_path_abs(baseline);
    rel_names rn = {sc_path_dir(abs), rep, NULL, NULL};
    free(abs);
    const char **fps = report_fingerprints_named(rep, src, rel_name, &rn);
    if (names) {
        *names = sc_xmalloc((rep->items.len + 1) * sizeof **names);
        for (size_t i = 0; i < rep->items.len; i++)
            (*names)[i] = rep->items.items[i]->pos.file
                              ? rel_name(&rn, rep->items.items[i]->pos.file)
                              : NULL;
    }
    free(rn.dir);
    return fps;
}

bool policy_apply(sc_policy *p, sc_report *rep, sc_source_cache *src)
{
    const sc_options *o = p->o;
    size_t failures = rep->failures.len;
    p->rep = rep;

    /* 1. configured rules */
    configure(p, rep);

    /* 2. suppression comments: every checked file (so that unbalanced
     * NOLINTBEGINs and unused comments of clean files are seen), then the
     * files of the findings (headers) */
    sc_suppressions *sup = suppress_new();
    for (size_t i = 0; i < p->files.len; i++)
        if (!p->reported || p->reported[i])
            suppress_scan(sup, src, p->files.items[i], rep);
    suppress_apply(sup, rep, src);

    /* 3. unused ones (decided per file: a configuration may ask) */
    sc_unused_conf uc = {unused_report, rule_on, p};
    if (suppress_report_unused(sup, rep, &uc))
        report_finish(rep);
    suppress_free(sup);

    if (!o->baseline && !o->write_baseline)
        return rep->failures.len == failures;

    /* 4, 5. baselines (each names files relative to its directory) */
    const char **fps = o->baseline ? baseline_fps(rep, src, o->baseline, NULL) : NULL;
    const char **names = NULL;
    const char **wfps = o->write_baseline
                            ? baseline_fps(rep, src, o->write_baseline, &names)
                            : NULL;
    size_t n = rep->items.len;
    sc_baseline *old = NULL;
    bool bad_old = false;
    if (o->baseline) {
        char *err = NULL;
        old = baseline_load(o->baseline, &err);
        if (!old) {
            report_failure(rep, "%s", err ? err : o->baseline);
            free(err);
            bad_old = true;
        }
    }
    bool *written = NULL;
    if (o->write_baseline) {
        if (bad_old) {
            report_failure(rep, "%s: baseline not written, because --baseline "
                                "%s could not be read", o->write_baseline,
                           o->baseline);
        } else if (rep->failures.len) {
            report_failure(rep, "%s: baseline not written, because some files "
                                "could not be checked (see the other errors)",
                           o->write_baseline);
        } else {
            const char **keep = sc_xmalloc((n + 1) * sizeof *keep);
            for (size_t i = 0; i < n; i++)
                keep[i] = rep->items.items[i]->suppressed ? NULL : wfps[i];
            size_t count = 0;
            char *err = NULL;
            if (baseline_write(o->write_baseline, rep, keep, names, &count, &err)) {
                written = sc_xmalloc(n + 1);
                for (size_t i = 0; i < n; i++)
                    written[i] = keep[i] != NULL;
                if (!o->quiet)
                    fprintf(stderr, "scopecheck: wrote %zu finding%s to the "
                                    "baseline %s\n", count, count == 1 ? "" : "s",
                            o->write_baseline);
            } else {
                report_failure(rep, "%s", err);
                free(err);
            }
            free(keep);
        }
    }
    if (old) {
        size_t dropped = 0;
        for (size_t i = 0; i < n; i++) {
            sc_finding *f = rep->items.items[i];
            if (!f->suppressed && baseline_take(old, fps[i])) {
                f->suppressed = true;
                dropped++;
            }
        }
        size_t stale = baseline_unmatched(old);
        if (stale && !o->quiet && !o->write_baseline)
            fprintf(stderr, "scopecheck: %zu finding%s of the baseline %s no "
                            "longer occur%s (rewrite it with --write-baseline)\n",
                    stale, stale == 1 ? "" : "s", o->baseline,
                    stale == 1 ? "s" : "");
        (void)dropped;
        baseline_free(old);
    }
    for (size_t i = 0; written && i < n; i++)
        if (written[i])
            rep->items.items[i]->suppressed = true;
    free(written);
    free(fps);
    free(wfps);
    free(names);
    return rep->failures.len == failures;
}
