/* Findings: what the linter reports, independent of the output format. */
#ifndef SC_FINDINGS_H
#define SC_FINDINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../util/arena.h"
#include "../util/pos.h"

typedef enum sc_severity {
    SC_SEV_NOTE = 0,
    SC_SEV_WARNING,
    SC_SEV_ERROR
} sc_severity;


typedef struct sc_note {
    sc_pos pos;
    const char *msg;
} sc_note;

typedef struct sc_edit {
    const char *file;
    uint32_t offset, end_offset;  /* replaced range; equal: an insertion */
    const char *text;
} sc_edit;

typedef struct sc_fix {
    const char *msg;
    sc_edit *edits;
    size_t nedits;
} sc_fix;

typedef struct sc_finding {
    const char *rule;
    sc_severity severity;
    sc_pos pos;
    const char *msg;
    SC_VEC(sc_note) notes;
    SC_VEC(sc_fix) fixes;
    bool suppressed;
    size_t seq;                   /* order of discovery: ties keep it */
} sc_finding;

typedef struct sc_report {
    sc_arena arena;
    sc_interner strings;
    SC_VEC(sc_finding *) items;
    /* problems that stopped a file from being checked (exit status 2) */
    SC_VEC(const char *) failures;
    /* things the user should know that stop nothing (no flags for a file,
     * an unknown rule in a suppression): printed, exit status unchanged */
    SC_VEC(const char *) warnings;
} sc_report;

void report_init(sc_report *r);
void report_free(sc_report *r);
/* A new finding; the report owns it.  Strings are copied. */
sc_finding *report_add(sc_report *r, const char *rule, sc_severity sev,
                       const sc_pos *pos, const char *msg);
void finding_note(sc_report *r, sc_finding *f, const sc_pos *pos,
                  const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
void finding_fix(sc_report *r, sc_finding *f, const char *msg,
                 const char *file, uint32_t offset, uint32_t end_offset,
                 const char *text);
/* A fix made of several edits (all in one file) */
void finding_fix_edits(sc_report *r, sc_finding *f, const char *msg,
                       const sc_edit *edits, size_t n);
void report_failure(sc_report *r, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void report_warning(sc_report *r, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
const char *report_str(sc_report *r, const char *s);
const char *report_fmt(sc_report *r, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Sorts by file, line, column, rule and drops duplicates (the same rule at
 * the same place, reached again by another path or call). */
void report_finish(sc_report *r);
size_t report_count(const sc_report *r, sc_severity sev);
/* The rule whose findings say where the engine stopped checking
 * (rules/unchecked.json): the summaries count them apart. */
#define SC_UNCHECKED_RULE "unchecked"
/* findings of one rule, not suppressed */
size_t report_count_rule(const sc_report *r, const char *rule);

#endif
