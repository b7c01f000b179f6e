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
 *   fixturetest diff SCOPECHECK LIBVARSCOPE PATH...
 *       Differential test: compiles each PATH against the library, runs
 *       it, and compares the runtime's errors (FILE:LINE: error: ...
 *       [code]) with the linter's error findings of the rules that mirror
 *       run-time failures.  A runtime error matches a finding of the same
 *       code whose range covers its line.
 *
 * Prints one TAP line per PATH ("ok - ..." / "not ok - ...") with the
 * differences as "# " lines; the last line of diff mode says
 * "# agree: N, disagree: M".
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
    s->v[s->n++] = (item){strdup(file), line, end_line, strdup(rule), 0};
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

/* Lints path; fills got with every finding (or only the runtime-rule
 * errors).  Returns the exit status, -1 if the output is not JSON. */
static int lint(const char *scopecheck, const char *path, items *got,
                int runtime_only, char **errs)
{
    char cmd[8192];
    snprintf(cmd, sizeof cmd,
             "%s --format=json --no-cache -j 1 '%s' -- -Iinclude 2>/dev/null",
             scopecheck, path);
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
        if (runtime_only && (!is_runtime_rule(rule) || strcmp(sev, "error")))
            continue;
        const cJSON *r = cJSON_GetObjectItem(f, "range");
        int line = cJSON_GetObjectItem(cJSON_GetObjectItem(r, "start"), "line")->valueint;
        int end = cJSON_GetObjectItem(cJSON_GetObjectItem(r, "end"), "line")->valueint;
        add(got, cJSON_GetObjectItem(f, "file")->valuestring, line, end, rule);
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

static int same_file(const char *a, const char *b)
{
    /* the linter may print "./x.c" where the source list has "x.c" */
    while (a[0] == '.' && a[1] == '/') a += 2;
    while (b[0] == '.' && b[1] == '/') b += 2;
    return strcmp(a, b) == 0;
}

/* Matches want against got; prints the differences.  Returns mismatches. */
static int compare(items *want, items *got, const char *what_missing,
                   const char *what_extra)
{
    int bad = 0;
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
    for (size_t i = 0; i < want->n; i++)
        if (!want->v[i].used) {
            printf("# %s: %s:%d: %s\n", what_missing, want->v[i].file,
                   want->v[i].line, want->v[i].rule);
            bad++;
        }
    for (size_t k = 0; k < got->n; k++)
        if (!got->v[k].used) {
            printf("# %s: %s:%d: %s\n", what_extra, got->v[k].file,
                   got->v[k].line, got->v[k].rule);
            bad++;
        }
    return bad;
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

static int do_diff(const char *scopecheck, const char *lib, int n,
                   char **paths)
{
    int agree = 0, disagree = 0;
    for (int i = 0; i < n; i++) {
        items rt = {0}, got = {0};
        char **srcs;
        size_t ns = sources(paths[i], &srcs);
        char cmd[16384], files[8192] = "";
        for (size_t k = 0; k < ns; k++) {
            strncat(files, " '", sizeof files - strlen(files) - 1);
            strncat(files, srcs[k], sizeof files - strlen(files) - 1);
            strncat(files, "'", sizeof files - strlen(files) - 1);
            free(srcs[k]);
        }
        free(srcs);
        char exe[] = "/tmp/fixturetest.XXXXXX";
        int fd = mkstemp(exe);
        if (fd >= 0)
            close(fd);
        snprintf(cmd, sizeof cmd,
                 "cc -std=c11 -w -g -fsanitize=address,undefined -Iinclude %s "
                 "%s -o %s 2>&1 && ASAN_OPTIONS=detect_leaks=0 timeout 20 %s "
                 "2>&1 >/dev/null",
                 files, lib, exe, exe);
        int st;
        char *out = slurp_cmd(cmd, &st);
        remove(exe);
        int bad = 0;
        for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
            /* FILE:LINE: error: MESSAGE [code] */
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
                add(&rt, line, ln, ln, br + 1);
        }
        free(out);
        /* the runtime reports a failing call once per execution; compare
         * sets, not counts */
        items uniq = {0};
        for (size_t k = 0; k < rt.n; k++) {
            int seen = 0;
            for (size_t m = 0; m < uniq.n; m++)
                seen |= uniq.v[m].line == rt.v[k].line &&
                        strcmp(uniq.v[m].rule, rt.v[k].rule) == 0 &&
                        same_file(uniq.v[m].file, rt.v[k].file);
            if (!seen)
                add(&uniq, rt.v[k].file, rt.v[k].line, rt.v[k].line, rt.v[k].rule);
        }
        char *errs = NULL;
        int ls = lint(scopecheck, paths[i], &got, 1, &errs);
        if (ls < 0 || ls == 2) {
            printf("# scopecheck failed on it\n%s", errs ? errs : "");
            bad = 1;
        } else {
            bad = compare(&uniq, &got, "runtime error the linter missed",
                          "linter error the runtime does not hit");
        }
        printf("%s - differential %s\n", bad ? "not ok" : "ok", paths[i]);
        if (bad)
            disagree++;
        else
            agree++;
        free(errs);
        clear(&rt);
        clear(&uniq);
        clear(&got);
    }
    printf("# agree: %d, disagree: %d\n", agree, disagree);
    return disagree;
}

int main(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "lint") == 0)
        return do_lint(argv[2], argc - 3, argv + 3) ? 1 : 0;
    if (argc >= 4 && strcmp(argv[1], "diff") == 0)
        return do_diff(argv[2], argv[3], argc - 4, argv + 4) ? 1 : 0;
    fprintf(stderr, "usage: fixturetest lint SCOPECHECK PATH...\n"
                    "       fixturetest diff SCOPECHECK LIBVARSCOPE PATH...\n");
    return 2;
}
