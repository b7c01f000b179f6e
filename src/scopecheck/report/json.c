/* One JSON document (built with cJSON): 1-based lines and columns
 * (Unicode code points), 0-based byte offsets, every finding with rule,
 * severity, message, file, range, notes and fixes, and a summary. */
#include <stdlib.h>
#include <cJSON.h>

#include "output.h"
#include "../version.h"

static cJSON *range(sc_source_cache *src, const sc_pos *p)
{
    cJSON *r = cJSON_CreateObject(), *s = cJSON_CreateObject(),
          *e = cJSON_CreateObject();
    uint32_t end_line = p->end_line ? p->end_line : p->line;
    /* end is exclusive: just past the last character of the range */
    uint32_t end_col = p->col;
    if (p->end_offset > p->offset && end_line == p->line)
        end_col = p->col + (p->end_offset - p->offset);
    else if (p->end_col)
        end_col = p->end_col + 1;
    cJSON_AddNumberToObject(s, "line", p->line);
    cJSON_AddNumberToObject(s, "column", source_char_col(src, p->file, p->line, p->col));
    cJSON_AddNumberToObject(s, "offset", p->offset);
    cJSON_AddNumberToObject(e, "line", end_line);
    cJSON_AddNumberToObject(e, "column", source_char_col(src, p->file, end_line, end_col));
    cJSON_AddNumberToObject(e, "offset", p->end_offset);
    cJSON_AddItemToObject(r, "start", s);
    cJSON_AddItemToObject(r, "end", e);
    return r;
}

bool output_json(FILE *out, sc_report *r, sc_source_cache *src,
                 const sc_output_opts *o)
{
    cJSON *doc = cJSON_CreateObject();
    if (!doc)
        return false;
    cJSON_AddNumberToObject(doc, "version", 1);
    cJSON *tool = cJSON_AddObjectToObject(doc, "tool");
    cJSON_AddStringToObject(tool, "name", "scopecheck");
    cJSON_AddStringToObject(tool, "version", SC_VERSION);
    cJSON_AddStringToObject(doc, "columns",
                            "line and column 1-based, column in Unicode code "
                            "points, end exclusive; offset 0-based bytes");
    cJSON *items = cJSON_AddArrayToObject(doc, "findings");
    for (size_t i = 0; i < r->items.len; i++) {
        const sc_finding *f = r->items.items[i];
        if (f->suppressed && !o->show_suppressed)
            continue;
        cJSON *j = cJSON_CreateObject();
        cJSON_AddStringToObject(j, "rule", f->rule);
        cJSON_AddStringToObject(j, "severity", sc_severity_names[f->severity]);
        cJSON_AddStringToObject(j, "message", f->msg);
        cJSON_AddStringToObject(j, "file", f->pos.file ? f->pos.file : "");
        cJSON_AddItemToObject(j, "range", range(src, &f->pos));
        cJSON *notes = cJSON_AddArrayToObject(j, "notes");
        for (size_t k = 0; k < f->notes.len; k++) {
            const sc_note *n = &f->notes.items[k];
            cJSON *nj = cJSON_CreateObject();
            cJSON_AddStringToObject(nj, "message", n->msg);
            cJSON_AddStringToObject(nj, "file", n->pos.file ? n->pos.file : "");
            cJSON_AddItemToObject(nj, "range", range(src, &n->pos));
            cJSON_AddItemToArray(notes, nj);
        }
        cJSON *fixes = cJSON_AddArrayToObject(j, "fixes");
        for (size_t k = 0; k < f->fixes.len; k++) {
            const sc_fix *fx = &f->fixes.items[k];
            cJSON *fj = cJSON_CreateObject();
            cJSON_AddStringToObject(fj, "message", fx->msg);
            cJSON *edits = cJSON_AddArrayToObject(fj, "edits");
            for (size_t m = 0; m < fx->nedits; m++) {
                cJSON *ej = cJSON_CreateObject();
                cJSON_AddStringToObject(ej, "file", fx->edits[m].file);
                cJSON_AddNumberToObject(ej, "offset", fx->edits[m].offset);
                cJSON_AddNumberToObject(ej, "end_offset", fx->edits[m].end_offset);
                cJSON_AddStringToObject(ej, "text", fx->edits[m].text);
                cJSON_AddItemToArray(edits, ej);
            }
            cJSON_AddItemToArray(fixes, fj);
        }
        cJSON_AddBoolToObject(j, "suppressed", f->suppressed);
        cJSON_AddItemToArray(items, j);
    }
    cJSON *errs = cJSON_AddArrayToObject(doc, "errors");
    for (size_t i = 0; i < r->failures.len; i++)
        cJSON_AddItemToArray(errs, cJSON_CreateString(r->failures.items[i]));
    cJSON *sum = cJSON_AddObjectToObject(doc, "summary");
    cJSON_AddNumberToObject(sum, "errors", (double)report_count(r, SC_SEV_ERROR));
    cJSON_AddNumberToObject(sum, "warnings", (double)report_count(r, SC_SEV_WARNING));
    cJSON_AddNumberToObject(sum, "notes", (double)report_count(r, SC_SEV_NOTE));
    /* places where checking stopped (of the notes, those of rule
     * unchecked) */
    cJSON_AddNumberToObject(sum, "unchecked",
                            (double)report_count_rule(r, SC_UNCHECKED_RULE));
    cJSON_AddNumberToObject(sum, "files", (double)o->nfiles);
    cJSON_AddNumberToObject(sum, "failures", (double)r->failures.len);
    char *text = cJSON_Print(doc);
    cJSON_Delete(doc);
    if (!text)
        return false;
    fputs(text, out);
    fputc('\n', out);
    free(text);
    return true;
}
