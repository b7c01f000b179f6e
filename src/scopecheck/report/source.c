#include "source.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/file.h"
#include "../util/strmap.h"

typedef struct src_file {
    char *path;
    char *text;
    size_t len;
    size_t *lines;                /* offsets of line starts, built lazily */
    size_t nlines;
} src_file;

struct sc_source_cache {
    SC_VEC(src_file) files;
    sc_strmap index;              /* path -> its index in files, plus one */
};

sc_source_cache *sc_source_cache_new(void)
{
    return calloc(1, sizeof(sc_source_cache));
}

void sc_source_cache_free(sc_source_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->files.len; i++) {
        free(c->files.items[i].path);
        free(c->files.items[i].text);
        free(c->files.items[i].lines);
    }
    SC_VEC_FREE(c->files);
    sc_strmap_free(&c->index);
    free(c);
}

static src_file *load_as(sc_source_cache *c, const char *file, bool read)
{
    if (!c || !file)
        return NULL;
    uintptr_t at = (uintptr_t)sc_strmap_get(&c->index, file);
    if (at)
        return &c->files.items[at - 1];
    src_file f = {sc_xstrdup(file), NULL, 0, NULL, 0};
    if (read)
        f.text = sc_read_file(file, &f.len);
    SC_PUSH(c->files, f);
    sc_strmap_put(&c->index, file, (void *)(uintptr_t)c->files.len);
    return &c->files.items[c->files.len - 1];
}

static src_file *load(sc_source_cache *c, const char *file)
{
    return load_as(c, file, true);
}

void source_put(sc_source_cache *c, const char *file, const char *text,
                size_t len)
{
    src_file *f = load_as(c, file, false);
    free(f->text);
    free(f->lines);
    f->lines = NULL;
    f->nlines = 0;
    f->text = sc_xmalloc(len + 1);
    memcpy(f->text, text, len);
    f->text[len] = '\0';
    f->len = len;
}

void source_offer(sc_source_cache *c, const char *file, const char *text,
                  size_t len)
{
    if (c && file && !sc_strmap_get(&c->index, file))
        source_put(c, file, text, len);
}

const char *source_get(sc_source_cache *c, const char *file, size_t *len)
{
    src_file *f = load(c, file);
    *len = f ? f->len : 0;
    return f ? f->text : NULL;
}

const char *source_line(sc_source_cache *c, const char *file, uint32_t line,
                        size_t *len)
{
    src_file *f = load(c, file);
    *len = 0;
    if (!f || !f->text || line == 0)
        return NULL;
    if (!f->lines) {
        size_t cap = 64;
        f->lines = sc_xmalloc(cap * sizeof *f->lines);
        f->lines[f->nlines++] = 0;
        for (size_t i = 0; i < f->len; i++)
            if (f->text[i] == '\n') {
                if (f->nlines == cap)
                    f->lines = sc_xrealloc(f->lines, (cap *= 2) * sizeof *f->lines);
                f->lines[f->nlines++] = i + 1;
            }
    }
    if (line > f->nlines)
        return NULL;
    size_t start = f->lines[line - 1];
    size_t end = line < f->nlines ? f->lines[line] - 1 : f->len;
    if (end > start && f->text[end - 1] == '\r')
        end--;
    *len = end - start;
    return f->text + start;
}

uint32_t source_char_col(sc_source_cache *c, const char *file, uint32_t line,
                         uint32_t byte_col)
{
    size_t len;
    const char *s = source_line(c, file, line, &len);
    if (!s || byte_col == 0)
        return byte_col;
    uint32_t chars = 1;
    for (size_t i = 0; i + 1 < byte_col && i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            chars++;
    if (byte_col - 1 > len)              /* past the end: count the rest */
        chars += (uint32_t)(byte_col - 1 - len);
    return chars;
}
