/* JSON files read by the policy (configurations, baselines): read with a
 * size limit and without blocking on special files, checked for UTF-8,
 * parsed with cJSON, and every value's line found in the text (cJSON
 * keeps none) so that messages can say "FILE:LINE: ...".
 *
 * Messages are one line, malloc'd, "SHOWN:LINE: reason" or "SHOWN: reason":
 *     proj/.scopecheck.json:3: not valid JSON
 *     base.json: too large (104857600 bytes; at most 67108864) */
#ifndef SC_JSONFILE_H
#define SC_JSONFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cJSON.h>

typedef struct sc_jline {
    const cJSON *node;
    uint32_t line;
} sc_jline;

typedef struct sc_jdoc {
    const char *shown;            /* the path in messages (not owned) */
    char *text;                   /* the bytes read, NUL-terminated */
    size_t len;
    cJSON *root;
    sc_jline *lines;              /* built on the first jdoc_line */
    size_t nlines, cap;
    bool walked;
} sc_jdoc;

/* Reads `path` (a regular file of at most `max` bytes) and parses it.
 * On failure returns false with *err set (malloc'd; d is cleaned up). */
bool jdoc_read(sc_jdoc *d, const char *path, const char *shown, size_t max,
               char **err);
/* The same for text already in memory (copied). */
bool jdoc_parse(sc_jdoc *d, const char *shown, const char *text, size_t len,
                char **err);
/* The line of a node of d->root: an object member's key, an array
 * element's first character; 1 when unknown. */
uint32_t jdoc_line(sc_jdoc *d, const cJSON *node);
void jdoc_free(sc_jdoc *d);

/* The line holding byte `off` of text (1-based). */
uint32_t sc_line_at(const char *text, size_t len, size_t off);
/* malloc'd printf */
char *sc_asprintf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* Checks that text is UTF-8 without NUL bytes; on failure returns false
 * and the offset of the first bad byte in *bad. */
bool sc_utf8_valid(const char *text, size_t len, size_t *bad);

#endif
