#include "text.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"

const char *encoding_name(sc_encoding e)
{
    return e == SC_ENC_UTF8 ? "utf-8" : e == SC_ENC_UTF32 ? "utf-32" : "utf-16";
}

/* the length of the UTF-8 sequence starting at p (1 for a byte that
 * starts none: invalid bytes count one each), and its code point */
static size_t utf8_seq(const unsigned char *p, size_t avail, uint32_t *cp)
{
    unsigned char c = p[0];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3
             : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || n > avail) {
        *cp = c;
        return 1;
    }
    uint32_t v = n == 1 ? c : n == 2 ? c & 0x1f : n == 3 ? c & 0x0f : c & 0x07;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xc0) != 0x80) {
            *cp = c;
            return 1;
        }
        v = v << 6 | (p[i] & 0x3f);
    }
    *cp = v;
    return n;
}

/* how many units of enc a sequence of n bytes holding cp counts */
static uint32_t units(sc_encoding enc, size_t n, uint32_t cp)
{
    if (enc == SC_ENC_UTF8)
        return (uint32_t)n;
    if (enc == SC_ENC_UTF32)
        return 1;
    return cp >= 0x10000 && n == 4 ? 2 : 1;
}

/* the end of the line starting at i: the offset of its terminator */
static size_t line_end(const char *t, size_t len, size_t i)
{
    while (i < len && t[i] != '\n' && t[i] != '\r')
        i++;
    return i;
}

/* past the terminator at i */
static size_t next_line(const char *t, size_t len, size_t i)
{
    if (i < len && t[i] == '\r')
        return i + 1 < len && t[i + 1] == '\n' ? i + 2 : i + 1;
    return i < len ? i + 1 : i;
}

size_t text_offset(const char *text, size_t len, uint32_t line,
                   uint32_t character, sc_encoding enc)
{
    size_t i = 0;
    for (uint32_t l = 0; l < line; l++) {
        size_t e = line_end(text, len, i);
        if (e >= len)
            return len;           /* past the last line: the end */
        i = next_line(text, len, e);
    }
    size_t e = line_end(text, len, i);
    uint32_t count = 0;
    while (i < e && count < character) {
        uint32_t cp;
        size_t n = utf8_seq((const unsigned char *)text + i, e - i, &cp);
        uint32_t u = units(enc, n, cp);
        if (count + u > character)
            break;                /* inside a character: its start */
        count += u;
        i += n;
    }
    return i;
}

void text_position(const char *text, size_t len, size_t offset,
                   sc_encoding enc, uint32_t *line, uint32_t *character)
{
    if (offset > len)
        offset = len;
    uint32_t l = 0;
    size_t start = 0;
    for (size_t i = 0; i < offset;) {
        if (text[i] == '\n' || text[i] == '\r') {
            size_t nx = next_line(text, len, i);
            if (nx > offset)
                break;            /* inside a "\r\n": the line's end */
            l++;
            start = i = nx;
        } else {
            i++;
        }
    }
    uint32_t count = 0;
    for (size_t i = start; i < offset;) {
        uint32_t cp;
        size_t n = utf8_seq((const unsigned char *)text + i, len - i, &cp);
        if (i + n > offset)
            break;
        count += units(enc, n, cp);
        i += n;
    }
    *line = l;
    *character = count;
}

static int hex(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

char *uri_to_path(const char *uri)
{
    if (strncmp(uri, "file://", 7) != 0)
        return NULL;
    const char *p = uri + 7;
    /* file://localhost/x and file:///x; another host is not ours */
    if (strncmp(p, "localhost/", 10) == 0)
        p += 9;
    if (*p != '/')
        return NULL;
    size_t n = strlen(p);
    char *out = sc_xmalloc(n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '%' && i + 2 < n && hex(p[i + 1]) >= 0 && hex(p[i + 2]) >= 0) {
            out[k++] = (char)(hex(p[i + 1]) * 16 + hex(p[i + 2]));
            i += 2;
        } else if (p[i] == '?' || p[i] == '#') {
            break;
        } else {
            out[k++] = p[i];
        }
    }
    out[k] = '\0';
    return out;
}

char *path_to_uri(const char *path)
{
    static const char digits[] = "0123456789ABCDEF";
    size_t n = strlen(path);
    char *out = sc_xmalloc(7 + 3 * n + 1);
    memcpy(out, "file://", 7);
    size_t k = 7;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)path[i];
        /* RFC 3986 unreserved characters and the path separator stay */
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || strchr("-._~/", c);
        if (keep && c) {
            out[k++] = (char)c;
        } else {
            out[k++] = '%';
            out[k++] = digits[c >> 4];
            out[k++] = digits[c & 15];
        }
    }
    out[k] = '\0';
    return out;
}
