#include "options.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../rules/rule.h"

void options_usage(FILE *out)
{
    fputs(
"usage: scopecheck [options] PATH... [-- COMPILER-FLAGS...]\n"
"\n"
"Finds varscope scoping mistakes (duplicate variables, missing reuse or\n"
"dtype, scopes left open, ...) before the program runs.  PATHs are .c files\n"
"or directories (searched recursively for .c files).\n"
"\n"
"  -p DIR                 read compile flags from DIR/compile_commands.json\n"
"                         (default: the nearest one above each file)\n"
"  --extra-arg=FLAG       add a compiler flag to every file\n"
"  --format=FORMAT        text (default), json, sarif or github\n"
"  -o FILE                write the report to FILE\n"
"  -j N                   parse N files at a time (default: all cores)\n"
"  --enable=RULE,...      turn rules on;  --disable=RULE,... turn them off\n"
"                         (ids, globs such as 'scope-*', or all; the last\n"
"                         option naming a rule wins)\n"
"  --config=FILE          read FILE instead of the nearest .scopecheck.json\n"
"  --strict               also warn about calls that could fail, depending\n"
"                         on values known only at run time\n"
"  --fix                  apply fix-its in place\n"
"  --diff                 print the fix-its as a unified diff, change nothing\n"
"  --baseline=FILE        report only findings not in FILE\n"
"  --write-baseline=FILE  record today's findings in FILE\n"
"  --show-suppressed      also print findings silenced by comments\n"
"  --report-unused-ignores  warn about suppressions that silence nothing\n"
"  --exit-zero            exit 0 even when errors are found\n"
"  --quiet                print findings only, no summary\n"
"  --color=WHEN           auto (default: on a terminal, unless NO_COLOR is\n"
"                         set), always or never\n"
"  --stdin-filename=FILE  check the text on standard input as FILE's\n"
"  --lsp                  run as a language server on standard input and\n"
"                         output (Language Server Protocol 3.17)\n"
"  --no-cache             do not read or write the cache\n"
"  --all-files            parse every file, also those whose text cannot\n"
"                         reach varscope (skipped by default)\n"
"  --cache-dir=DIR        keep summaries in DIR (default: SCOPECHECK_CACHE_DIR,\n"
"                         else .scopecheck-cache at the project's root)\n"
"  --emit-summary=DIR     map step only: write each file's summary to DIR\n"
"  --link=DIR             link step only: check the summaries in DIR\n"
"                         (repeatable: one program from several DIRs)\n"
"  --list-rules           list the rules and exit\n"
"  --explain=RULE         print a rule's documentation and exit\n"
"  --version, --help\n"
"\n"
"Exit status: 0 no error-level finding, 1 error-level findings,\n"
"2 scopecheck could not do its job (bad option, unreadable or unparsable\n"
"file, bad configuration).\n", out);
}

static bool fail(const char *fmt, const char *arg)
{
    fputs("scopecheck: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs(" (see --help)\n", stderr);
    return false;
}

/* A rule list ("a,b,c", each an id, a glob over ids, or "all", with or
 * without clang-tidy's "scopecheck-" prefix): every rule it names is
 * turned on (on) or off, over what earlier options said. */
static bool rule_list(sc_options *o, const char *list, const char *opt, bool on)
{
    const char *p = list;
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        while (n && (*p == ' ')) {
            p++;
            n--;
        }
        char *pat = sc_xmalloc(n + 1);
        memcpy(pat, p, n);
        pat[n] = '\0';
        while (n && pat[n - 1] == ' ')
            pat[--n] = '\0';
        const char *bare = strncmp(pat, "scopecheck-", 11) == 0 ? pat + 11 : pat;
        if (strcmp(bare, "all") == 0)
            bare = "*";
        size_t hits = 0;
        for (size_t i = 0; n && i < sc_nrules; i++) {
            const char *id = sc_rules[i]->id;
            if (fnmatch(bare, id, 0) != 0)
                continue;
            hits++;
            /* the rule's last word wins: drop it from both lists */
            sc_strs *lists[2] = {&o->enable, &o->disable};
            for (int l = 0; l < 2; l++) {
                size_t k = 0;
                for (size_t m = 0; m < lists[l]->len; m++) {
                    if (strcmp(lists[l]->items[m], id) == 0)
                        free((void *)lists[l]->items[m]);
                    else
                        lists[l]->items[k++] = lists[l]->items[m];
                }
                lists[l]->len = k;
            }
            if (on)
                SC_PUSH(o->enable, sc_xstrdup(id));
            else
                SC_PUSH(o->disable, sc_xstrdup(id));
        }
        if (n && !hits) {
            fprintf(stderr, "scopecheck: %s '%s' in %s (see --list-rules)\n",
                    strpbrk(bare, "*?[") ? "no rule matches" : "unknown rule",
                    pat, opt);
            free(pat);
            return false;
        }
        free(pat);
        p = comma ? comma + 1 : p + strlen(p);
    }
    return true;
}

/* compiler flags given where scopecheck's options go: say where they
 * belong ("scopecheck src -Iinclude") */
static bool compiler_flag(const char *a)
{
    static const char *const prefixes[] = {"-I", "-D", "-U", "-std=", "-W",
                                           "-f", "-m", "-O", "-g", "-isystem",
                                           "-include", "-iquote", "-x", NULL};
    for (int i = 0; prefixes[i]; i++)
        if (strncmp(a, prefixes[i], strlen(prefixes[i])) == 0)
            return true;
    return false;
}

/* Matches "--name=value", "--name value", and for short options "-xVALUE"
 * and "-x VALUE".  *value is set when it matches. */
static bool take(int argc, char **argv, int *i, const char *name,
                 const char **value, bool *bad)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0)
        return false;
    if (a[n] == '=' && name[1] == '-') {
        *value = a + n + 1;
        return true;
    }
    if (a[n] != '\0') {
        if (name[1] != '-') {     /* -j4, -pbuild */
            *value = a + n;
            return true;
        }
        return false;
    }
    if (*i + 1 >= argc) {
        fail("option '%s' needs a value", name);
        *bad = true;
        return true;
    }
    *value = argv[++*i];
    return true;
}

/* Tools that append file names to the arguments they are given (the
 * pre-commit framework, xargs) put them after "--" when the flags end
 * with it: with no PATH before "--", the words after it that name C files
 * (and are not the value of a flag such as -o or -include) are the files
 * to check.  A compiler is never handed a source file this way. */
static void take_trailing_files(sc_options *o)
{
    static const char *const with_value[] = {
        "-o", "-MF", "-MT", "-MQ", "-include", "-imacros", "-x", "-I", "-D",
        "-U", "-isystem", "-iquote", "-idirafter", "-isysroot", "--sysroot",
        "-Xclang", "-Xpreprocessor", "-target", NULL};
    if (o->paths.len)
        return;
    size_t k = 0;
    for (size_t i = 0; i < o->cflags.len; i++) {
        const char *w = o->cflags.items[i];
        size_t n = strlen(w);
        bool value = false;
        for (int v = 0; i > 0 && with_value[v]; v++)
            value |= strcmp(o->cflags.items[i - 1], with_value[v]) == 0;
        if (!value && w[0] != '-' && n > 2 && strcmp(w + n - 2, ".c") == 0)
            SC_PUSH(o->paths, w);
        else
            o->cflags.items[k++] = w;
    }
    o->cflags.len = k;
}

bool options_parse(sc_options *o, int argc, char **argv)
{
    memset(o, 0, sizeof *o);
    bool bad = false;
    for (int i = 1; i < argc && !bad; i++) {
        const char *a = argv[i], *v = NULL;
        if (strcmp(a, "--") == 0) {
            for (i++; i < argc; i++)
                SC_PUSH(o->cflags, argv[i]);
            take_trailing_files(o);
            break;
        }
        if (a[0] != '-' || strcmp(a, "-") == 0) {
            SC_PUSH(o->paths, a);
            continue;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) o->help = true;
        else if (strcmp(a, "--version") == 0) o->version = true;
        else if (strcmp(a, "--list-rules") == 0) o->list_rules = true;
        else if (strcmp(a, "--strict") == 0) o->strict = true;
        else if (strcmp(a, "--fix") == 0) o->fix = true;
        else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) o->quiet = true;
        else if (strcmp(a, "--exit-zero") == 0) o->exit_zero = true;
        else if (strcmp(a, "--show-suppressed") == 0) o->show_suppressed = true;
        else if (strcmp(a, "--report-unused-ignores") == 0) o->report_unused_ignores = true;
        else if (strcmp(a, "--no-cache") == 0) o->no_cache = true;
        else if (strcmp(a, "--all-files") == 0) o->all_files = true;
        else if (strcmp(a, "--lsp") == 0) o->lsp = true;
        else if (strcmp(a, "--diff") == 0) o->diff = true;
        else if (strcmp(a, "--color") == 0) o->color = SC_COLOR_ALWAYS;
        else if (take(argc, argv, &i, "--color", &v, &bad)) {
            if (!v) break;
            if (strcmp(v, "auto") == 0) o->color = SC_COLOR_AUTO;
            else if (strcmp(v, "always") == 0) o->color = SC_COLOR_ALWAYS;
            else if (strcmp(v, "never") == 0) o->color = SC_COLOR_NEVER;
            else bad = !fail("--color takes auto, always or never, not '%s'", v);
        }
        else if (take(argc, argv, &i, "--stdin-filename", &v, &bad)) o->stdin_filename = v;
        else if (take(argc, argv, &i, "--explain", &v, &bad)) o->explain = v;
        else if (take(argc, argv, &i, "--format", &v, &bad)) {
            if (!v) break;
            if (strcmp(v, "text") == 0) o->format = SC_FMT_TEXT;
            else if (strcmp(v, "json") == 0) o->format = SC_FMT_JSON;
            else if (strcmp(v, "sarif") == 0) o->format = SC_FMT_SARIF;
            else if (strcmp(v, "github") == 0) o->format = SC_FMT_GITHUB;
            else bad = !fail("unknown format '%s': use text, json, sarif or github", v);
        }
        else if (take(argc, argv, &i, "-o", &v, &bad)) o->output = v;
        else if (take(argc, argv, &i, "--output", &v, &bad)) o->output = v;
        else if (take(argc, argv, &i, "-p", &v, &bad)) o->compdb_dir = v;
        else if (take(argc, argv, &i, "-j", &v, &bad) ||
                 take(argc, argv, &i, "--jobs", &v, &bad)) {
            if (!v) break;
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || n < 0 || n > 1024)
                bad = !fail("-j needs a number of jobs, not '%s'", v);
            o->jobs = (int)n;
        }
        else if (take(argc, argv, &i, "--enable", &v, &bad)) bad = !v || !rule_list(o, v, "--enable", true);
        else if (take(argc, argv, &i, "--disable", &v, &bad)) bad = !v || !rule_list(o, v, "--disable", false);
        else if (take(argc, argv, &i, "--config", &v, &bad)) o->config = v;
        else if (take(argc, argv, &i, "--baseline", &v, &bad)) o->baseline = v;
        else if (take(argc, argv, &i, "--write-baseline", &v, &bad)) o->write_baseline = v;
        else if (take(argc, argv, &i, "--cache-dir", &v, &bad)) o->cache_dir = v;
        else if (take(argc, argv, &i, "--emit-summary", &v, &bad)) o->emit_summary = v;
        else if (take(argc, argv, &i, "--link", &v, &bad)) { if (v) SC_PUSH(o->link, v); }
        else if (take(argc, argv, &i, "--extra-arg", &v, &bad)) { if (v) SC_PUSH(o->extra_args, v); }
        else if (compiler_flag(a)) {
            fprintf(stderr, "scopecheck: unknown option '%s': compiler flags go "
                            "after '--', as in: scopecheck FILES -- %s\n", a, a);
            bad = true;
        } else
            bad = !fail("unknown option '%s'", a);
    }
    if (!bad && o->explain && strncmp(o->explain, "scopecheck-", 11) == 0)
        o->explain += 11;
    if (!bad && o->stdin_filename) {
        /* the file's name, or "-", may be given as the path too */
        if (o->paths.len > 1 ||
            (o->paths.len == 1 && strcmp(o->paths.items[0], "-") != 0 &&
             strcmp(o->paths.items[0], o->stdin_filename) != 0)) {
            fputs("scopecheck: --stdin-filename checks that one file: name "
                  "no other (see --help)\n", stderr);
            bad = true;
        }
        o->paths.len = 0;
        SC_PUSH(o->paths, o->stdin_filename);
    }
    if (!bad && o->explain && sc_rule_index(o->explain) < 0) {
        fprintf(stderr, "scopecheck: unknown rule '%s' (see --list-rules)\n",
                o->explain);
        bad = true;
    }
    return !bad;
}

void options_free(sc_options *o)
{
    for (size_t i = 0; i < o->enable.len; i++)
        free((void *)o->enable.items[i]);
    for (size_t i = 0; i < o->disable.len; i++)
        free((void *)o->disable.items[i]);
    SC_VEC_FREE(o->paths);
    SC_VEC_FREE(o->cflags);
    SC_VEC_FREE(o->extra_args);
    SC_VEC_FREE(o->enable);
    SC_VEC_FREE(o->disable);
    SC_VEC_FREE(o->link);
}
