/* Build tool: turns rules/<id>.json (metadata) and rules/<id>.md (the doc
 * page) into the rule registry compiled into scopecheck, so that adding a
 * rule is writing its files, not editing lists (README: "Adding a rule").
 *
 *   genrules OUT.c OUT.h RULES_DIR ID...
 *
 * OUT.c: the metadata (rules/meta.h: severity, summary, doc, fixable,
 * runtime, tags), for --explain, --list-rules and SARIF wherever the binary is
 * installed; and the registry (rules/rule.h: which events each rule's
 * checker, rule_<id with _>() in src/scopecheck/rules/<id with _>.c,
 * reads).  OUT.h: SC_RULE_TABLE(X), X(id, runtime), for the test tools,
 * which link nothing of scopecheck.
 *
 * A rule's "event" is one of event.h's kinds; a rule with "runtime": true
 * mirrors a failure of the library, so its id must be a vs_code's name
 * (src/common/vocab.h), and its findings are that code's.  Rules are
 * listed as the runtime codes are ordered, then the others in the order
 * of the event kinds, then by id. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "../src/common/vocab.h"
#include "../src/scopecheck/engine/event.h"

static const struct { const char *name, *spelling; } codes[] = {
#define CODE_ROW(code, name) {name, #code},
    VS_CODES(CODE_ROW)
};
static const struct { const char *name, *spelling; } kinds[] = {
#define KIND_ROW(kind, name) {name, #kind},
    SC_EVENT_KINDS(KIND_ROW)
};
#define COUNT(a) (sizeof (a) / sizeof (a)[0])

typedef struct rule {
    char *id, *severity, *summary, *doc;
    char **tags;                  /* "tags" */
    size_t ntags;
    bool fixable, runtime;
    int code;                     /* index in codes[]; -1: none */
    int kind;                     /* index in kinds[] */
} rule;

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "genrules: %s: cannot open\n", path);
        exit(1);
    }
    size_t cap = 1 << 16, len = 0, n;
    char *buf = malloc(cap + 1);
    while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap)
            buf = realloc(buf, (cap *= 2) + 1);
    }
    fclose(f);
    if (!buf)
        exit(1);
    buf[len] = '\0';
    return buf;
}

static void cstring(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        switch (*s) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n\"\n    \"", out); break;
        case '\t': fputs("\\t", out); break;
        default: fputc(*s, out);
        }
    }
    fputc('"', out);
}

static void fail(const char *path, const char *why)
{
    fprintf(stderr, "genrules: %s: %s\n", path, why);
    exit(1);
}

static char *str(const cJSON *o, const char *key, const char *path)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsString(v)) {
        fprintf(stderr, "genrules: %s: \"%s\" must be a string\n", path, key);
        exit(1);
    }
    return strdup(v->valuestring);
}

static void read_rule(rule *r, const char *dir, const char *id)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.json", dir, id);
    char *json = slurp(path);
    cJSON *o = cJSON_Parse(json);
    if (!o)
        fail(path, "not valid JSON");
    r->id = str(o, "id", path);
    if (strcmp(r->id, id) != 0)
        fail(path, "id does not match the file name");
    r->severity = str(o, "severity", path);
    if (strcmp(r->severity, "error") && strcmp(r->severity, "warning") &&
        strcmp(r->severity, "note"))
        fail(path, "bad severity");
    r->summary = str(o, "summary", path);
    r->fixable = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "fixable"));
    r->runtime = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "runtime"));
    const cJSON *tags = cJSON_GetObjectItemCaseSensitive(o, "tags"), *tag;
    r->tags = calloc((size_t)cJSON_GetArraySize(tags) + 1, sizeof *r->tags);
    cJSON_ArrayForEach(tag, tags) {
        if (!cJSON_IsString(tag))
            fail(path, "\"tags\" must be strings");
        r->tags[r->ntags++] = strdup(tag->valuestring);
    }
    char *event = str(o, "event", path);
    r->kind = -1;
    for (size_t k = 0; k < COUNT(kinds); k++)
        if (strcmp(kinds[k].name, event) == 0)
            r->kind = (int)k;
    if (r->kind < 0)
        fail(path, "\"event\" is not one of event.h's kinds");
    r->code = -1;
    for (size_t c = 1; c < COUNT(codes); c++)
        if (strcmp(codes[c].name, id) == 0)
            r->code = (int)c;
    if (r->runtime != (r->code >= 0))
        fail(path, r->runtime ? "\"runtime\": true, but no vs_code has this name"
                              : "a vs_code has this name: \"runtime\" must be true");
    free(event);
    cJSON_Delete(o);
    free(json);
    snprintf(path, sizeof path, "%s/%s.md", dir, id);
    r->doc = slurp(path);
}

/* runtime rules in vs_code order, then by event kind, then by id */
static int order(const void *pa, const void *pb)
{
    const rule *a = pa, *b = pb;
    int ca = a->code >= 0 ? a->code : (int)COUNT(codes);
    int cb = b->code >= 0 ? b->code : (int)COUNT(codes);
    if (ca != cb)
        return ca - cb;
    if (a->kind != b->kind)
        return a->kind - b->kind;
    return strcmp(a->id, b->id);
}

/* the checker's name: rule_ and the id with _ for - */
static void checker(FILE *out, const rule *r)
{
    fputs("rule_", out);
    for (const char *p = r->id; *p; p++)
        fputc(*p == '-' ? '_' : *p, out);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: genrules OUT.c OUT.h RULES_DIR ID...\n");
        return 1;
    }
    int n = argc - 4;
    rule *rules = calloc((size_t)n + 1, sizeof *rules);
    for (int i = 0; i < n; i++)
        read_rule(&rules[i], argv[3], argv[i + 4]);
    qsort(rules, (size_t)n, sizeof *rules, order);

    FILE *out = fopen(argv[1], "w");
    if (!out)
        return 1;
    fputs("/* generated by tools/genrules.c from rules/ -- do not edit */\n"
          "#include \"rules/rule.h\"\n\nconst sc_rule_meta sc_rule_metas[] = {\n",
          out);
    for (int i = 0; i < n; i++) {
        fputs("  {", out);
        cstring(out, rules[i].id);
        fputs(", ", out);
        cstring(out, rules[i].severity);
        fputs(",\n    ", out);
        cstring(out, rules[i].summary);
        fputs(",\n    ", out);
        cstring(out, rules[i].doc);
        fprintf(out, ",\n    %d, %d,\n    (const char *const[]){", rules[i].fixable,
                rules[i].runtime);
        /* the tags, so that SARIF has them wherever the binary is */
        for (size_t t = 0; t < rules[i].ntags; t++) {
            cstring(out, rules[i].tags[t]);
            fputs(", ", out);
        }
        fputs("NULL}},\n", out);
    }
    fprintf(out, "};\nconst size_t sc_nrule_metas = %d;\n\n", n);
    for (int i = 0; i < n; i++) {
        if (strcmp(kinds[rules[i].kind].name, "none") == 0)
            continue;
        fputs("void ", out);
        checker(out, &rules[i]);
        fputs("(const sc_event *ev, sc_rule_ctx *c);\n", out);
    }
    fputs("\n", out);
    for (int i = 0; i < n; i++) {
        fprintf(out, "static const sc_rule r%d = {", i);
        cstring(out, rules[i].id);
        fprintf(out, ", %s, %s, ", kinds[rules[i].kind].spelling,
                rules[i].code >= 0 ? codes[rules[i].code].spelling : "-1");
        if (strcmp(kinds[rules[i].kind].name, "none") == 0)
            fputs("NULL", out);
        else
            checker(out, &rules[i]);
        fputs("};\n", out);
    }
    fputs("\nconst sc_rule *const sc_rules[] = {", out);
    for (int i = 0; i < n; i++)
        fprintf(out, "%s&r%d", i == 0 ? "\n    " : i % 8 ? ", " : ",\n    ", i);
    fprintf(out, "\n};\nconst size_t sc_nrules = %d;\n", n);
    fclose(out);

    out = fopen(argv[2], "w");
    if (!out)
        return 1;
    fputs("/* generated by tools/genrules.c from rules/ -- do not edit */\n"
          "/* X(id, runtime): every rule, and whether it mirrors a runtime "
          "failure */\n#define SC_RULE_TABLE(X) \\\n", out);
    for (int i = 0; i < n; i++) {
        fputs("    X(", out);
        cstring(out, rules[i].id);
        fprintf(out, ", %d) \\\n", rules[i].runtime);
    }
    fputs("\n", out);
    fclose(out);
    return 0;
}
