/* The pre-scan.  A file can reach the library only by calling it (its
 * identifiers are then in the file or in a project header it includes,
 * where a wrapper macro could hide them), or by calling a function of
 * another file that reaches it (whose name is then in the file).  So:
 *   1. files whose text, with their project headers, names a vs_/VS_
 *      identifier (or a configured alias) are parsed;
 *   2. from their IR, the functions that reach the library are known;
 *      files naming one of those are parsed too, until nothing changes;
 *   3. and so are files that name, at file scope (declaring or defining
 *      it), a global the parsed files know or a function they call that
 *      none of them defines: such a file can change what the varscope
 *      code reads without naming the library (a config.c setting the
 *      reuse mode).  System headers are not read, so the C library's
 *      names match nothing.
 * Every other file cannot reach the library and is never parsed: its
 * functions can call neither the library nor anything that calls it.
 * System headers (<...> not found under -I) are not read: varscope calls
 * in them would be the library itself.
 *
 * Thread-safe: the map step's workers pre-scan the files they are handed
 * (reading and lexing a file outside the lock, in parallel; the shared
 * tables and the headers under it), so that parsing starts while other
 * files are still being scanned. */
#include "prescan.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/ctext.h"
#include "../util/file.h"
#include "../util/strmap.h"

typedef struct include_line {
    char *name;                   /* as written between the delimiters */
    bool quoted;                  /* "x.h", not <x.h> */
} include_line;

/* The identifiers a text holds, approximately: a Bloom filter (3 of 8192
 * bits per identifier; with a few hundred distinct identifiers a name
 * is wrongly "maybe there" 1 time in 1000), so that the later passes lex
 * only the texts that may name one of their functions. */
#define BLOOM_BITS 8192
typedef struct bloom {
    uint64_t w[BLOOM_BITS / 64];
} bloom;

static void bloom_add(bloom *b, uint64_t h)
{
    for (int k = 0; k < 3; k++, h >>= 13)
        b->w[(h % BLOOM_BITS) / 64] |= 1ull << (h % 64);
}

static bool bloom_may_have(const bloom *b, uint64_t h)
{
    for (int k = 0; k < 3; k++, h >>= 13)
        if (!(b->w[(h % BLOOM_BITS) / 64] & (1ull << (h % 64))))
            return false;
    return true;
}

/* What one set of names was found to be for a text: 0 not known yet,
 * 1 no, 2 yes; [top_only] */
typedef struct memo_entry {
    uint32_t query;               /* its id */
    uint8_t direct[2];            /* the text itself */
    uint8_t closure[2];           /* with the headers it includes */
} memo_entry;

typedef struct text_ids {
    char *path;
    char *text;                   /* kept: later passes look for names */
    size_t len;
    bool has_vs;                  /* a vs_ or VS_ identifier */
    SC_VEC(include_line) include_lines;   /* found by lexing */
    SC_VEC(struct text_ids *) includes;   /* those resolved to files */
    bool binary;                  /* NUL bytes: not C source */
    bloom ids;                    /* its identifiers */
    bloom top_ids;                /* those at file scope (out of braces) */
    SC_VEC(memo_entry) memo;      /* answers to the sets of names asked */
} text_ids;

/* A set of names asked of many files (see prescan_names): kept by the
 * pre-scan with the answers, so that a pre-scan kept across runs (a
 * language server's session) answers the same question from memory. */
struct sc_prescan_names {
    uint32_t id;
    char *key;                    /* the names sorted, each ended by '\n' */
    sc_strmap set;
    uint64_t *hashes;             /* sc_hash of each name */
    size_t n;
    unsigned long used;           /* the run that last asked it */
};

/* past this many sets kept, those no run asked since the last
 * prescan_set_texts are forgotten */
#define NAMES_KEPT 64

struct sc_prescan {
    sc_text_fn *text_fn;          /* unsaved texts (set before any scan) */
    void *text_ctx;
    pthread_mutex_t lock;         /* over everything below */
    SC_VEC(text_ids *) files;
    sc_strmap by_path;
    sc_strmap exists;             /* path -> (void *)1 yes, 2 no */
    SC_VEC(sc_prescan_names *) queries;
    sc_strmap query_by_key;
    uint32_t next_query;
    unsigned long run;            /* prescan_set_texts calls */
};

sc_prescan *prescan_new(void)
{
    sc_prescan *p = calloc(1, sizeof *p);
    if (!p)
        abort();
    pthread_mutex_init(&p->lock, NULL);
    return p;
}

static void text_free(text_ids *t)
{
    free(t->path);
    free(t->text);
    for (size_t i = 0; i < t->include_lines.len; i++)
        free(t->include_lines.items[i].name);
    SC_VEC_FREE(t->include_lines);
    SC_VEC_FREE(t->includes);
    SC_VEC_FREE(t->memo);
    free(t);
}

static void names_free(sc_prescan_names *q)
{
    free(q->key);
    sc_strmap_free(&q->set);
    free(q->hashes);
    free(q);
}

void prescan_free(sc_prescan *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->files.len; i++)
        text_free(p->files.items[i]);
    SC_VEC_FREE(p->files);
    sc_strmap_free(&p->by_path);
    sc_strmap_free(&p->exists);
    for (size_t i = 0; i < p->queries.len; i++)
        names_free(p->queries.items[i]);
    SC_VEC_FREE(p->queries);
    sc_strmap_free(&p->query_by_key);
    pthread_mutex_destroy(&p->lock);
    free(p);
}

void prescan_set_texts(sc_prescan *p, sc_text_fn *text, void *ctx)
{
    p->text_fn = text;
    p->text_ctx = ctx;
    p->run++;
}

void prescan_each_file(sc_prescan *p, void (*fn)(void *ctx, const char *path),
                       void *ctx)
{
    pthread_mutex_lock(&p->lock);
    for (size_t i = 0; i < p->files.len; i++)
        fn(ctx, p->files.items[i]->path);
    pthread_mutex_unlock(&p->lock);
}

static bool exists(sc_prescan *p, const char *path)
{
    void *known = sc_strmap_get(&p->exists, path);
    if (known)
        return known == (void *)1;
    size_t len;
    if (p->text_fn && p->text_fn(p->text_ctx, path, &len)) {
        sc_strmap_put(&p->exists, path, (void *)1);
        return true;
    }
    FILE *f = fopen(path, "rb");
    if (f)
        fclose(f);
    sc_strmap_put(&p->exists, path, f ? (void *)1 : (void *)2);
    return f != NULL;
}

/* The file an #include names: "x.h" next to the including file first,
 * then the -iquote/-I directories; <x.h> in the -I directories only. */
static char *resolve(sc_prescan *p, const char *from, const char *name,
                     bool quoted, char *const *argv)
{
    char buf[4096];
    if (name[0] == '/')
        return exists(p, name) ? sc_xstrdup(name) : NULL;
    if (quoted) {
        const char *slash = strrchr(from, '/');
        int dl = slash ? (int)(slash - from) : 0;
        snprintf(buf, sizeof buf, "%.*s%s%s", dl, from, slash ? "/" : "", name);
        if (exists(p, buf))
            return sc_xstrdup(buf);
    }
    for (int i = 0; argv && argv[i]; i++) {
        const char *dir = NULL;
        if (strncmp(argv[i], "-I", 2) == 0)
            dir = argv[i][2] ? argv[i] + 2 : argv[i + 1];
        else if (quoted && strncmp(argv[i], "-iquote", 7) == 0)
            dir = argv[i][7] ? argv[i] + 7 : argv[i + 1];
        if (!dir)
            continue;
        snprintf(buf, sizeof buf, "%s/%s", dir, name);
        if (exists(p, buf))
            return sc_xstrdup(buf);
    }
    return NULL;
}

/* The name of the #include directive whose "include" token was just
 * read: "x.h" or <x.h> up to the end of the line. */
static void include_line_at(text_ids *t, ctext_lexer *lx)
{
    const char *s = lx->s;
    size_t n = lx->n, k = lx->i;
    while (k < n && (s[k] == ' ' || s[k] == '\t'))
        k++;
    char open = k < n ? s[k] : 0, close = open == '<' ? '>' : '"';
    if (open == '<' || open == '"') {
        size_t e = k + 1;
        while (e < n && s[e] != close && s[e] != '\n')
            e++;
        if (e < n && s[e] == close) {
            include_line inc = {sc_xmalloc(e - k), open == '"'};
            memcpy(inc.name, s + k + 1, e - k - 1);
            inc.name[e - k - 1] = '\0';
            SC_PUSH(t->include_lines, inc);
        }
    }
    ctext_skip_line(lx);
}

/* After a name at file scope: is it a function's declaration with no
 * body (`int f(int a);`, or a macro's call)?  Such a file cannot change
 * what the program reads through f: only the file that defines f can (a
 * header every file includes declares the project's helpers). */
static bool is_prototype(const ctext_lexer *after, const char *s)
{
    ctext_lexer lx = *after;
    ctext_tok tok;
    if (ctext_next(&lx, &tok) != CT_PUNCT || s[tok.b] != '(')
        return false;             /* a variable: `int g;`, `(*hook)(...)` */
    int parens = 1;
    while (parens > 0) {
        if (ctext_next(&lx, &tok) == CT_END)
            return true;
        if (tok.kind == CT_PUNCT && s[tok.b] == '(')
            parens++;
        else if (tok.kind == CT_PUNCT && s[tok.b] == ')')
            parens--;
    }
    /* attributes and the like may stand between the list and the body */
    while (ctext_next(&lx, &tok) != CT_END) {
        if (tok.kind == CT_PUNCT && s[tok.b] == '{')
            return false;
        if (tok.kind == CT_PUNCT && (s[tok.b] == ';' || s[tok.b] == ',' ||
                                     s[tok.b] == '=' || s[tok.b] == '#'))
            return true;
    }
    return true;
}

/* Walks the identifiers outside comments and literals.  First pass
 * (names NULL): notes vs_/VS_ identifiers and the #include lines.  Later
 * passes: true as soon as an identifier is in `names`. */
static bool tokenize(text_ids *t, const char *s, size_t n,
                     const sc_strmap *names, bool top_only)
{
    ctext_lexer lx;
    ctext_tok tok;
    ctext_lexer_init(&lx, s, n);
    int depth = 0;                /* of braces: 0 at file scope */
    while (ctext_next(&lx, &tok) != CT_END) {
        if (tok.kind == CT_PUNCT && s[tok.b] == '{')
            depth++;
        else if (tok.kind == CT_PUNCT && s[tok.b] == '}' && depth > 0)
            depth--;
        if (tok.kind == CT_PUNCT && tok.line_start && !names && s[tok.b] == '#') {
            ctext_tok d;
            ctext_lexer at = lx;
            if (ctext_next(&lx, &d) == CT_IDENT && d.line == tok.line &&
                (ctext_is(s, d.b, d.e, "include") || ctext_is(s, d.b, d.e, "include_next")))
                include_line_at(t, &lx);
            else
                lx = at;            /* # define ...: its identifiers count */
            continue;
        }
        if (tok.kind != CT_IDENT)
            continue;
        size_t len = tok.e - tok.b;
        const char *id = s + tok.b;
        if (!names) {
            if (len > 3 && (strncmp(id, "vs_", 3) == 0 || strncmp(id, "VS_", 3) == 0))
                t->has_vs = true;
            uint64_t h = sc_hash(id, len);
            bloom_add(&t->ids, h);
            if (depth == 0)
                bloom_add(&t->top_ids, h);
        } else if (len < 256 && (!top_only || depth == 0)) {
            char buf[256];
            memcpy(buf, id, len);
            buf[len] = '\0';
            if (sc_strmap_get(names, buf) &&
                (!top_only || !is_prototype(&lx, s)))
                return true;
        }
    }
    return false;
}

/* A file read and lexed: touches nothing shared, so workers do it in
 * parallel. */
static text_ids *read_text(const sc_prescan *p, const char *path)
{
    text_ids *t = calloc(1, sizeof *t);
    if (!t)
        abort();
    t->path = sc_xstrdup(path);
    size_t len = 0;
    const char *unsaved = p->text_fn ? p->text_fn(p->text_ctx, path, &len) : NULL;
    if (unsaved) {
        t->text = sc_xmalloc(len + 1);
        memcpy(t->text, unsaved, len);
        t->text[len] = '\0';
        t->len = len;
    } else {
        t->text = sc_read_file(path, &t->len);
    }
    if (t->text) {
        t->binary = memchr(t->text, '\0', t->len) != NULL;
        tokenize(t, t->text, t->len, NULL, false);
    }
    return t;
}

static text_ids *scan(sc_prescan *p, const char *path, char *const *argv,
                      int depth);

/* Under the lock: t joins the tables, its include lines are resolved and
 * the headers they name scanned (in turn). */
static void add_text(sc_prescan *p, text_ids *t, char *const *argv, int depth)
{
    SC_PUSH(p->files, t);
    sc_strmap_put(&p->by_path, t->path, t);
    if (depth >= 32)
        return;
    for (size_t i = 0; i < t->include_lines.len; i++) {
        include_line *inc = &t->include_lines.items[i];
        char *hdr = resolve(p, t->path, inc->name, inc->quoted, argv);
        if (hdr) {
            SC_PUSH(t->includes, scan(p, hdr, argv, depth + 1));
            free(hdr);
        }
    }
}

/* Under the lock: a header, read once. */
static text_ids *scan(sc_prescan *p, const char *path, char *const *argv,
                      int depth)
{
    text_ids *t = sc_strmap_get(&p->by_path, path);
    if (!t) {
        t = read_text(p, path);
        add_text(p, t, argv, depth);
    }
    return t;
}

/* A file named by the caller: read and lexed outside the lock (another
 * worker may read it meanwhile: the first to register it wins). */
static text_ids *scan_file(sc_prescan *p, const char *path,
                           char *const *argv)
{
    pthread_mutex_lock(&p->lock);
    text_ids *t = sc_strmap_get(&p->by_path, path);
    pthread_mutex_unlock(&p->lock);
    if (t)
        return t;
    text_ids *fresh = read_text(p, path);
    pthread_mutex_lock(&p->lock);
    t = sc_strmap_get(&p->by_path, path);
    if (!t) {
        add_text(p, fresh, argv, 0);
        t = fresh;
        fresh = NULL;
    }
    pthread_mutex_unlock(&p->lock);
    if (fresh)
        text_free(fresh);
    return t;
}

/* whether the text may name one of q's names, anywhere or at file scope
 * (no: it surely does not) */
static bool may_name(const text_ids *t, const sc_prescan_names *q, bool top_only)
{
    const bloom *b = top_only ? &t->top_ids : &t->ids;
    for (size_t i = 0; i < q->n; i++)
        if (bloom_may_have(b, q->hashes[i]))
            return true;
    return false;
}

/* t's answers for q (under the lock) */
static memo_entry *memo_of(text_ids *t, const sc_prescan_names *q)
{
    for (size_t i = 0; i < t->memo.len; i++)
        if (t->memo.items[i].query == q->id)
            return &t->memo.items[i];
    memo_entry e = {q->id, {0, 0}, {0, 0}};
    SC_PUSH(t->memo, e);
    return &t->memo.items[t->memo.len - 1];
}

/* whether t itself names one of q's names (anywhere, or at file scope) */
static bool direct_has(text_ids *t, const sc_prescan_names *q, bool top_only)
{
    memo_entry *m = memo_of(t, q);
    if (!m->direct[top_only]) {
        bool yes = t->text && may_name(t, q, top_only) &&
                   tokenize(t, t->text, t->len, &q->set, top_only);
        m->direct[top_only] = yes ? 2 : 1;
    }
    return m->direct[top_only] == 2;
}

/* t or one of its includes (a graph: cycles are possible) names the
 * library (q NULL) or one of q's names */
static bool closure_has(text_ids *t, const sc_prescan_names *q, bool top_only,
                        const text_ids **seen, size_t *nseen)
{
    for (size_t i = 0; i < *nseen; i++)
        if (seen[i] == t)
            return false;
    if (*nseen < 4096)
        seen[(*nseen)++] = t;
    if (!q ? t->has_vs : direct_has(t, q, top_only))
        return true;
    for (size_t i = 0; i < t->includes.len; i++)
        if (closure_has(t->includes.items[i], q, top_only, seen, nseen))
            return true;
    return false;
}

static bool has(sc_prescan *p, const char *file, char *const *argv,
                const sc_prescan_names *q, bool top_only)
{
    text_ids *t = scan_file(p, file, argv);
    const text_ids *seen[4096];
    size_t nseen = 0;
    pthread_mutex_lock(&p->lock);
    /* a file's answer is kept (its headers' answers within a cycle
     * depend on where the walk entered it: only the direct ones are) */
    memo_entry *m = q ? memo_of(t, q) : NULL;
    bool r;
    if (m && m->closure[top_only]) {
        r = m->closure[top_only] == 2;
    } else {
        r = closure_has(t, q, top_only, seen, &nseen);
        if (q)
            memo_of(t, q)->closure[top_only] = r ? 2 : 1;
    }
    pthread_mutex_unlock(&p->lock);
    return r;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Under the lock: the sets no run asked since the last
 * prescan_set_texts, and their answers, forgotten. */
static void forget_old_names(sc_prescan *p)
{
    size_t k = 0;
    for (size_t i = 0; i < p->queries.len; i++) {
        sc_prescan_names *q = p->queries.items[i];
        if (q->used == p->run) {
            p->queries.items[k++] = q;
            continue;
        }
        for (size_t f = 0; f < p->files.len; f++) {
            text_ids *t = p->files.items[f];
            size_t w = 0;
            for (size_t e = 0; e < t->memo.len; e++)
                if (t->memo.items[e].query != q->id)
                    t->memo.items[w++] = t->memo.items[e];
            t->memo.len = w;
        }
        names_free(q);
    }
    p->queries.len = k;
    sc_strmap_free(&p->query_by_key);
    memset(&p->query_by_key, 0, sizeof p->query_by_key);
    for (size_t i = 0; i < p->queries.len; i++)
        sc_strmap_put(&p->query_by_key, p->queries.items[i]->key,
                      p->queries.items[i]);
}

const sc_prescan_names *prescan_names(sc_prescan *p, const sc_strmap *names)
{
    SC_VEC(const char *) sorted = {0};
    size_t klen = 1;
    for (size_t i = 0; i < names->cap; i++)
        if (names->keys && names->keys[i]) {
            SC_PUSH(sorted, names->keys[i]);
            klen += strlen(names->keys[i]) + 1;
        }
    if (sorted.len > 1)
        qsort(sorted.items, sorted.len, sizeof *sorted.items, cmp_name);
    char *key = sc_xmalloc(klen), *k = key;
    for (size_t i = 0; i < sorted.len; i++) {
        size_t l = strlen(sorted.items[i]);
        memcpy(k, sorted.items[i], l);
        k[l] = '\n';
        k += l + 1;
    }
    *k = '\0';
    pthread_mutex_lock(&p->lock);
    sc_prescan_names *q = sc_strmap_get(&p->query_by_key, key);
    if (!q) {
        if (p->queries.len >= NAMES_KEPT)
            forget_old_names(p);
        q = calloc(1, sizeof *q);
        if (!q)
            abort();
        q->id = p->next_query++;
        q->key = key;
        key = NULL;
        q->n = sorted.len;
        q->hashes = sc_xmalloc((sorted.len + 1) * sizeof *q->hashes);
        for (size_t i = 0; i < sorted.len; i++) {
            sc_strmap_put(&q->set, sorted.items[i], (void *)1);
            q->hashes[i] = sc_hash(sorted.items[i], strlen(sorted.items[i]));
        }
        SC_PUSH(p->queries, q);
        sc_strmap_put(&p->query_by_key, q->key, q);
    }
    q->used = p->run;
    pthread_mutex_unlock(&p->lock);
    free(key);
    SC_VEC_FREE(sorted);
    return q;
}

bool prescan_mentions_library(sc_prescan *p, const char *file,
                              char *const *argv, const sc_strs *aliases)
{
    if (has(p, file, argv, NULL, false))
        return true;
    if (!aliases || !aliases->len)
        return false;
    sc_strmap set = {0};
    for (size_t i = 0; i < aliases->len; i++)
        sc_strmap_put(&set, aliases->items[i], (void *)1);
    bool r = prescan_mentions_any(p, file, prescan_names(p, &set));
    sc_strmap_free(&set);
    return r;
}

const char *prescan_text(sc_prescan *p, const char *file, size_t *len)
{
    pthread_mutex_lock(&p->lock);
    const text_ids *t = sc_strmap_get(&p->by_path, file);
    pthread_mutex_unlock(&p->lock);
    *len = t && t->text ? t->len : 0;
    return t ? t->text : NULL;
}

bool prescan_is_binary(sc_prescan *p, const char *file)
{
    return scan_file(p, file, NULL)->binary;
}

bool prescan_mentions_any(sc_prescan *p, const char *file,
                          const sc_prescan_names *names)
{
    return names->n && has(p, file, NULL, names, false);
}

bool prescan_declares_any(sc_prescan *p, const char *file,
                          const sc_prescan_names *names)
{
    return names->n && has(p, file, NULL, names, true);
}
