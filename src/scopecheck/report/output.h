/* Reporters: the findings of a run in each output format. */
#ifndef SC_OUTPUT_H
#define SC_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "findings.h"
#include "source.h"

typedef struct sc_output_opts {
    bool show_suppressed;         /* print suppressed findings too */
    bool color;
    size_t nfiles;                /* files checked, for the summary */
} sc_output_opts;

void output_text(FILE *out, sc_report *r, sc_source_cache *src,
                 const sc_output_opts *o);
/* returns false if the document could not be built */
bool output_json(FILE *out, sc_report *r, sc_source_cache *src,
                 const sc_output_opts *o);
/* SARIF 2.1.0 for GitHub code scanning; false if it could not be built */
bool output_sarif(FILE *out, sc_report *r, sc_source_cache *src,
                  const sc_output_opts *o);
/* GitHub Actions workflow commands (annotations) */
void output_github(FILE *out, sc_report *r, sc_source_cache *src,
                   const sc_output_opts *o);

extern const char *const sc_severity_names[];

#endif
