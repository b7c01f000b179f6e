/* File texts, read once and shared by the rules (fix-its), the
 * suppression scanner and the reporters (source lines, columns). */
#ifndef SC_SOURCE_H
#define SC_SOURCE_H

#include <stddef.h>
#include <stdint.h>

typedef struct sc_source_cache sc_source_cache;

sc_source_cache *sc_source_cache_new(void);
void sc_source_cache_free(sc_source_cache *c);
/* Gives file the text `text` instead of what is on disk (an editor's
 * unsaved buffer, standard input): copied. */
void source_put(sc_source_cache *c, const char *file, const char *text,
                size_t len);
/* The text of file as just read by somebody else (the pre-scan), unless
 * the cache has the file already: copied. */
void source_offer(sc_source_cache *c, const char *file, const char *text,
                  size_t len);
/* The file's bytes (NULL if unreadable); *len its length. */
const char *source_get(sc_source_cache *c, const char *file, size_t *len);
/* The text of line `line` (1-based), without its newline. */
const char *source_line(sc_source_cache *c, const char *file, uint32_t line,
                        size_t *len);
/* A 1-based byte column on a line, as a 1-based count of Unicode code
 * points (UTF-8; invalid bytes count one each). */
uint32_t source_char_col(sc_source_cache *c, const char *file, uint32_t line,
                         uint32_t byte_col);

#endif
