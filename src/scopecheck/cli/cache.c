/* The summary cache (default .scopecheck-cache/): a second run on an
 * unchanged tree reads each file's IR instead of parsing it.
 *
 * An entry is keyed by the tool's version, the summary format, the file's
 * absolute path and its compiler arguments; it records every file the
 * parse read (the source and all its headers) with their sizes and
 * content hashes, then the summary.  It is used only if every one of
 * those files still has the same content ("direct mode", as ccache's:
 * equal inputs give an equal preprocessed unit), so a changed header or
 * flag re-extracts exactly the files that see it.  Entries carry a
 * checksum; a corrupt or stale entry is rebuilt, never trusted.  Writes go
 * to a temporary file renamed into place, so concurrent runs and crashes
 * leave only whole entries. */
#define _XOPEN_SOURCE 700   /* realpath */
#include "cache.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../ir/summary.h"
#include "../util/file.h"
#include "../util/strmap.h"
#include "../version.h"

#define MAGIC "SCCE"
#define ENTRY_VERSION 1u

typedef struct dep_hash {
    char *path;
    uint64_t size, hash;
    bool ok;
} dep_hash;

struct sc_cache {
    char *dir;
    pthread_mutex_t lock;
    sc_strmap hashes;             /* per run: each file hashed once */
    size_t hits, misses;
};

#define fnv sc_fnv1a

static bool file_hash(sc_cache *c, const char *path, uint64_t *size,
                      uint64_t *hash);
#define FNV0 SC_FNV_INIT

sc_cache *cache_open(const char *dir, char **err)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        size_t n = strlen(dir) + 128;
        *err = sc_xmalloc(n);
        snprintf(*err, n, "%s: cannot create the cache directory (%s)", dir,
                 strerror(errno));
        return NULL;
    }
    sc_cache *c = calloc(1, sizeof *c);
    c->dir = sc_xstrdup(dir);
    pthread_mutex_init(&c->lock, NULL);
    return c;
}

void cache_close(sc_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->hashes.cap; i++)
        if (c->hashes.vals && c->hashes.vals[i]) {
            dep_hash *d = c->hashes.vals[i];
            free(d->path);
            free(d);
        }
    sc_strmap_free(&c->hashes);
    pthread_mutex_destroy(&c->lock);
    free(c->dir);
    free(c);
}

bool cache_file_hash(sc_cache *c, const char *path, uint64_t *hash)
{
    uint64_t size;
    return c && file_hash(c, path, &size, hash);
}

void cache_stats(const sc_cache *c, size_t *hits, size_t *misses)
{
    *hits = c ? c->hits : 0;
    *misses = c ? c->misses : 0;
}

/* The content hash of a file, computed once per run. */
static bool file_hash(sc_cache *c, const char *path, uint64_t *size,
                      uint64_t *hash)
{
    pthread_mutex_lock(&c->lock);
    dep_hash *known = sc_strmap_get(&c->hashes, path);
    if (known) {
        dep_hash d = *known;
        pthread_mutex_unlock(&c->lock);
        *size = d.size;
        *hash = d.hash;
        return d.ok;
    }
    pthread_mutex_unlock(&c->lock);
    dep_hash d = {sc_xstrdup(path), 0, FNV0, false};
    FILE *f = fopen(path, "rb");
    if (f) {
        unsigned char buf[65536];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
            d.hash = fnv(d.hash, buf, n);
            d.size += n;
        }
        d.ok = !ferror(f);
        fclose(f);
    }
    pthread_mutex_lock(&c->lock);
    if (!sc_strmap_get(&c->hashes, path)) {
        dep_hash *copy = sc_xmalloc(sizeof *copy);
        *copy = d;
        sc_strmap_put(&c->hashes, path, copy);
    } else {
        free(d.path);
    }
    pthread_mutex_unlock(&c->lock);
    *size = d.size;
    *hash = d.hash;
    return d.ok;
}

static char *entry_path(const sc_cache *c, const char *file, int argc,
                        char *const *argv)
{
    char *abs = realpath(file, NULL);
    uint64_t h = fnv(FNV0, SC_VERSION, sizeof SC_VERSION);
    unsigned v = SC_SUMMARY_VERSION;
    h = fnv(h, &v, sizeof v);
    const char *p = abs ? abs : file;
    h = fnv(h, p, strlen(p) + 1);
    for (int i = 0; i < argc; i++)
        h = fnv(h, argv[i], strlen(argv[i]) + 1);
    free(abs);
    size_t n = strlen(c->dir) + 40;
    char *path = sc_xmalloc(n);
    snprintf(path, n, "%s/%016llx.scc", c->dir, (unsigned long long)h);
    return path;
}

static uint64_t rd64(const unsigned char *b)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | b[i];
    return v;
}

static void wr64(unsigned char *b, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (8 * i));
}

/* Entry: "SCCE" u64 version u64 checksum-of-rest u64 ndeps, then per dep
 * u64 size u64 hash u64 pathlen path, then the summary. */
ir_unit *cache_lookup(sc_cache *c, const char *file, int argc,
                      char *const *argv)
{
    if (!c)
        return NULL;
    char *path = entry_path(c, file, argc, argv);
    size_t len = 0;
    unsigned char *e = (unsigned char *)sc_read_file(path, &len);
    ir_unit *u = NULL;
    bool corrupt = false;
    if (e && len >= 32 && memcmp(e, MAGIC, 4) == 0 &&
        rd64(e + 4) == ENTRY_VERSION && rd64(e + 12) == fnv(FNV0, e + 20, len - 20)) {
        size_t pos = 20;
        uint64_t ndeps = rd64(e + pos);
        pos += 8;
        bool fresh = ndeps < 1000000;
        for (uint64_t i = 0; fresh && i < ndeps; i++) {
            if (len - pos < 24) {
                corrupt = true;
                break;
            }
            uint64_t size = rd64(e + pos), hash = rd64(e + pos + 8),
                     plen = rd64(e + pos + 16);
            pos += 24;
            if (plen > len - pos || plen > 65536) {
                corrupt = true;
                break;
            }
            char *dep = sc_xmalloc(plen + 1);
            memcpy(dep, e + pos, plen);
            dep[plen] = '\0';
            pos += plen;
            uint64_t s2, h2;
            fresh = file_hash(c, dep, &s2, &h2) && s2 == size && h2 == hash;
            free(dep);
        }
        if (fresh && !corrupt)
            u = ir_read(e + pos, len - pos);
        corrupt = corrupt || (fresh && !u);
    } else if (e) {
        corrupt = true;
    }
    if (corrupt)
        remove(path);             /* never trusted, rebuilt below */
    free(e);
    free(path);
    pthread_mutex_lock(&c->lock);
    if (u)
        c->hits++;
    else
        c->misses++;
    pthread_mutex_unlock(&c->lock);
    return u;
}

void cache_store(sc_cache *c, const char *file, int argc, char *const *argv,
                 const ir_unit *u, const sc_strs *deps)
{
    if (!c || !u)
        return;
    size_t slen;
    unsigned char *summary = ir_write(u, &slen);
    SC_VEC(unsigned char) buf = {0};
    unsigned char word[8];
    for (int i = 0; i < 28; i++)
        SC_PUSH(buf, 0);
    for (size_t i = 0; i < deps->len; i++) {
        uint64_t size, hash;
        if (!file_hash(c, deps->items[i], &size, &hash)) {
            free(buf.items);
            free(summary);
            return;                  /* an input we cannot read: no entry */
        }
        size_t plen = strlen(deps->items[i]);
        wr64(word, size);
        for (int k = 0; k < 8; k++) SC_PUSH(buf, word[k]);
        wr64(word, hash);
        for (int k = 0; k < 8; k++) SC_PUSH(buf, word[k]);
        wr64(word, plen);
        for (int k = 0; k < 8; k++) SC_PUSH(buf, word[k]);
        for (size_t k = 0; k < plen; k++)
            SC_PUSH(buf, (unsigned char)deps->items[i][k]);
    }
    for (size_t k = 0; k < slen; k++)
        SC_PUSH(buf, summary[k]);
    free(summary);
    memcpy(buf.items, MAGIC, 4);
    wr64(buf.items + 4, ENTRY_VERSION);
    wr64(buf.items + 20, deps->len);
    wr64(buf.items + 12, fnv(FNV0, buf.items + 20, buf.len - 20));
    char *path = entry_path(c, file, argc, argv);
    size_t tn = strlen(path) + 32;
    char *tmp = sc_xmalloc(tn);
    snprintf(tmp, tn, "%s.%ld.tmp", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    bool ok = f && fwrite(buf.items, 1, buf.len, f) == buf.len;
    if (f)
        ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0)
        remove(tmp);
    free(tmp);
    free(path);
    free(buf.items);
}
