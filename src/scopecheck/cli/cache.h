/* The summary cache: see cache.c. */
#ifndef SC_CACHE_H
#define SC_CACHE_H

#include "../ir/ir.h"
#include "options.h"

typedef struct sc_cache sc_cache;

/* NULL and *err (malloc'd) if the directory cannot be made. */
sc_cache *cache_open(const char *dir, char **err);
void cache_close(sc_cache *c);
/* The cached IR of file parsed with argv, if every input is unchanged. */
ir_unit *cache_lookup(sc_cache *c, const char *file, int argc,
                      char *const *argv);
/* deps: every file the parse read (the source and its headers). */
void cache_store(sc_cache *c, const char *file, int argc, char *const *argv,
                 const ir_unit *u, const sc_strs *deps);
void cache_stats(const sc_cache *c, size_t *hits, size_t *misses);
/* The content hash of a file as this run saw it (FNV-1a). */
bool cache_file_hash(sc_cache *c, const char *path, uint64_t *hash);

#endif
