/* The summary cache (default: .scopecheck-cache/ at the project's root,
 * see cache_default_dir): a second run on an unchanged tree reads each
 * file's IR instead of parsing it.
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
 * leave only whole entries.
 *
 * A server (--lsp) also keeps the entries in memory, each with the status
 * (size, modification time, inode) of the files it read: checking those is
 * a stat per file, where the entries on disk need every file read and
 * hashed.  Overlays (unsaved buffers) count with their own text in both. */
#define _XOPEN_SOURCE 700   /* realpath */
#include "cache.h"

#include <dirent.h>
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
#include "jsonfile.h"
#include "path.h"

#define MAGIC "SCCE"
#define ENTRY_VERSION 1u

typedef struct dep_hash {
    char *path;
    uint64_t size, hash;
    bool ok;
} dep_hash;

/* an entry kept in memory: the summary and what it was made from */
typedef struct mem_dep {
    char *path;
    uint64_t hash;                /* the content hash (overlay or disk) */
    bool stated;                  /* st_* known: it was read from disk */
    uint64_t size, mtime_ns, ino, dev;
} mem_dep;

typedef struct mem_entry {
    mem_dep *deps;
    size_t ndeps;
    unsigned char *summary;
    size_t len;
} mem_entry;

struct sc_cache {
    char *dir;                    /* NULL: in memory only */
    pthread_mutex_t lock;
    sc_strmap hashes;             /* per run: each file hashed once */
    sc_strmap statuses;           /* per run: each file stat'ed once */
    const sc_overlays *overlays;  /* this run's */
    /* the programs recorded (read once a run): file -> its newest
     * program's index in `programs`, each a list of files */
    bool programs_read;
    sc_strmap program_of;
    SC_VEC(sc_strs) programs;
    bool memory;
    pthread_mutex_t mem_lock;     /* over mem */
    sc_strmap mem;                /* entry name -> mem_entry */
    size_t hits, misses;
    /* this run's last argument vector and its hash (argv_hash) */
    char *const *hashed_argv;
    int hashed_argc;
    uint64_t argv_hash;
};

#define fnv sc_fnv1a

static bool file_hash(sc_cache *c, const char *path, uint64_t *size,
                      uint64_t *hash);
#define FNV0 SC_FNV_INIT

/* writes text to dir/name unless the file is there */
static void write_marker(const char *dir, const char *name, const char *text)
{
    char *path = sc_asprintf("%s/%s", dir, name);
    struct stat st;
    if (stat(path, &st) != 0) {
        char *tmp = sc_asprintf("%s.%ld.tmp", path, (long)getpid());
        FILE *f = fopen(tmp, "w");
        bool ok = f && fputs(text, f) >= 0;
        if (f)
            ok = fclose(f) == 0 && ok;
        if (!ok || rename(tmp, path) != 0)
            remove(tmp);
        free(tmp);
    }
    free(path);
}

/* does dir hold `name` (a file or a directory)? */
static bool holds(const char *dir, const char *name)
{
    char *p = sc_asprintf("%s%s%s", dir, strcmp(dir, "/") ? "/" : "", name);
    struct stat st;
    bool yes = stat(p, &st) == 0;
    free(p);
    return yes;
}

char *cache_default_dir(const char *start, const char *compdb_dir)
{
    if (compdb_dir) {
        char *abs = sc_path_abs(compdb_dir);
        char *d = sc_asprintf("%s/.scopecheck-cache", abs);
        free(abs);
        return d;
    }
    char *dir = sc_path_abs(start ? start : ".");
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        char *up = sc_path_dir(dir);
        free(dir);
        dir = up;
    }
    for (;;) {
        if (holds(dir, "compile_commands.json") || holds(dir, ".git")) {
            char *d = sc_asprintf("%s%s.scopecheck-cache", dir,
                                  strcmp(dir, "/") ? "/" : "");
            free(dir);
            return d;
        }
        if (strcmp(dir, "/") == 0)
            break;
        char *up = sc_path_dir(dir);
        free(dir);
        dir = up;
    }
    free(dir);
    /* no project: the user's cache (XDG Base Directory Specification) */
    return sc_user_cache_dir();
}

sc_cache *cache_open(const char *dir, char **err)
{
    if (dir) {
        if (!sc_make_dirs(dir)) {
            *err = sc_asprintf("%s: cannot create the cache directory (%s)",
                               dir, strerror(errno));
            return NULL;
        }
        /* not for version control, not for backups */
        write_marker(dir, ".gitignore", "# created by scopecheck\n*\n");
        write_marker(dir, "CACHEDIR.TAG",
                     "Signature: 8a477f597d28d172789f06886806bc55\n"
                     "# This file is a cache directory tag created by scopecheck.\n"
                     "# For information about cache directory tags, see:\n"
                     "#\thttps://bford.info/cachedir/\n");
    }
    sc_cache *c = calloc(1, sizeof *c);
    c->dir = dir ? sc_xstrdup(dir) : NULL;
    pthread_mutex_init(&c->lock, NULL);
    pthread_mutex_init(&c->mem_lock, NULL);
    return c;
}

static void mem_entry_free(mem_entry *m)
{
    for (size_t i = 0; i < m->ndeps; i++)
        free(m->deps[i].path);
    free(m->deps);
    free(m->summary);
    free(m);
}

static void forget_hashes(sc_cache *c)
{
    for (size_t i = 0; i < c->hashes.cap; i++)
        if (c->hashes.vals && c->hashes.vals[i]) {
            dep_hash *d = c->hashes.vals[i];
            free(d->path);
            free(d);
        }
    sc_strmap_free(&c->hashes);
    memset(&c->hashes, 0, sizeof c->hashes);
}

static void forget_statuses(sc_cache *c)
{
    for (size_t i = 0; i < c->statuses.cap; i++)
        if (c->statuses.vals && c->statuses.vals[i])
            free(c->statuses.vals[i]);
    sc_strmap_free(&c->statuses);
    memset(&c->statuses, 0, sizeof c->statuses);
}

static void forget_programs(sc_cache *c)
{
    for (size_t i = 0; i < c->programs.len; i++) {
        for (size_t k = 0; k < c->programs.items[i].len; k++)
            free((void *)c->programs.items[i].items[k]);
        SC_VEC_FREE(c->programs.items[i]);
    }
    SC_VEC_FREE(c->programs);
    for (size_t i = 0; i < c->program_of.cap; i++)
        if (c->program_of.keys && c->program_of.keys[i])
            free(c->program_of.vals[i]);
    sc_strmap_free(&c->program_of);
    memset(&c->program_of, 0, sizeof c->program_of);
    c->programs_read = false;
}

void cache_close(sc_cache *c)
{
    if (!c)
        return;
    forget_hashes(c);
    forget_statuses(c);
    forget_programs(c);
    for (size_t i = 0; i < c->mem.cap; i++)
        if (c->mem.vals && c->mem.vals[i])
            mem_entry_free(c->mem.vals[i]);
    sc_strmap_free(&c->mem);
    pthread_mutex_destroy(&c->mem_lock);
    pthread_mutex_destroy(&c->lock);
    free(c->dir);
    free(c);
}

void cache_keep_in_memory(sc_cache *c)
{
    if (c)
        c->memory = true;
}

void cache_begin_run(sc_cache *c, const sc_overlays *ov)
{
    if (!c)
        return;
    forget_hashes(c);
    forget_statuses(c);
    forget_programs(c);
    c->overlays = ov;
    c->hits = c->misses = 0;
    c->hashed_argv = NULL;        /* the last run's vectors are gone */
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
    const sc_overlay *o = overlay_find(c->overlays, path);
    FILE *f = o ? NULL : fopen(path, "rb");
    if (o) {
        d.hash = o->hash;
        d.size = o->len;
        d.ok = true;
    } else if (f) {
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

/* The hash of an argument vector, remembered for the run: the files of a
 * tree share one vector (map.c), of hundreds of arguments. */
static uint64_t argv_hash(sc_cache *c, int argc, char *const *argv)
{
    pthread_mutex_lock(&c->lock);
    bool known = c->hashed_argv == argv && c->hashed_argc == argc && argv;
    uint64_t h = c->argv_hash;
    pthread_mutex_unlock(&c->lock);
    if (known)
        return h;
    h = FNV0;
    for (int i = 0; i < argc; i++)
        h = fnv(h, argv[i], strlen(argv[i]) + 1);
    pthread_mutex_lock(&c->lock);
    c->hashed_argv = argv;
    c->hashed_argc = argc;
    c->argv_hash = h;
    pthread_mutex_unlock(&c->lock);
    return h;
}

/* An entry's name: the hash of the tool's version, the summary format,
 * the file's absolute path, its spelling and its arguments. */
static void entry_name(sc_cache *c, const char *file, int argc,
                       char *const *argv, char name[17])
{
    char *abs = realpath(file, NULL);
    uint64_t h = fnv(FNV0, SC_VERSION, sizeof SC_VERSION);
    unsigned v = SC_SUMMARY_VERSION;
    h = fnv(h, &v, sizeof v);
    const char *p = abs ? abs : file;
    h = fnv(h, p, strlen(p) + 1);
    /* and as it is spelled: the summary names the file so, and a finding
     * of another run must name it as that run does */
    h = fnv(h, file, strlen(file) + 1);
    uint64_t ah = argv_hash(c, argc, argv);
    h = fnv(h, &ah, sizeof ah);
    free(abs);
    snprintf(name, 17, "%016llx", (unsigned long long)h);
}

static char *entry_path(const sc_cache *c, const char *name)
{
    return sc_asprintf("%s/%s.scc", c->dir, name);
}

/* ---- in memory ---- */

/* a file's status (size, modification time, inode, device), taken once a
 * run: the summaries of a program share most of their headers */
typedef struct status {
    bool ok;
    uint64_t size, mtime_ns, ino, dev;
} status;

static status stat_now(const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return (status){false, 0, 0, 0, 0};
    return (status){true, (uint64_t)sb.st_size,
                    (uint64_t)sb.st_mtim.tv_sec * 1000000000u +
                        (uint64_t)sb.st_mtim.tv_nsec,
                    (uint64_t)sb.st_ino, (uint64_t)sb.st_dev};
}

static status status_of(sc_cache *c, const char *path)
{
    if (!c)
        return stat_now(path);
    pthread_mutex_lock(&c->lock);
    status *known = sc_strmap_get(&c->statuses, path);
    status st = known ? *known : (status){false, 0, 0, 0, 0};
    pthread_mutex_unlock(&c->lock);
    if (known)
        return st;
    st = stat_now(path);
    pthread_mutex_lock(&c->lock);
    if (!sc_strmap_get(&c->statuses, path)) {
        status *copy = sc_xmalloc(sizeof *copy);
        *copy = st;
        sc_strmap_put(&c->statuses, path, copy);
    }
    pthread_mutex_unlock(&c->lock);
    return st;
}

bool cache_status(sc_cache *c, const char *path, uint64_t out[4])
{
    status st = status_of(c, path);
    out[0] = st.size;
    out[1] = st.mtime_ns;
    out[2] = st.ino;
    out[3] = st.dev;
    return st.ok;
}

static bool stat_of(sc_cache *c, const char *path, mem_dep *d)
{
    status st = status_of(c, path);
    d->size = st.size;
    d->mtime_ns = st.mtime_ns;
    d->ino = st.ino;
    d->dev = st.dev;
    return st.ok;
}

/* is the dependency as it was?  Overlays by their bytes, files on disk by
 * their status, or by their bytes when the status is not known */
static bool dep_fresh(sc_cache *c, const mem_dep *d)
{
    const sc_overlay *o = overlay_find(c->overlays, d->path);
    if (o)
        return o->hash == d->hash;
    if (d->stated) {
        mem_dep now;
        return stat_of(c, d->path, &now) && now.size == d->size &&
               now.mtime_ns == d->mtime_ns && now.ino == d->ino &&
               now.dev == d->dev;
    }
    uint64_t size, hash;
    return file_hash(c, d->path, &size, &hash) && hash == d->hash;
}

static ir_unit *mem_lookup(sc_cache *c, const char *name, sc_strs *deps)
{
    pthread_mutex_lock(&c->mem_lock);
    mem_entry *m = sc_strmap_get(&c->mem, name);
    bool fresh = m != NULL;
    for (size_t i = 0; fresh && i < m->ndeps; i++)
        fresh = dep_fresh(c, &m->deps[i]);
    ir_unit *u = fresh ? ir_read(m->summary, m->len) : NULL;
    for (size_t i = 0; u && deps && i < m->ndeps; i++)
        SC_PUSH(*deps, sc_xstrdup(m->deps[i].path));
    pthread_mutex_unlock(&c->mem_lock);
    return u;
}

/* keeps a summary in memory; deps' hashes as this run saw them */
static void mem_store(sc_cache *c, const char *name, const unsigned char *summary,
                      size_t len, const char *const *deps, size_t ndeps)
{
    mem_entry *m = sc_xmalloc(sizeof *m);
    m->deps = sc_xmalloc((ndeps + 1) * sizeof *m->deps);
    m->ndeps = 0;
    for (size_t i = 0; i < ndeps; i++) {
        mem_dep *d = &m->deps[m->ndeps];
        memset(d, 0, sizeof *d);
        uint64_t size;
        if (!file_hash(c, deps[i], &size, &d->hash)) {
            free(m->deps);
            free(m);
            return;
        }
        d->path = sc_xstrdup(deps[i]);
        d->stated = !overlay_find(c->overlays, deps[i]) && stat_of(c, deps[i], d) &&
                    d->size == size;
        m->ndeps++;
    }
    m->summary = sc_xmalloc(len + 1);
    memcpy(m->summary, summary, len);
    m->len = len;
    pthread_mutex_lock(&c->mem_lock);
    mem_entry *old = sc_strmap_get(&c->mem, name);
    sc_strmap_put(&c->mem, name, m);
    pthread_mutex_unlock(&c->mem_lock);
    if (old)
        mem_entry_free(old);
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
static void count(sc_cache *c, bool hit)
{
    pthread_mutex_lock(&c->lock);
    if (hit)
        c->hits++;
    else
        c->misses++;
    pthread_mutex_unlock(&c->lock);
}

ir_unit *cache_lookup(sc_cache *c, const char *file, int argc,
                      char *const *argv, sc_strs *deps)
{
    if (!c)
        return NULL;
    char name[17];
    entry_name(c, file, argc, argv, name);
    ir_unit *u = c->memory ? mem_lookup(c, name, deps) : NULL;
    if (u || !c->dir) {
        count(c, u != NULL);
        return u;
    }
    char *path = entry_path(c, name);
    size_t len = 0;
    unsigned char *e = (unsigned char *)sc_read_file(path, &len);
    bool corrupt = false;
    sc_strs seen = {0};
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
            SC_PUSH(seen, dep);
        }
        if (fresh && !corrupt)
            u = ir_read(e + pos, len - pos);
        corrupt = corrupt || (fresh && !u);
        if (u && c->memory)
            mem_store(c, name, e + pos, len - pos, seen.items, seen.len);
    } else if (e) {
        corrupt = true;
    }
    if (corrupt)
        remove(path);             /* never trusted, rebuilt below */
    for (size_t i = 0; i < seen.len; i++) {
        if (u && deps)
            SC_PUSH(*deps, seen.items[i]);
        else
            free((void *)seen.items[i]);
    }
    SC_VEC_FREE(seen);
    free(e);
    free(path);
    count(c, u != NULL);
    return u;
}

void cache_store(sc_cache *c, const char *file, int argc, char *const *argv,
                 const ir_unit *u, const sc_strs *deps)
{
    if (!c || !u)
        return;
    size_t slen;
    unsigned char *summary = ir_write(u, &slen);
    char name[17];
    entry_name(c, file, argc, argv, name);
    if (c->memory)
        mem_store(c, name, summary, slen, deps->items, deps->len);
    if (!c->dir) {
        free(summary);
        return;
    }
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
    char *path = entry_path(c, name);
    char *tmp = sc_asprintf("%s.%ld.%lx.tmp", path, (long)getpid(),
                            (unsigned long)pthread_self());
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

/* ---- programs ---- */

/* program-<hash of the roots>.txt: "scopecheck-program 1", then a line
 * "root PATH" per root and "file PATH" per file */
void cache_record_program(sc_cache *c, const sc_strs *roots,
                          const sc_strs *files)
{
    if (!c || !c->dir || !roots->len)
        return;
    uint64_t h = FNV0;
    for (size_t i = 0; i < roots->len; i++)
        h = fnv(h, roots->items[i], strlen(roots->items[i]) + 1);
    char *path = sc_asprintf("%s/program-%016llx.txt", c->dir,
                             (unsigned long long)h);
    char *tmp = sc_asprintf("%s.%ld.tmp", path, (long)getpid());
    FILE *f = fopen(tmp, "w");
    bool ok = f && fputs("scopecheck-program 1\n", f) >= 0;
    for (size_t i = 0; ok && i < roots->len; i++)
        ok = fprintf(f, "root %s\n", roots->items[i]) > 0;
    for (size_t i = 0; ok && i < files->len; i++)
        if (!strchr(files->items[i], '\n'))
            ok = fprintf(f, "file %s\n", files->items[i]) > 0;
    if (f)
        ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0)
        remove(tmp);
    free(tmp);
    free(path);
}

/* every program recorded, newest last, into the run's index */
typedef struct listing {
    char *path;
    struct timespec time;
} listing;

static int by_time(const void *a, const void *b)
{
    const listing *x = a, *y = b;
    if (x->time.tv_sec != y->time.tv_sec)
        return x->time.tv_sec < y->time.tv_sec ? -1 : 1;
    if (x->time.tv_nsec != y->time.tv_nsec)
        return x->time.tv_nsec < y->time.tv_nsec ? -1 : 1;
    return strcmp(x->path, y->path);
}

static void read_programs(sc_cache *c)
{
    c->programs_read = true;
    DIR *d = opendir(c->dir);
    if (!d)
        return;
    SC_VEC(listing) all = {0};
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strncmp(e->d_name, "program-", 8) != 0)
            continue;
        listing l = {sc_asprintf("%s/%s", c->dir, e->d_name), {0, 0}};
        struct stat st;
        if (stat(l.path, &st) == 0) {
            l.time = st.st_mtim;
            SC_PUSH(all, l);
        } else {
            free(l.path);
        }
    }
    closedir(d);
    if (all.len > 1)
        qsort(all.items, all.len, sizeof *all.items, by_time);
    for (size_t i = 0; i < all.len; i++) {
        size_t len;
        char *text = sc_read_file(all.items[i].path, &len);
        free(all.items[i].path);
        if (!text || strncmp(text, "scopecheck-program 1\n", 21) != 0) {
            free(text);
            continue;
        }
        sc_strs files = {0};
        for (char *p = text; *p;) {
            char *nl = strchr(p, '\n');
            if (!nl)
                break;
            *nl = '\0';
            if (strncmp(p, "file /", 6) == 0)
                SC_PUSH(files, sc_xstrdup(p + 5));
            p = nl + 1;
        }
        free(text);
        size_t index = c->programs.len;
        SC_PUSH(c->programs, files);
        for (size_t k = 0; k < files.len; k++) {
            size_t *was = sc_strmap_get(&c->program_of, files.items[k]);
            if (!was) {
                was = sc_xmalloc(sizeof *was);
                sc_strmap_put(&c->program_of, files.items[k], was);
            }
            *was = index;            /* the newest program wins */
        }
    }
    SC_VEC_FREE(all);
}

bool cache_program_of(sc_cache *c, const char *file, sc_strs *out)
{
    if (!c || !c->dir)
        return false;
    if (!c->programs_read)
        read_programs(c);
    const size_t *index = sc_strmap_get(&c->program_of, file);
    if (!index)
        return false;
    const sc_strs *files = &c->programs.items[*index];
    for (size_t k = 0; k < files->len; k++)
        SC_PUSH(*out, sc_xstrdup(files->items[k]));
    return true;
}
