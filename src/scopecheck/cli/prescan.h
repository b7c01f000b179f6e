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
/* Reads file (and the project headers it includes, found with the -I and
 * -iquote directories of argv).  True if any of them names a varscope
 * identifier (vs_..., VS_...) or one of `aliases`. */
bool prescan_mentions_library(sc_prescan *p, const char *file,
                              char *const *argv, const sc_strs *aliases);
/* True if the file holds NUL bytes: not a C source at all. */
bool prescan_is_binary(sc_prescan *p, const char *file);
/* True if file or its project headers name any of `names` (a set). */
bool prescan_mentions_any(sc_prescan *p, const char *file,
                          const sc_strmap *names);

#endif
