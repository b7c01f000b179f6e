/* SARIF 2.1.0 (built with cJSON) in the shape GitHub code scanning accepts
 * as it is (SARIF 2.1.0, OASIS Standard; GitHub Docs, "SARIF support for
 * code scanning"; README "SARIF and GitHub annotations"):
 *
 * - one run; tool.driver with every rule of the registry (id, CamelCase
 *   name, descriptions from the rule's page, help, defaultConfiguration,
 *   tags, precision);
 * - artifact URIs relative to the working directory with uriBaseId
 *   %SRCROOT% (file:// URIs for files outside it), percent-encoded per
 *   RFC 3986; run.originalUriBaseIds and invocations[0].workingDirectory
 *   say what %SRCROOT% is;
 * - columns in Unicode code points (run.columnKind), end exclusive;
 * - partialFingerprints: primaryLocationLineHash computed exactly as
 *   github/codeql-action src/fingerprints.ts does, and our own
 *   line-independent key (fingerprint.h, the baselines' key) as
 *   "scopecheck/v1";
 * - notes as relatedLocations, linked from the message with [text](id);
 * - fix-its as fixes[] with byte-offset replacements;
 * - GitHub's limits (results per run, locations per result) enforced,
 *   with a tool execution notification saying what was dropped. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700             /* realpath() is XSI */
#endif
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <cJSON.h>

#include "fingerprint.h"
#include "output.h"
#include "../rules/meta.h"
#include "../version.h"

/* GitHub's upload limits (gh-docs data/reusables/code-scanning/sarif-limits.md) */
#define GH_MAX_RESULTS 25000
#define GH_MAX_LOCATIONS 1000         /* per result, relatedLocations included */
#define GH_MAX_TAGS 20
#define GH_MAX_DESCRIPTION 1024       /* shortDescription / fullDescription */
#define MESSAGE_LINKS 10              /* related locations linked from a message */

/* ---- paths and URIs ------------------------------------------------------ */

/* The physical working directory, without a trailing slash ("/" alone for
 * the root).  NULL if it cannot be read. */
static char *working_dir(void)
{
    size_t cap = 256;
    for (;;) {
        char *buf = sc_xmalloc(cap);
        if (getcwd(buf, cap))
            return buf;
        free(buf);
        if (cap > (1u << 20))
            return NULL;
        cap *= 2;
    }
}

/* `path` made absolute against `cwd` with "." and ".." and repeated
 * slashes removed (no symlinks resolved: for files that do not exist). */
static char *lexical_abs(const char *path, const char *cwd)
{
    size_t n = strlen(path) + (cwd ? strlen(cwd) : 0) + 3;
    char *joined = sc_xmalloc(n);
    if (path[0] == '/' || !cwd)
        snprintf(joined, n, "/%s", path);
    else
        snprintf(joined, n, "%s/%s", cwd, path);
    char *out = sc_xmalloc(n);
    size_t len = 0;
    const char *p = joined;
    while (*p) {
        while (*p == '/')
            p++;
        const char *seg = p;
        while (*p && *p != '/')
            p++;
        size_t sl = (size_t)(p - seg);
        if (sl == 0 || (sl == 1 && seg[0] == '.'))
            continue;
        if (sl == 2 && seg[0] == '.' && seg[1] == '.') {
            while (len > 0 && out[len - 1] != '/')
                len--;
            if (len > 0)
                len--;                /* the slash before the segment */
            continue;
        }
        out[len++] = '/';
        memcpy(out + len, seg, sl);
        len += sl;
    }
    if (len == 0)
        out[len++] = '/';
    out[len] = '\0';
    free(joined);
    return out;
}

/* The path reporters show for `file`: relative to the working directory
 * when the file is under it (symlinks resolved, as GitHub wants them),
 * else absolute.  *relative tells which.  Shared with github.c. */
char *sc_output_path(const char *file, const char *cwd, bool *relative);
char *sc_output_path(const char *file, const char *cwd, bool *relative)
{
    char *abs = realpath(file, NULL);
    if (!abs)
        abs = lexical_abs(file, cwd);
    *relative = false;
    if (cwd) {
        size_t n = strlen(cwd);
        if (n == 1 && cwd[0] == '/')
            n = 0;                    /* the root: everything is under it */
        if (strncmp(abs, cwd, n) == 0 && abs[n] == '/' && abs[n + 1]) {
            char *rel = sc_xstrdup(abs + n + 1);
            free(abs);
            *relative = true;
            return rel;
        }
    }
    return abs;
}

/* RFC 3986 percent-encoding of a path: unreserved characters and '/' stay,
 * every other byte becomes %XX.  (':' too, so that a relative reference's
 * first segment is never read as a scheme.) */
static char *uri_encode_path(const char *prefix, const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t pl = strlen(prefix);
    char *out = sc_xmalloc(pl + 3 * strlen(path) + 2);
    memcpy(out, prefix, pl);
    char *o = out + pl;
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        unsigned c = *p;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
            c == '~' || c == '/') {
            *o++ = (char)c;
        } else {
            *o++ = '%';
            *o++ = hex[c >> 4];
            *o++ = hex[c & 15];
        }
    }
    *o = '\0';
    return out;
}

/* ---- GitHub's primaryLocationLineHash ------------------------------------
 * A port of hash() in github/codeql-action src/fingerprints.ts.  The file
 * is read as UTF-8 text and fed to the hash as UTF-16 code units (what
 * JavaScript's charCodeAt gives), invalid bytes decoded to U+FFFD the way
 * Node's decoder does (WHATWG).  For each character that is not a space or
 * a tab (and not the LF of a CRLF pair; CR becomes LF), a rolling hash over
 * the last 100 characters is updated; when the window has moved past the
 * first character of a line, the hash of the 100 characters starting there
 * is that line's hash.  A 65535 ends the input, and 100 zeros flush the
 * last lines.  The value is the unsigned 64-bit hash in lowercase hex,
 * suffixed ":N" where N counts that hash value so far in the file.  The
 * arithmetic is JavaScript Long's: 64-bit, wrapping. */

#define FP_BLOCK 100
#define FP_MOD 37u
#define FP_EOF 65535u

typedef struct fp_line {
    uint64_t hash;
    uint32_t count;                   /* 0: no hash for this line */
} fp_line;

typedef struct fp_state {
    uint32_t window[FP_BLOCK];
    int64_t lines[FP_BLOCK];          /* line starting at this slot, or -1 */
    uint64_t hash, first_mod;
    unsigned index;
    int64_t line;
    bool line_start, prev_cr;
    /* hash value -> times seen (open addressing) */
    uint64_t *keys;
    uint32_t *counts;
    size_t cap, used;
    /* output: per line (1-based) */
    fp_line *out;
    size_t nout;
} fp_state;

static uint32_t fp_count(fp_state *s, uint64_t h)
{
    if (2 * (s->used + 1) > s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 256;
        uint64_t *nk = sc_xmalloc(ncap * sizeof *nk);
        uint32_t *nc = sc_xmalloc(ncap * sizeof *nc);
        memset(nc, 0, ncap * sizeof *nc);
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->counts[i])
                continue;
            size_t j = (size_t)(s->keys[i] * 0x9E3779B97F4A7C15u) & (ncap - 1);
            while (nc[j])
                j = (j + 1) & (ncap - 1);
            nk[j] = s->keys[i];
            nc[j] = s->counts[i];
        }
        free(s->keys);
        free(s->counts);
        s->keys = nk;
        s->counts = nc;
        s->cap = ncap;
    }
    size_t j = (size_t)(h * 0x9E3779B97F4A7C15u) & (s->cap - 1);
    while (s->counts[j] && s->keys[j] != h)
        j = (j + 1) & (s->cap - 1);
    if (!s->counts[j]) {
        s->keys[j] = h;
        s->used++;
    }
    return ++s->counts[j];
}

static void fp_output(fp_state *s)
{
    int64_t line = s->lines[s->index];
    uint32_t n = fp_count(s, s->hash);
    if (line >= (int64_t)s->nout) {
        size_t nn = s->nout ? s->nout : 64;
        while ((int64_t)nn <= line)
            nn *= 2;
        s->out = sc_xrealloc(s->out, nn * sizeof *s->out);
        memset(s->out + s->nout, 0, (nn - s->nout) * sizeof *s->out);
        s->nout = nn;
    }
    s->out[line].hash = s->hash;
    s->out[line].count = n;
    s->lines[s->index] = -1;
}

static void fp_update(fp_state *s, uint32_t current)
{
    uint32_t begin = s->window[s->index];
    s->window[s->index] = current;
    s->hash = FP_MOD * s->hash + (uint64_t)current - s->first_mod * (uint64_t)begin;
    s->index = (s->index + 1) % FP_BLOCK;
}

static void fp_char(fp_state *s, uint32_t current)
{
    if (current == ' ' || current == '\t' || (s->prev_cr && current == '\n')) {
        s->prev_cr = false;
        return;
    }
    if (current == '\r') {
        current = '\n';
        s->prev_cr = true;
    } else {
        s->prev_cr = false;
    }
    if (s->lines[s->index] != -1)
        fp_output(s);
    if (s->line_start) {
        s->line_start = false;
        s->line++;
        s->lines[s->index] = s->line;
    }
    if (current == '\n')
        s->line_start = true;
    fp_update(s, current);
}

static void fp_code_point(fp_state *s, uint32_t cp)
{
    if (cp > 0xFFFF) {
        cp -= 0x10000;
        fp_char(s, 0xD800 + (cp >> 10));
        fp_char(s, 0xDC00 + (cp & 0x3FF));
    } else {
        fp_char(s, cp);
    }
}

/* Every line's hash; out[line] for lines 1..*n-1 (count 0: none). */
static fp_line *fp_hash_text(const char *text, size_t len, size_t *n)
{
    fp_state s;
    memset(&s, 0, sizeof s);
    for (int i = 0; i < FP_BLOCK; i++)
        s.lines[i] = -1;
    s.first_mod = 1;
    for (int i = 0; i < FP_BLOCK; i++)
        s.first_mod *= FP_MOD;
    s.line_start = true;

    /* UTF-8 decoding as the WHATWG Encoding Standard specifies it */
    uint32_t cp = 0, needed = 0, seen = 0, lower = 0x80, upper = 0xBF;
    for (size_t i = 0; i < len; i++) {
        unsigned b = (unsigned char)text[i];
        if (needed == 0) {
            if (b <= 0x7F) {
                fp_char(&s, b);
            } else if (b >= 0xC2 && b <= 0xDF) {
                needed = 1;
                cp = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                if (b == 0xE0)
                    lower = 0xA0;
                if (b == 0xED)
                    upper = 0x9F;
                needed = 2;
                cp = b & 0xF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                if (b == 0xF0)
                    lower = 0x90;
                if (b == 0xF4)
                    upper = 0x8F;
                needed = 3;
                cp = b & 0x7;
            } else {
                fp_char(&s, 0xFFFD);
            }
            continue;
        }
        if (b < lower || b > upper) {
            cp = needed = seen = 0;
            lower = 0x80;
            upper = 0xBF;
            fp_char(&s, 0xFFFD);
            i--;                      /* the byte starts afresh */
            continue;
        }
        lower = 0x80;
        upper = 0xBF;
        cp = (cp << 6) | (b & 0x3F);
        if (++seen == needed) {
            fp_code_point(&s, cp);
            cp = needed = seen = 0;
        }
    }
    if (needed)
        fp_char(&s, 0xFFFD);

    fp_char(&s, FP_EOF);
    for (int i = 0; i < FP_BLOCK; i++) {
        if (s.lines[s.index] != -1)
            fp_output(&s);
        fp_update(&s, 0);
    }
    free(s.keys);
    free(s.counts);
    *n = s.nout;
    return s.out;
}

/* ---- per-file facts ------------------------------------------------------ */

typedef struct file_info {
    const char *file;                 /* as the findings name it */
    char *path;                       /* relative to cwd, or absolute */
    char *uri;
    bool relative;
    bool hashed;
    fp_line *hashes;
    size_t nhashes;
} file_info;

typedef struct sarif_ctx {
    sc_source_cache *src;
    char *cwd;
    SC_VEC(file_info) files;
    SC_VEC(const char *) extra_rules;  /* rule ids of findings of no rule */
} sarif_ctx;

/* The index of a rule in driver.rules: the registry's, then the others. */
static int rule_index(const sarif_ctx *c, const char *id)
{
    int i = sc_rule_meta_index(id);
    if (i >= 0)
        return i;
    for (size_t k = 0; k < c->extra_rules.len; k++)
        if (strcmp(c->extra_rules.items[k], id) == 0)
            return (int)(sc_nrule_metas + k);
    return -1;
}

static file_info *file_of(sarif_ctx *c, const char *file)
{
    /* the report interns its file names: equal names are one pointer */
    for (size_t i = 0; i < c->files.len; i++)
        if (c->files.items[i].file == file)
            return &c->files.items[i];
    for (size_t i = 0; i < c->files.len; i++)
        if (strcmp(c->files.items[i].file, file) == 0)
            return &c->files.items[i];
    file_info fi;
    memset(&fi, 0, sizeof fi);
    fi.file = file;
    fi.path = sc_output_path(file, c->cwd, &fi.relative);
    fi.uri = uri_encode_path(fi.relative ? "" : "file://", fi.path);
    SC_PUSH(c->files, fi);
    return &c->files.items[c->files.len - 1];
}

static const fp_line *line_hash(sarif_ctx *c, file_info *fi, uint32_t line)
{
    if (!fi->hashed) {
        fi->hashed = true;
        size_t len;
        const char *text = source_get(c->src, fi->file, &len);
        if (text)
            fi->hashes = fp_hash_text(text, len, &fi->nhashes);
    }
    if (line < fi->nhashes && fi->hashes[line].count)
        return &fi->hashes[line];
    return NULL;
}

/* ---- building blocks ----------------------------------------------------- */

static cJSON *text_obj(const char *text)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "text", text ? text : "");
    return o;
}

static cJSON *artifact_location(file_info *fi)
{
    cJSON *a = cJSON_CreateObject();
    cJSON_AddStringToObject(a, "uri", fi->uri);
    if (fi->relative)
        cJSON_AddStringToObject(a, "uriBaseId", "%SRCROOT%");
    return a;
}

/* The line and 1-based byte column just past the end of p's range. */
static void range_end(sc_source_cache *src, const sc_pos *p, uint32_t *eline,
                      uint32_t *ecol)
{
    size_t flen;
    const char *text = source_get(src, p->file, &flen);
    uint32_t end = p->end_offset;
    if (text && end > p->offset && end <= flen && p->line) {
        /* a range never ends in a line break */
        while (end > p->offset + 1 && (text[end - 1] == '\n' || text[end - 1] == '\r'))
            end--;
        uint32_t hints[2] = {p->end_line >= p->line ? p->end_line : p->line, p->line};
        for (int h = 0; h < 2; h++) {
            size_t llen;
            const char *ls = source_line(src, p->file, hints[h], &llen);
            if (!ls || (size_t)(ls - text) > end)
                continue;
            uint32_t l = hints[h];
            size_t start = (size_t)(ls - text);
            for (size_t i = start; i < end; i++)
                if (text[i] == '\n') {
                    l++;
                    start = i + 1;
                }
            *eline = l;
            *ecol = (uint32_t)(end - start) + 1;
            return;
        }
    }
    if (p->end_line > p->line && p->end_col) {
        *eline = p->end_line;
        *ecol = p->end_col + 1;       /* at least the last token's first byte */
    } else {
        *eline = p->line;
        *ecol = (p->end_line == p->line && p->end_col > p->col ? p->end_col : p->col) + 1;
    }
}

/* The region of p in code points: start column, end line and the column
 * just past the end (never 0, never before the start).  Shared with
 * github.c. */
void sc_output_region(sc_source_cache *src, const sc_pos *p, uint32_t *scol,
                      uint32_t *eline, uint32_t *ecol);
void sc_output_region(sc_source_cache *src, const sc_pos *p, uint32_t *scol,
                      uint32_t *eline, uint32_t *ecol)
{
    uint32_t ebyte;
    *scol = source_char_col(src, p->file, p->line, p->col ? p->col : 1);
    range_end(src, p, eline, &ebyte);
    *ecol = source_char_col(src, p->file, *eline, ebyte);
    if (*eline < p->line) {
        *eline = p->line;
        *ecol = *scol + 1;
    }
    if (*eline == p->line && *ecol <= *scol)
        *ecol = *scol + 1;
    if (*ecol == 0)
        *ecol = 1;
}

static cJSON *region(sarif_ctx *c, const sc_pos *p)
{
    cJSON *r = cJSON_CreateObject();
    if (p->line == 0) {
        /* a finding about the whole file: its first line */
        size_t len;
        const char *l1 = source_line(c->src, p->file, 1, &len);
        cJSON_AddNumberToObject(r, "startLine", 1);
        cJSON_AddNumberToObject(r, "startColumn", 1);
        cJSON_AddNumberToObject(r, "endLine", 1);
        cJSON_AddNumberToObject(r, "endColumn",
                                l1 ? source_char_col(c->src, p->file, 1, (uint32_t)len + 1) : 1);
        return r;
    }
    uint32_t scol, eline, ecol;
    sc_output_region(c->src, p, &scol, &eline, &ecol);
    cJSON_AddNumberToObject(r, "startLine", p->line);
    cJSON_AddNumberToObject(r, "startColumn", scol);
    cJSON_AddNumberToObject(r, "endLine", eline);
    cJSON_AddNumberToObject(r, "endColumn", ecol);
    return r;
}

static cJSON *physical_location(sarif_ctx *c, const sc_pos *p)
{
    cJSON *pl = cJSON_CreateObject();
    cJSON_AddItemToObject(pl, "artifactLocation", artifact_location(file_of(c, p->file)));
    cJSON_AddItemToObject(pl, "region", region(c, p));
    return pl;
}

/* A growing string. */
typedef struct sbuf {
    char *s;
    size_t len, cap;
} sbuf;

static void sb_putn(sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = sc_xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void sb_puts(sbuf *b, const char *s)
{
    sb_putn(b, s, strlen(s));
}

/* Message text with literal square brackets escaped (SARIF §3.11.6: they
 * would otherwise be read as embedded links). */
static void sb_put_escaped(sbuf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '[' || *s == ']')
            sb_putn(b, "\\", 1);
        sb_putn(b, s, 1);
    }
}

/* A description that fits GitHub's 1024 characters, cut at a UTF-8
 * character boundary. */
static char *fit(const char *s)
{
    size_t n = strlen(s);
    if (n <= GH_MAX_DESCRIPTION)
        return sc_xstrdup(s);
    size_t cut = GH_MAX_DESCRIPTION - 3;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;
    char *out = sc_xmalloc(cut + 4);
    memcpy(out, s, cut);
    memcpy(out + cut, "...", 4);
    return out;
}

/* ---- rules --------------------------------------------------------------- */

/* "scope-leak" -> "ScopeLeak" */
static char *camel_case(const char *id)
{
    char *out = sc_xmalloc(strlen(id) + 1), *o = out;
    bool up = true;
    for (const char *p = id; *p; p++) {
        if (*p == '-' || *p == '_') {
            up = true;
            continue;
        }
        *o++ = up && *p >= 'a' && *p <= 'z' ? (char)(*p - 'a' + 'A') : *p;
        up = false;
    }
    *o = '\0';
    return out;
}

/* The first paragraph of the doc's "What it finds" section, its lines
 * joined with spaces; NULL if there is none. */
static char *what_it_finds(const char *doc)
{
    if (!doc)
        return NULL;
    const char *p = doc;
    for (;;) {
        if (strncmp(p, "## What it finds", 16) == 0 && (p[16] == '\n' || p[16] == '\r' || !p[16]))
            break;
        p = strchr(p, '\n');
        if (!p)
            return NULL;
        p++;
    }
    p = strchr(p, '\n');
    if (!p)
        return NULL;
    p++;
    sbuf b = {0};
    bool started = false;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        size_t k = n;
        while (k > 0 && (p[k - 1] == ' ' || p[k - 1] == '\r' || p[k - 1] == '\t'))
            k--;
        size_t i = 0;
        while (i < k && (p[i] == ' ' || p[i] == '\t'))
            i++;
        if (i == k) {                 /* blank line */
            if (started)
                break;
        } else if (p[i] == '#') {     /* the next heading */
            break;
        } else {
            if (started)
                sb_puts(&b, " ");
            sb_putn(&b, p + i, k - i);
            started = true;
        }
        if (!e)
            break;
        p = e + 1;
    }
    return b.s;
}

/* The rule's tags: those of rules/<id>.json (compiled in by
 * tools/genrules.c), then what the metadata says: "correctness", and
 * "runtime-failure" for rules that mirror one. */
static cJSON *rule_tags(const sc_rule_meta *m)
{
    cJSON *tags = cJSON_CreateArray();
    for (const char *const *t = m ? m->tags : NULL; t && *t; t++)
        if (cJSON_GetArraySize(tags) < GH_MAX_TAGS - 2)
            cJSON_AddItemToArray(tags, cJSON_CreateString(*t));
    cJSON_AddItemToArray(tags, cJSON_CreateString("correctness"));
    if (m && m->runtime)
        cJSON_AddItemToArray(tags, cJSON_CreateString("runtime-failure"));
    return tags;
}

static const char *problem_severity(const char *level)
{
    if (strcmp(level, "error") == 0)
        return "error";
    if (strcmp(level, "warning") == 0)
        return "warning";
    return "recommendation";
}

static cJSON *rule_descriptor(const char *id)
{
    const sc_rule_meta *m = sc_rule_meta_find(id);
    cJSON *r = cJSON_CreateObject();
    cJSON_AddStringToObject(r, "id", id);
    /* SARIF 3.49.7: a name identical to the id must be omitted; the
     * Multitool (SARIF1001) compares them without case, so a one-word id
     * ("unchecked" -> "Unchecked") has no name */
    char *name = camel_case(id);
    if (strcasecmp(name, id) != 0)
        cJSON_AddStringToObject(r, "name", name);
    free(name);
    const char *summary = m && m->summary && *m->summary ? m->summary : id;
    char *s = fit(summary);
    cJSON_AddItemToObject(r, "shortDescription", text_obj(s));
    free(s);
    char *full = what_it_finds(m ? m->doc : NULL);
    s = fit(full && *full ? full : summary);
    cJSON_AddItemToObject(r, "fullDescription", text_obj(s));
    free(s);
    free(full);
    const char *doc = m && m->doc && *m->doc ? m->doc : summary;
    cJSON *help = cJSON_AddObjectToObject(r, "help");
    cJSON_AddStringToObject(help, "text", doc);
    cJSON_AddStringToObject(help, "markdown", doc);
    size_t n = strlen(SC_HOMEPAGE) + strlen(id) + 32;
    char *uri = sc_xmalloc(n);
    snprintf(uri, n, "%s/blob/main/rules/%s.md", SC_HOMEPAGE, id);
    cJSON_AddStringToObject(r, "helpUri", uri);
    free(uri);
    const char *level = m && m->severity ? m->severity : "warning";
    cJSON *dc = cJSON_AddObjectToObject(r, "defaultConfiguration");
    cJSON_AddStringToObject(dc, "level", level);
    cJSON *props = cJSON_AddObjectToObject(r, "properties");
    cJSON_AddItemToObject(props, "tags", rule_tags(m));
    cJSON_AddStringToObject(props, "precision", m && m->runtime ? "very-high" : "high");
    cJSON_AddStringToObject(props, "problem.severity", problem_severity(level));
    return r;
}

/* ---- results ------------------------------------------------------------- */

static const char *const levels[] = {"note", "warning", "error"};

static bool same_note(const sc_note *a, const sc_note *b)
{
    return a->pos.file == b->pos.file && a->pos.line == b->pos.line &&
           a->pos.col == b->pos.col && a->pos.offset == b->pos.offset &&
           a->pos.end_offset == b->pos.end_offset && strcmp(a->msg, b->msg) == 0;
}

static cJSON *fixes(sarif_ctx *c, const sc_finding *f)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t k = 0; k < f->fixes.len; k++) {
        const sc_fix *fx = &f->fixes.items[k];
        cJSON *fj = cJSON_CreateObject();
        cJSON_AddItemToObject(fj, "description", text_obj(fx->msg));
        cJSON *changes = cJSON_AddArrayToObject(fj, "artifactChanges");
        /* one artifactChange per file, its edits in order */
        for (size_t m = 0; m < fx->nedits; m++) {
            const sc_edit *e = &fx->edits[m];
            if (!e->file)
                continue;
            bool seen = false;
            for (size_t q = 0; q < m; q++)
                if (fx->edits[q].file && strcmp(fx->edits[q].file, e->file) == 0)
                    seen = true;
            if (seen)
                continue;
            cJSON *ch = cJSON_CreateObject();
            cJSON_AddItemToObject(ch, "artifactLocation", artifact_location(file_of(c, e->file)));
            cJSON *reps = cJSON_AddArrayToObject(ch, "replacements");
            for (size_t q = m; q < fx->nedits; q++) {
                const sc_edit *d = &fx->edits[q];
                if (!d->file || strcmp(d->file, e->file) != 0)
                    continue;
                cJSON *rep = cJSON_CreateObject();
                cJSON *del = cJSON_AddObjectToObject(rep, "deletedRegion");
                cJSON_AddNumberToObject(del, "byteOffset", d->offset);
                cJSON_AddNumberToObject(del, "byteLength",
                                        d->end_offset > d->offset ? d->end_offset - d->offset : 0);
                if (d->text && *d->text)
                    cJSON_AddItemToObject(rep, "insertedContent", text_obj(d->text));
                cJSON_AddItemToArray(reps, rep);
            }
            cJSON_AddItemToArray(changes, ch);
        }
        if (cJSON_GetArraySize(changes) > 0)
            cJSON_AddItemToArray(arr, fj);
        else
            cJSON_Delete(fj);
    }
    return arr;
}

typedef struct counters {
    size_t dropped_locations, results_with_dropped;
} counters;

static cJSON *result(sarif_ctx *c, const sc_finding *f, const char *fingerprint,
                     counters *cnt)
{
    cJSON *r = cJSON_CreateObject();
    cJSON_AddStringToObject(r, "ruleId", f->rule);
    int idx = rule_index(c, f->rule);
    if (idx >= 0)
        cJSON_AddNumberToObject(r, "ruleIndex", idx);
    cJSON_AddStringToObject(r, "level", levels[f->severity]);

    /* related locations: the notes, each place once, ids 1.. */
    cJSON *related = cJSON_CreateArray();
    size_t *linked = sc_xmalloc((f->notes.len + 1) * sizeof *linked);
    size_t *plain = sc_xmalloc((f->notes.len + 1) * sizeof *plain);
    size_t nlinked = 0, nplain = 0, dropped = 0;
    for (size_t k = 0; k < f->notes.len; k++) {
        const sc_note *n = &f->notes.items[k];
        bool dup = false;
        for (size_t q = 0; q < k && !dup; q++)
            dup = same_note(n, &f->notes.items[q]);
        if (dup)
            continue;
        if (!n->pos.file) {           /* nowhere to point at: message text */
            plain[nplain++] = k;
            continue;
        }
        if (nlinked + 1 >= GH_MAX_LOCATIONS) {     /* + the primary location */
            dropped++;
            continue;
        }
        linked[nlinked++] = k;
        cJSON *rl = cJSON_CreateObject();
        cJSON_AddNumberToObject(rl, "id", (double)nlinked);
        cJSON_AddItemToObject(rl, "physicalLocation", physical_location(c, &n->pos));
        cJSON_AddItemToObject(rl, "message", text_obj(n->msg));
        cJSON_AddItemToArray(related, rl);
    }
    if (dropped) {
        cnt->dropped_locations += dropped;
        cnt->results_with_dropped++;
    }

    /* the message: the finding's own sentence first, then links to the
     * related locations */
    sbuf msg = {0};
    void (*put)(sbuf *, const char *) = nlinked ? sb_put_escaped : sb_puts;
    put(&msg, f->msg);
    if (nlinked || nplain) {
        size_t ml = strlen(f->msg);
        if (ml == 0 || f->msg[ml - 1] != '.')
            sb_puts(&msg, ".");
    }
    for (size_t i = 0; i < nplain; i++) {
        sb_puts(&msg, i ? "; " : " Notes: ");
        put(&msg, f->notes.items[plain[i]].msg);
        if (i + 1 == nplain)
            sb_puts(&msg, ".");
    }
    if (nlinked) {
        sb_puts(&msg, " See: ");
        for (size_t i = 0; i < nlinked && i < MESSAGE_LINKS; i++) {
            char id[32];
            if (i)
                sb_puts(&msg, "; ");
            sb_puts(&msg, "[");
            sb_put_escaped(&msg, f->notes.items[linked[i]].msg);
            snprintf(id, sizeof id, "](%zu)", i + 1);
            sb_puts(&msg, id);
        }
        if (nlinked > MESSAGE_LINKS) {
            char more[64];
            snprintf(more, sizeof more, "; and %zu more", nlinked - MESSAGE_LINKS);
            sb_puts(&msg, more);
        }
        sb_puts(&msg, ".");
    }
    cJSON_AddItemToObject(r, "message", text_obj(msg.s));
    free(msg.s);
    free(linked);
    free(plain);

    if (f->pos.file) {
        cJSON *locs = cJSON_AddArrayToObject(r, "locations");
        cJSON *loc = cJSON_CreateObject();
        cJSON_AddItemToObject(loc, "physicalLocation", physical_location(c, &f->pos));
        cJSON_AddItemToArray(locs, loc);
    }
    if (cJSON_GetArraySize(related) > 0)
        cJSON_AddItemToObject(r, "relatedLocations", related);
    else
        cJSON_Delete(related);

    cJSON *fp = cJSON_AddObjectToObject(r, "partialFingerprints");
    /* (file_of's pointers last until its next new file: fetch it here) */
    const fp_line *lh = f->pos.file ? line_hash(c, file_of(c, f->pos.file),
                                                f->pos.line ? f->pos.line : 1)
                                    : NULL;
    char buf[64];
    if (lh) {
        snprintf(buf, sizeof buf, "%" PRIx64 ":%" PRIu32, lh->hash, lh->count);
        cJSON_AddStringToObject(fp, "primaryLocationLineHash", buf);
    }
    if (fingerprint)
        cJSON_AddStringToObject(fp, "scopecheck/v1", fingerprint);

    if (f->suppressed) {
        cJSON *sups = cJSON_AddArrayToObject(r, "suppressions");
        cJSON *s = cJSON_CreateObject();
        cJSON_AddStringToObject(s, "kind", "inSource");
        cJSON_AddItemToArray(sups, s);
    }
    if (f->fixes.len) {
        cJSON *fx = fixes(c, f);
        if (cJSON_GetArraySize(fx) > 0)
            cJSON_AddItemToObject(r, "fixes", fx);
        else
            cJSON_Delete(fx);
    }
    return r;
}

static cJSON *notification(const char *level, const char *id, const char *text)
{
    cJSON *n = cJSON_CreateObject();
    if (id) {
        cJSON *d = cJSON_AddObjectToObject(n, "descriptor");
        cJSON_AddStringToObject(d, "id", id);
    }
    cJSON_AddStringToObject(n, "level", level);
    cJSON_AddItemToObject(n, "message", text_obj(text));
    return n;
}

bool output_sarif(FILE *out, sc_report *r, sc_source_cache *src,
                  const sc_output_opts *o)
{
    sarif_ctx c;
    memset(&c, 0, sizeof c);
    c.src = src;
    c.cwd = working_dir();

    cJSON *doc = cJSON_CreateObject();
    if (!doc) {
        free(c.cwd);
        return false;
    }
    cJSON_AddStringToObject(doc, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    cJSON_AddStringToObject(doc, "version", "2.1.0");
    cJSON *runs = cJSON_AddArrayToObject(doc, "runs");
    cJSON *run = cJSON_CreateObject();
    cJSON_AddItemToArray(runs, run);

    cJSON *tool = cJSON_AddObjectToObject(run, "tool");
    cJSON *driver = cJSON_AddObjectToObject(tool, "driver");
    cJSON_AddStringToObject(driver, "name", "scopecheck");
    cJSON_AddStringToObject(driver, "version", SC_VERSION);
    cJSON_AddStringToObject(driver, "semanticVersion", SC_VERSION);
    cJSON_AddStringToObject(driver, "informationUri", SC_HOMEPAGE);
    cJSON *rules = cJSON_AddArrayToObject(driver, "rules");
    for (size_t i = 0; i < sc_nrule_metas; i++)
        cJSON_AddItemToArray(rules, rule_descriptor(sc_rule_metas[i].id));
    /* a finding of a rule the registry does not list still gets one */
    for (size_t i = 0; i < r->items.len; i++) {
        const char *id = r->items.items[i]->rule;
        if (id && rule_index(&c, id) < 0) {
            SC_PUSH(c.extra_rules, id);
            cJSON_AddItemToArray(rules, rule_descriptor(id));
        }
    }

    char *root = NULL;
    if (c.cwd) {
        size_t n = strlen(c.cwd);
        char *slash = sc_xmalloc(n + 2);
        memcpy(slash, c.cwd, n + 1);
        if (n == 0 || slash[n - 1] != '/')
            memcpy(slash + n, "/", 2);
        root = uri_encode_path("file://", slash);
        free(slash);
        cJSON *bases = cJSON_AddObjectToObject(run, "originalUriBaseIds");
        cJSON *srcroot = cJSON_AddObjectToObject(bases, "%SRCROOT%");
        cJSON_AddStringToObject(srcroot, "uri", root);
    }
    cJSON_AddStringToObject(run, "columnKind", "unicodeCodePoints");

    /* which findings: GitHub takes 25,000 results per run; beyond that the
     * most severe are kept, in report order */
    size_t by_sev[3] = {0, 0, 0}, total = 0;
    for (size_t i = 0; i < r->items.len; i++) {
        const sc_finding *f = r->items.items[i];
        if (f->suppressed && !o->show_suppressed)
            continue;
        by_sev[f->severity]++;
        total++;
    }
    size_t keep[3] = {0, 0, 0}, room = GH_MAX_RESULTS;
    for (int s = SC_SEV_ERROR; s >= SC_SEV_NOTE; s--) {
        keep[s] = by_sev[s] < room ? by_sev[s] : room;
        room -= keep[s];
    }
    size_t dropped_results = total - (keep[0] + keep[1] + keep[2]);

    cJSON *results = cJSON_AddArrayToObject(run, "results");
    counters cnt = {0, 0};
    /* our own key, the baselines' (fingerprint.h): rule, file, the
     * line's text without white space, occurrence index */
    const char **prints = report_fingerprints(r, src);
    size_t taken[3] = {0, 0, 0};
    for (size_t i = 0; i < r->items.len; i++) {
        const sc_finding *f = r->items.items[i];
        if (f->suppressed && !o->show_suppressed)
            continue;
        if (taken[f->severity] >= keep[f->severity])
            continue;
        taken[f->severity]++;
        cJSON_AddItemToArray(results, result(&c, f, prints ? prints[i] : NULL, &cnt));
    }
    free(prints);

    cJSON *invs = cJSON_AddArrayToObject(run, "invocations");
    cJSON *inv = cJSON_CreateObject();
    cJSON_AddItemToArray(invs, inv);
    cJSON_AddBoolToObject(inv, "executionSuccessful", r->failures.len == 0);
    if (root) {
        cJSON *wd = cJSON_AddObjectToObject(inv, "workingDirectory");
        cJSON_AddStringToObject(wd, "uri", root);
    }
    cJSON *notes = cJSON_CreateArray();
    for (size_t i = 0; i < r->failures.len; i++)
        cJSON_AddItemToArray(notes, notification("error", "file-not-checked", r->failures.items[i]));
    if (dropped_results) {
        char text[512];
        snprintf(text, sizeof text,
                 "%zu of %zu results were dropped: GitHub code scanning accepts at "
                 "most %d results per run (the most severe are kept)",
                 dropped_results, total, GH_MAX_RESULTS);
        cJSON_AddItemToArray(notes, notification("warning", "results-truncated", text));
    }
    if (cnt.dropped_locations) {
        char text[512];
        snprintf(text, sizeof text,
                 "%zu related locations of %zu results were dropped: GitHub code "
                 "scanning accepts at most %d locations per result",
                 cnt.dropped_locations, cnt.results_with_dropped, GH_MAX_LOCATIONS);
        cJSON_AddItemToArray(notes, notification("warning", "locations-truncated", text));
    }
    size_t unchecked = report_count_rule(r, SC_UNCHECKED_RULE);
    if (unchecked) {
        /* the summary line's count: silence past these places promises
         * nothing */
        char text[256];
        snprintf(text, sizeof text,
                 "checking stopped at %zu place%s (the results of rule %s "
                 "say where)", unchecked, unchecked == 1 ? "" : "s",
                 SC_UNCHECKED_RULE);
        cJSON_AddItemToArray(notes, notification("note", SC_UNCHECKED_RULE, text));
    }
    if (cJSON_GetArraySize(notes) > 0)
        cJSON_AddItemToObject(inv, "toolExecutionNotifications", notes);
    else
        cJSON_Delete(notes);

    char *text = cJSON_Print(doc);
    cJSON_Delete(doc);
    for (size_t i = 0; i < c.files.len; i++) {
        free(c.files.items[i].path);
        free(c.files.items[i].uri);
        free(c.files.items[i].hashes);
    }
    SC_VEC_FREE(c.files);
    SC_VEC_FREE(c.extra_rules);
    free(c.cwd);
    free(root);
    if (!text)
        return false;
    fputs(text, out);
    fputc('\n', out);
    free(text);
    return true;
}
