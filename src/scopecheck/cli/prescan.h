/* The pre-scan: which files could reach the library, decided from their
 * text before anything is parsed.  See prescan.c. */
#ifndef SC_PRESCAN_H
#define SC_PRESCAN_H

#include <stdbool.h>

#include "options.h"
#include "../util/strmap.h"

typedef struct sc_prescan sc_prescan;

sc_prescan *prescan_new(void);
void prescan_free(sc_prescan *p);

/* Texts that stand for files' contents (an editor's unsaved buffers): a
 * file for which `text` returns non-NULL is scanned from that text.  Set
 * before the first scan; NULL: every file from disk. */
typedef const char *sc_text_fn(void *ctx, const char *path, size_t *len);
void prescan_set_texts(sc_prescan *p, sc_text_fn *text, void *ctx);
/* Calls fn with the path of every file read so far (sources and headers),
 * so that a caller keeping the pre-scan across runs can tell when one of
 * them changed. */
void prescan_each_file(sc_prescan *p, void (*fn)(void *ctx, const char *path),
                       void *ctx);
/* Reads file (and the project headers it includes, found with the -I and
 * -iquote directories of argv).  True if any of them names a varscope
 * identifier (vs_..., VS_...) or one of `aliases`. */
bool prescan_mentions_library(sc_prescan *p, const char *file,
                              char *const *argv, const sc_strs *aliases);
/* The text the pre-scan read for file (NULL: it read none); valid until
 * prescan_free, or until the file's next scan. */
const char *prescan_text(sc_prescan *p, const char *file, size_t *len);
/* True if the file holds NUL bytes: not a C source at all. */
bool prescan_is_binary(sc_prescan *p, const char *file);
/* A set of names to ask many files about (a copy, owned by p).  p keeps
 * each file's answer for it: a pre-scan kept across runs answers the same
 * set again from memory.  Valid until the second prescan_set_texts after
 * the call (sets no run asks are forgotten then, past a few dozen). */
typedef struct sc_prescan_names sc_prescan_names;
const sc_prescan_names *prescan_names(sc_prescan *p, const sc_strmap *names);
/* True if file or its project headers name any of `names`. */
bool prescan_mentions_any(sc_prescan *p, const char *file,
                          const sc_prescan_names *names);

/* Whether file (or a project header it includes) names one of `names` at
 * file scope: declares or defines it (prescan.c, step 3). */
bool prescan_declares_any(sc_prescan *p, const char *file,
                          const sc_prescan_names *names);

#endif
