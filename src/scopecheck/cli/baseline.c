#include "baseline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cJSON.h>

#include "../report/fingerprint.h"
#include "jsonfile.h"

typedef struct fp_slot {
    char key[SC_FINGERPRINT_HEX + 1];
    bool used, matched;
} fp_slot;

struct sc_baseline {
    fp_slot *slots;
    size_t cap, count, matched;
};

static size_t hash_fp(const char *fp)
{
    return (size_t)sc_hash(fp, SC_FINGERPRINT_HEX);
}

static fp_slot *find(const sc_baseline *b, const char *fp)
{
    size_t j = hash_fp(fp) & (b->cap - 1);
    while (b->slots[j].used && memcmp(b->slots[j].key, fp, SC_FINGERPRINT_HEX) != 0)
        j = (j + 1) & (b->cap - 1);
    return &b->slots[j];
}

static void add(sc_baseline *b, const char *fp)
{
    if (2 * (b->count + 1) > b->cap) {
        fp_slot *old = b->slots;
        size_t oldcap = b->cap;
        b->cap = b->cap ? b->cap * 2 : 64;
        b->slots = sc_xmalloc(b->cap * sizeof *b->slots);
        memset(b->slots, 0, b->cap * sizeof *b->slots);
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].used)
                *find(b, old[i].key) = old[i];
        free(old);
    }
    fp_slot *s = find(b, fp);
    if (!s->used) {
        s->used = true;
        memcpy(s->key, fp, SC_FINGERPRINT_HEX);
        s->key[SC_FINGERPRINT_HEX] = '\0';
        b->count++;
    }
}

static bool is_fp(const char *s)
{
    size_t n = 0;
    for (; s[n]; n++)
        if (!((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f')))
            return false;
    return n == SC_FINGERPRINT_HEX;
}

static const char *type_name(const cJSON *v)
{
    if (cJSON_IsString(v)) return "a string";
    if (cJSON_IsNumber(v)) return "a number";
    if (cJSON_IsBool(v)) return cJSON_IsTrue(v) ? "true" : "false";
    if (cJSON_IsNull(v)) return "null";
    if (cJSON_IsArray(v)) return "an array";
    if (cJSON_IsObject(v)) return "an object";
    return "something else";
}

static sc_baseline *read_doc(sc_jdoc *d, char **err)
{
    const cJSON *root = d->root;
    const char *f = d->shown;
    if (!cJSON_IsObject(root)) {
        *err = sc_asprintf("%s:%u: expected a JSON object ({\"version\": 1, "
                           "\"findings\": [...]}), not %s", f,
                           jdoc_line(d, root), type_name(root));
        return NULL;
    }
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(root, "version");
    const cJSON *tool = cJSON_GetObjectItemCaseSensitive(root, "tool");
    const cJSON *findings = cJSON_GetObjectItemCaseSensitive(root, "findings");
    if (!version) {
        *err = sc_asprintf("%s: not a scopecheck baseline (no \"version\")", f);
        return NULL;
    }
    if (!cJSON_IsNumber(version) || version->valuedouble != 1.0) {
        if (cJSON_IsNumber(version))
            *err = sc_asprintf("%s:%u: \"version\": unsupported version %g (this "
                               "scopecheck reads version 1)", f,
                               jdoc_line(d, version), version->valuedouble);
        else
            *err = sc_asprintf("%s:%u: \"version\": expected 1, not %s", f,
                               jdoc_line(d, version), type_name(version));
        return NULL;
    }
    if (tool && !(cJSON_IsString(tool) && strcmp(tool->valuestring, "scopecheck") == 0)) {
        *err = sc_asprintf("%s:%u: \"tool\": expected \"scopecheck\": this is "
                           "not a scopecheck baseline", f, jdoc_line(d, tool));
        return NULL;
    }
    if (!findings) {
        *err = sc_asprintf("%s: no \"findings\" array", f);
        return NULL;
    }
    if (!cJSON_IsArray(findings)) {
        *err = sc_asprintf("%s:%u: \"findings\": expected an array, not %s", f,
                           jdoc_line(d, findings), type_name(findings));
        return NULL;
    }
    sc_baseline *b = sc_xmalloc(sizeof *b);
    memset(b, 0, sizeof *b);
    size_t k = 0;
    for (const cJSON *e = findings->child; e; e = e->next) {
        k++;
        if (!cJSON_IsObject(e)) {
            *err = sc_asprintf("%s:%u: \"findings\": entry %zu: expected an "
                               "object, not %s", f, jdoc_line(d, e), k,
                               type_name(e));
            baseline_free(b);
            return NULL;
        }
        const cJSON *fp = cJSON_GetObjectItemCaseSensitive(e, "fingerprint");
        if (!fp) {
            *err = sc_asprintf("%s:%u: \"findings\": entry %zu has no "
                               "\"fingerprint\"", f, jdoc_line(d, e), k);
            baseline_free(b);
            return NULL;
        }
        if (!cJSON_IsString(fp) || !is_fp(fp->valuestring)) {
            *err = sc_asprintf("%s:%u: \"findings\": entry %zu: \"fingerprint\" "
                               "must be %d lowercase hex digits", f,
                               jdoc_line(d, fp), k, SC_FINGERPRINT_HEX);
            baseline_free(b);
            return NULL;
        }
        static const char *const texts[] = {"rule", "file", "message"};
        for (size_t t = 0; t < 3; t++) {
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(e, texts[t]);
            if (v && !cJSON_IsString(v)) {
                *err = sc_asprintf("%s:%u: \"findings\": entry %zu: \"%s\" must "
                                   "be a string, not %s", f, jdoc_line(d, v), k,
                                   texts[t], type_name(v));
                baseline_free(b);
                return NULL;
            }
        }
        add(b, fp->valuestring);
    }
    return b;
}

sc_baseline *baseline_parse(const char *shown, const char *text, size_t len,
                            char **err)
{
    sc_jdoc d;
    if (!jdoc_parse(&d, shown, text, len, err))
        return NULL;
    sc_baseline *b = read_doc(&d, err);
    jdoc_free(&d);
    return b;
}

sc_baseline *baseline_load(const char *path, char **err)
{
    sc_jdoc d;
    if (!jdoc_read(&d, path, path, SC_BASELINE_MAX, err))
        return NULL;
    sc_baseline *b = read_doc(&d, err);
    jdoc_free(&d);
    return b;
}

void baseline_free(sc_baseline *b)
{
    if (!b)
        return;
    free(b->slots);
    free(b);
}

size_t baseline_size(const sc_baseline *b)
{
    return b ? b->count : 0;
}

bool baseline_take(sc_baseline *b, const char *fp)
{
    if (!b || !b->cap || !fp || strlen(fp) != SC_FINGERPRINT_HEX)
        return false;
    fp_slot *s = find(b, fp);
    if (!s->used)
        return false;
    if (!s->matched) {
        s->matched = true;
        b->matched++;
    }
    return true;
}

size_t baseline_unmatched(const sc_baseline *b)
{
    return b ? b->count - b->matched : 0;
}

/* ---- writing ---------------------------------------------------------------- */

static bool put(FILE *out, const char *s)
{
    return fputs(s, out) >= 0;
}

bool baseline_write(const char *path, const sc_report *r,
                    const char *const *fps, const char *const *files,
                    size_t *count, char **err)
{
    *count = 0;
    size_t n = strlen(path);
    char *tmp = sc_xmalloc(n + 16);
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".tmp-XXXXXX", 12);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        *err = sc_asprintf("%s: cannot write the baseline: %s", path,
                           strerror(errno));
        free(tmp);
        return false;
    }
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0) {
        /* the file is still usable with mkstemp's 0600 */
    }
    FILE *out = fdopen(fd, "w");
    if (!out) {
        *err = sc_asprintf("%s: cannot write the baseline: %s", path,
                           strerror(errno));
        close(fd);
        unlink(tmp);
        free(tmp);
        return false;
    }
    bool ok = put(out, "{\n  \"version\": 1,\n  \"tool\": \"scopecheck\",\n"
                       "  \"findings\": [");
    size_t written = 0;
    for (size_t i = 0; ok && i < r->items.len; i++) {
        if (!fps[i])
            continue;
        const sc_finding *f = r->items.items[i];
        cJSON *e = cJSON_CreateObject();
        if (!e ||
            !cJSON_AddStringToObject(e, "fingerprint", fps[i]) ||
            !cJSON_AddStringToObject(e, "rule", f->rule ? f->rule : "") ||
            !cJSON_AddStringToObject(e, "file", files && files[i] ? files[i]
                                                : f->pos.file ? f->pos.file : "") ||
            !cJSON_AddStringToObject(e, "message", f->msg ? f->msg : "")) {
            cJSON_Delete(e);
            ok = false;
            break;
        }
        char *s = cJSON_PrintUnformatted(e);
        cJSON_Delete(e);
        ok = s && put(out, written ? ",\n    " : "\n    ") && put(out, s);
        free(s);
        written++;
    }
    ok = ok && put(out, written ? "\n  ]\n}\n" : "]\n}\n");
    int saved = 0;
    if (ok && fflush(out) != 0)
        ok = false, saved = errno;
    if (ok && fsync(fileno(out)) != 0 && errno != EINVAL)
        ok = false, saved = errno;
    if (!ok && !saved)
        saved = errno ? errno : EIO;
    if (fclose(out) != 0 && ok)
        ok = false, saved = errno;
    if (ok && rename(tmp, path) != 0)
        ok = false, saved = errno;
    if (!ok) {
        *err = sc_asprintf("%s: cannot write the baseline: %s", path,
                           strerror(saved));
        unlink(tmp);
        free(tmp);
        return false;
    }
    free(tmp);
    *count = written;
    return true;
}
