/* The summary cache: see cache.c. */
#ifndef SC_CACHE_H
#define SC_CACHE_H

#include "../ir/ir.h"
#include "options.h"
#include "overlay.h"

typedef struct sc_cache sc_cache;

/* The directory a run keeps its cache in when neither --cache-dir nor
 * SCOPECHECK_CACHE_DIR says: .scopecheck-cache at the project's root,
 * the directory of the compile database (-p DIR, else the nearest
 * compile_commands.json above `start`) or of the nearest .git; outside
 * any project, the user's cache (XDG_CACHE_HOME or ~/.cache, then
 * "scopecheck").  malloc'd; NULL when there is none. */
char *cache_default_dir(const char *start, const char *compdb_dir);

/* Opens (creating it and its parents) a cache directory, with a
 * .gitignore of "*" and a CACHEDIR.TAG.  dir NULL: a cache in memory
 * only.  NULL and *err (malloc'd) if the directory cannot be made. */
sc_cache *cache_open(const char *dir, char **err);
void cache_close(sc_cache *c);
/* Keep every summary also in memory, checked against the files' status
 * (size, time, inode) instead of their bytes: what a server that lints
 * again and again wants (--lsp). */
void cache_keep_in_memory(sc_cache *c);
/* Starts a run: forgets the files' hashes of the last one (they may have
 * changed since) and takes the run's overlays (may be NULL). */
void cache_begin_run(sc_cache *c, const sc_overlays *ov);

/* The cached IR of file parsed with argv, if every input is unchanged;
 * deps (may be NULL) then receives the paths of every file it read. */
ir_unit *cache_lookup(sc_cache *c, const char *file, int argc,
                      char *const *argv, sc_strs *deps);
/* deps: every file the parse read (the source and its headers). */
void cache_store(sc_cache *c, const char *file, int argc, char *const *argv,
                 const ir_unit *u, const sc_strs *deps);
void cache_stats(const sc_cache *c, size_t *hits, size_t *misses);
/* A file's status as this run saw it (taken once a run): size,
 * modification time in nanoseconds, inode, device.  False: no such file. */
bool cache_status(sc_cache *c, const char *path, uint64_t out[4]);
/* The content hash of a file as this run saw it (FNV-1a). */
bool cache_file_hash(sc_cache *c, const char *path, uint64_t *hash);

/* Programs: a run over directories records the files it found, so that a
 * later run naming some of them (an editor, a pre-commit hook) can link
 * the whole program.  roots and files are absolute. */
void cache_record_program(sc_cache *c, const sc_strs *roots,
                          const sc_strs *files);
/* The files of the program last recorded that holds `file` (absolute),
 * appended to out (malloc'd strings); false when none holds it. */
bool cache_program_of(sc_cache *c, const char *file, sc_strs *out);

#endif
