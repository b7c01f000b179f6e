/* What the protocol's positions and URIs mean in a text.
 *
 * An LSP position is a 0-based line and a 0-based character offset in
 * that line, counted in the encoding the client and server agreed on
 * (LSP 3.17, "positionEncoding"): UTF-16 code units unless both said
 * otherwise, UTF-8 bytes, or UTF-32 code points.  Lines end at "\n",
 * "\r\n" or "\r".  libclang and our findings count bytes, so every
 * position crosses this file.  A character past the end of its line
 * means the end of the line, as the protocol says. */
#ifndef SC_LSP_TEXT_H
#define SC_LSP_TEXT_H

#include <stddef.h>
#include <stdint.h>

typedef enum sc_encoding { SC_ENC_UTF16, SC_ENC_UTF8, SC_ENC_UTF32 } sc_encoding;

/* "utf-16", "utf-8", "utf-32" */
const char *encoding_name(sc_encoding e);

/* the byte offset of a position (clamped to the text) */
size_t text_offset(const char *text, size_t len, uint32_t line,
                   uint32_t character, sc_encoding enc);
/* the position of a byte offset */
void text_position(const char *text, size_t len, size_t offset,
                   sc_encoding enc, uint32_t *line, uint32_t *character);

/* file:///a%20b/c.c -> /a b/c.c (malloc'd); NULL for other schemes */
char *uri_to_path(const char *uri);
/* an absolute path -> file:///... with reserved bytes percent-encoded */
char *path_to_uri(const char *path);

#endif
