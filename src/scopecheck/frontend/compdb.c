/* realpath() is XSI */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include "compdb.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../util/arena.h"

typedef struct cd_entry {
    char *file;          /* absolute, normalized */
    char *real;          /* realpath(file), or NULL when it does not resolve */
    char *file_arg;      /* "file" as written */
    char *dir;           /* absolute, normalized */
    char **argv;         /* the raw command, argv[0] = the compiler */
    int argc;
} cd_entry;

struct fe_compdb {
    cd_entry *entries;
    size_t n;
    /* open addressing: path -> entry index + 1 (normalized and real paths) */
    const char **keys;
    size_t *vals;
    size_t cap;
};

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static char *msgf(const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    char *s = sc_xmalloc((size_t)n + 1);
    if ((size_t)n < sizeof small) {
        memcpy(s, small, (size_t)n + 1);
    } else {
        va_start(ap, fmt);
        vsnprintf(s, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return s;
}

/* ---- paths ------------------------------------------------------------ */

/* Lexically normalizes an absolute path in place: no "//", ".", "..",
 * no trailing slash (except for "/"). */
static void path_normalize(char *p)
{
    size_t n = strlen(p);
    char *out = p;                  /* write position; p[0] == '/' */
    size_t o = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && p[i] == '/')
            i++;
        size_t s = i;
        while (i < n && p[i] != '/')
            i++;
        size_t len = i - s;
        if (len == 0 || (len == 1 && p[s] == '.'))
            continue;
        if (len == 2 && p[s] == '.' && p[s + 1] == '.') {
            while (o > 0 && out[o - 1] != '/')
                o--;
            if (o > 0)
                o--;                /* the slash */
            continue;
        }
        out[o++] = '/';
        memmove(out + o, p + s, len);
        o += len;
    }
    if (o == 0)
        out[o++] = '/';
    out[o] = '\0';
}

static char *path_join(const char *base, const char *rel)
{
    char *r;
    if (rel[0] == '/') {
        r = sc_xstrdup(rel);
    } else {
        size_t a = strlen(base), b = strlen(rel);
        r = sc_xmalloc(a + b + 2);
        memcpy(r, base, a);
        r[a] = '/';
        memcpy(r + a + 1, rel, b + 1);
    }
    path_normalize(r);
    return r;
}

static char *cwd_dup(void)
{
    size_t cap = 256;
    for (;;) {
        char *buf = sc_xmalloc(cap);
        if (getcwd(buf, cap))
            return buf;
        free(buf);
        if (errno != ERANGE)
            return sc_xstrdup("/");
        cap *= 2;
    }
}

static char *path_abs(const char *p)
{
    if (p[0] == '/')
        return path_join("/", p);
    char *cwd = cwd_dup();
    char *r = path_join(cwd, p);
    free(cwd);
    return r;
}

char *fe_compdb_find(const char *path)
{
    char *dir = path_abs(path);
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        char *slash = strrchr(dir, '/');
        if (slash == dir)
            dir[1] = '\0';
        else if (slash)
            *slash = '\0';
    }
    for (;;) {
        char *cand = msgf("%s%scompile_commands.json", dir,
                          dir[strlen(dir) - 1] == '/' ? "" : "/");
        bool found = stat(cand, &st) == 0 && S_ISREG(st.st_mode);
        free(cand);
        if (found)
            return dir;
        if (strcmp(dir, "/") == 0)
            break;
        char *slash = strrchr(dir, '/');
        if (slash == dir)
            dir[1] = '\0';
        else
            *slash = '\0';
    }
    free(dir);
    return NULL;
}

/* ---- shell words ------------------------------------------------------ */

void fe_args_free(char **argv)
{
    if (!argv)
        return;
    for (char **a = argv; *a; a++)
        free(*a);
    free(argv);
}

typedef SC_VEC(char *) strvec;
typedef SC_VEC(char) charvec;

static char **strvec_finish(strvec *v, int *argc)
{
    SC_PUSH(*v, (char *)NULL);
    if (argc)
        *argc = (int)v->len - 1;
    return v->items;
}

static void strvec_clear(strvec *v)
{
    for (size_t i = 0; i < v->len; i++)
        free(v->items[i]);
    SC_VEC_FREE(*v);
}

char **fe_shell_split(const char *cmd, int *argc, char **err)
{
    strvec words = {0};
    charvec w = {0};
    bool in_word = false;
    *err = NULL;
    for (size_t i = 0; cmd[i];) {
        char c = cmd[i];
        if (c == ' ' || c == '\t' || c == '\n') {
            if (in_word) {
                SC_PUSH(w, '\0');
                SC_PUSH(words, sc_xstrdup(w.items));
                w.len = 0;
                in_word = false;
            }
            i++;
        } else if (c == '\\') {
            if (cmd[i + 1] == '\n') {
                i += 2;             /* line continuation */
            } else if (cmd[i + 1]) {
                SC_PUSH(w, cmd[i + 1]);
                in_word = true;
                i += 2;
            } else {
                SC_PUSH(w, '\\');
                in_word = true;
                i++;
            }
        } else if (c == '\'') {
            in_word = true;
            size_t j = i + 1;
            while (cmd[j] && cmd[j] != '\'')
                SC_PUSH(w, cmd[j++]);
            if (!cmd[j]) {
                *err = sc_xstrdup("unterminated single quote");
                goto fail;
            }
            i = j + 1;
        } else if (c == '"') {
            in_word = true;
            size_t j = i + 1;
            while (cmd[j] && cmd[j] != '"') {
                if (cmd[j] == '\\' && cmd[j + 1] &&
                    strchr("$`\"\\\n", cmd[j + 1])) {
                    if (cmd[j + 1] != '\n')
                        SC_PUSH(w, cmd[j + 1]);
                    j += 2;
                } else {
                    SC_PUSH(w, cmd[j++]);
                }
            }
            if (!cmd[j]) {
                *err = sc_xstrdup("unterminated double quote");
                goto fail;
            }
            i = j + 1;
        } else {
            SC_PUSH(w, c);
            in_word = true;
            i++;
        }
    }
    if (in_word) {
        SC_PUSH(w, '\0');
        SC_PUSH(words, sc_xstrdup(w.items));
    }
    SC_VEC_FREE(w);
    return strvec_finish(&words, argc);
fail:
    SC_VEC_FREE(w);
    strvec_clear(&words);
    return NULL;
}

/* ---- loading ---------------------------------------------------------- */

static void map_put(fe_compdb *db, const char *key, size_t idx)
{
    size_t h = (size_t)sc_hash(key, strlen(key)) & (db->cap - 1);
    while (db->keys[h]) {
        if (strcmp(db->keys[h], key) == 0)
            return;                 /* first entry wins */
        h = (h + 1) & (db->cap - 1);
    }
    db->keys[h] = key;
    db->vals[h] = idx + 1;
}

static size_t map_get(const fe_compdb *db, const char *key)
{
    if (!db->cap)
        return 0;
    size_t h = (size_t)sc_hash(key, strlen(key)) & (db->cap - 1);
    while (db->keys[h]) {
        if (strcmp(db->keys[h], key) == 0)
            return db->vals[h];
        h = (h + 1) & (db->cap - 1);
    }
    return 0;
}

static char *read_file(const char *path, size_t *len, char **err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        *err = msgf("%s: %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && !S_ISREG(st.st_mode)) {
        fclose(f);
        *err = msgf("%s: not a regular file", path);
        return NULL;
    }
    charvec buf = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        for (size_t i = 0; i < n; i++)
            SC_PUSH(buf, chunk[i]);
    bool bad = ferror(f);
    int e = errno;
    fclose(f);
    if (bad) {
        SC_VEC_FREE(buf);
        *err = msgf("%s: cannot read: %s", path, strerror(e));
        return NULL;
    }
    *len = buf.len;
    SC_PUSH(buf, '\0');
    return buf.items;
}

static unsigned line_of(const char *buf, size_t off)
{
    unsigned line = 1;
    for (size_t i = 0; i < off; i++)
        if (buf[i] == '\n')
            line++;
    return line;
}

void fe_compdb_free(fe_compdb *db)
{
    if (!db)
        return;
    for (size_t i = 0; i < db->n; i++) {
        cd_entry *e = &db->entries[i];
        free(e->file);
        free(e->real);
        free(e->file_arg);
        free(e->dir);
        fe_args_free(e->argv);
    }
    free(db->entries);
    free(db->keys);
    free(db->vals);
    free(db);
}

static const char *json_string(const cJSON *obj, const char *key, bool *wrong_type)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    *wrong_type = false;
    if (!v)
        return NULL;
    if (!cJSON_IsString(v) || !v->valuestring) {
        *wrong_type = true;
        return NULL;
    }
    return v->valuestring;
}

fe_compdb *fe_compdb_load(const char *dir, char **err)
{
    *err = NULL;
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/')
        dl--;
    char *path = msgf("%.*s/compile_commands.json", (int)dl, dir);
    size_t len = 0;
    char *text = read_file(path, &len, err);
    if (!text) {
        free(path);
        return NULL;
    }
    const char *end = NULL;
    /* the length includes the NUL: cJSON checks that nothing follows */
    cJSON *root = cJSON_ParseWithLengthOpts(text, len + 1, &end, 1);
    if (!root) {
        const char *at = end ? end : cJSON_GetErrorPtr();
        size_t off = at && at >= text && at <= text + len ? (size_t)(at - text) : len;
        *err = msgf("%s: not valid JSON near line %u", path, line_of(text, off));
        free(text);
        free(path);
        return NULL;
    }
    free(text);

    fe_compdb *db = NULL;
    char *dbdir = NULL;
    if (!cJSON_IsArray(root)) {
        *err = msgf("%s: expected an array of entries", path);
        goto fail;
    }
    {
        char *d0 = msgf("%.*s", (int)dl, dir);
        dbdir = path_abs(d0);
        free(d0);
    }
    db = sc_xmalloc(sizeof *db);
    memset(db, 0, sizeof *db);
    size_t count = (size_t)cJSON_GetArraySize(root);
    db->entries = sc_xmalloc((count ? count : 1) * sizeof *db->entries);
    size_t idx = 0;
    const cJSON *item;
    cJSON_ArrayForEach(item, root) {
        idx++;
        if (!cJSON_IsObject(item)) {
            *err = msgf("%s: entry %zu is not an object", path, idx);
            goto fail;
        }
        bool wrong;
        const char *file = json_string(item, "file", &wrong);
        if (!file) {
            *err = msgf("%s: entry %zu has no \"file\" string", path, idx);
            goto fail;
        }
        const char *edir = json_string(item, "directory", &wrong);
        if (wrong) {
            *err = msgf("%s: entry %zu: \"directory\" is not a string", path, idx);
            goto fail;
        }
        char **argv = NULL;
        int argc = 0;
        const cJSON *args = cJSON_GetObjectItemCaseSensitive(item, "arguments");
        if (args) {
            if (!cJSON_IsArray(args)) {
                *err = msgf("%s: entry %zu: \"arguments\" is not an array of strings",
                            path, idx);
                goto fail;
            }
            strvec v = {0};
            const cJSON *a;
            cJSON_ArrayForEach(a, args) {
                if (!cJSON_IsString(a) || !a->valuestring) {
                    strvec_clear(&v);
                    *err = msgf("%s: entry %zu: \"arguments\" is not an array of strings",
                                path, idx);
                    goto fail;
                }
                SC_PUSH(v, sc_xstrdup(a->valuestring));
            }
            argv = strvec_finish(&v, &argc);
        } else {
            const char *cmd = json_string(item, "command", &wrong);
            if (wrong) {
                *err = msgf("%s: entry %zu: \"command\" is not a string", path, idx);
                goto fail;
            }
            if (!cmd) {
                *err = msgf("%s: entry %zu has neither \"arguments\" nor \"command\"",
                            path, idx);
                goto fail;
            }
            char *serr = NULL;
            argv = fe_shell_split(cmd, &argc, &serr);
            if (!argv) {
                *err = msgf("%s: entry %zu: \"command\": %s", path, idx, serr);
                free(serr);
                goto fail;
            }
        }
        cd_entry *e = &db->entries[db->n++];
        e->argv = argv;
        e->argc = argc;
        e->dir = edir ? path_join(dbdir, edir) : sc_xstrdup(dbdir);
        e->file_arg = sc_xstrdup(file);
        e->file = path_join(e->dir, file);
        char *rp = realpath(e->file, NULL);
        e->real = rp ? sc_xstrdup(rp) : NULL;
        free(rp);
    }
    db->cap = 16;
    while (db->cap < db->n * 4)
        db->cap *= 2;
    db->keys = sc_xmalloc(db->cap * sizeof *db->keys);
    db->vals = sc_xmalloc(db->cap * sizeof *db->vals);
    memset(db->keys, 0, db->cap * sizeof *db->keys);
    for (size_t i = 0; i < db->n; i++) {
        map_put(db, db->entries[i].file, i);
        if (db->entries[i].real)
            map_put(db, db->entries[i].real, i);
    }
    cJSON_Delete(root);
    free(dbdir);
    free(path);
    return db;
fail:
    cJSON_Delete(root);
    fe_compdb_free(db);
    free(dbdir);
    free(path);
    return NULL;
}

size_t fe_compdb_size(const fe_compdb *db)
{
    return db ? db->n : 0;
}

const char *fe_compdb_file(const fe_compdb *db, size_t i)
{
    return db && i < db->n ? db->entries[i].file : NULL;
}

/* ---- arguments for libclang ------------------------------------------- */

/* Options whose value is a path, in separate ("-I dir") or joined
 * ("-Idir", "--sysroot=dir") form. */
static const char *const path_opts[] = {
    "-I", "-isystem", "-iquote", "-idirafter", "-include", "-imacros",
    "-isysroot", "--sysroot", NULL};

/* -M flags that take a value: -MF file, -MT target, -MQ target, -MJ file */
static bool dep_opt_with_value(const char *a)
{
    return strcmp(a, "-MF") == 0 || strcmp(a, "-MT") == 0 ||
           strcmp(a, "-MQ") == 0 || strcmp(a, "-MJ") == 0;
}

static bool is_dep_flag(const char *a)
{
    if (strncmp(a, "-M", 2) == 0)
        return true;                /* -M -MM -MD -MMD -MG -MP -MV -MFx ... */
    /* -Wp,-MD,file and -Wp,-MMD,file (the Linux kernel's form) */
    if (strncmp(a, "-Wp,-M", 6) == 0)
        return true;
    return false;
}

static char *abs_against(const char *dir, const char *p)
{
    if (p[0] == '/' || p[0] == '=' || p[0] == '\0' || strncmp(p, "$SYSROOT", 8) == 0)
        return sc_xstrdup(p);
    return path_join(dir, p);
}

static bool same_file(const cd_entry *e, const char *arg)
{
    if (strcmp(arg, e->file_arg) == 0)
        return true;
    char *p = path_join(e->dir, arg);
    bool same = strcmp(p, e->file) == 0;
    free(p);
    return same;
}

static const cd_entry *entry_for(const fe_compdb *db, const char *file)
{
    char *abs = path_abs(file);
    size_t hit = map_get(db, abs);
    if (!hit) {
        char *rp = realpath(abs, NULL);
        if (rp) {
            hit = map_get(db, rp);
            free(rp);
        }
    }
    free(abs);
    return hit ? &db->entries[hit - 1] : NULL;
}

char *fe_compdb_compiler(const fe_compdb *db, const char *file)
{
    static const char *const wrappers[] = {"ccache", "distcc", "sccache", "icecc", NULL};
    const cd_entry *e = entry_for(db, file);
    if (!e || e->argc < 1)
        return NULL;
    int i = 0;
    const char *slash = strrchr(e->argv[0], '/');
    const char *base = slash ? slash + 1 : e->argv[0];
    for (const char *const *w = wrappers; *w; w++)
        if (!strcmp(base, *w) && e->argc > 1)
            i = 1;
    return sc_xstrdup(e->argv[i]);
}

char **fe_compdb_args(const fe_compdb *db, const char *file, int *argc)
{
    char *abs = path_abs(file);
    size_t hit = map_get(db, abs);
    if (!hit) {
        char *rp = realpath(abs, NULL);
        if (rp) {
            hit = map_get(db, rp);
            free(rp);
        }
    }
    free(abs);
    if (!hit)
        return NULL;
    const cd_entry *e = &db->entries[hit - 1];
    strvec out = {0};
    for (int i = 1; i < e->argc; i++) {
        const char *a = e->argv[i];
        if (strcmp(a, "-c") == 0)
            continue;
        if (strcmp(a, "-o") == 0) {
            i++;
            continue;
        }
        if (strncmp(a, "-o", 2) == 0 && strncmp(a, "-objc", 5) != 0)
            continue;
        if (dep_opt_with_value(a)) {
            i++;
            continue;
        }
        if (is_dep_flag(a))
            continue;
        if (a[0] != '-' && same_file(e, a))
            continue;
        bool done = false;
        for (const char *const *o = path_opts; *o && !done; o++) {
            size_t ol = strlen(*o);
            if (strcmp(a, *o) == 0) {
                SC_PUSH(out, sc_xstrdup(a));
                if (i + 1 < e->argc)
                    SC_PUSH(out, abs_against(e->dir, e->argv[++i]));
                done = true;
            } else if (strncmp(a, *o, ol) == 0) {
                const char *v = a + ol;
                bool eq = (*o)[1] == '-';   /* --sysroot=dir */
                if (eq && *v != '=')
                    continue;
                if (eq)
                    v++;
                char *p = abs_against(e->dir, v);
                SC_PUSH(out, msgf("%s%s%s", *o, eq ? "=" : "", p));
                free(p);
                done = true;
            }
        }
        if (!done)
            SC_PUSH(out, sc_xstrdup(a));
    }
    return strvec_finish(&out, argc);
}
