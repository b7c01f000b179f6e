/* GitHub Actions workflow commands (GitHub Docs, "Workflow commands for GitHub
 * Actions", error/warning/notice; README "SARIF and GitHub annotations"):
 *
 *   ::error file=F,line=L,col=C,endLine=E,endColumn=EC,title=scopecheck (rule-id)::message
 *
 * (::warning, ::notice for the other severities), the notes on further
 * lines of the message.  Columns are Unicode code points, endColumn just
 * past the range, as in the JSON and SARIF outputs.  Escaping is that of
 * @actions/core: data % CR LF, property values also ':' and ','.
 *
 * A step shows at most 10 error and 10 warning annotations (and 10
 * notices); the rest are dropped silently.  So the first 10 of each
 * severity become annotations, then one ::notice:: says how many more
 * findings there are, and those are printed as compiler-style text in a
 * ::group:: of the job log.  The text there is shielded from being read
 * as workflow commands by ::stop-commands::. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "output.h"

#define GH_ANNOTATIONS 10             /* per severity and step */

/* defined in sarif.c: the path relative to cwd (or absolute), and a
 * range in code points, end exclusive */
char *sc_output_path(const char *file, const char *cwd, bool *relative);
void sc_output_region(sc_source_cache *src, const sc_pos *p, uint32_t *scol,
                      uint32_t *eline, uint32_t *ecol);

static const char *const commands[] = {"notice", "warning", "error"};

static void escape(FILE *out, const char *s, bool property)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '%': fputs("%25", out); break;
        case '\r': fputs("%0D", out); break;
        case '\n': fputs("%0A", out); break;
        case ':': property ? fputs("%3A", out) : fputc(':', out); break;
        case ',': property ? fputs("%2C", out) : fputc(',', out); break;
        default: fputc(*s, out);
        }
    }
}

static char *cwd_path(void)
{
    size_t cap = 256;
    for (;;) {
        char *buf = sc_xmalloc(cap);
        if (getcwd(buf, cap))
            return buf;
        free(buf);
        if (cap > (1u << 20))
            return NULL;
        cap *= 2;
    }
}

typedef struct paths {
    const char *cwd;
    SC_VEC(const char *) files;       /* as the findings name them */
    SC_VEC(char *) shown;             /* as GitHub wants them */
} paths;

static const char *shown_path(paths *p, const char *file)
{
    for (size_t i = 0; i < p->files.len; i++)
        if (p->files.items[i] == file || strcmp(p->files.items[i], file) == 0)
            return p->shown.items[i];
    bool rel;
    char *s = sc_output_path(file, p->cwd, &rel);
    SC_PUSH(p->files, file);
    SC_PUSH(p->shown, s);
    return s;
}

static void annotate(FILE *out, const sc_finding *f, sc_source_cache *src, paths *ps)
{
    fprintf(out, "::%s ", commands[f->severity]);
    if (f->pos.file) {
        fputs("file=", out);
        escape(out, shown_path(ps, f->pos.file), true);
        fputc(',', out);
        if (f->pos.line) {
            uint32_t scol, eline, ecol;
            sc_output_region(src, &f->pos, &scol, &eline, &ecol);
            fprintf(out, "line=%u,col=%u,endLine=%u,endColumn=%u,", f->pos.line, scol,
                    eline, ecol);
        }
    }
    fputs("title=", out);
    escape(out, "scopecheck (", true);
    escape(out, f->rule, true);
    escape(out, ")", true);
    fputs("::", out);
    escape(out, f->msg, false);
    for (size_t k = 0; k < f->notes.len; k++) {
        const sc_note *n = &f->notes.items[k];
        fputs("%0A", out);
        if (n->pos.file) {
            escape(out, shown_path(ps, n->pos.file), false);
            if (n->pos.line)
                fprintf(out, ":%u:%u", n->pos.line,
                        source_char_col(src, n->pos.file, n->pos.line, n->pos.col ? n->pos.col : 1));
            fputs(": ", out);
        }
        fputs("note: ", out);
        escape(out, n->msg, false);
    }
    for (size_t k = 0; k < f->fixes.len; k++) {
        fputs("%0Afix-it: ", out);
        escape(out, f->fixes.items[k].msg, false);
    }
    fputc('\n', out);
}

/* A token for ::stop-commands:: that the text it shields cannot guess. */
static void stop_token(char *buf, size_t n, const sc_report *r)
{
    uint64_t h = 0xcbf29ce484222325u;
    unsigned char rnd[16] = {0};
    FILE *u = fopen("/dev/urandom", "rb");
    if (u) {
        if (fread(rnd, 1, sizeof rnd, u) != sizeof rnd)
            memset(rnd, 0, sizeof rnd);
        fclose(u);
    }
    uint64_t mix[4] = {(uint64_t)time(NULL), (uint64_t)getpid(), (uint64_t)clock(),
                       (uint64_t)(uintptr_t)r};
    const unsigned char *parts[2] = {rnd, (const unsigned char *)mix};
    size_t lens[2] = {sizeof rnd, sizeof mix};
    for (int p = 0; p < 2; p++)
        for (size_t i = 0; i < lens[p]; i++) {
            h ^= parts[p][i];
            h *= 0x100000001b3u;
        }
    snprintf(buf, n, "scopecheck-%016llx", (unsigned long long)h);
}

void output_github(FILE *out, sc_report *r, sc_source_cache *src,
                   const sc_output_opts *o)
{
    paths ps;
    memset(&ps, 0, sizeof ps);
    char *cwd = cwd_path();
    ps.cwd = cwd;

    /* which findings become annotations: the first 10 of each severity */
    size_t n = r->items.len;
    bool *annotated = sc_xmalloc((n + 1) * sizeof *annotated);
    size_t shown[3] = {0, 0, 0}, more[3] = {0, 0, 0}, omitted = 0;
    size_t last_notice = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        const sc_finding *f = r->items.items[i];
        annotated[i] = false;
        if (f->suppressed)
            continue;
        if (shown[f->severity] < GH_ANNOTATIONS) {
            annotated[i] = true;
            shown[f->severity]++;
            if (f->severity == SC_SEV_NOTE)
                last_notice = i;
        } else {
            more[f->severity]++;
            omitted++;
        }
    }
    /* the notice that tells about the rest needs a notice slot itself */
    if (omitted && shown[SC_SEV_NOTE] == GH_ANNOTATIONS && last_notice != SIZE_MAX) {
        annotated[last_notice] = false;
        shown[SC_SEV_NOTE]--;
        more[SC_SEV_NOTE]++;
        omitted++;
    }

    for (size_t i = 0; i < n; i++)
        if (annotated[i])
            annotate(out, r->items.items[i], src, &ps);

    if (omitted)
        fprintf(out,
                "::notice::scopecheck: %zu more finding%s (%zu error%s, %zu warning%s, "
                "%zu note%s) not shown as annotations, since GitHub shows at most %d "
                "of each severity per step: the full list is in the job log, in the "
                "group \"scopecheck: %zu more finding%s\"\n",
                omitted, omitted == 1 ? "" : "s", more[SC_SEV_ERROR],
                more[SC_SEV_ERROR] == 1 ? "" : "s", more[SC_SEV_WARNING],
                more[SC_SEV_WARNING] == 1 ? "" : "s", more[SC_SEV_NOTE],
                more[SC_SEV_NOTE] == 1 ? "" : "s", GH_ANNOTATIONS, omitted,
                omitted == 1 ? "" : "s");

    /* the rest (and the suppressed findings, when asked for) as text */
    sc_report rest = *r;
    rest.items.items = sc_xmalloc((n + 1) * sizeof *rest.items.items);
    rest.items.len = 0;
    rest.items.cap = n + 1;
    size_t suppressed = 0;
    for (size_t i = 0; i < n; i++) {
        sc_finding *f = r->items.items[i];
        if (annotated[i] || (f->suppressed && !o->show_suppressed))
            continue;
        suppressed += f->suppressed;
        rest.items.items[rest.items.len++] = f;
    }
    if (rest.items.len) {
        char token[64];
        stop_token(token, sizeof token, r);
        if (omitted && suppressed)
            fprintf(out, "::group::scopecheck: %zu more finding%s (and %zu suppressed)\n",
                    omitted, omitted == 1 ? "" : "s", suppressed);
        else if (omitted)
            fprintf(out, "::group::scopecheck: %zu more finding%s\n", omitted,
                    omitted == 1 ? "" : "s");
        else
            fprintf(out, "::group::scopecheck: %zu suppressed finding%s\n", suppressed,
                    suppressed == 1 ? "" : "s");
        fprintf(out, "::stop-commands::%s\n", token);
        output_text(out, &rest, src, o);
        fprintf(out, "::%s::\n", token);
        fputs("::endgroup::\n", out);
    }
    free(rest.items.items);
    free(annotated);
    for (size_t i = 0; i < ps.shown.len; i++)
        free(ps.shown.items[i]);
    SC_VEC_FREE(ps.shown);
    SC_VEC_FREE(ps.files);
    free(cwd);
}
