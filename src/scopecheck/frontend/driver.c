/* See driver.h. */
#include "driver.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "compdb.h"
#include "../util/arena.h"
#include "../util/file.h"

/* how long a compiler may take to answer */
#define QUERY_SECONDS 10

/* clang's macros that say "this is clang" (clang -E -dM of an empty file) */
static const char *const clang_own[] = {
    "__clang__", "__clang_major__", "__clang_minor__", "__clang_patchlevel__",
    "__clang_version__", "__clang_literal_encoding__", "__clang_wide_literal_encoding__",
    "__llvm__", NULL};

/* kept as clang has them: the standard's, which follow the same -std (and
 * clang warns on redefining a builtin macro) */
static const char *const kept[] = {"__STDC__", "__STDC_VERSION__", "__STDC_HOSTED__",
                                   "__VERSION__", NULL};

/* gcc's version, which the program's own `#if __GNUC__ >= 5` reads as
 * the build does: clang's own is undefined first (no redefinition
 * warning) */
static const char *const version[] = {"__GNUC__", "__GNUC_MINOR__",
                                      "__GNUC_PATCHLEVEL__", NULL};

/* What glibc's headers expect of a gcc of that version and clang's parser
 * lacks, spelled in what it has: gcc 7's _FloatN types (bits/floatn.h
 * typedefs them only for older compilers) and gcc 11's
 * __malloc__(deallocator) attribute (sys/cdefs.h __attr_dealloc), which
 * clang 14 rejects: the plain __malloc__ attribute.  Neither changes what
 * a program computes. */
static const struct { int since; const char *def; } gcc_compat[] = {
    {7, "-D_Float32=float"},          {7, "-D_Float64=double"},
    {7, "-D_Float32x=double"},        {7, "-D_Float64x=long double"},
    {7, "-D_Float128=__float128"},    {11, "-D__malloc__(...)=__malloc__"},
};

typedef SC_VEC(char *) strvec;
typedef SC_VEC(char) charbuf;

typedef struct view {
    char *key;
    char **argv;                /* NULL: the compiler could not be asked */
    int argc;
} view;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static SC_VEC(view) views;

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

bool fe_driver_askable(const char *compiler)
{
    if (!compiler || !*compiler)
        return false;
    if (strchr(compiler, '/') && compiler[0] != '/')
        return false;           /* a relative path: not run */
    const char *b = base_name(compiler);
    if (!strcmp(b, "cc") || !strcmp(b, "c89") || !strcmp(b, "c99") || !strcmp(b, "c11"))
        return true;
    size_t n = strlen(b);
    if (n > 3 && !strcmp(b + n - 3, "-cc"))
        return true;
    /* a '-'-separated part that is gcc or clang (gcc-12, x86_64-linux-gnu-gcc) */
    for (const char *p = b; *p;) {
        const char *q = strchr(p, '-');
        size_t len = q ? (size_t)(q - p) : strlen(p);
        if ((len == 3 && !memcmp(p, "gcc", 3)) || (len == 5 && !memcmp(p, "clang", 5)))
            return true;
        if (!q)
            break;
        p = q + 1;
    }
    return false;
}

/* The flags that change what the compiler predefines or searches. */
static void answer_flags(char *const *args, int argc, strvec *out)
{
    static const char *const with_value[] = {"-isysroot", "-target", "--sysroot", "-mllvm", NULL};
    for (int i = 0; i < argc; i++) {
        const char *a = args[i];
        bool pair = false;
        for (const char *const *w = with_value; *w; w++)
            pair |= strcmp(a, *w) == 0;
        if (pair) {
            if (i + 1 < argc) {
                SC_PUSH(*out, sc_xstrdup(a));
                SC_PUSH(*out, sc_xstrdup(args[++i]));
            }
            continue;
        }
        if (!strncmp(a, "-std", 4) || !strcmp(a, "-ansi") || !strncmp(a, "-O", 2) ||
            (!strncmp(a, "-m", 2) && a[2]) || (!strncmp(a, "-f", 2) && a[2]) ||
            !strcmp(a, "-pthread") || !strncmp(a, "--sysroot=", 10) ||
            !strncmp(a, "--target=", 9) || !strcmp(a, "-nostdinc"))
            SC_PUSH(*out, sc_xstrdup(a));
    }
}

/* Appends what fd has to read to buf; false at its end. */
static bool drain(int fd, charbuf *buf)
{
    char chunk[4096];
    ssize_t r = read(fd, chunk, sizeof chunk);
    if (r < 0 && errno == EINTR)
        return true;
    if (r <= 0)
        return false;
    for (ssize_t i = 0; i < r; i++)
        SC_PUSH(*buf, chunk[i]);
    return true;
}

/* The file that runs program name p: p itself when it holds a '/', else
 * the first executable p in PATH.  Malloc'd, or NULL. */
static char *find_program(const char *p)
{
    if (strchr(p, '/'))
        return access(p, X_OK) == 0 ? sc_xstrdup(p) : NULL;
    const char *env = getenv("PATH");
    const char *dirs = env && *env ? env : "/usr/local/bin:/usr/bin:/bin";
    for (const char *d = dirs;;) {
        const char *e = strchr(d, ':');
        size_t dl = e ? (size_t)(e - d) : strlen(d);
        char *f = sc_xmalloc(dl + strlen(p) + 2);
        sprintf(f, "%.*s%s%s", (int)dl, d, dl ? "/" : "", p);
        if (access(f, X_OK) == 0)
            return f;
        free(f);
        if (!e)
            return NULL;
        d = e + 1;
    }
}

/* Runs argv; its stdout and stderr, NUL-terminated (malloc'd).  False if
 * it cannot be started, fails, or takes too long. */
static bool run(char *const *argv, char **out, char **err)
{
    int po[2], pe[2];
    *out = *err = NULL;
    if (pipe(po) != 0)
        return false;
    if (pipe(pe) != 0) {
        close(po[0]);
        close(po[1]);
        return false;
    }
    /* fork and exec, the program found in PATH first: the child calls
     * only async-signal-safe functions (other threads may hold locks) */
    char *path = find_program(argv[0]);
    pid_t pid = path ? fork() : -1;
    if (pid == 0) {
        int nul = open("/dev/null", O_RDONLY);
        if (nul < 0 || dup2(nul, 0) < 0 || dup2(po[1], 1) < 0 || dup2(pe[1], 2) < 0)
            _exit(127);
        close(po[0]);
        close(pe[0]);
        execv(path, argv);
        _exit(127);
    }
    free(path);
    close(po[1]);
    close(pe[1]);
    if (pid < 0) {
        close(po[0]);
        close(pe[0]);
        return false;
    }
    charbuf bo = {0}, be = {0};
    struct pollfd fds[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
    bool open_o = true, open_e = true, late = false;
    time_t start = time(NULL);
    while ((open_o || open_e) && !late) {
        fds[0].fd = open_o ? po[0] : -1;
        fds[1].fd = open_e ? pe[0] : -1;
        int k = poll(fds, 2, 1000);
        if (k < 0 && errno != EINTR)
            break;
        if (k > 0) {
            if (open_o && (fds[0].revents & (POLLIN | POLLHUP | POLLERR)))
                open_o = drain(po[0], &bo);
            if (open_e && (fds[1].revents & (POLLIN | POLLHUP | POLLERR)))
                open_e = drain(pe[0], &be);
        }
        late = time(NULL) - start > QUERY_SECONDS;
    }
    close(po[0]);
    close(pe[0]);
    if (late)
        kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    SC_PUSH(bo, '\0');
    SC_PUSH(be, '\0');
    *out = bo.items;
    *err = be.items;
    return !late && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static bool in_list(const char *s, size_t n, const char *const *list)
{
    for (const char *const *p = list; *p; p++)
        if (strlen(*p) == n && !memcmp(*p, s, n))
            return true;
    return false;
}

/* The view from the compiler's answer: -dM on stdout, -v on stderr. */
static void read_answer(const char *out, const char *err, strvec *v)
{
    bool is_clang = strstr(out, "#define __clang__ ") != NULL;
    int gnuc = 0;                 /* gcc's __GNUC__ */
    if (!is_clang) {
        for (const char *const *p = clang_own; *p; p++) {
            char *u = sc_xmalloc(strlen(*p) + 3);
            sprintf(u, "-U%s", *p);
            SC_PUSH(*v, u);
        }
        for (const char *l = out; *l;) {
            const char *e = strchr(l, '\n');
            size_t len = e ? (size_t)(e - l) : strlen(l);
            if (len > 8 && !memcmp(l, "#define ", 8)) {
                const char *name = l + 8, *end = l + len;
                const char *sp = name;
                while (sp < end && *sp != ' ' && *sp != '(')
                    sp++;
                if (sp < end && *sp == '(') {   /* NAME(params) */
                    while (sp < end && *sp != ')')
                        sp++;
                    if (sp < end)
                        sp++;
                }
                if (in_list(name, (size_t)(sp - name), version)) {
                    char *u = sc_xmalloc((size_t)(sp - name) + 3);
                    sprintf(u, "-U%.*s", (int)(sp - name), name);
                    SC_PUSH(*v, u);
                    if ((size_t)(sp - name) == 8 && sp < end)
                        gnuc = atoi(sp + 1);
                }
                if (!in_list(name, (size_t)(sp - name), kept)) {
                    size_t nl = (size_t)(sp - name);
                    const char *val = sp < end ? sp + 1 : end;
                    size_t vl = (size_t)(end - val);
                    char *d = sc_xmalloc(nl + vl + 4);
                    memcpy(d, "-D", 2);
                    memcpy(d + 2, name, nl);
                    d[2 + nl] = '=';
                    memcpy(d + 3 + nl, val, vl);
                    d[3 + nl + vl] = '\0';
                    SC_PUSH(*v, d);
                }
            }
            l = e ? e + 1 : l + len;
        }
        for (size_t i = 0; i < sizeof gcc_compat / sizeof *gcc_compat; i++)
            if (gnuc >= gcc_compat[i].since)
                SC_PUSH(*v, sc_xstrdup(gcc_compat[i].def));
    }
    /* the <...> search list */
    SC_PUSH(*v, sc_xstrdup("-nostdlibinc"));
    const char *s = strstr(err, "#include <...> search starts here:");
    const char *stop = s ? strstr(s, "End of search list.") : NULL;
    if (!s || !stop)
        return;
    for (const char *l = strchr(s, '\n'); l && l < stop; l = strchr(l + 1, '\n')) {
        const char *b = l + 1;
        while (*b == ' ')
            b++;
        const char *e = strchr(b, '\n');
        if (!e || e > stop)
            break;
        size_t len = (size_t)(e - b);
        const char *fw = " (framework directory)";
        if (len > strlen(fw) && !memcmp(e - strlen(fw), fw, strlen(fw)))
            continue;
        char *dir = sc_xmalloc(len + 1);
        memcpy(dir, b, len);
        dir[len] = '\0';
        /* the compiler's own builtin headers: clang's stay in their place */
        if (strstr(dir, "/lib/gcc/") || strstr(dir, "/lib/gcc-cross/") ||
            strstr(dir, "/lib/clang/") || strstr(dir, "/lib64/clang/")) {
            free(dir);
            continue;
        }
        SC_PUSH(*v, sc_xstrdup("-idirafter"));
        SC_PUSH(*v, dir);
    }
}

/* The compiler's answer to -E -dM -v on an empty file: its predefined
 * macros (stdout) and its search list (stderr).  False if it could not be
 * asked. */
static bool ask(const char *compiler, strvec *flags, char **out, char **err)
{
    strvec argv = {0};
    SC_PUSH(argv, (char *)compiler);
    for (size_t i = 0; i < flags->len; i++)
        SC_PUSH(argv, flags->items[i]);
    const char *tail[] = {"-E", "-dM", "-v", "-x", "c", "/dev/null", NULL};
    for (const char **t = tail; *t; t++)
        SC_PUSH(argv, (char *)*t);
    SC_PUSH(argv, (char *)NULL);
    bool ok = run(argv.items, out, err);
    SC_VEC_FREE(argv);
    if (!ok) {
        free(*out);
        free(*err);
        *out = *err = NULL;
    }
    return ok;
}

static view view_of(const char *out, const char *err)
{
    strvec v = {0};
    read_answer(out, err, &v);
    SC_PUSH(v, (char *)NULL);
    return (view){NULL, v.items, (int)v.len - 1};
}

/* ---- the answer kept on disk ----
 * Asking the compiler costs about 35 ms a run (its driver and cc1), as
 * much as parsing a small file, so the answer is kept in the user's
 * cache (driver-<hash>), keyed as ccache keys a compiler: the key (the
 * compiler and the flags that change its answer), the compiler's file
 * (path, size, inode, times) and the environment variables it reads
 * for include paths.  A compiler replaced or updated gets a new key.
 * What is kept is the compiler's own answer, not the view read from it:
 * the cache is the user's, shared by every scopecheck the user runs, and
 * a view read by another version's read_answer() would be that
 * version's (a stale view once hid a change of what is taken). */

static char *answer_file(const char *compiler, const char *key)
{
    char *exe = find_program(compiler);
    struct stat st;
    char *dir = sc_user_cache_dir();
    if (!exe || stat(exe, &st) != 0 || !dir) {
        free(exe);
        free(dir);
        return NULL;
    }
    uint64_t h = sc_fnv1a(SC_FNV_INIT, key, strlen(key) + 1);
    h = sc_fnv1a(h, exe, strlen(exe) + 1);
    int64_t id[] = {(int64_t)st.st_size, (int64_t)st.st_ino, (int64_t)st.st_dev,
                    (int64_t)st.st_mtim.tv_sec, (int64_t)st.st_mtim.tv_nsec,
                    (int64_t)st.st_ctim.tv_sec, (int64_t)st.st_ctim.tv_nsec};
    h = sc_fnv1a(h, id, sizeof id);
    static const char *const env[] = {"CPATH", "C_INCLUDE_PATH", "GCC_EXEC_PREFIX",
                                      "COMPILER_PATH", "SDKROOT", NULL};
    for (const char *const *v = env; *v; v++) {
        const char *x = getenv(*v);
        h = sc_fnv1a(h, x ? x : "", x ? strlen(x) + 1 : 0);
        h = sc_fnv1a(h, "\x1f", 1);
    }
    char *f = sc_xmalloc(strlen(dir) + 40);
    sprintf(f, "%s/driver-%016llx", dir, (unsigned long long)h);
    free(exe);
    free(dir);
    return f;
}

/* the file: this line, then "<stdout length> <stderr length>\n", then
 * the two texts as the compiler wrote them */
#define ANSWER_MAGIC "scopecheck compiler answer 2\n"

static bool load_answer(const char *file, char **out, char **err)
{
    size_t len, ml = strlen(ANSWER_MAGIC);
    char *t = file ? sc_read_file(file, &len) : NULL;
    unsigned long long lo, le;
    int head = 0;
    if (!t || len < ml || strncmp(t, ANSWER_MAGIC, ml) != 0 ||
        sscanf(t + ml, "%llu %llu\n%n", &lo, &le, &head) != 2 || head == 0 ||
        lo > len - ml - (size_t)head || le != len - ml - (size_t)head - lo) {
        /* not ours, cut short, or lengths that do not add up (no sum that
         * could wrap) */
        free(t);
        return false;
    }
    const char *body = t + ml + head;
    *out = sc_xmalloc(lo + 1);
    memcpy(*out, body, lo);
    (*out)[lo] = '\0';
    *err = sc_xmalloc(le + 1);
    memcpy(*err, body + lo, le);
    (*err)[le] = '\0';
    free(t);
    return true;
}

/* written whole under a temporary name, then renamed: a reader sees the
 * old answer or the new one */
static void save_answer(const char *file, const char *out, const char *err)
{
    if (!file)
        return;
    char *dir = sc_user_cache_dir();
    bool ok = dir && sc_make_dirs(dir);
    free(dir);
    char *tmp = sc_xmalloc(strlen(file) + 32);
    sprintf(tmp, "%s.%ld.tmp", file, (long)getpid());
    FILE *f = ok ? fopen(tmp, "w") : NULL;
    if (!f) {
        free(tmp);
        return;
    }
    size_t lo = strlen(out), le = strlen(err);
    fputs(ANSWER_MAGIC, f);
    fprintf(f, "%zu %zu\n", lo, le);
    fwrite(out, 1, lo, f);
    fwrite(err, 1, le, f);
    if (fclose(f) != 0 || rename(tmp, file) != 0)
        unlink(tmp);
    free(tmp);
}

char **fe_driver_view(const char *compiler, char *const *args, int argc, int *n)
{
    *n = 0;
    if (!fe_driver_askable(compiler))
        return NULL;
    strvec flags = {0};
    answer_flags(args, argc, &flags);
    size_t kl = strlen(compiler) + 1;
    for (size_t i = 0; i < flags.len; i++)
        kl += strlen(flags.items[i]) + 1;
    char *key = sc_xmalloc(kl + 1), *k = key;
    k += sprintf(k, "%s", compiler);
    for (size_t i = 0; i < flags.len; i++)
        k += sprintf(k, "\x1f%s", flags.items[i]);

    pthread_mutex_lock(&lock);
    view *found = NULL;
    for (size_t i = 0; i < views.len && !found; i++)
        if (!strcmp(views.items[i].key, key))
            found = &views.items[i];
    if (!found) {
        /* asked under the lock: the workers of one run wait for the one
         * answer rather than each running the compiler */
        view w = {NULL, NULL, 0};
        char *file = answer_file(compiler, key);
        char *out = NULL, *err = NULL;
        bool have = load_answer(file, &out, &err);
        if (!have && ask(compiler, &flags, &out, &err)) {
            save_answer(file, out, err);
            have = true;
        }
        if (have)
            w = view_of(out, err);
        free(out);
        free(err);
        free(file);
        w.key = key;
        key = NULL;
        SC_PUSH(views, w);
        found = &views.items[views.len - 1];
    }
    char **r = NULL;
    if (found->argv) {
        r = sc_xmalloc(((size_t)found->argc + 1) * sizeof *r);
        for (int i = 0; i < found->argc; i++)
            r[i] = sc_xstrdup(found->argv[i]);
        r[found->argc] = NULL;
        *n = found->argc;
    }
    pthread_mutex_unlock(&lock);
    free(key);
    for (size_t i = 0; i < flags.len; i++)
        free(flags.items[i]);
    SC_VEC_FREE(flags);
    return r;
}
