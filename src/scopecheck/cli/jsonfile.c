#include "jsonfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/arena.h"

char *sc_asprintf(const char *fmt, ...)
{
    va_list ap, cp;
    va_start(ap, fmt);
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0)
        n = 0;
    char *s = sc_xmalloc((size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

uint32_t sc_line_at(const char *text, size_t len, size_t off)
{
    uint32_t line = 1;
    if (off > len)
        off = len;
    for (size_t i = 0; i < off; i++)
        line += text[i] == '\n';
    return line;
}

bool sc_utf8_valid(const char *text, size_t len, size_t *bad)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c == 0) {
            *bad = i;
            return false;
        }
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned min, cp;
        if (c >= 0xc2 && c <= 0xdf) {
            n = 1;
            cp = c & 0x1f;
            min = 0x80;
        } else if (c >= 0xe0 && c <= 0xef) {
            n = 2;
            cp = c & 0x0f;
            min = 0x800;
        } else if (c >= 0xf0 && c <= 0xf4) {
            n = 3;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            *bad = i;
            return false;
        }
        if (len - i <= n) {
            *bad = i;
            return false;
        }
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xc0) != 0x80) {
                *bad = i;
                return false;
            }
            cp = cp << 6 | (s[i + k] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            *bad = i;
            return false;
        }
        i += n + 1;
    }
    return true;
}

void jdoc_free(sc_jdoc *d)
{
    if (d->root)
        cJSON_Delete(d->root);
    free(d->text);
    free(d->lines);
    memset(d, 0, sizeof *d);
}

/* true if the text ends inside a string or an open object or array */
static bool ends_early(const char *t, size_t len)
{
    size_t depth = 0;
    bool str = false;
    for (size_t i = 0; i < len; i++) {
        char c = t[i];
        if (str) {
            if (c == '\\')
                i++;
            else if (c == '"')
                str = false;
        } else if (c == '"') {
            str = true;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if ((c == '}' || c == ']') && depth) {
            depth--;
        }
    }
    return str || depth > 0;
}

static bool fail(sc_jdoc *d, char **err, char *msg)
{
    *err = msg;
    jdoc_free(d);
    return false;
}

bool jdoc_parse(sc_jdoc *d, const char *shown, const char *text, size_t len,
                char **err)
{
    memset(d, 0, sizeof *d);
    d->shown = shown;
    d->text = sc_xmalloc(len + 1);
    if (len)
        memcpy(d->text, text, len);
    d->text[len] = '\0';
    d->len = len;
    const char *t = d->text;
    size_t start = 0;
    if (len >= 3 && memcmp(t, "\xef\xbb\xbf", 3) == 0)
        start = 3;                /* a byte order mark: tolerated */
    size_t bad;
    if (!sc_utf8_valid(t, len, &bad)) {
        if (t[bad] == '\0')
            return fail(d, err, sc_asprintf("%s:%u: contains a NUL byte", shown,
                                            sc_line_at(t, len, bad)));
        return fail(d, err,
                    sc_asprintf("%s:%u: not valid UTF-8 (byte 0x%02x)", shown,
                                sc_line_at(t, len, bad),
                                (unsigned char)t[bad]));
    }
    size_t i = start;
    while (i < len && (unsigned char)t[i] <= 32)
        i++;
    if (i == len)
        return fail(d, err, sc_asprintf("%s:1: not valid JSON (the file is "
                                        "empty)", shown));
    const char *end = NULL;
    d->root = cJSON_ParseWithLengthOpts(t + start, len - start, &end, 0);
    if (!d->root) {
        size_t off = end && end >= t + start && end <= t + len
                         ? (size_t)(end - t) : len;
        return fail(d, err,
                    sc_asprintf("%s:%u: not valid JSON%s", shown,
                                sc_line_at(t, len, off),
                                off >= len || ends_early(t, len)
                                    ? " (it ends too early: truncated?)" : ""));
    }
    size_t off = end && end >= t + start && end <= t + len ? (size_t)(end - t)
                                                           : len;
    while (off < len && (unsigned char)t[off] <= 32)
        off++;
    if (off < len)
        return fail(d, err, sc_asprintf("%s:%u: not valid JSON (text after the "
                                        "end of the document)", shown,
                                        sc_line_at(t, len, off)));
    return true;
}

bool jdoc_read(sc_jdoc *d, const char *path, const char *shown, size_t max,
               char **err)
{
    memset(d, 0, sizeof *d);
    /* O_NONBLOCK: a FIFO must not hang the run; only regular files pass */
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    if (fd < 0) {
        *err = sc_asprintf("%s: cannot read: %s", shown, strerror(errno));
        return false;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *err = sc_asprintf("%s: cannot read: %s", shown, strerror(errno));
        close(fd);
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        *err = sc_asprintf("%s: cannot read: %s", shown,
                           S_ISDIR(st.st_mode) ? "it is a directory"
                                               : "not a regular file");
        close(fd);
        return false;
    }
    if ((uint64_t)st.st_size > (uint64_t)max) {
        *err = sc_asprintf("%s: too large (%lld bytes; at most %zu)", shown,
                           (long long)st.st_size, max);
        close(fd);
        return false;
    }
    size_t cap = (size_t)st.st_size + 1, len = 0;
    char *buf = sc_xmalloc(cap + 1);
    for (;;) {
        if (len == cap) {
            if (cap > max) {
                break;
            }
            cap *= 2;
            buf = sc_xrealloc(buf, cap + 1);
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *err = sc_asprintf("%s: cannot read: %s", shown, strerror(errno));
            free(buf);
            close(fd);
            return false;
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    close(fd);
    if (len > max) {              /* grew while we read it */
        *err = sc_asprintf("%s: too large (more than %zu bytes)", shown, max);
        free(buf);
        return false;
    }
    bool ok = jdoc_parse(d, shown, buf, len, err);
    free(buf);
    return ok;
}

/* ---- lines of values ------------------------------------------------------ */

typedef struct walk {
    const char *p, *end;
    uint32_t line;
    sc_jdoc *d;
    int depth;
} walk;

static void note(walk *w, const cJSON *node)
{
    if (!node)
        return;
    if (w->d->nlines == w->d->cap) {
        w->d->cap = w->d->cap ? w->d->cap * 2 : 64;
        w->d->lines = sc_xrealloc(w->d->lines, w->d->cap * sizeof *w->d->lines);
    }
    w->d->lines[w->d->nlines].node = node;
    w->d->lines[w->d->nlines].line = w->line;
    w->d->nlines++;
}

static void ws(walk *w)
{
    while (w->p < w->end && (unsigned char)*w->p <= 32) {
        w->line += *w->p == '\n';
        w->p++;
    }
}

static void skip_string(walk *w)
{
    w->p++;                       /* the opening quote */
    while (w->p < w->end && *w->p != '"') {
        if (*w->p == '\\' && w->p + 1 < w->end)
            w->p++;
        w->line += *w->p == '\n';
        w->p++;
    }
    if (w->p < w->end)
        w->p++;
}

/* The text is valid JSON (cJSON accepted it) and cJSON keeps members and
 * elements in document order, so the walk and the tree go in step.  The
 * walk still checks every bound, and stops at anything unexpected. */
static void value(walk *w, const cJSON *node)
{
    ws(w);
    if (w->p >= w->end || ++w->depth > CJSON_NESTING_LIMIT + 8)
        return;
    char c = *w->p;
    if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        const cJSON *child = node ? node->child : NULL;
        w->p++;
        for (;;) {
            ws(w);
            if (w->p >= w->end)
                return;
            if (*w->p == close) {
                w->p++;
                break;
            }
            const char *before = w->p;
            if (c == '{') {
                if (*w->p != '"')
                    return;
                note(w, child);
                skip_string(w);
                ws(w);
                if (w->p >= w->end || *w->p != ':')
                    return;
                w->p++;
            } else {
                ws(w);
                note(w, child);
            }
            value(w, child);
            if (child)
                child = child->next;
            ws(w);
            if (w->p < w->end && *w->p == ',')
                w->p++;
            if (w->p == before)
                return;
        }
    } else if (c == '"') {
        skip_string(w);
    } else {
        while (w->p < w->end && *w->p != ',' && *w->p != ']' && *w->p != '}' &&
               (unsigned char)*w->p > 32)
            w->p++;
    }
    w->depth--;
}

uint32_t jdoc_line(sc_jdoc *d, const cJSON *node)
{
    if (!d->walked && d->text && d->root) {
        d->walked = true;
        walk w = {d->text, d->text + d->len, 1, d, 0};
        if (d->len >= 3 && memcmp(d->text, "\xef\xbb\xbf", 3) == 0)
            w.p += 3;
        ws(&w);
        note(&w, d->root);
        value(&w, d->root);
    }
    for (size_t i = 0; i < d->nlines; i++)
        if (d->lines[i].node == node)
            return d->lines[i].line;
    return 1;
}
