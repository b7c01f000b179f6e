/* The command line (README.md, "The linter"). */
#ifndef SC_OPTIONS_H
#define SC_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../util/arena.h"

typedef enum sc_format { SC_FMT_TEXT, SC_FMT_JSON, SC_FMT_SARIF, SC_FMT_GITHUB }
    sc_format;

typedef SC_VEC(const char *) sc_strs;

typedef enum sc_color { SC_COLOR_AUTO, SC_COLOR_ALWAYS, SC_COLOR_NEVER } sc_color;

typedef struct sc_options {
    sc_strs paths;
    sc_strs cflags;               /* after "--" */
    sc_strs extra_args;           /* --extra-arg */
    const char *compdb_dir;       /* -p */
    sc_format format;
    const char *output;           /* -o */
    int jobs;                     /* 0: all cores */
    /* rule ids: each rule's last word on the command line, in order
     * (--enable=all --disable='scope-*' leaves the scope rules off) */
    sc_strs enable, disable;
    const char *config;
    const char *explain;
    bool list_rules, version, help;
    bool fix, strict, quiet, exit_zero, show_suppressed;
    bool report_unused_ignores, no_cache;
    bool all_files;               /* parse every file, skip no pre-scan */
    const char *baseline, *write_baseline;
    const char *cache_dir;
    const char *emit_summary;
    sc_strs link;                 /* --link, repeatable */
    bool lsp;                     /* --lsp: a language server on stdio */
    const char *stdin_filename;   /* the text of this file is on stdin */
    bool diff;                    /* --diff: fix-its as a unified diff */
    sc_color color;
} sc_options;

/* Fills o from argv.  On a bad command line, prints one line to stderr and
 * returns false.  Rule lists take ids, globs over them ("scope-*"), "all",
 * and clang-tidy's spelling ("scopecheck-missing-dtype"). */
bool options_parse(sc_options *o, int argc, char **argv);
void options_free(sc_options *o);
void options_usage(FILE *out);

#endif
