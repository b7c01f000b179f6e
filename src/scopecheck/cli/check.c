/* See check.h.  --emit-summary and --link (the map and link steps run by a
 * build system) are the driver's: a check is both steps at once. */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "../engine/engine.h"
#include "../rules/rule.h"
#include "../util/strmap.h"
#include "files.h"
#include "path.h"
#include "policy.h"
#include "prescan.h"
#include "program.h"
#include "reach.h"

/* ---- the session ---- */

struct sc_session {
    sc_cache *cache;
    /* the pre-scan of the files not overlaid, kept while none of the files
     * it read changes: path -> (uint64_t *) what it saw of each (the
     * overlay's hash, or the file's size, time and inode) */
    sc_prescan *ps;
    sc_strmap seen;
};

sc_session *session_new(sc_cache *cache)
{
    sc_session *s = calloc(1, sizeof *s);
    s->cache = cache;
    cache_keep_in_memory(cache);
    return s;
}

static void forget_prescan(sc_session *s)
{
    prescan_free(s->ps);
    s->ps = NULL;
    for (size_t i = 0; i < s->seen.cap; i++)
        if (s->seen.keys && s->seen.keys[i])
            free(s->seen.vals[i]);
    sc_strmap_free(&s->seen);
    memset(&s->seen, 0, sizeof s->seen);
}

void session_free(sc_session *s)
{
    if (!s)
        return;
    forget_prescan(s);
    cache_close(s->cache);
    free(s);
}

/* what a file is now, for telling whether it changed */
static uint64_t signature(sc_cache *cache, const sc_overlays *ov,
                          const char *path)
{
    const sc_overlay *o = overlay_find(ov, path);
    if (o)
        return o->hash ^ 0x9e3779b97f4a7c15ull;
    uint64_t parts[4];
    if (!cache_status(cache, path, parts))
        return 0;
    return sc_fnv1a(SC_FNV_INIT, parts, sizeof parts);
}

typedef struct sig_walk {
    sc_session *s;
    const sc_overlays *ov;
    bool changed;                 /* check: something differs */
    bool record;
} sig_walk;

static void sig_visit(void *ctx, const char *path)
{
    sig_walk *w = ctx;
    uint64_t now = signature(w->s->cache, w->ov, path);
    uint64_t *was = sc_strmap_get(&w->s->seen, path);
    if (w->record) {
        if (!was) {
            was = sc_xmalloc(sizeof *was);
            sc_strmap_put(&w->s->seen, path, was);
        }
        *was = now;
    } else if (!was || *was != now) {
        w->changed = true;
    }
}

/* the session's pre-scan, forgotten first if a file it read changed */
static sc_prescan *session_prescan(sc_session *s, const sc_overlays *ov)
{
    if (s->ps) {
        sig_walk w = {s, ov, false, false};
        prescan_each_file(s->ps, sig_visit, &w);
        if (w.changed)
            forget_prescan(s);
    }
    if (!s->ps)
        s->ps = prescan_new();
    prescan_set_texts(s->ps, ov ? overlay_text : NULL, (void *)ov);
    return s->ps;
}

static void session_remember(sc_session *s, const sc_overlays *ov)
{
    sig_walk w = {s, ov, false, true};
    prescan_each_file(s->ps, sig_visit, &w);
}

/* ---- rules ---- */

void check_configure_rules(const sc_options *o, bool *enabled,
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

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

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
                          sc_rules_conf *rc, const sc_strmap *reported,
                          const volatile int *cancel)
{
    ir_unit **shared = calloc(n + 1, sizeof *shared);
    size_t nshared = 0;
    for (size_t i = 0; i < n; i++)
        if (units[i] && !defines_main(units[i]))
            shared[nshared++] = units[i];
    /* the analyses: one per main (its unit and the shared ones), then
     * the shared units' own entry points among every unit */
    SC_VEC(ir_unit **) progs = {0};
    SC_VEC(size_t) sizes = {0};
    SC_VEC(ir_unit *const *) entries = {0};
    SC_VEC(size_t) nentries = {0};
    for (size_t m = 0; m < n; m++) {
        if (!units[m] || !defines_main(units[m]))
            continue;
        ir_unit **prog = calloc(nshared + 2, sizeof *prog);
        size_t k = 0;
        prog[k++] = units[m];
        for (size_t i = 0; i < nshared; i++)
            prog[k++] = shared[i];
        SC_PUSH(progs, prog);
        SC_PUSH(sizes, k);
        SC_PUSH(entries, &units[m]);
        SC_PUSH(nentries, 1);
    }
    if (nshared) {
        ir_unit **prog = calloc(n + 1, sizeof *prog);
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (units[i])
                prog[k++] = units[i];
        SC_PUSH(progs, prog);
        SC_PUSH(sizes, k);
        SC_PUSH(entries, shared);
        SC_PUSH(nentries, nshared);
    }
    bool *needed = reported
        ? reach_needed(units, n, (ir_unit *const *const *)progs.items, sizes.items,
                       entries.items, nentries.items, progs.len, reported)
        : NULL;
    for (size_t p = 0; p < progs.len && !(cancel && *cancel); p++) {
        if (needed && !needed[p])
            continue;             /* can find nothing in the reported files */
        sc_engine_opts o = *eo;
        o.entry_units = entries.items[p];
        o.nentry_units = nentries.items[p];
        sc_analyze(progs.items[p], sizes.items[p], &o, sc_rules_dispatch, rc);
    }
    free(needed);
    for (size_t p = 0; p < progs.len; p++)
        free(progs.items[p]);
    SC_VEC_FREE(progs);
    SC_VEC_FREE(sizes);
    SC_VEC_FREE(entries);
    SC_VEC_FREE(nentries);
    free(shared);
}

/* ---- map, with the pre-scan ---- */

static void add_name(const char *name, void *ctx)
{
    sc_strmap_put(ctx, name, (void *)1);
}

typedef struct run {
    sc_check *c;
    const sc_options *o;
    sc_map_env env;
    bool *mapped;
    sc_strs aliases;
    sc_prescan *ps;               /* the files on disk (the session's) */
    sc_prescan *ps_overlaid;      /* the overlaid files, read afresh */
    bool all;                     /* --all-files: every file */
} run;

/* overlaid files change at every keystroke: they are pre-scanned apart,
 * so that the session's pre-scan of the others is kept */
static sc_prescan *prescan_for(run *r, const char *file)
{
    return overlay_find(r->env.overlays, file) ? r->ps_overlaid : r->ps;
}

static void map_some(run *r, const bool *want)
{
    sc_check *c = r->c;
    size_t n = 0;
    sc_map_item *batch = calloc(c->files.len + 1, sizeof *batch);
    size_t *index = calloc(c->files.len + 1, sizeof *index);
    for (size_t i = 0; i < c->files.len; i++)
        if (want[i] && !r->mapped[i] && c->items[i].argv) {
            index[n] = i;
            batch[n++] = c->items[i];
            r->mapped[i] = true;
        }
    map_items(batch, n, r->o->jobs, &r->env, NULL, NULL);
    for (size_t k = 0; k < n; k++)
        c->items[index[k]] = batch[k];
    free(batch);
    free(index);
}

static ir_unit **units_of(sc_check *c)
{
    ir_unit **u = calloc(c->files.len + 1, sizeof *u);
    for (size_t i = 0; i < c->files.len; i++)
        u[i] = c->items[i].unit;
    return u;
}

/* The first round's filter, run by the map step's workers: a file is
 * parsed if it names the library (binary data too: it is no C source,
 * whatever it may name, and its parse says so). */
static bool names_library(void *ctx, size_t i)
{
    run *r = ctx;
    sc_check *c = r->c;
    const char *file = c->files.items[i];
    sc_prescan *ps = prescan_for(r, file);
    bool want = c->items[i].argv &&
                (r->all ||
                 prescan_mentions_library(ps, file, c->items[i].argv,
                                          &r->aliases) ||
                 prescan_is_binary(ps, file));
    r->mapped[i] = want;
    return want;
}

/* Parses the files that can reach the library: those whose text names it,
 * then, until nothing changes, those that name a function that reaches it
 * (see prescan.c), or a global the parsed files know, or a function they
 * call that none of them defines (engine.h: sc_linked_names): such a file
 * can change what the varscope code reads.  --all-files parses
 * everything. */
static void map_reaching(run *r)
{
    sc_check *c = r->c;
    size_t n = c->files.len;
    bool *want = calloc(n + 1, sizeof *want);
    map_items(c->items, n, r->o->jobs, &r->env, names_library, r);
    while (!(r->env.cancel && *r->env.cancel)) {
        /* no file left that could be parsed: the names would find none
         * (a single file, or a tree all parsed) */
        bool pending = false;
        for (size_t i = 0; i < n && !pending; i++)
            pending = !r->mapped[i] && c->items[i].argv;
        if (!pending)
            break;
        ir_unit **u = units_of(c);
        ir_unit **dense = calloc(n + 1, sizeof *dense);
        size_t k = 0;
        for (size_t i = 0; i < n; i++)
            if (u[i])
                dense[k++] = u[i];
        sc_strmap names = {0};
        sc_reaching_functions(dense, k, NULL, 0, add_name, &names);
        sc_strmap linked = {0};
        sc_linked_names(dense, k, add_name, &linked);
        bool more = false;
        /* each set prepared once per pre-scan: [0] the files on disk,
         * [1] the overlaid */
        const sc_prescan_names *qn[2] = {prescan_names(r->ps, &names),
                                         prescan_names(r->ps_overlaid, &names)};
        const sc_prescan_names *ql[2] = {prescan_names(r->ps, &linked),
                                         prescan_names(r->ps_overlaid, &linked)};
        for (size_t i = 0; i < n; i++) {
            const char *file = c->files.items[i];
            sc_prescan *ps = prescan_for(r, file);
            int o = ps == r->ps_overlaid;
            want[i] = !r->mapped[i] && c->items[i].argv &&
                      (prescan_mentions_any(ps, file, qn[o]) ||
                       prescan_declares_any(ps, file, ql[o]));
            more |= want[i];
        }
        sc_strmap_free(&names);
        sc_strmap_free(&linked);
        free(u);
        free(dense);
        if (!more)
            break;
        map_some(r, want);
    }
    free(want);
}

/* ---- what is reported ---- */

/* The files whose findings are reported: the named ones, and the headers
 * they include that are not sources of the program (a finding in a
 * header the named files do not read belongs to another file's check). */
static sc_strmap *reported_set(sc_check *c)
{
    sc_strmap *set = calloc(1, sizeof *set);
    /* an editor's open headers too */
    for (size_t i = 0; c->report_only && i < c->report_only->len; i++)
        sc_strmap_put(set, c->report_only->items[i], (void *)1);
    sc_strmap sources = {0};
    for (size_t i = 0; i < c->files.len; i++) {
        char *abs = sc_path_abs(c->files.items[i]);
        sc_strmap_put(&sources, abs, (void *)1);
        if (c->reported[i])
            sc_strmap_put(set, abs, (void *)1);
        free(abs);
    }
    for (size_t i = 0; i < c->files.len; i++) {
        if (!c->reported[i])
            continue;
        for (size_t k = 0; k < c->items[i].deps.len; k++) {
            char *abs = sc_path_abs(c->items[i].deps.items[k]);
            if (!sc_strmap_get(&sources, abs))
                sc_strmap_put(set, abs, (void *)1);
            free(abs);
        }
    }
    sc_strmap_free(&sources);
    return set;
}

static void drop(sc_finding *f)
{
    SC_VEC_FREE(f->notes);
    for (size_t m = 0; m < f->fixes.len; m++)
        free(f->fixes.items[m].edits);
    SC_VEC_FREE(f->fixes);
}

/* keeps the findings located in the reported files */
static void keep_reported(sc_check *c)
{
    if (c->nreported == c->files.len)
        return;                   /* the whole program was named */
    sc_strmap *set = reported_set(c);
    sc_report *rep = &c->rep;
    size_t k = 0;
    char *last = NULL;
    bool last_in = false;
    for (size_t i = 0; i < rep->items.len; i++) {
        sc_finding *f = rep->items.items[i];
        bool in = false;
        if (f->pos.file) {
            if (last && strcmp(last, f->pos.file) == 0) {
                in = last_in;
            } else {
                char *abs = sc_path_abs(f->pos.file);
                in = sc_strmap_get(set, abs) != NULL;
                free(abs);
                free(last);
                last = sc_xstrdup(f->pos.file);
                last_in = in;
            }
        }
        if (in)
            rep->items.items[k++] = f;
        else
            drop(f);
    }
    rep->items.len = k;
    free(last);
    sc_strmap_free(set);
    free(set);
}

void check_link(const sc_options *o, ir_unit **units, size_t n,
                const sc_policy_plan *plan, const sc_strmap *reported,
                sc_report *rep, sc_source_cache *src,
                const volatile int *cancel)
{
    bool *enabled = calloc(sc_nrules, sizeof *enabled);
    sc_severity *sev = calloc(sc_nrules, sizeof *sev);
    check_configure_rules(o, enabled, sev);
    bool strict = plan ? plan->strict : o->strict;
    sc_rules_conf rc = {rep, src, enabled, sev, strict};
    sc_engine_opts eo = {0};
    eo.strict = strict;
    if (plan) {
        eo.aliases = plan->aliases;
        eo.naliases = plan->naliases;
    }
    eo.loop_unroll = 4096;
    eo.call_depth = 512;
    double t0 = now();
    link_programs(units, n, &eo, &rc, reported, cancel);
    if (getenv("SCOPECHECK_STATS"))
        fprintf(stderr, "scopecheck: link step %.3f s\n", now() - t0);
    free(enabled);
    free(sev);
}

/* ---- the check ---- */

static void put_overlays(sc_check *c)
{
    const sc_overlays *ov = c->overlays;
    for (size_t i = 0; ov && i < ov->items.len; i++) {
        source_put(c->src, ov->items.items[i].path, ov->items.items[i].text,
                   ov->items.items[i].len);
        if (strcmp(ov->items.items[i].path, ov->items.items[i].abs) != 0)
            source_put(c->src, ov->items.items[i].abs, ov->items.items[i].text,
                       ov->items.items[i].len);
    }
    /* the program's files as they are spelled in the run */
    for (size_t i = 0; ov && i < c->files.len; i++) {
        const sc_overlay *o = overlay_find(ov, c->files.items[i]);
        if (o && strcmp(o->path, c->files.items[i]) != 0)
            source_put(c->src, c->files.items[i], o->text, o->len);
    }
}

void check_run(sc_check *c)
{
    const sc_options *o = c->o;
    report_init(&c->rep);
    c->src = sc_source_cache_new();
    sc_report *rep = &c->rep;
    run r = {0};
    r.c = c;
    r.o = o;
    r.all = o->all_files;
    sc_map_opts mo = {o->compdb_dir, &o->cflags, &o->extra_args};
    c->pol = policy_new(o);

    /* an overlaid file need not be on disk (an editor's new buffer) */
    sc_strs on_disk = {0};
    for (size_t i = 0; i < o->paths.len; i++) {
        struct stat st;
        if (overlay_find(c->overlays, o->paths.items[i]) &&
            stat(o->paths.items[i], &st) != 0)
            SC_PUSH(c->files, sc_xstrdup(o->paths.items[i]));
        else
            SC_PUSH(on_disk, o->paths.items[i]);
    }
    files_expand(&on_disk, &c->files, rep);
    SC_VEC_FREE(on_disk);
    c->args = args_new(&mo, rep);
    /* the cache: the session's, else the options' */
    sc_cache *cache = c->session ? c->session->cache : NULL;
    if (!c->session && !o->no_cache && !c->map_only) {
        const char *dir = o->cache_dir;
        char *fallback = NULL;
        if (!dir && getenv("SCOPECHECK_CACHE_DIR") && *getenv("SCOPECHECK_CACHE_DIR"))
            dir = getenv("SCOPECHECK_CACHE_DIR");
        if (!dir)
            dir = fallback = cache_default_dir(
                o->paths.len ? o->paths.items[0] : ".", o->compdb_dir);
        char *err = NULL;
        if (dir && !(cache = c->own_cache = cache_open(dir, &err))) {
            /* no cache is a slower run, not a failed one */
            report_warning(rep, "%s", err);
            free(err);
        }
        free(fallback);
    }
    cache_begin_run(cache, c->overlays);
    r.env.cache = cache;
    r.env.overlays = c->overlays;
    r.env.cancel = c->cancel;

    /* the whole program the named files belong to (a build system runs
     * the map step file by file: each named file is its whole job) */
    size_t named = c->files.len;
    if (c->map_only) {
        c->reported = sc_xmalloc(named + 1);
        memset(c->reported, 1, named + 1);
        r.all = true;
    } else {
        c->reported = program_expand(o, c->args, cache, &c->files);
        if (c->files.len == named && !c->session)
            program_record(o, cache, &c->files);
    }
    /* configurations: excluded files go (from the program too) */
    sc_strs before = {0};
    for (size_t i = 0; i < c->files.len; i++)
        SC_PUSH(before, sc_xstrdup(c->files.items[i]));
    const sc_policy_plan *plan = policy_prepare(c->pol, &c->files, rep);
    size_t kept = 0;
    for (size_t i = 0; i < before.len; i++) {
        if (kept < c->files.len && strcmp(before.items[i], c->files.items[kept]) == 0)
            c->reported[kept++] = c->reported[i];
        free((void *)before.items[i]);
    }
    SC_VEC_FREE(before);
    r.aliases = plan->alias_names;
    if (c->report_only) {
        sc_strmap want = {0};
        for (size_t i = 0; i < c->report_only->len; i++)
            sc_strmap_put(&want, c->report_only->items[i], (void *)1);
        for (size_t i = 0; i < c->files.len; i++) {
            char *abs = sc_path_abs(c->files.items[i]);
            c->reported[i] = sc_strmap_get(&want, abs) != NULL;
            free(abs);
        }
        sc_strmap_free(&want);
    }
    for (size_t i = 0; i < c->files.len; i++)
        c->nreported += c->reported[i];
    policy_report_only(c->pol, c->reported);
    put_overlays(c);

    c->items = calloc(c->files.len + 1, sizeof *c->items);
    r.mapped = calloc(c->files.len + 1, sizeof *r.mapped);
    for (size_t i = 0; c->args && i < c->files.len; i++) {
        c->items[i].file = c->files.items[i];
        char *err = NULL;
        c->items[i].argv = args_for(c->args, c->files.items[i],
                                    &plan->extra_args[i], &c->items[i].argc, &err);
        if (!c->items[i].argv) {
            if (c->reported[i])
                report_failure(rep, "%s", err ? err : c->files.items[i]);
            else
                report_warning(rep, "%s (a file of the program: not checked)",
                               err ? err : c->files.items[i]);
            free(err);
        }
    }

    /* map */
    double t0 = now();
    r.ps = c->session ? session_prescan(c->session, c->overlays) : prescan_new();
    prescan_set_texts(r.ps, c->overlays ? overlay_text : NULL, (void *)c->overlays);
    r.ps_overlaid = prescan_new();
    prescan_set_texts(r.ps_overlaid, overlay_text, (void *)c->overlays);
    map_reaching(&r);
#if defined(__GLIBC__)
    /* libclang's translation units are gone: give their pages back, or
     * the link step's peak memory counts them on top of its own */
    malloc_trim(0);
#endif
    /* the texts the pre-scan read are those the suppression comments are
     * looked for in: not read again */
    for (size_t i = 0; i < c->files.len; i++) {
        size_t len;
        const char *text = c->reported[i]
                               ? prescan_text(prescan_for(&r, c->files.items[i]),
                                              c->files.items[i], &len)
                               : NULL;
        if (text)
            source_offer(c->src, c->files.items[i], text, len);
    }
    if (c->session)
        session_remember(c->session, c->overlays);
    else
        prescan_free(r.ps);
    prescan_free(r.ps_overlaid);
    c->map_seconds = now() - t0;
    for (size_t i = 0; i < c->files.len; i++)
        if (c->items[i].error) {
            if (c->reported[i])
                report_failure(rep, "%s", c->items[i].error);
            else
                report_warning(rep, "%s (a file of the program: not checked)",
                               c->items[i].error);
            free(c->items[i].error);
            c->items[i].error = NULL;
        }
    if (getenv("SCOPECHECK_STATS")) {
        size_t hits, misses, parsed = 0;
        cache_stats(cache, &hits, &misses);
        for (size_t i = 0; i < c->files.len; i++)
            parsed += r.mapped[i];
        fprintf(stderr, "scopecheck: %zu files, %zu mapped, cache %zu hits, "
                        "%zu misses (map step %.3f s; %zu files named)\n",
                c->files.len, parsed, hits, misses, c->map_seconds, c->nreported);
    }
    free(r.mapped);
    if (c->cancel && *c->cancel) {
        c->cancelled = true;
        return;
    }
    if (c->map_only)
        return;

    /* link */
    ir_unit **units = units_of(c);
    /* a few files of a larger program named (a hook's), or an editor's
     * open files (it shows the findings located in them, nowhere else):
     * the analyses that cannot reach them are skipped */
    sc_strmap *reported = NULL;
    if (c->report_only) {
        reported = calloc(1, sizeof *reported);
        for (size_t i = 0; i < c->report_only->len; i++)
            sc_strmap_put(reported, c->report_only->items[i], (void *)1);
    } else if (c->nreported < c->files.len) {
        reported = reported_set(c);
    }
    check_link(o, units, c->files.len, plan, reported, rep, c->src, c->cancel);
    if (reported) {
        sc_strmap_free(reported);
        free(reported);
    }
    free(units);
    if (c->cancel && *c->cancel) {
        c->cancelled = true;
        return;
    }
    report_finish(rep);
    keep_reported(c);
    policy_apply(c->pol, rep, c->src);
}

void check_hashes(sc_check *c, sc_strmap *out)
{
    for (size_t i = 0; i < c->files.len; i++)
        if (c->items && c->items[i].hashed)
            sc_strmap_put(out, c->files.items[i], &c->items[i].hash);
}

void check_free(sc_check *c)
{
    for (size_t i = 0; c->items && i < c->files.len; i++) {
        if (c->items[i].unit)
            ir_unit_free(c->items[i].unit);
        map_item_clear(&c->items[i]);
    }
    free(c->items);
    free(c->reported);
    args_free(c->args);
    files_free(&c->files);
    policy_free(c->pol);
    cache_close(c->own_cache);
    sc_source_cache_free(c->src);
    report_free(&c->rep);
}
