/* Inline suppressions: comments that silence findings on a line.
 *
 *   call();  // scopecheck: ignore[missing-dtype, scope-leak]
 *   // scopecheck: ignore[missing-dtype]       (alone: the next code line)
 *   call();  // scopecheck: ignore             (every rule)
 *   call();  // NOLINT(scopecheck-missing-dtype)    clang-tidy's spellings:
 *   // NOLINTNEXTLINE(scopecheck-*)                 NOLINT, NOLINTNEXTLINE,
 *   // NOLINTBEGIN(missing-dtype) ... // NOLINTEND(missing-dtype)
 *   // scopecheck: ignore-file[scope-reentered]   (anywhere: the whole file)
 *
 * Both // and / * * / comments; comments are found by a C lexer (string
 * and character literals skipped, backslash-newline continues a line
 * comment).  Details:
 *
 * - `scopecheck: ignore` must start the comment (or a line of a block
 *   comment, after an optional '*'), so prose that mentions it does not
 *   silence anything.  On a line with code it applies to that line; in a
 *   comment alone on its line, to the next line with code (comment-only
 *   lines in between are skipped, a blank line is not).  `[...]` lists
 *   rule ids (`scopecheck-` prefix and globs allowed); without it, every
 *   rule.
 * - NOLINT... may appear anywhere in a comment (with free text after it),
 *   as in clang-tidy.  The argument list follows the keyword with no space;
 *   whitespace inside it is ignored; each entry is a glob matched against
 *   both "scopecheck-<rule-id>" and the bare "<rule-id>"; negative globs
 *   ("-foo") are ignored; entries that match none of our rules are another
 *   tool's checks and are ignored, except "scopecheck-..." ones.  A space
 *   before '(' makes it a bare NOLINT (every rule), as in clang-tidy.
 *   NOLINT: its own line; NOLINTNEXTLINE: the line after it;
 *   NOLINTBEGIN(args) ... NOLINTEND(args): every line from BEGIN's to
 *   END's, matched by identical arguments.
 * - `scopecheck: ignore-file`, with or without `[...]`, silences its rules
 *   in the whole file, wherever it is (ruff's `# ruff: noqa`).
 * - A suppression silences a finding only at the finding's primary line.
 *
 * Errors are reported with report_failure (exit status 2), naming the
 * file and line: a NOLINTBEGIN without its NOLINTEND (or the reverse, or
 * with other arguments), an unterminated list.  An unknown rule id (or a
 * glob that matches none) silences nothing and is a warning: the file is
 * still checked, and a rule of a newer scopecheck does not break an older
 * one's run. */
#ifndef SC_SUPPRESS_H
#define SC_SUPPRESS_H

#include <stdbool.h>
#include <stddef.h>

#include "../report/findings.h"
#include "../report/source.h"

typedef struct sc_suppressions sc_suppressions;

sc_suppressions *suppress_new(void);
void suppress_free(sc_suppressions *s);

/* Reads the suppression comments of `file` (once per file; later calls do
 * nothing).  Problems go to rep. */
void suppress_scan(sc_suppressions *s, sc_source_cache *src, const char *file,
                   sc_report *rep);

/* Marks every finding of rep silenced by a comment `suppressed` (scanning
 * the files of findings not scanned yet).  Returns how many. */
size_t suppress_apply(sc_suppressions *s, sc_report *rep, sc_source_cache *src);

/* Which unused suppressions to report, decided per file by the caller. */
typedef struct sc_unused_conf {
    /* report the unused suppressions of `file`, at severity *sev? */
    bool (*report)(void *ctx, const char *file, sc_severity *sev);
    /* is rule sc_rules[rule] on for `file`?  A suppression naming only
     * rules that are off is not reported.  NULL: every rule is on. */
    bool (*enabled)(void *ctx, const char *file, int rule);
    void *ctx;
} sc_unused_conf;

/* After suppress_apply: adds an "unused-suppression" finding for every
 * scanned suppression comment that silenced nothing (one per comment,
 * naming the rules in it that silenced nothing).  Bare NOLINTs, NOLINT(*)
 * and NOLINTs naming only other tools' checks are never reported: they may
 * be meant for clang-tidy.  Returns how many findings were added. */
size_t suppress_report_unused(sc_suppressions *s, sc_report *rep,
                              const sc_unused_conf *conf);

/* The rule id of the findings suppress_report_unused adds. */
#define SC_UNUSED_SUPPRESSION "unused-suppression"

#endif
