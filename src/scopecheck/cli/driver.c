/* The command line's run: the informational options, then a check (see
 * check.h) -> --fix or --diff -> report -> exit status.
 *
 * --emit-summary DIR stops after the map step and writes each file's IR
 * summary to DIR; --link DIR starts from the summaries in DIR.  A build
 * system can run the first next to compilation and the second at the
 * end.  --lsp serves an editor instead (lsp/server.h). */
#include "driver.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../frontend/compdb.h"
#include "../ir/summary.h"
#include "../lsp/server.h"
#include "../report/output.h"
#include "../rules/rule.h"
#include "../util/file.h"
#include "../util/strmap.h"
#include "../version.h"
#include "check.h"
#include "fix.h"
#include "jsonfile.h"
#include "map.h"
#include "overlay.h"
#include "policy.h"

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

/* ---- summaries on disk ---- */

static char *summary_name(const char *dir, const char *file)
{
    uint64_t h = sc_fnv1a(SC_FNV_INIT, file, strlen(file));
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    return sc_asprintf("%s/%s.%016llx.scir", dir, base, (unsigned long long)h);
}

static void emit_summaries(const sc_options *o, sc_check *c)
{
    sc_report *rep = &c->rep;
    if (mkdir(o->emit_summary, 0777) != 0 && errno != EEXIST) {
        report_failure(rep, "%s: cannot create the directory (%s)",
                       o->emit_summary, strerror(errno));
        return;
    }
    for (size_t i = 0; i < c->files.len; i++) {
        if (!c->items[i].unit)
            continue;
        size_t len;
        unsigned char *bytes = ir_write(c->items[i].unit, &len);
        char *path = summary_name(o->emit_summary, c->files.items[i]);
        char *tmp = sc_asprintf("%s.tmp", path);
        FILE *f = fopen(tmp, "wb");
        bool ok = f && fwrite(bytes, 1, len, f) == len;
        if (f)
            ok = fclose(f) == 0 && ok;
        if (!ok || rename(tmp, path) != 0) {
            remove(tmp);
            report_failure(rep, "%s: cannot write the summary", path);
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

/* Is the summary's source still a file of the program?  Not when it is
 * gone (deleted, renamed), nor when the compile database that describes
 * its place (-p, or the nearest above it) no longer lists it. */
static bool source_current(const sc_options *o, sc_args_ctx *args,
                           const ir_unit *u)
{
    struct stat st;
    if (!u->main_file || stat(u->main_file, &st) != 0)
        return false;
    fe_compdb *db = args ? args_compdb(args, u->main_file) : NULL;
    (void)o;
    if (!db)
        return true;
    int argc;
    char **listed = fe_compdb_args(db, u->main_file, &argc);
    fe_args_free(listed);
    return listed != NULL;
}

/* --link DIR...: every *.scir in each DIR, in name order (stable output);
 * summaries of files the program no longer has are left out */
static ir_unit **read_summaries(const sc_options *o, sc_report *rep,
                                sc_strs *names, size_t *n)
{
    for (size_t k = 0; k < o->link.len; k++) {
        const char *dir = o->link.items[k];
        DIR *d = opendir(dir);
        if (!d) {
            report_failure(rep, "%s: %s", dir, strerror(errno));
            continue;
        }
        size_t before = names->len;
        struct dirent *e;
        while ((e = readdir(d))) {
            size_t l = strlen(e->d_name);
            if (l > 5 && strcmp(e->d_name + l - 5, ".scir") == 0)
                SC_PUSH(*names, sc_asprintf("%s/%s", dir, e->d_name));
        }
        closedir(d);
        if (names->len == before)
            report_failure(rep, "%s: no summaries (*.scir) in this directory",
                           dir);
    }
    if (names->len > 1)
        qsort(names->items, names->len, sizeof *names->items, cmp_str);
    sc_map_opts mo = {o->compdb_dir, &o->cflags, &o->extra_args};
    sc_args_ctx *args = args_new(&mo, rep);
    ir_unit **units = calloc(names->len + 1, sizeof *units);
    size_t stale = 0;
    for (size_t i = 0; i < names->len; i++) {
        size_t len;
        unsigned char *buf = (unsigned char *)sc_read_file(names->items[i], &len);
        units[i] = buf ? ir_read(buf, len) : NULL;
        free(buf);
        if (!units[i]) {
            report_failure(rep, "%s: not a scopecheck %s summary, or damaged",
                           names->items[i], SC_VERSION);
        } else if (!source_current(o, args, units[i])) {
            if (stale++ < 5)
                report_warning(rep, "%s: left out: its source %s is %s",
                               names->items[i], units[i]->main_file,
                               access(units[i]->main_file, F_OK) == 0
                                   ? "not in the compile database"
                                   : "gone");
            ir_unit_free(units[i]);
            units[i] = NULL;
        }
    }
    if (stale > 5)
        report_warning(rep, "%zu more summaries left out: their sources are "
                            "gone or no longer compiled", stale - 5);
    args_free(args);
    *n = names->len;
    return units;
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
    size_t u = report_count_rule(rep, SC_UNCHECKED_RULE);
    fprintf(err, "scopecheck: %zu error%s, %zu warning%s, %zu note%s in %zu "
                 "file%s%s",
            e, e == 1 ? "" : "s", w, w == 1 ? "" : "s", n, n == 1 ? "" : "s",
            nfiles, nfiles == 1 ? "" : "s",
            rep->failures.len ? " (some files could not be checked)" : "");
    /* silence past these places promises nothing: say how many */
    if (u)
        fprintf(err, "; checking stopped at %zu place%s (the [%s] notes "
                     "say where)", u, u == 1 ? "" : "s", SC_UNCHECKED_RULE);
    fputc('\n', err);
}

/* colour as --color says: auto means a terminal, unless NO_COLOR is set
 * and not empty (no-color.org) or the terminal is dumb */
static bool use_color(const sc_options *o, FILE *out)
{
    if (o->color == SC_COLOR_ALWAYS)
        return true;
    if (o->color == SC_COLOR_NEVER)
        return false;
    const char *no = getenv("NO_COLOR"), *term = getenv("TERM");
    if (no && *no)
        return false;
    if (term && strcmp(term, "dumb") == 0)
        return false;
    return isatty(fileno(out));
}

static bool write_report(const sc_options *o, sc_report *rep,
                         sc_source_cache *src, size_t nfiles, FILE *out)
{
    if (o->output && !(out = fopen(o->output, "w"))) {
        report_failure(rep, "%s: cannot write the report (%s)", o->output,
                       strerror(errno));
        return false;
    }
    sc_output_opts oo = {o->show_suppressed, use_color(o, out), nfiles};
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
    if (o->output)
        ok = fclose(out) == 0 && ok;
    else
        fflush(out);
    return ok;
}

static void print_problems(const sc_options *o, const sc_report *rep)
{
    if (!o->quiet)
        for (size_t i = 0; i < rep->warnings.len; i++)
            fprintf(stderr, "scopecheck: warning: %s\n", rep->warnings.items[i]);
    for (size_t i = 0; i < rep->failures.len; i++)
        fprintf(stderr, "scopecheck: error: %s\n", rep->failures.items[i]);
}

/* --fix, --diff: what they do with the findings that have fix-its */
static void fixes(const sc_options *o, sc_check *c, const sc_overlays *ov)
{
#ifdef SC_TEST_HOOKS
    /* the test build only (tests/suites/fix.sh): a file changed by
     * somebody between the check and the fix */
    if (getenv("SCOPECHECK_TEST_MODIFY_BEFORE_FIX"))
        for (size_t i = 0; i < c->files.len; i++) {
            FILE *f = fopen(c->files.items[i], "a");
            if (f) {
                fputc('\n', f);
                fclose(f);
            }
        }
#endif
    sc_strmap hashes = {0};
    check_hashes(c, &hashes);
    size_t nfiles = 0, n;
    if (o->diff) {
        n = fix_run(&c->rep, &hashes, ov, SC_FIX_DIFF, stdout, &nfiles);
    } else if (o->stdin_filename) {
        n = fix_run(&c->rep, &hashes, ov, SC_FIX_PRINT, stdout, &nfiles);
        if (nfiles == 0)          /* nothing fixed: the text as it came */
            fwrite(ov->items.items[0].text, 1, ov->items.items[0].len, stdout);
        fflush(stdout);
    } else {
        n = fix_run(&c->rep, &hashes, ov, SC_FIX_WRITE, NULL, &nfiles);
    }
    sc_strmap_free(&hashes);
    if (!o->quiet)
        fprintf(stderr, "scopecheck: %s %zu finding%s in %zu file%s\n",
                o->diff ? "a diff fixes" : "fixed", n, n == 1 ? "" : "s",
                nfiles, nfiles == 1 ? "" : "s");
}

/* standard input as the text of --stdin-filename's file */
static bool read_stdin(const sc_options *o, sc_overlays *ov)
{
    SC_VEC(char) buf = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
        for (size_t i = 0; i < n; i++)
            SC_PUSH(buf, chunk[i]);
    bool ok = !ferror(stdin);
    if (ok)
        overlay_add(ov, o->stdin_filename, buf.items ? buf.items : "", buf.len);
    else
        fprintf(stderr, "scopecheck: error: cannot read standard input (%s)\n",
                strerror(errno));
    SC_VEC_FREE(buf);
    return ok;
}

static int link_only(const sc_options *o)
{
    sc_report rep;
    report_init(&rep);
    sc_strs names = {0};
    size_t n = 0;
    ir_unit **units = read_summaries(o, &rep, &names, &n);
    sc_source_cache *src = sc_source_cache_new();
    check_link(o, units, n, NULL, NULL, &rep, src, NULL);
    report_finish(&rep);
    sc_policy *pol = policy_new(o);
    policy_apply(pol, &rep, src);
    bool wrote = write_report(o, &rep, src, n, stdout);
    print_problems(o, &rep);
    if (!o->quiet && o->format == SC_FMT_TEXT)
        summary(stderr, &rep, n);
    int status = wrote ? exit_status(o, &rep) : 2;
    for (size_t i = 0; i < n; i++)
        if (units[i])
            ir_unit_free(units[i]);
    free(units);
    for (size_t i = 0; i < names.len; i++)
        free((void *)names.items[i]);
    SC_VEC_FREE(names);
    policy_free(pol);
    sc_source_cache_free(src);
    report_free(&rep);
    return status;
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
    if (o->lsp)
        return sc_lsp_main(o);
    if (o->link.len)
        return link_only(o);
    if (o->paths.len == 0) {
        fprintf(stderr, "scopecheck: no input files (see --help)\n");
        return 2;
    }

    sc_overlays ov = {0};
    if (o->stdin_filename && !read_stdin(o, &ov))
        return 2;
    sc_check c = {0};
    c.o = o;
    c.overlays = o->stdin_filename ? &ov : NULL;
    c.map_only = o->emit_summary != NULL;
    check_run(&c);

    int status;
    if (o->emit_summary) {
        emit_summaries(o, &c);
        print_problems(o, &c.rep);
        status = c.rep.failures.len ? 2 : 0;
    } else {
        if (o->fix || o->diff)
            fixes(o, &c, &ov);
        /* with --fix of standard input, the fixed text is the output and
         * the report goes to stderr; with --diff, the diff is */
        bool wrote = true;
        if (!o->diff)
            wrote = write_report(o, &c.rep, c.src, c.nreported,
                                 o->fix && o->stdin_filename ? stderr : stdout);
        print_problems(o, &c.rep);
        if (!o->quiet && o->format == SC_FMT_TEXT)
            summary(stderr, &c.rep, c.nreported);
        status = wrote ? exit_status(o, &c.rep) : 2;
    }
    check_free(&c);
    overlays_free(&ov);
    return status;
}
