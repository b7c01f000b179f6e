/* scopecheck --lsp: a language server (LSP 3.17) on standard input and
 * output.
 *
 * The main thread reads the client's messages and answers its requests;
 * a linter thread checks.  After an edit (didOpen, didChange, didSave,
 * didClose, a watched file changed) the linter waits for the editor to be
 * quiet for a moment (the debounce, "debounceMs" in initializationOptions,
 * 100 ms by default), then checks the whole program the open documents
 * belong to (cli/check.h), with the open documents' text as the editor
 * holds it (overlays: libclang's unsaved files), and publishes every open
 * document's diagnostics.  An edit that arrives while a check runs
 * cancels it (its results would be stale) and another starts after the
 * debounce.  The check is the command line's, so the editor shows what
 * `scopecheck` prints for those files: findings with their notes and call
 * chains (relatedInformation), rule ids (code) and pages
 * (codeDescription), and fix-its as quick fixes (code actions with a
 * workspace edit).
 *
 * What the program is: the files the compile database lists when there is
 * one, else, when the root is in a git work tree, every C file under it
 * (as `scopecheck ROOT` sees them), with the open documents; an open
 * header is the unsaved text of the sources that include it.  Between checks the cache is kept
 * in memory and the pre-scan of unchanged files too, so a check after an
 * edit parses only the edited file. */
#include "server.h"

#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../cli/check.h"
#include "../cli/jsonfile.h"
#include "../cli/path.h"
#include "../frontend/compdb.h"
#include "../rules/rule.h"
#include "../util/strmap.h"
#include "../version.h"
#include "rpc.h"
#include "text.h"

#define DEFAULT_DEBOUNCE_MS 100

typedef struct doc {
    char *uri;
    char *path;                   /* absolute, normalized */
    char *text;
    size_t len;
    int version;
    /* what was last published for it */
    char *published;              /* the diagnostics, printed */
    int published_version;
    cJSON *fixes;                 /* [{"range", "diagnostic", "action"}] */
} doc;

typedef struct server {
    sc_rpc rpc;
    const sc_options *o;          /* the command line's (flags, rules, ...) */
    sc_encoding enc;
    bool initialized, shut_down;
    bool doc_changes;             /* client takes documentChanges */
    bool watch_dynamic;           /* client registers file watchers */
    bool related_info;            /* client shows relatedInformation */
    char *root;                   /* absolute, or NULL */
    int debounce_ms;
    int next_id;

    pthread_mutex_t mu;           /* over everything below */
    pthread_cond_t cv;
    SC_VEC(doc *) docs;
    unsigned long gen, linted_gen;
    double deadline;              /* the next check starts no sooner */
    volatile int cancel;
    bool stop;
    sc_strmap logged;             /* warnings already logged */
    pthread_t linter;
    bool linter_started;
    sc_session *session;
} server;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- documents ---- */

static void doc_free(doc *d)
{
    free(d->uri);
    free(d->path);
    free(d->text);
    free(d->published);
    cJSON_Delete(d->fixes);
    free(d);
}

static doc *find_doc(server *s, const char *uri)
{
    for (size_t i = 0; i < s->docs.len; i++)
        if (strcmp(s->docs.items[i]->uri, uri) == 0)
            return s->docs.items[i];
    return NULL;
}

/* replaces bytes [a, b) of the text with t */
static void splice(doc *d, size_t a, size_t b, const char *t, size_t tn)
{
    assert(a <= b && b <= d->len);
    char *nt = sc_xmalloc(d->len - (b - a) + tn + 1);
    memcpy(nt, d->text, a);
    memcpy(nt + a, t, tn);
    memcpy(nt + a + tn, d->text + b, d->len - b);
    d->len = d->len - (b - a) + tn;
    nt[d->len] = '\0';
    free(d->text);
    d->text = nt;
}

/* schedules a check after the debounce (under mu); a running one is
 * cancelled: its results would be stale */
static void touch(server *s, double delay)
{
    s->gen++;
    s->deadline = now() + delay;
    s->cancel = 1;
    pthread_cond_signal(&s->cv);
}

static const char *str_at(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static bool num_at(const cJSON *o, const char *key, double *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!cJSON_IsNumber(v))
        return false;
    *out = v->valuedouble;
    return true;
}

/* ---- diagnostics ---- */

static cJSON *position(uint32_t line, uint32_t character)
{
    cJSON *p = cJSON_CreateObject();
    cJSON_AddNumberToObject(p, "line", line);
    cJSON_AddNumberToObject(p, "character", character);
    return p;
}

/* the byte range of a finding's place, from its offsets, or from its line
 * and column when the offsets do not fall on its line */
static void byte_range(const char *text, size_t len, const sc_pos *p,
                       size_t *a, size_t *b)
{
    *a = p->offset;
    *b = p->end_offset > p->offset ? p->end_offset : p->offset;
    uint32_t line, ch;
    text_position(text, len, *a, SC_ENC_UTF8, &line, &ch);
    if (p->line && line + 1 != p->line) {
        *a = text_offset(text, len, p->line - 1, p->col ? p->col - 1 : 0, SC_ENC_UTF8);
        *b = *a;
    }
    if (*a > len)
        *a = len;
    if (*b > len || *b < *a)
        *b = *a;
}

static cJSON *range_of(server *s, const char *text, size_t len, size_t a,
                       size_t b)
{
    uint32_t l0, c0, l1, c1;
    text_position(text, len, a, s->enc, &l0, &c0);
    text_position(text, len, b, s->enc, &l1, &c1);
    cJSON *r = cJSON_CreateObject();
    cJSON_AddItemToObject(r, "start", position(l0, c0));
    cJSON_AddItemToObject(r, "end", position(l1, c1));
    return r;
}

static cJSON *pos_range(server *s, sc_source_cache *src, const sc_pos *p)
{
    size_t len = 0;
    const char *text = p->file ? source_get(src, p->file, &len) : NULL;
    if (!text) {
        cJSON *r = cJSON_CreateObject();
        uint32_t l = p->line ? p->line - 1 : 0, c = p->col ? p->col - 1 : 0;
        cJSON_AddItemToObject(r, "start", position(l, c));
        cJSON_AddItemToObject(r, "end", position(l, c));
        return r;
    }
    size_t a, b;
    byte_range(text, len, p, &a, &b);
    return range_of(s, text, len, a, b);
}

static char *uri_of(const char *file)
{
    char *abs = sc_path_abs(file);
    char *uri = path_to_uri(abs);
    free(abs);
    return uri;
}

static cJSON *location(server *s, sc_source_cache *src, const sc_pos *p)
{
    cJSON *l = cJSON_CreateObject();
    char *uri = uri_of(p->file);
    cJSON_AddStringToObject(l, "uri", uri);
    free(uri);
    cJSON_AddItemToObject(l, "range", pos_range(s, src, p));
    return l;
}

static const int lsp_severity[] = {3, 2, 1}; /* note, warning, error */

static cJSON *diagnostic(server *s, sc_source_cache *src, const sc_finding *f)
{
    cJSON *d = cJSON_CreateObject();
    cJSON_AddItemToObject(d, "range", pos_range(s, src, &f->pos));
    cJSON_AddNumberToObject(d, "severity", lsp_severity[f->severity]);
    cJSON_AddStringToObject(d, "code", f->rule);
    if (sc_rule_index(f->rule) >= 0) {
        char *href = sc_asprintf("%s/blob/main/rules/%s.md", SC_HOMEPAGE, f->rule);
        cJSON_AddStringToObject(cJSON_AddObjectToObject(d, "codeDescription"),
                                "href", href);
        free(href);
    }
    cJSON_AddStringToObject(d, "source", "scopecheck");
    cJSON_AddStringToObject(d, "message", f->msg);
    if (f->notes.len) {
        cJSON *rel = cJSON_AddArrayToObject(d, "relatedInformation");
        for (size_t k = 0; k < f->notes.len; k++) {
            const sc_note *n = &f->notes.items[k];
            if (!n->pos.file)
                continue;
            cJSON *ri = cJSON_CreateObject();
            cJSON_AddItemToObject(ri, "location", location(s, src, &n->pos));
            cJSON_AddStringToObject(ri, "message", n->msg);
            cJSON_AddItemToArray(rel, ri);
        }
    }
    return d;
}

/* the quick fix of a fix-it: a workspace edit over the files it touches */
static cJSON *code_action(server *s, sc_source_cache *src, const sc_fix *fx,
                          const cJSON *diag, doc *const *docs, size_t ndocs)
{
    cJSON *act = cJSON_CreateObject();
    char *title = sc_asprintf("scopecheck: %s", fx->msg);
    cJSON_AddStringToObject(act, "title", title);
    free(title);
    cJSON_AddStringToObject(act, "kind", "quickfix");
    cJSON_AddItemToArray(cJSON_AddArrayToObject(act, "diagnostics"),
                         cJSON_Duplicate(diag, 1));
    cJSON_AddTrueToObject(act, "isPreferred");
    cJSON *we = cJSON_AddObjectToObject(act, "edit");
    cJSON *changes = s->doc_changes ? cJSON_AddArrayToObject(we, "documentChanges")
                                    : cJSON_AddObjectToObject(we, "changes");
    for (size_t i = 0; i < fx->nedits; i++) {
        const sc_edit *e = &fx->edits[i];
        char *uri = uri_of(e->file);
        cJSON *list = NULL;
        if (s->doc_changes) {
            cJSON *tde;
            cJSON_ArrayForEach(tde, changes) {
                const cJSON *td = cJSON_GetObjectItemCaseSensitive(tde, "textDocument");
                if (strcmp(str_at(td, "uri"), uri) == 0)
                    list = cJSON_GetObjectItemCaseSensitive(tde, "edits");
            }
            if (!list) {
                tde = cJSON_CreateObject();
                cJSON *td = cJSON_AddObjectToObject(tde, "textDocument");
                cJSON_AddStringToObject(td, "uri", uri);
                /* the version the edit is for: an open document's (as
                 * checked), so that the client refuses it once the text
                 * has moved on */
                const doc *d = NULL;
                for (size_t k = 0; k < ndocs && !d; k++)
                    if (strcmp(docs[k]->uri, uri) == 0)
                        d = docs[k];
                if (d)
                    cJSON_AddNumberToObject(td, "version", d->version);
                else
                    cJSON_AddNullToObject(td, "version");
                list = cJSON_AddArrayToObject(tde, "edits");
                cJSON_AddItemToArray(changes, tde);
            }
        } else {
            list = cJSON_GetObjectItemCaseSensitive(changes, uri);
            if (!list)
                list = cJSON_AddArrayToObject(changes, uri);
        }
        size_t len = 0;
        const char *text = source_get(src, e->file, &len);
        size_t a = e->offset <= len ? e->offset : len;
        size_t b = e->end_offset <= len && e->end_offset >= a ? e->end_offset : a;
        cJSON *te = cJSON_CreateObject();
        cJSON_AddItemToObject(te, "range", range_of(s, text ? text : "", text ? len : 0, a, b));
        cJSON_AddStringToObject(te, "newText", e->text);
        cJSON_AddItemToArray(list, te);
        free(uri);
    }
    return act;
}

/* a problem that names an open document's line ("a.c:3:5: ...") */
static bool names_doc(const char *msg, const doc *d, uint32_t *line,
                      uint32_t *col)
{
    char *colon = strchr(msg, ':');
    if (!colon)
        return false;
    char *file = sc_xmalloc((size_t)(colon - msg) + 1);
    memcpy(file, msg, (size_t)(colon - msg));
    file[colon - msg] = '\0';
    char *abs = sc_path_abs(file);
    bool same = strcmp(abs, d->path) == 0;
    free(abs);
    free(file);
    if (!same)
        return false;
    unsigned l = 0, c = 0;
    if (sscanf(colon + 1, "%u:%u", &l, &c) < 1)
        l = 1;
    *line = l ? l - 1 : 0;
    *col = c ? c - 1 : 0;
    return true;
}

static cJSON *problem(server *s, const doc *d, const char *msg, uint32_t line,
                      uint32_t col, int severity)
{
    size_t off = text_offset(d->text, d->len, line, col, SC_ENC_UTF8);
    cJSON *diag = cJSON_CreateObject();
    cJSON_AddItemToObject(diag, "range", range_of(s, d->text, d->len, off, off));
    cJSON_AddNumberToObject(diag, "severity", severity);
    cJSON_AddStringToObject(diag, "source", "scopecheck");
    cJSON_AddStringToObject(diag, "message", msg);
    return diag;
}

/* ---- the linter thread ---- */

typedef struct lint_out {
    cJSON **diags;                /* per document of the snapshot */
    cJSON **fixes;
} lint_out;

static bool is_c_source(const char *path)
{
    size_t n = strlen(path);
    return n > 2 && strcmp(path + n - 2, ".c") == 0;
}

/* whether dir is in a git work tree (.git there or above): a project,
 * not a home directory whose every file would be walked */
static bool in_git_tree(const char *dir)
{
    char *d = sc_xstrdup(dir);
    bool found = false;
    for (;;) {
        char *git = sc_asprintf("%s%s.git", d, strcmp(d, "/") ? "/" : "");
        found = access(git, F_OK) == 0;
        free(git);
        if (found || strcmp(d, "/") == 0)
            break;
        char *up = sc_path_dir(d);
        free(d);
        d = up;
    }
    free(d);
    return found;
}

/* the options of a check: the command line's, with the open C sources as
 * paths (an open header is an overlay of the sources that include it),
 * and the root when it is in a project (a git work tree) that no compile
 * database describes: its C files are the program */
static void check_options(server *s, doc **docs, size_t n, sc_options *co)
{
    *co = *s->o;
    memset(&co->paths, 0, sizeof co->paths);
    co->quiet = true;
    co->lsp = co->fix = co->diff = false;
    co->baseline = co->write_baseline = co->output = NULL;
    co->stdin_filename = NULL;
    for (size_t i = 0; i < n; i++)
        if (is_c_source(docs[i]->path))
            SC_PUSH(co->paths, docs[i]->path);
    if (!s->root || s->o->compdb_dir)
        return;
    char *db = s->o->cflags.len ? NULL : fe_compdb_find(s->root);
    if (!db && in_git_tree(s->root))
        SC_PUSH(co->paths, s->root);
    free(db);
}

/* checks the snapshot; NULL when cancelled */
static lint_out *lint(server *s, doc **docs, size_t n)
{
    sc_overlays ov = {0};
    for (size_t i = 0; i < n; i++)
        overlay_add(&ov, docs[i]->path, docs[i]->text, docs[i]->len);
    sc_options co;
    check_options(s, docs, n, &co);
    if (co.paths.len == 0) {      /* only headers open: nothing to check */
        overlays_free(&ov);
        SC_VEC_FREE(co.paths);
        lint_out *out = sc_xmalloc(sizeof *out);
        out->diags = sc_xmalloc((n + 1) * sizeof *out->diags);
        out->fixes = sc_xmalloc((n + 1) * sizeof *out->fixes);
        for (size_t i = 0; i < n; i++) {
            out->diags[i] = cJSON_CreateArray();
            out->fixes[i] = cJSON_CreateArray();
        }
        return out;
    }
    sc_strs open_docs = {0};
    for (size_t i = 0; i < n; i++)
        SC_PUSH(open_docs, docs[i]->path);
    sc_check c = {0};
    c.o = &co;
    c.report_only = &open_docs;
    c.overlays = &ov;
    c.session = s->session;
    c.cancel = &s->cancel;
    check_run(&c);
    lint_out *out = NULL;
    if (!c.cancelled) {
        out = sc_xmalloc(sizeof *out);
        out->diags = sc_xmalloc((n + 1) * sizeof *out->diags);
        out->fixes = sc_xmalloc((n + 1) * sizeof *out->fixes);
        for (size_t i = 0; i < n; i++) {
            out->diags[i] = cJSON_CreateArray();
            out->fixes[i] = cJSON_CreateArray();
        }
        for (size_t k = 0; k < c.rep.items.len; k++) {
            const sc_finding *f = c.rep.items.items[k];
            if (f->suppressed || !f->pos.file)
                continue;
            char *abs = sc_path_abs(f->pos.file);
            for (size_t i = 0; i < n; i++) {
                if (strcmp(abs, docs[i]->path) != 0)
                    continue;
                cJSON *d = diagnostic(s, c.src, f);
                for (size_t x = 0; x < f->fixes.len; x++) {
                    cJSON *e = cJSON_CreateObject();
                    cJSON_AddItemToObject(e, "range", cJSON_Duplicate(
                        cJSON_GetObjectItemCaseSensitive(d, "range"), 1));
                    cJSON_AddItemToObject(e, "action",
                                          code_action(s, c.src, &f->fixes.items[x], d,
                                                      docs, n));
                    cJSON_AddItemToArray(out->fixes[i], e);
                }
                cJSON_AddItemToArray(out->diags[i], d);
            }
            free(abs);
        }
        /* what could not be checked, and warnings about a document's
         * lines, on the document; the rest to the client's log */
        for (int kind = 0; kind < 2; kind++) {
            const char *const *msgs = kind ? c.rep.warnings.items : c.rep.failures.items;
            size_t nm = kind ? c.rep.warnings.len : c.rep.failures.len;
            for (size_t k = 0; k < nm; k++) {
                bool shown = false;
                for (size_t i = 0; i < n; i++) {
                    uint32_t line, col;
                    if (!names_doc(msgs[k], docs[i], &line, &col))
                        continue;
                    char *m = kind ? sc_xstrdup(msgs[k])
                                   : sc_asprintf("scopecheck could not check this "
                                                 "file: %s", msgs[k]);
                    cJSON_AddItemToArray(out->diags[i],
                                         problem(s, docs[i], m, line, col,
                                                 kind ? 2 : 3));
                    free(m);
                    shown = true;
                }
                pthread_mutex_lock(&s->mu);
                bool known = sc_strmap_get(&s->logged, msgs[k]) != NULL;
                if (!known)
                    sc_strmap_put(&s->logged, msgs[k], (void *)1);
                pthread_mutex_unlock(&s->mu);
                if (!shown && !known) {
                    cJSON *p = cJSON_CreateObject();
                    cJSON_AddNumberToObject(p, "type", kind ? 2 : 1);
                    char *m = sc_asprintf("scopecheck: %s", msgs[k]);
                    cJSON_AddStringToObject(p, "message", m);
                    free(m);
                    rpc_notify(&s->rpc, "window/logMessage", p);
                }
            }
        }
    }
    check_free(&c);
    overlays_free(&ov);
    SC_VEC_FREE(co.paths);
    SC_VEC_FREE(open_docs);
    return out;
}

static void publish(server *s, doc *d, cJSON *diags)
{
    cJSON *p = cJSON_CreateObject();
    cJSON_AddStringToObject(p, "uri", d->uri);
    cJSON_AddNumberToObject(p, "version", d->version);
    cJSON_AddItemToObject(p, "diagnostics", diags);
    rpc_notify(&s->rpc, "textDocument/publishDiagnostics", p);
}

static void *linter(void *arg)
{
    server *s = arg;
    pthread_mutex_lock(&s->mu);
    for (;;) {
        while (!s->stop && (s->gen == s->linted_gen || now() < s->deadline)) {
            if (s->gen == s->linted_gen) {
                pthread_cond_wait(&s->cv, &s->mu);
            } else {
                double at = s->deadline;
                struct timespec ts;
                clock_gettime(CLOCK_REALTIME, &ts);
                double wait = at - now();
                ts.tv_sec += (time_t)wait;
                ts.tv_nsec += (long)((wait - (double)(time_t)wait) * 1e9);
                if (ts.tv_nsec >= 1000000000L) {
                    ts.tv_sec++;
                    ts.tv_nsec -= 1000000000L;
                }
                pthread_cond_timedwait(&s->cv, &s->mu, &ts);
            }
        }
        if (s->stop)
            break;
        /* a snapshot of the documents, checked without the lock */
        unsigned long gen = s->gen;
        size_t n = s->docs.len;
        doc **snap = sc_xmalloc((n + 1) * sizeof *snap);
        for (size_t i = 0; i < n; i++) {
            doc *d = s->docs.items[i];
            snap[i] = calloc(1, sizeof **snap);
            snap[i]->uri = sc_xstrdup(d->uri);
            snap[i]->path = sc_xstrdup(d->path);
            snap[i]->text = sc_xmalloc(d->len + 1);
            memcpy(snap[i]->text, d->text, d->len + 1);
            snap[i]->len = d->len;
            snap[i]->version = d->version;
        }
        s->cancel = 0;
        pthread_mutex_unlock(&s->mu);
        lint_out *out = n ? lint(s, snap, n) : NULL;
        pthread_mutex_lock(&s->mu);
        if (s->gen == gen)
            s->linted_gen = gen;
        /* publish what is current: a document edited meanwhile waits for
         * the next check */
        for (size_t i = 0; out && i < n; i++) {
            doc *d = find_doc(s, snap[i]->uri);
            if (!d || d->version != snap[i]->version ||
                (s->gen != gen && s->cancel)) {
                cJSON_Delete(out->diags[i]);
                cJSON_Delete(out->fixes[i]);
                continue;
            }
            char *printed = cJSON_PrintUnformatted(out->diags[i]);
            cJSON_Delete(d->fixes);
            d->fixes = out->fixes[i];
            if (d->published && d->published_version == d->version &&
                strcmp(d->published, printed) == 0) {
                free(printed);        /* nothing new to say */
                cJSON_Delete(out->diags[i]);
                continue;
            }
            free(d->published);
            d->published = printed;
            d->published_version = d->version;
            publish(s, d, out->diags[i]);
        }
        if (out) {
            free(out->diags);
            free(out->fixes);
            free(out);
        }
        for (size_t i = 0; i < n; i++)
            doc_free(snap[i]);
        free(snap);
    }
    pthread_mutex_unlock(&s->mu);
    return NULL;
}

/* ---- the client's messages ---- */

static cJSON *initialize(server *s, const cJSON *params)
{
    const cJSON *caps = cJSON_GetObjectItemCaseSensitive(params, "capabilities");
    const cJSON *general = cJSON_GetObjectItemCaseSensitive(caps, "general");
    const cJSON *encs = cJSON_GetObjectItemCaseSensitive(general, "positionEncodings");
    /* UTF-16 unless the client offers better: UTF-8 is libclang's own
     * unit, UTF-32 still needs no surrogates */
    s->enc = SC_ENC_UTF16;
    const cJSON *e;
    bool utf8 = false, utf32 = false;
    cJSON_ArrayForEach(e, encs) {
        if (cJSON_IsString(e) && strcmp(e->valuestring, "utf-8") == 0)
            utf8 = true;
        if (cJSON_IsString(e) && strcmp(e->valuestring, "utf-32") == 0)
            utf32 = true;
    }
    s->enc = utf8 ? SC_ENC_UTF8 : utf32 ? SC_ENC_UTF32 : SC_ENC_UTF16;
    const cJSON *ws = cJSON_GetObjectItemCaseSensitive(caps, "workspace");
    s->doc_changes = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(ws, "workspaceEdit"), "documentChanges"));
    s->watch_dynamic = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(ws, "didChangeWatchedFiles"),
        "dynamicRegistration"));
    /* the root: rootUri, else the first workspace folder, else rootPath */
    const char *root_uri = str_at(params, "rootUri");
    const cJSON *folders = cJSON_GetObjectItemCaseSensitive(params, "workspaceFolders");
    if (!root_uri && cJSON_GetArraySize(folders) > 0)
        root_uri = str_at(cJSON_GetArrayItem(folders, 0), "uri");
    char *root = root_uri ? uri_to_path(root_uri) : NULL;
    if (!root && str_at(params, "rootPath"))
        root = sc_xstrdup(str_at(params, "rootPath"));
    if (root) {
        s->root = sc_path_abs(root);
        free(root);
        /* relative flags and configurations mean what they mean at the
         * root, as for `scopecheck` run there */
        if (chdir(s->root) != 0) {
            free(s->root);
            s->root = NULL;
        }
    }
    const cJSON *init = cJSON_GetObjectItemCaseSensitive(params, "initializationOptions");
    double ms;
    s->debounce_ms = num_at(init, "debounceMs", &ms) && ms >= 0 && ms < 60000
                         ? (int)ms : DEFAULT_DEBOUNCE_MS;

    cJSON *result = cJSON_CreateObject();
    cJSON *c = cJSON_AddObjectToObject(result, "capabilities");
    cJSON_AddStringToObject(c, "positionEncoding", encoding_name(s->enc));
    cJSON *sync = cJSON_AddObjectToObject(c, "textDocumentSync");
    cJSON_AddTrueToObject(sync, "openClose");
    cJSON_AddNumberToObject(sync, "change", 2); /* incremental */
    cJSON_AddFalseToObject(cJSON_AddObjectToObject(sync, "save"), "includeText");
    cJSON *ca = cJSON_AddObjectToObject(c, "codeActionProvider");
    cJSON_AddItemToArray(cJSON_AddArrayToObject(ca, "codeActionKinds"),
                         cJSON_CreateString("quickfix"));
    cJSON *info = cJSON_AddObjectToObject(result, "serverInfo");
    cJSON_AddStringToObject(info, "name", "scopecheck");
    cJSON_AddStringToObject(info, "version", SC_VERSION);
    return result;
}

/* after "initialized": ask to hear of changes to the files the checks
 * read (sources, headers, the compile database, configurations) */
static void watch_files(server *s)
{
    if (!s->watch_dynamic)
        return;
    cJSON *p = cJSON_CreateObject();
    cJSON *regs = cJSON_AddArrayToObject(p, "registrations");
    cJSON *r = cJSON_CreateObject();
    cJSON_AddStringToObject(r, "id", "scopecheck-watch");
    cJSON_AddStringToObject(r, "method", "workspace/didChangeWatchedFiles");
    cJSON *w = cJSON_AddArrayToObject(cJSON_AddObjectToObject(r, "registerOptions"),
                                      "watchers");
    static const char *const globs[] = {"**/*.c", "**/*.h",
                                        "**/compile_commands.json",
                                        "**/.scopecheck.json"};
    for (size_t i = 0; i < sizeof globs / sizeof *globs; i++) {
        cJSON *g = cJSON_CreateObject();
        cJSON_AddStringToObject(g, "globPattern", globs[i]);
        cJSON_AddItemToArray(w, g);
    }
    cJSON_AddItemToArray(regs, r);
    rpc_request(&s->rpc, ++s->next_id, "client/registerCapability", p);
}

static void did_open(server *s, const cJSON *params)
{
    const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
    const char *uri = str_at(td, "uri"), *text = str_at(td, "text");
    double version = 0;
    num_at(td, "version", &version);
    char *path = uri ? uri_to_path(uri) : NULL;
    if (!path || !text) {
        free(path);               /* not a file: nothing to check */
        return;
    }
    pthread_mutex_lock(&s->mu);
    doc *d = find_doc(s, uri);
    if (!d) {
        d = calloc(1, sizeof *d);
        d->uri = sc_xstrdup(uri);
        d->path = sc_path_abs(path);
        SC_PUSH(s->docs, d);
    }
    free(d->text);
    d->len = strlen(text);
    d->text = sc_xstrdup(text);
    d->version = (int)version;
    touch(s, s->debounce_ms / 1000.0);
    pthread_mutex_unlock(&s->mu);
    free(path);
}

static bool did_change(server *s, const cJSON *params)
{
    const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
    const char *uri = str_at(td, "uri");
    double version = 0;
    num_at(td, "version", &version);
    pthread_mutex_lock(&s->mu);
    doc *d = uri ? find_doc(s, uri) : NULL;
    bool ok = d != NULL;
    const cJSON *ch;
    cJSON_ArrayForEach(ch, cJSON_GetObjectItemCaseSensitive(params, "contentChanges")) {
        if (!d)
            break;
        const char *text = str_at(ch, "text");
        const cJSON *range = cJSON_GetObjectItemCaseSensitive(ch, "range");
        if (!text) {
            ok = false;
            continue;
        }
        if (!range) {             /* the whole text */
            splice(d, 0, d->len, text, strlen(text));
            continue;
        }
        const cJSON *st = cJSON_GetObjectItemCaseSensitive(range, "start"),
                    *en = cJSON_GetObjectItemCaseSensitive(range, "end");
        double l0, c0, l1, c1;
        if (!num_at(st, "line", &l0) || !num_at(st, "character", &c0) ||
            !num_at(en, "line", &l1) || !num_at(en, "character", &c1) ||
            l0 < 0 || c0 < 0 || l1 < 0 || c1 < 0) {
            ok = false;
            continue;
        }
        size_t a = text_offset(d->text, d->len, (uint32_t)l0, (uint32_t)c0, s->enc);
        size_t b = text_offset(d->text, d->len, (uint32_t)l1, (uint32_t)c1, s->enc);
        if (b < a) {
            size_t t = a;
            a = b;
            b = t;
        }
        splice(d, a, b, text, strlen(text));
    }
    if (d) {
        d->version = (int)version;
        touch(s, s->debounce_ms / 1000.0);
    }
    pthread_mutex_unlock(&s->mu);
    return ok;
}

static void did_close(server *s, const cJSON *params)
{
    const char *uri = str_at(cJSON_GetObjectItemCaseSensitive(params, "textDocument"), "uri");
    pthread_mutex_lock(&s->mu);
    for (size_t i = 0; uri && i < s->docs.len; i++) {
        doc *d = s->docs.items[i];
        if (strcmp(d->uri, uri) != 0)
            continue;
        /* its diagnostics go with it */
        publish(s, d, cJSON_CreateArray());
        doc_free(d);
        memmove(&s->docs.items[i], &s->docs.items[i + 1],
                (s->docs.len - i - 1) * sizeof *s->docs.items);
        s->docs.len--;
        touch(s, s->debounce_ms / 1000.0);
        break;
    }
    pthread_mutex_unlock(&s->mu);
}

/* do ranges [a0, a1] and [b0, b1] (line, character pairs) meet? */
static bool before_or_at(const cJSON *p, const cJSON *q)
{
    double pl = 0, pc = 0, ql = 0, qc = 0;
    num_at(p, "line", &pl);
    num_at(p, "character", &pc);
    num_at(q, "line", &ql);
    num_at(q, "character", &qc);
    return pl < ql || (pl == ql && pc <= qc);
}

static bool overlaps(const cJSON *r1, const cJSON *r2)
{
    const cJSON *s1 = cJSON_GetObjectItemCaseSensitive(r1, "start"),
                *e1 = cJSON_GetObjectItemCaseSensitive(r1, "end"),
                *s2 = cJSON_GetObjectItemCaseSensitive(r2, "start"),
                *e2 = cJSON_GetObjectItemCaseSensitive(r2, "end");
    return s1 && e1 && s2 && e2 && before_or_at(s1, e2) && before_or_at(s2, e1);
}

/* one diagnostic, as the client sent it back: its code, message and line
 * (not its columns: a client may send them back in its own units, as
 * Neovim 0.7 sends bytes) */
static bool same_diagnostic(const cJSON *a, const cJSON *b)
{
    const char *ca = str_at(a, "code"), *cb = str_at(b, "code");
    const char *ma = str_at(a, "message"), *mb = str_at(b, "message");
    if (!ca || !cb || !ma || !mb || strcmp(ca, cb) != 0 || strcmp(ma, mb) != 0)
        return false;
    double la = -1, lb = -2;
    num_at(cJSON_GetObjectItemCaseSensitive(
               cJSON_GetObjectItemCaseSensitive(a, "range"), "start"), "line", &la);
    num_at(cJSON_GetObjectItemCaseSensitive(
               cJSON_GetObjectItemCaseSensitive(b, "range"), "start"), "line", &lb);
    return la == lb;
}

static cJSON *code_actions(server *s, const cJSON *params)
{
    cJSON *out = cJSON_CreateArray();
    const char *uri = str_at(cJSON_GetObjectItemCaseSensitive(params, "textDocument"), "uri");
    const cJSON *range = cJSON_GetObjectItemCaseSensitive(params, "range");
    const cJSON *context = cJSON_GetObjectItemCaseSensitive(params, "context");
    const cJSON *only = cJSON_GetObjectItemCaseSensitive(context, "only");
    if (only) {
        bool wanted = false;
        const cJSON *k;
        cJSON_ArrayForEach(k, only)
            wanted |= cJSON_IsString(k) && (strcmp(k->valuestring, "quickfix") == 0 ||
                                            strncmp("quickfix", k->valuestring,
                                                    strlen(k->valuestring)) == 0);
        if (!wanted)
            return out;
    }
    pthread_mutex_lock(&s->mu);
    doc *d = uri ? find_doc(s, uri) : NULL;
    /* fixes computed for another text than the editor's are not offered */
    if (d && d->fixes && d->published_version == d->version) {
        const cJSON *e;
        const cJSON *given = cJSON_GetObjectItemCaseSensitive(context, "diagnostics");
        cJSON_ArrayForEach(e, d->fixes) {
            const cJSON *act = cJSON_GetObjectItemCaseSensitive(e, "action");
            const cJSON *mine = cJSON_GetArrayItem(
                cJSON_GetObjectItemCaseSensitive(act, "diagnostics"), 0);
            /* the fixes of the diagnostics the client names (at the
             * cursor's line), and of those the range touches */
            bool named = false;
            const cJSON *g;
            cJSON_ArrayForEach(g, given)
                named |= same_diagnostic(g, mine);
            if (named || !range ||
                overlaps(cJSON_GetObjectItemCaseSensitive(e, "range"), range))
                cJSON_AddItemToArray(out, cJSON_Duplicate(act, 1));
        }
    }
    pthread_mutex_unlock(&s->mu);
    return out;
}

/* the cache: in memory always; on disk where the command line keeps it
 * (--cache-dir, SCOPECHECK_CACHE_DIR, else the root's project), unless
 * --no-cache */
static void open_session(server *s)
{
    const sc_options *o = s->o;
    const char *env = getenv("SCOPECHECK_CACHE_DIR");
    char *dir = o->no_cache ? NULL
              : o->cache_dir ? sc_xstrdup(o->cache_dir)
              : env && *env ? sc_xstrdup(env)
              : cache_default_dir(s->root ? s->root : ".", o->compdb_dir);
    char *err = NULL;
    sc_cache *cache = cache_open(dir, &err);
    if (!cache) {
        free(err);
        cache = cache_open(NULL, &err);   /* in memory: slower, not broken */
    }
    free(dir);
    s->session = session_new(cache);
}

/* one message; false when the server is to exit */
static bool handle(server *s, const cJSON *msg, int *status)
{
    const char *method = str_at(msg, "method");
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(msg, "id");
    const cJSON *params = cJSON_GetObjectItemCaseSensitive(msg, "params");
    if (!method)
        return true;              /* a response to our request */
    bool request = id != NULL;
    if (strcmp(method, "exit") == 0) {
        *status = s->shut_down ? 0 : 1;
        return false;
    }
    if (!s->initialized && strcmp(method, "initialize") != 0) {
        if (request)
            rpc_error(&s->rpc, id, RPC_SERVER_NOT_INITIALIZED,
                      "the server is not initialized yet");
        return true;
    }
    if (s->shut_down && request) {
        rpc_error(&s->rpc, id, RPC_INVALID_REQUEST, "the server is shut down");
        return true;
    }
    if (strcmp(method, "initialize") == 0) {
        if (s->initialized) {
            rpc_error(&s->rpc, id, RPC_INVALID_REQUEST, "initialize was sent twice");
            return true;
        }
        cJSON *result = initialize(s, params);
        s->initialized = true;
        open_session(s);
        rpc_result(&s->rpc, id, result);
        if (pthread_create(&s->linter, NULL, linter, s) == 0)
            s->linter_started = true;
    } else if (strcmp(method, "initialized") == 0) {
        watch_files(s);
    } else if (strcmp(method, "shutdown") == 0) {
        pthread_mutex_lock(&s->mu);
        s->stop = true;
        s->cancel = 1;
        pthread_cond_signal(&s->cv);
        pthread_mutex_unlock(&s->mu);
        if (s->linter_started)
            pthread_join(s->linter, NULL);
        s->linter_started = false;
        s->shut_down = true;
        rpc_result(&s->rpc, id, NULL);
    } else if (strcmp(method, "textDocument/didOpen") == 0) {
        did_open(s, params);
    } else if (strcmp(method, "textDocument/didChange") == 0) {
        if (!did_change(s, params)) {
            cJSON *p = cJSON_CreateObject();
            cJSON_AddNumberToObject(p, "type", 1);
            cJSON_AddStringToObject(p, "message", "scopecheck: a didChange for a "
                                                  "document that is not open, or "
                                                  "with a bad range, was ignored");
            rpc_notify(&s->rpc, "window/logMessage", p);
        }
    } else if (strcmp(method, "textDocument/didSave") == 0 ||
               strcmp(method, "workspace/didChangeWatchedFiles") == 0) {
        /* files on disk changed: the session notices which by their
         * status; only check again */
        pthread_mutex_lock(&s->mu);
        touch(s, s->debounce_ms / 1000.0);
        pthread_mutex_unlock(&s->mu);
    } else if (strcmp(method, "textDocument/didClose") == 0) {
        did_close(s, params);
    } else if (strcmp(method, "textDocument/codeAction") == 0) {
        rpc_result(&s->rpc, id, code_actions(s, params));
    } else if (request) {
        rpc_error(&s->rpc, id, RPC_METHOD_NOT_FOUND, "method not supported");
    }
    /* other notifications ($/cancelRequest for requests answered already,
     * $/setTrace, workspace/didChangeConfiguration, ...) need nothing */
    return true;
}

int sc_lsp_main(const sc_options *o)
{
    server s;
    memset(&s, 0, sizeof s);
    s.o = o;
    s.debounce_ms = DEFAULT_DEBOUNCE_MS;
    rpc_init(&s.rpc, 0, 1);
    pthread_mutex_init(&s.mu, NULL);
    pthread_cond_init(&s.cv, NULL);
    int status = 1;
    for (;;) {
        bool bad;
        cJSON *msg = rpc_read(&s.rpc, &bad);
        if (!msg) {
            if (bad) {
                rpc_error(&s.rpc, NULL, RPC_PARSE_ERROR, "not a JSON-RPC message");
                continue;
            }
            break;                /* the client went away without exit */
        }
        bool go_on = handle(&s, msg, &status);
        cJSON_Delete(msg);
        if (!go_on)
            break;
    }
    pthread_mutex_lock(&s.mu);
    s.stop = true;
    s.cancel = 1;
    pthread_cond_signal(&s.cv);
    pthread_mutex_unlock(&s.mu);
    if (s.linter_started)
        pthread_join(s.linter, NULL);
    for (size_t i = 0; i < s.docs.len; i++)
        doc_free(s.docs.items[i]);
    SC_VEC_FREE(s.docs);
    sc_strmap_free(&s.logged);
    session_free(s.session);
    pthread_cond_destroy(&s.cv);
    pthread_mutex_destroy(&s.mu);
    rpc_free(&s.rpc);
    free(s.root);
    return status;
}
