#include "parse.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/arena.h"

/* effectively none: gcc builds what nests deeper than clang's default 256
 * (a 200,000-deep expression parses; gcc 12 itself crashes near 50,000) */
#define SC_BRACKET_DEPTH "1000000"

struct fe_index {
    CXIndex cx;
};

fe_index *fe_index_new(void)
{
    if (!sc_clang_load(NULL))
        return NULL;
    fe_index *idx = sc_xmalloc(sizeof *idx);
    /* excludeDeclarationsFromPCH = 0, displayDiagnostics = 0 */
    idx->cx = clang_createIndex(0, 0);
    return idx;
}

void fe_index_free(fe_index *idx)
{
    if (!idx)
        return;
    clang_disposeIndex(idx->cx);
    free(idx);
}

void fe_tu_free(CXTranslationUnit tu)
{
    if (tu)
        clang_disposeTranslationUnit(tu);
}

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static char *msgf(const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    char *s = sc_xmalloc((size_t)n + 1);
    if ((size_t)n < sizeof small) {
        memcpy(s, small, (size_t)n + 1);
    } else {
        va_start(ap, fmt);
        vsnprintf(s, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return s;
}

/* The first error-level diagnostic as one line, or NULL. */
static char *first_error(CXTranslationUnit tu, const char *path)
{
    unsigned n = clang_getNumDiagnostics(tu);
    unsigned nerr = 0;
    char *msg = NULL;
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic dg = clang_getDiagnostic(tu, i);
        enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(dg);
        if (sev >= CXDiagnostic_Error) {
            if (nerr++ == 0) {
                CXString s = clang_formatDiagnostic(
                    dg, CXDiagnostic_DisplaySourceLocation | CXDiagnostic_DisplayColumn);
                const char *text = clang_getCString(s);
                CXFile file = NULL;
                clang_getSpellingLocation(clang_getDiagnosticLocation(dg), &file,
                                          NULL, NULL, NULL);
                /* a diagnostic without a location (a bad option) does not
                 * name the file: prefix it */
                if (file)
                    msg = msgf("%s", text ? text : "error");
                else
                    msg = msgf("%s: %s", path, text ? text : "error");
                clang_disposeString(s);
                /* one line: cut anything after a newline */
                char *nl = strchr(msg, '\n');
                if (nl)
                    *nl = '\0';
            }
        }
        clang_disposeDiagnostic(dg);
    }
    if (msg && nerr > 1) {
        char *m2 = msgf("%s (and %u more error%s)", msg, nerr - 1, nerr > 2 ? "s" : "");
        free(msg);
        msg = m2;
    }
    return msg;
}

CXTranslationUnit fe_parse(fe_index *idx, const char *path, int argc,
                           const char *const *argv, char **err)
{
    return fe_parse_unsaved(idx, path, argc, argv, NULL, 0, err);
}

CXTranslationUnit fe_parse_unsaved(fe_index *idx, const char *path, int argc,
                                   const char *const *argv,
                                   struct CXUnsavedFile *unsaved,
                                   unsigned nunsaved, char **err)
{
    *err = NULL;
    struct stat st;
    for (unsigned i = 0; i < nunsaved; i++)
        if (strcmp(unsaved[i].Filename, path) == 0)
            goto checked;         /* its text is in memory */
    if (stat(path, &st) != 0) {
        *err = msgf("%s: %s", path, strerror(errno));
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        *err = msgf("%s: not a regular file", path);
        return NULL;
    }
    FILE *probe = fopen(path, "rb");
    if (!probe) {
        *err = msgf("%s: cannot read: %s", path, strerror(errno));
        return NULL;
    }
    fclose(probe);
checked:;
    const char **args = sc_xmalloc(((size_t)(argc > 0 ? argc : 0) + 2) * sizeof *args);
    int n = 0;
    for (int i = 0; i < argc; i++)
        args[n++] = argv[i];
    args[n++] = "-w";
    /* gcc has no limit on the nesting of brackets; clang stops at 256 by
     * default, and parses deeper nesting on stacks of its own when asked */
    args[n++] = "-fbracket-depth=" SC_BRACKET_DEPTH;

    /* No detailed preprocessing record, no precompiled preamble, no
     * completion cache: one parse, as fast as -fsyntax-only.  Not
     * KeepGoing either: a unit with an error is rejected, so parsing on
     * after a fatal error (a missing header) would be wasted. */
    unsigned flags = CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
    CXTranslationUnit tu = NULL;
    enum CXErrorCode ec = clang_parseTranslationUnit2(idx->cx, path, args, n,
                                                      unsaved, nunsaved, flags, &tu);
    free(args);
    if (ec != CXError_Success || !tu) {
        const char *why = ec == CXError_Crashed ? "libclang crashed while parsing it"
                        : ec == CXError_InvalidArguments ? "libclang rejected the arguments"
                        : ec == CXError_ASTReadError ? "libclang could not read an AST file"
                        : "libclang could not parse it";
        *err = msgf("%s: %s", path, why);
        if (tu)
            clang_disposeTranslationUnit(tu);
        return NULL;
    }
    char *e = first_error(tu, path);
    if (e) {
        *err = e;
        clang_disposeTranslationUnit(tu);
        return NULL;
    }
    return tu;
}
