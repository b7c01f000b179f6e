/* Compiler-style text: file:line:col: error: message [rule-id], the source
 * line with a caret under the range, then note: lines.  This is what
 * editors' quickfix parsers and GitHub problem matchers read.  In colour
 * (--color), GCC's: the place and the message bold, error red, warning
 * magenta, note cyan, the caret green. */
#include <string.h>

#include "output.h"

const char *const sc_severity_names[] = {"note", "warning", "error"};

#define BOLD "\033[1m"
#define RESET "\033[0m"
static const char *const sev_colors[] = {"\033[1;36m", "\033[1;35m",
                                         "\033[1;31m"};

static void print_loc(FILE *out, const sc_pos *p, bool color)
{
    if (color && p->file)
        fputs(BOLD, out);
    if (p->file && p->line)
        fprintf(out, "%s:%u:%u: ", p->file, p->line, p->col);
    else if (p->file)
        fprintf(out, "%s: ", p->file);
    if (color && p->file)
        fputs(RESET, out);
}

/* "error: " and the like, in colour when asked */
static void print_severity(FILE *out, sc_severity sev, bool color)
{
    fprintf(out, "%s%s:%s ", color ? sev_colors[sev] : "",
            sc_severity_names[sev], color ? RESET : "");
}

static void print_source(FILE *out, sc_source_cache *src, const sc_pos *p,
                         bool color)
{
    size_t len;
    const char *line = source_line(src, p->file, p->line, &len);
    if (!line || p->col == 0)
        return;
    fprintf(out, "%.*s\n", (int)len, line);
    /* the caret line keeps tabs so that it lines up with the source */
    size_t col = p->col - 1;
    for (size_t i = 0; i < col && i < len; i++)
        fputc(line[i] == '\t' ? '\t' : ' ', out);
    if (color)
        fputs("\033[1;32m", out);
    fputc('^', out);
    size_t end = col + 1;
    if (p->end_line == p->line && p->end_offset > p->offset)
        end = col + (p->end_offset - p->offset);
    for (size_t i = col + 1; i < end && i < len; i++)
        fputc('~', out);
    if (color)
        fputs(RESET, out);
    fputc('\n', out);
}

void output_text(FILE *out, sc_report *r, sc_source_cache *src,
                 const sc_output_opts *o)
{
    for (size_t i = 0; i < r->items.len; i++) {
        const sc_finding *f = r->items.items[i];
        if (f->suppressed && !o->show_suppressed)
            continue;
        bool c = o->color;
        print_loc(out, &f->pos, c);
        print_severity(out, f->severity, c);
        fprintf(out, "%s%s%s [%s%s]\n", c ? BOLD : "", f->msg, c ? RESET : "",
                f->rule, f->suppressed ? ",suppressed" : "");
        print_source(out, src, &f->pos, c);
        for (size_t k = 0; k < f->notes.len; k++) {
            print_loc(out, &f->notes.items[k].pos, c);
            print_severity(out, SC_SEV_NOTE, c);
            fprintf(out, "%s\n", f->notes.items[k].msg);
        }
        for (size_t k = 0; k < f->fixes.len; k++) {
            const sc_fix *fx = &f->fixes.items[k];
            print_loc(out, &f->pos, c);
            print_severity(out, SC_SEV_NOTE, c);
            fprintf(out, "fix-it: %s\n", fx->msg);
        }
    }
}
