/* Test driver for fixtures (C programs that the tests lint and run).
 *
 *   fixturetest lint SCOPECHECK PATH...
 *       Lints each PATH (a .c file, or a directory linted as one program)
 *       and compares the findings with the expectations written in the
 *       sources, in the spirit of clang -verify:
 *           call();            // expect: rule-id
 *           // expect@+1: rule-id, other-rule-id
 *       A missing finding and an extra finding both fail.  A source
 *       without expectations must lint clean.
 *
 *   fixturetest diff [--summary FILE] SCOPECHECK LIBVARSCOPE PATH...
 *       Differential test: compiles each PATH against the library, runs
 *       it, and compares the runtime's errors (FILE:LINE: error: ...
 *       [code]) with the linter's error findings of the rules that mirror
 *       run-time failures.  A runtime error matches a finding of the same
 *       code whose range covers its line.  A program that does not
 *       compile, or whose run crashes (signal, sanitizer report, timeout),
 *       fails.
 *
 *       Programs with inputs: a source may declare the inputs the program
 *       reads, one per line,
 *           // oracle-input: argc 1 2 3 4 5        (argc values)
 *           // oracle-input: env NAME - 1 2        (values; "-" = unset)
 *           // oracle-input: args - --reuse --reuse,-n,3
 *                      (argument lists, "," between arguments, "-" none)
 *       It is then run once for every combination, and the runtime's
 *       errors are the union over the runs.  The linter cannot know which
 *       run happens, so the comparison is one-sided: every linter error
 *       must happen on some run (one that does not is a false error and
 *       fails); a union error the linter does not report is only counted
 *       as missed.
 *
 *       --summary FILE appends one tab-separated line per PATH:
 *           PATH agree|disagree exact|union RUNS RUNTIME LINTER MISSED
 *           FALSE DIFFS RUNTIME-ERRORS LINTER-ERRORS
 *       RUNTIME and LINTER count the (distinct) errors of each side,
 *       MISSED the runtime errors the linter did not report, FALSE the
 *       linter errors no run hits; DIFFS is a ';'-separated list of
 *       KIND:RULE@FILE:LINE (KIND missed, false, crash, compile, lint),
 *       and the last two columns list each side's errors as RULE@FILE:LINE;
 *       an empty list is "-".
 *
 *   fixturetest corpus [--summary FILE] SCOPECHECK LIBVARSCOPE PATH...
 *       The adversarial corpus (tests/corpus/): each PATH is compiled, run
 *       over its declared inputs as in diff mode, and linted twice, plain
 *       and --strict.  Its `// expect:` marks must say exactly where the
 *       runs fail (the union over the runs; a difference means the corpus
 *       or the library changed).  Then each run failure is found (a plain
 *       error of its rule covering its line), found only by --strict (any
 *       finding of its rule there), or missed; a plain error, or a --strict
 *       error, that no run hits is a false error.  The verdict, worst
 *       first: crash (does not compile, crashes, cannot be linted, or the
 *       marks are wrong), false-error, silent-miss, strict-only, agree;
 *       the first three print "not ok".  --summary FILE appends
 *           PATH VERDICT RUNS FAILURES FOUND STRICT-ONLY MISSED FALSE NOISE
 *           DIFFS
 *       (NOISE: --strict warnings where no run fails; DIFFS a ';'-separated
 *       list of KIND:RULE@FILE:LINE, KIND strict, missed, false, noise,
 *       crash, compile, lint or marks).  The last line says
 *       "# agree: N, false error: N, silent miss: N, strict-only: N, crash: N".
 *       CORPUS_LINT_FLAGS in the environment: options for both lints.
 *
 * Prints one TAP line per PATH ("ok - ..." / "not ok - ...") with the
 * differences as "# " lines; the last line of diff mode says
 * "# agree: N, disagree: M" (when some program had inputs, a line before
 * it gives their false errors and missed errors).
 */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cJSON.h>

typedef struct item {
    char *file;
    int line, end_line;
    char *rule;
    int used;
    int is_error;              /* a finding of severity error */
} item;

typedef struct items {
    item *v;
    size_t n, cap;
} items;

static void add(items *s, const char *file, int line, int end_line,
                const char *rule)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 16;
        s->v = realloc(s->v, s->cap * sizeof *s->v);
    }
    s->v[s->n++] = (item){strdup(file), line, end_line, strdup(rule), 0, 0};
}

static void clear(items *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->v[i].file);
        free(s->v[i].rule);
    }
    free(s->v);
    memset(s, 0, sizeof *s);
}

static char *slurp_cmd(const char *cmd, int *status)
{
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    size_t cap = 1 << 16, len = 0, n;
    char *buf = malloc(cap + 1);
    while ((n = fread(buf + len, 1, cap - len, p)) > 0) {
        len += n;
        if (len == cap)
            buf = realloc(buf, (cap *= 2) + 1);
    }
    buf[len] = '\0';
    int st = pclose(p);
    *status = WIFEXITED(st) ? WEXITSTATUS(st) : 128;
    return buf;
}

/* the .c files of a path: itself, or those in the directory */
static size_t sources(const char *path, char ***out)
{
    struct stat st;
    size_t n = 0;
    *out = NULL;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *e;
        while (d && (e = readdir(d))) {
            size_t l = strlen(e->d_name);
            if (l > 2 && strcmp(e->d_name + l - 2, ".c") == 0) {
                *out = realloc(*out, (n + 1) * sizeof **out);
                char *p = malloc(strlen(path) + l + 2);
                sprintf(p, "%s/%s", path, e->d_name);
                (*out)[n++] = p;
            }
        }
        if (d)
            closedir(d);
    } else {
        *out = malloc(sizeof **out);
        (*out)[n++] = strdup(path);
    }
    return n;
}

/* expectations of one source file */
static void expectations(const char *file, items *want)
{
    FILE *f = fopen(file, "r");
    if (!f)
        return;
    char line[8192];
    int no = 0;
    while (fgets(line, sizeof line, f)) {
        no++;
        char *p = strstr(line, "// expect");
        if (!p)
            continue;
        p += 9;
        int target = no;
        if (*p == '@') {
            target = no + atoi(p + 1);
            if (p[1] != '+' && p[1] != '-')
                target = atoi(p + 1);
            while (*p && *p != ':')
                p++;
        }
        if (*p != ':')
            continue;
        p++;
        char *tok = strtok(p, ", \t\r\n");
        while (tok) {
            add(want, file, target, target, tok);
            tok = strtok(NULL, ", \t\r\n");
        }
    }
    fclose(f);
}

static const char *runtime_rules[] = {
    "duplicate-variable", "missing-variable", "missing-dtype",
    "dtype-mismatch", "shape-mismatch", "undefined-shape",
    "initializer-mismatch", "invalid-name", "reuse-without-name",
    "scope-underflow", "scope-leak", "invalid-argument", NULL};

static int is_runtime_rule(const char *r)
{
    for (int i = 0; runtime_rules[i]; i++)
        if (strcmp(runtime_rules[i], r) == 0)
            return 1;
    return 0;
}

/* put before the linter's command (corpus mode: a timeout) */
static const char *lint_prefix = "";

/* What lint() keeps of the findings. */
enum keep {
    KEEP_ALL,                  /* every finding */
    KEEP_RUNTIME_ERRORS,       /* errors of the rules that mirror run-time failures */
    KEEP_RUNTIME_ANY           /* those rules' findings at any severity */
};

/* Lints path (with the extra options flags, "" for none); fills got with
 * the findings keep says.  Returns the exit status, -1 if the output is
 * not JSON. */
static int lint_with(const char *scopecheck, const char *flags,
                     const char *path, items *got, enum keep keep,
                     char **errs)
{
    char cmd[8192];
    snprintf(cmd, sizeof cmd,
             "%s%s --format=json --no-cache -j 1 %s '%s' -- -Iinclude "
             "2>/dev/null",
             lint_prefix, scopecheck, flags, path);
    int status;
    char *out = slurp_cmd(cmd, &status);
    cJSON *doc = out ? cJSON_Parse(out) : NULL;
    free(out);
    if (!doc)
        return -1;
    const cJSON *fs = cJSON_GetObjectItem(doc, "findings"), *f;
    cJSON_ArrayForEach(f, fs) {
        const char *rule = cJSON_GetObjectItem(f, "rule")->valuestring;
        const char *sev = cJSON_GetObjectItem(f, "severity")->valuestring;
        if (keep != KEEP_ALL && !is_runtime_rule(rule))
            continue;
        if (keep == KEEP_RUNTIME_ERRORS && strcmp(sev, "error"))
            continue;
        const cJSON *r = cJSON_GetObjectItem(f, "range");
        int line = cJSON_GetObjectItem(cJSON_GetObjectItem(r, "start"), "line")->valueint;
        int end = cJSON_GetObjectItem(cJSON_GetObjectItem(r, "end"), "line")->valueint;
        add(got, cJSON_GetObjectItem(f, "file")->valuestring, line, end, rule);
        got->v[got->n - 1].is_error = strcmp(sev, "error") == 0;
    }
    const cJSON *es = cJSON_GetObjectItem(doc, "errors"), *e;
    size_t len = 0;
    *errs = calloc(1, 1);
    cJSON_ArrayForEach(e, es) {
        size_t l = strlen(e->valuestring);
        *errs = realloc(*errs, len + l + 4);
        sprintf(*errs + len, "# %s\n", e->valuestring);
        len += l + 3;
    }
    cJSON_Delete(doc);
    return status;
}

static int lint(const char *scopecheck, const char *path, items *got,
                int runtime_only, char **errs)
{
    return lint_with(scopecheck, "", path, got,
                     runtime_only ? KEEP_RUNTIME_ERRORS : KEEP_ALL, errs);
}

static int same_file(const char *a, const char *b)
{
    /* the linter may print "./x.c" where the source list has "x.c", and
     * "d/x.c" where a path given as "d/" made "d//x.c" */
    while (a[0] == '.' && a[1] == '/') a += 2;
    while (b[0] == '.' && b[1] == '/') b += 2;
    for (;;) {
        while (a[0] == '/' && a[1] == '/') a++;
        while (b[0] == '/' && b[1] == '/') b++;
        if (*a != *b)
            return 0;
        if (!*a)
            return 1;
        a++, b++;
    }
}

/* Matches want against got; prints the differences (a NULL label
 * counts that side without printing it).  Returns mismatches; *n_missing
 * and *n_extra, when not NULL, get each side's count. */
static int compare_counts(items *want, items *got, const char *what_missing,
                          const char *what_extra, int *n_missing,
                          int *n_extra)
{
    for (size_t i = 0; i < want->n; i++) {
        for (size_t k = 0; k < got->n; k++) {
            item *g = &got->v[k];
            if (!g->used && same_file(g->file, want->v[i].file) &&
                strcmp(g->rule, want->v[i].rule) == 0 &&
                want->v[i].line >= g->line && want->v[i].line <= g->end_line) {
                g->used = want->v[i].used = 1;
                break;
            }
        }
    }
    int nm = 0, ne = 0;
    for (size_t i = 0; i < want->n; i++)
        if (!want->v[i].used) {
            if (what_missing)
                printf("# %s: %s:%d: %s\n", what_missing, want->v[i].file,
                       want->v[i].line, want->v[i].rule);
            nm++;
        }
    for (size_t k = 0; k < got->n; k++)
        if (!got->v[k].used) {
            if (what_extra)
                printf("# %s: %s:%d: %s\n", what_extra, got->v[k].file,
                       got->v[k].line, got->v[k].rule);
            ne++;
        }
    if (n_missing)
        *n_missing = nm;
    if (n_extra)
        *n_extra = ne;
    return nm + ne;
}

static int compare(items *want, items *got, const char *what_missing,
                   const char *what_extra)
{
    return compare_counts(want, got, what_missing, what_extra, NULL, NULL);
}

static int do_lint(const char *scopecheck, int n, char **paths)
{
    int failed = 0;
    for (int i = 0; i < n; i++) {
        items want = {0}, got = {0};
        char **srcs;
        size_t ns = sources(paths[i], &srcs);
        for (size_t k = 0; k < ns; k++) {
            expectations(srcs[k], &want);
            free(srcs[k]);
        }
        free(srcs);
        char *errs = NULL;
        int st = lint(scopecheck, paths[i], &got, 0, &errs);
        int bad = st < 0 || st == 2;
        if (st < 0)
            printf("# scopecheck printed no JSON document\n");
        else if (st == 2)
            printf("# scopecheck could not check it (exit 2):\n%s", errs);
        else
            bad += compare(&want, &got, "expected but not seen",
                           "seen but not expected");
        printf("%s - lint %s\n", bad ? "not ok" : "ok", paths[i]);
        failed += bad != 0;
        free(errs);
        clear(&want);
        clear(&got);
    }
    return failed;
}

/* ---- diff mode ------------------------------------------------------------ */

/* One input dimension a program declares ("// oracle-input: ..."). */
typedef struct input_dim {
    char *env;                 /* NULL: argc or args */
    int args;                  /* args: each value is an argument list */
    char **vals;               /* argc values, env values ("-" unset), or
                                  argument lists ("a,b"; "-" none) */
    size_t n;
} input_dim;

typedef struct inputs {
    input_dim *v;
    size_t n;
} inputs;

static void inputs_clear(inputs *in)
{
    for (size_t i = 0; i < in->n; i++) {
        free(in->v[i].env);
        for (size_t k = 0; k < in->v[i].n; k++)
            free(in->v[i].vals[k]);
        free(in->v[i].vals);
    }
    free(in->v);
    memset(in, 0, sizeof *in);
}

static void read_inputs(const char *file, inputs *in)
{
    FILE *f = fopen(file, "r");
    if (!f)
        return;
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        char *p = strstr(line, "// oracle-input:");
        if (!p)
            continue;
        p += strlen("// oracle-input:");
        char *kind = strtok(p, " \t\r\n");
        if (!kind)
            continue;
        input_dim d = {0};
        if (strcmp(kind, "env") == 0) {
            char *name = strtok(NULL, " \t\r\n");
            if (!name)
                continue;
            d.env = strdup(name);
        } else if (strcmp(kind, "args") == 0) {
            d.args = 1;
        } else if (strcmp(kind, "argc") != 0) {
            continue;
        }
        for (char *t = strtok(NULL, " \t\r\n"); t; t = strtok(NULL, " \t\r\n")) {
            d.vals = realloc(d.vals, (d.n + 1) * sizeof *d.vals);
            d.vals[d.n++] = strdup(t);
        }
        if (!d.n) {
            free(d.env);
            continue;
        }
        in->v = realloc(in->v, (in->n + 1) * sizeof *in->v);
        in->v[in->n++] = d;
    }
    fclose(f);
}

/* single-quoted for the shell */
static void shell_quote(char *out, size_t cap, const char *s)
{
    size_t n = strlen(out);
    if (n + 1 < cap)
        out[n++] = '\'';
    for (; *s && n + 5 < cap; s++) {
        if (*s == '\'') {
            memcpy(out + n, "'\\''", 4);
            n += 4;
        } else {
            out[n++] = *s;
        }
    }
    if (n + 1 < cap)
        out[n++] = '\'';
    out[n] = '\0';
}

/* The command of run number r of the combinations of in (r < runs). */
static void run_command(char *cmd, size_t cap, const inputs *in, size_t r,
                        const char *exe)
{
    /* env's options (-u NAME) must come before its NAME=VALUE operands */
    char unset[2048] = "", set[2048] = "", args[2048] = "";
    for (size_t i = 0; i < in->n; i++) {
        const input_dim *d = &in->v[i];
        const char *val = d->vals[r % d->n];
        r /= d->n;
        if (d->env && strcmp(val, "-") == 0) {
            strncat(unset, " -u ", sizeof unset - strlen(unset) - 1);
            shell_quote(unset, sizeof unset, d->env);
        } else if (d->env) {
            char kv[512];
            snprintf(kv, sizeof kv, "%s=%s", d->env, val);
            strncat(set, " ", sizeof set - strlen(set) - 1);
            shell_quote(set, sizeof set, kv);
        } else if (d->args) {
            /* "a,b" is the two arguments a and b; "-" none */
            args[0] = '\0';
            if (strcmp(val, "-") == 0)
                continue;
            char one[512];
            snprintf(one, sizeof one, "%s", val);
            for (char *a = strtok(one, ","); a; a = strtok(NULL, ",")) {
                strncat(args, " ", sizeof args - strlen(args) - 1);
                shell_quote(args, sizeof args, a);
            }
        } else {
            int argc = atoi(val);
            args[0] = '\0';
            for (int a = 1; a < argc && strlen(args) + 8 < sizeof args; a++)
                sprintf(args + strlen(args), " a%d", a);
        }
    }
    snprintf(cmd, cap,
             "env%s%s ASAN_OPTIONS=detect_leaks=0 timeout 20 %s%s 2>&1 >/dev/null",
             unset, set, exe, args);
}

/* the runtime's "FILE:LINE: error: MESSAGE [code]" lines of out */
static void runtime_errors(char *out, items *rt)
{
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        char *colon = strchr(line, ':');
        char *err = strstr(line, ": error: ");
        char *br = strrchr(line, '[');
        if (!colon || !err || !br || colon > err)
            continue;
        *colon = '\0';
        int ln = atoi(colon + 1);
        char *end = strchr(br, ']');
        if (!end)
            continue;
        *end = '\0';
        if (is_runtime_rule(br + 1) || strcmp(br + 1, "no-memory") == 0)
            add(rt, line, ln, ln, br + 1);
    }
}

static int crashed(int status, const char *out)
{
    return status == 124 || status >= 126 || strstr(out, "AddressSanitizer") ||
           strstr(out, "LeakSanitizer") || strstr(out, "runtime error:");
}

/* the summary's DIFFS column */
typedef struct diffs {
    char *s;
    size_t n;
} diffs;

static void diffs_add(diffs *d, const char *kind, const char *rule,
                      const char *file, int line)
{
    char one[1024];
    int l = snprintf(one, sizeof one, "%s%s:%s@%s:%d", d->n ? ";" : "", kind,
                     rule, file, line);
    if (l < 0)
        return;
    if ((size_t)l >= sizeof one)
        l = sizeof one - 1;
    d->s = realloc(d->s, d->n + (size_t)l + 1);
    memcpy(d->s + d->n, one, (size_t)l + 1);
    d->n += (size_t)l;
}

static void diffs_unmatched(diffs *d, const items *s, const char *kind)
{
    for (size_t i = 0; i < s->n; i++)
        if (!s->v[i].used)
            diffs_add(d, kind, s->v[i].rule, s->v[i].file, s->v[i].line);
}

/* RULE@FILE:LINE;... of every item, "-" if none */
static void summary_list(FILE *f, const items *s)
{
    for (size_t i = 0; i < s->n; i++)
        fprintf(f, "%s%s@%s:%d", i ? ";" : "", s->v[i].rule, s->v[i].file,
                s->v[i].line);
    if (!s->n)
        fputs("-", f);
}

/* Compiles and runs one program over its declared inputs; fills uniq with
 * the runtime's distinct errors.  Returns 0, or 1 if it did not compile or
 * crashed (said as # lines and in dl). */
static int run_program(const char *lib, const char *path, char **srcs,
                       size_t ns, const inputs *in, size_t *runs_out,
                       items *uniq, diffs *dl)
{
    char cmd[16384], files[8192] = "";
    for (size_t k = 0; k < ns; k++) {
        strncat(files, " '", sizeof files - strlen(files) - 1);
        strncat(files, srcs[k], sizeof files - strlen(files) - 1);
        strncat(files, "'", sizeof files - strlen(files) - 1);
    }
    size_t runs = 1;
    for (size_t k = 0; k < in->n; k++)
        runs *= in->v[k].n;
    if (runs > 1024)
        runs = 1024;
    *runs_out = runs;
    char exe[] = "/tmp/fixturetest.XXXXXX";
    int fd = mkstemp(exe);
    if (fd >= 0)
        close(fd);
    snprintf(cmd, sizeof cmd,
             "cc -std=c11 -w -g -pthread -fsanitize=address,undefined "
             "-Iinclude %s %s -o %s 2>&1", files, lib, exe);
    int st, failed = 0;
    char *out = slurp_cmd(cmd, &st);
    if (st != 0) {
        printf("# the program does not compile:\n");
        for (char *l = strtok(out, "\n"); l; l = strtok(NULL, "\n"))
            printf("#   %s\n", l);
        diffs_add(dl, "compile", "-", path, 0);
        failed = 1;
    }
    free(out);
    items rt = {0};
    for (size_t r = 0; !failed && r < runs; r++) {
        run_command(cmd, sizeof cmd, in, r, exe);
        out = slurp_cmd(cmd, &st);
        if (out && crashed(st, out)) {
            printf("# the program crashed (status %d): %s\n", st, cmd + 4);
            int shown = 0;
            for (char *l = out; *l && shown < 12; shown++) {
                char *e = strchr(l, '\n');
                if (e)
                    *e = '\0';
                printf("#   %s\n", l);
                if (!e)
                    break;
                l = e + 1;
            }
            diffs_add(dl, "crash", "-", path, 0);
            failed = 1;
        } else if (out) {
            runtime_errors(out, &rt);
        }
        free(out);
    }
    remove(exe);
    for (size_t k = 0; k < rt.n; k++) {
        int seen = 0;
        for (size_t m = 0; m < uniq->n; m++)
            seen |= uniq->v[m].line == rt.v[k].line &&
                    strcmp(uniq->v[m].rule, rt.v[k].rule) == 0 &&
                    same_file(uniq->v[m].file, rt.v[k].file);
        if (!seen)
            add(uniq, rt.v[k].file, rt.v[k].line, rt.v[k].line, rt.v[k].rule);
    }
    clear(&rt);
    return failed;
}

static int do_diff(const char *scopecheck, const char *lib, int n,
                   char **paths, const char *summary)
{
    int agree = 0, disagree = 0;
    int union_programs = 0, union_false = 0, union_missed = 0, union_errors = 0;
    FILE *sum = NULL;
    if (summary && !(sum = fopen(summary, "a"))) {
        perror(summary);
        return 1;
    }
    for (int i = 0; i < n; i++) {
        items got = {0}, uniq = {0};
        inputs in = {0};
        diffs dl = {0};
        char **srcs;
        size_t ns = sources(paths[i], &srcs), runs = 0;
        for (size_t k = 0; k < ns; k++)
            read_inputs(srcs[k], &in);
        /* the runtime reports a failing call once per execution; uniq
         * holds the set */
        int bad = 0;
        int failed = run_program(lib, paths[i], srcs, ns, &in, &runs, &uniq,
                                 &dl);
        for (size_t k = 0; k < ns; k++)
            free(srcs[k]);
        free(srcs);
        char *errs = NULL;
        int ls = lint(scopecheck, paths[i], &got, 1, &errs);
        int missed = 0, extra = 0;
        if (ls < 0 || ls == 2) {
            printf("# scopecheck failed on it\n%s", errs ? errs : "");
            diffs_add(&dl, "lint", "-", paths[i], 0);
            bad = 1;
        } else if (in.n) {
            compare_counts(&uniq, &got, NULL,
                           "linter error no run hits", &missed, &extra);
            for (size_t k = 0; k < uniq.n; k++)
                if (!uniq.v[k].used)
                    printf("# missed (input-dependent): %s:%d: %s\n",
                           uniq.v[k].file, uniq.v[k].line, uniq.v[k].rule);
            bad = extra;
            union_programs++;
            union_false += extra;
            union_missed += missed;
            union_errors += (int)uniq.n;
        } else {
            bad = compare_counts(&uniq, &got, "runtime error the linter missed",
                                 "linter error the runtime does not hit",
                                 &missed, &extra);
        }
        diffs_unmatched(&dl, &uniq, "missed");
        diffs_unmatched(&dl, &got, "false");
        bad |= failed;
        if (in.n && runs > 1)
            printf("%s - differential %s (%zu runs)\n", bad ? "not ok" : "ok",
                   paths[i], runs);
        else
            printf("%s - differential %s\n", bad ? "not ok" : "ok", paths[i]);
        if (sum) {
            fprintf(sum, "%s\t%s\t%s\t%zu\t%zu\t%zu\t%d\t%d\t%s\t", paths[i],
                    bad ? "disagree" : "agree", in.n ? "union" : "exact",
                    failed ? 0 : runs, uniq.n, got.n, missed, extra,
                    dl.n ? dl.s : "-");
            summary_list(sum, &uniq);
            fputs("\t", sum);
            summary_list(sum, &got);
            fputs("\n", sum);
        }
        fflush(stdout);
        if (bad)
            disagree++;
        else
            agree++;
        free(errs);
        free(dl.s);
        inputs_clear(&in);
        clear(&uniq);
        clear(&got);
    }
    if (sum)
        fclose(sum);
    if (union_programs)
        printf("# programs with inputs: %d, false errors: %d, missed: %d of "
               "%d runtime errors\n",
               union_programs, union_false, union_missed, union_errors);
    printf("# agree: %d, disagree: %d\n", agree, disagree);
    return disagree;
}

/* ---- corpus mode ----------------------------------------------------------- */

/* Does one of s hold rule at file:line (within its range)?  Marks it used. */
static int covers(items *s, const char *file, int line, const char *rule)
{
    int hit = 0;
    for (size_t k = 0; k < s->n; k++) {
        item *g = &s->v[k];
        if (same_file(g->file, file) && strcmp(g->rule, rule) == 0 &&
            line >= g->line && line <= g->end_line)
            hit = g->used = 1;
    }
    return hit;
}

/* the verdicts, worst first */
enum verdict { V_CRASH, V_FALSE, V_MISS, V_STRICT, V_AGREE };
static const char *verdict_names[] = {"crash", "false-error", "silent-miss",
                                      "strict-only", "agree"};

static int do_corpus(const char *scopecheck, const char *lib, int n,
                     char **paths, const char *summary)
{
    int count[5] = {0};
    FILE *sum = NULL;
    if (summary && !(sum = fopen(summary, "a"))) {
        perror(summary);
        return 1;
    }
    lint_prefix = "timeout 300 ";
    /* options for both lints (e.g. --all-files), from the environment */
    const char *flags = getenv("CORPUS_LINT_FLAGS");
    if (!flags)
        flags = "";
    for (int i = 0; i < n; i++) {
        items marks = {0}, uniq = {0}, plain = {0}, strict = {0};
        inputs in = {0};
        diffs dl = {0};
        char **srcs;
        size_t ns = sources(paths[i], &srcs), runs = 0;
        for (size_t k = 0; k < ns; k++) {
            read_inputs(srcs[k], &in);
            expectations(srcs[k], &marks);
        }
        int broken = run_program(lib, paths[i], srcs, ns, &in, &runs, &uniq,
                                 &dl);
        for (size_t k = 0; k < ns; k++)
            free(srcs[k]);
        free(srcs);

        /* the marks must say what the run does: they are the corpus's
         * record of the library's behaviour */
        if (!broken) {
            int bad = 0;
            for (size_t k = 0; k < uniq.n; k++)
                if (!covers(&marks, uniq.v[k].file, uniq.v[k].line,
                            uniq.v[k].rule)) {
                    printf("# a run fails where no mark says so: %s:%d: %s\n",
                           uniq.v[k].file, uniq.v[k].line, uniq.v[k].rule);
                    diffs_add(&dl, "marks", uniq.v[k].rule, uniq.v[k].file,
                              uniq.v[k].line);
                    bad = 1;
                }
            for (size_t k = 0; k < marks.n; k++)
                if (!marks.v[k].used) {
                    printf("# marked, but no run fails there: %s:%d: %s\n",
                           marks.v[k].file, marks.v[k].line, marks.v[k].rule);
                    diffs_add(&dl, "marks", marks.v[k].rule, marks.v[k].file,
                              marks.v[k].line);
                    bad = 1;
                }
            broken |= bad;
        }

        char *errs = NULL, *serrs = NULL, strict_flags[1024];
        snprintf(strict_flags, sizeof strict_flags, "%s --strict", flags);
        int ls = lint_with(scopecheck, flags, paths[i], &plain,
                           KEEP_RUNTIME_ERRORS, &errs);
        int ss = lint_with(scopecheck, strict_flags, paths[i], &strict,
                           KEEP_RUNTIME_ANY, &serrs);
        if (ls < 0 || ls == 2 || ss < 0 || ss == 2) {
            printf("# scopecheck could not check it (exit %d, --strict %d)\n%s%s",
                   ls, ss, errs ? errs : "", serrs ? serrs : "");
            diffs_add(&dl, "lint", "-", paths[i], 0);
            broken = 1;
        }

        int n_plain = 0, n_strict = 0, n_missed = 0, n_false = 0, n_noise = 0;
        if (!broken) {
            for (size_t k = 0; k < uniq.n; k++) {
                item *u = &uniq.v[k];
                if (covers(&plain, u->file, u->line, u->rule)) {
                    n_plain++;
                    covers(&strict, u->file, u->line, u->rule);
                } else if (covers(&strict, u->file, u->line, u->rule)) {
                    n_strict++;
                    printf("# found only by --strict: %s:%d: %s\n", u->file,
                           u->line, u->rule);
                    diffs_add(&dl, "strict", u->rule, u->file, u->line);
                } else {
                    n_missed++;
                    printf("# silent miss: %s:%d: %s\n", u->file, u->line,
                           u->rule);
                    diffs_add(&dl, "missed", u->rule, u->file, u->line);
                }
            }
            /* errors no run hits, plain or --strict (which may also say
             * error) */
            for (int pass = 0; pass < 2; pass++) {
                items *s = pass ? &strict : &plain;
                for (size_t k = 0; k < s->n; k++) {
                    item *g = &s->v[k];
                    if (g->used || (pass && !g->is_error))
                        continue;
                    if (pass && covers(&plain, g->file, g->line, g->rule))
                        continue;            /* said already */
                    n_false++;
                    printf("# false error%s: %s:%d: %s\n",
                           pass ? " (--strict)" : "", g->file, g->line,
                           g->rule);
                    diffs_add(&dl, "false", g->rule, g->file, g->line);
                }
            }
            for (size_t k = 0; k < strict.n; k++)
                if (!strict.v[k].used && !strict.v[k].is_error) {
                    n_noise++;
                    diffs_add(&dl, "noise", strict.v[k].rule, strict.v[k].file,
                              strict.v[k].line);
                }
        }
        enum verdict v = broken ? V_CRASH : n_false ? V_FALSE
                         : n_missed ? V_MISS : n_strict ? V_STRICT : V_AGREE;
        count[v]++;
        printf("%s - corpus %s (%s)\n", v <= V_MISS ? "not ok" : "ok",
               paths[i], verdict_names[v]);
        if (sum) {
            fprintf(sum, "%s\t%s\t%zu\t%zu\t%d\t%d\t%d\t%d\t%d\t%s\n",
                    paths[i], verdict_names[v], broken ? 0 : runs, uniq.n,
                    n_plain, n_strict, n_missed, n_false, n_noise,
                    dl.n ? dl.s : "-");
        }
        fflush(stdout);
        free(errs);
        free(serrs);
        free(dl.s);
        inputs_clear(&in);
        clear(&marks);
        clear(&uniq);
        clear(&plain);
        clear(&strict);
    }
    if (sum)
        fclose(sum);
    printf("# agree: %d, false error: %d, silent miss: %d, strict-only: %d, "
           "crash: %d\n", count[V_AGREE], count[V_FALSE], count[V_MISS],
           count[V_STRICT], count[V_CRASH]);
    return count[V_CRASH] + count[V_FALSE] + count[V_MISS];
}

int main(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "lint") == 0)
        return do_lint(argv[2], argc - 3, argv + 3) ? 1 : 0;
    if (argc >= 2 && strcmp(argv[1], "diff") == 0) {
        const char *summary = NULL;
        int a = 2;
        if (a + 1 < argc && strcmp(argv[a], "--summary") == 0) {
            summary = argv[a + 1];
            a += 2;
        }
        if (argc - a >= 2)
            return do_diff(argv[a], argv[a + 1], argc - a - 2, argv + a + 2,
                           summary) ? 1 : 0;
    }
    if (argc >= 2 && strcmp(argv[1], "corpus") == 0) {
        const char *summary = NULL;
        int a = 2;
        if (a + 1 < argc && strcmp(argv[a], "--summary") == 0) {
            summary = argv[a + 1];
            a += 2;
        }
        if (argc - a >= 2)
            return do_corpus(argv[a], argv[a + 1], argc - a - 2, argv + a + 2,
                             summary) ? 1 : 0;
    }
    fprintf(stderr, "usage: fixturetest lint SCOPECHECK PATH...\n"
                    "       fixturetest diff [--summary FILE] SCOPECHECK "
                    "LIBVARSCOPE PATH...\n"
                    "       fixturetest corpus [--summary FILE] SCOPECHECK "
                    "LIBVARSCOPE PATH...\n");
    return 2;
}
