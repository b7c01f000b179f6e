#include "program.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../frontend/compdb.h"
#include "../util/strmap.h"
#include "path.h"

static bool is_c_source(const char *path)
{
    size_t n = strlen(path);
    return n > 2 && strcmp(path + n - 2, ".c") == 0;
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* adds path (absolute) unless the run has it */
static void add(sc_strs *files, sc_strmap *have, const char *path)
{
    if (sc_strmap_get(have, path) || !is_c_source(path) || !is_file(path))
        return;
    char *copy = sc_xstrdup(path);
    sc_strmap_put(have, copy, (void *)1);
    SC_PUSH(*files, copy);
}

bool *program_expand(const sc_options *o, sc_args_ctx *args, sc_cache *cache,
                     sc_strs *files)
{
    size_t named = files->len;
    sc_strmap have = {0};
    char **abs = sc_xmalloc((named + 1) * sizeof *abs);
    for (size_t i = 0; i < named; i++) {
        abs[i] = sc_path_abs(files->items[i]);
        sc_strmap_put(&have, abs[i], (void *)1);
    }
    SC_VEC(const fe_compdb *) dbs_done = {0};
    sc_strmap done_programs = {0};
    for (size_t i = 0; i < named; i++) {
        const fe_compdb *db = o->cflags.len == 0 && args ? args_compdb(args, abs[i]) : NULL;
        int argc;
        char **listed = db ? fe_compdb_args(db, abs[i], &argc) : NULL;
        if (listed) {
            fe_args_free(listed);
            bool done = false;
            for (size_t k = 0; k < dbs_done.len && !done; k++)
                done = dbs_done.items[k] == db;
            if (done)
                continue;
            SC_PUSH(dbs_done, db);
            for (size_t k = 0; k < fe_compdb_size(db); k++)
                add(files, &have, fe_compdb_file(db, k));
            continue;
        }
        /* a program already added (the files of one run over a tree all
         * name it) need not be added again */
        sc_strs more = {0};
        if (!sc_strmap_get(&done_programs, abs[i]) &&
            cache_program_of(cache, abs[i], &more))
            for (size_t k = 0; k < more.len; k++)
                add(files, &have, more.items[k]);
        for (size_t k = 0; k < more.len; k++) {
            sc_strmap_put(&done_programs, more.items[k], (void *)1);
            free((void *)more.items[k]);
        }
        SC_VEC_FREE(more);
    }
    SC_VEC_FREE(dbs_done);
    sc_strmap_free(&done_programs);
    /* the keys of `have` are abs[] and the added files' strings */
    sc_strmap_free(&have);
    for (size_t i = 0; i < named; i++)
        free(abs[i]);
    free(abs);
    bool *reported = sc_xmalloc(files->len + 1);
    for (size_t i = 0; i < files->len; i++)
        reported[i] = i < named;
    return reported;
}

void program_record(const sc_options *o, sc_cache *cache, const sc_strs *files)
{
    sc_strs roots = {0}, all = {0};
    for (size_t i = 0; i < o->paths.len; i++) {
        struct stat st;
        if (stat(o->paths.items[i], &st) == 0 && S_ISDIR(st.st_mode))
            SC_PUSH(roots, sc_path_abs(o->paths.items[i]));
    }
    if (roots.len) {
        for (size_t i = 0; i < files->len; i++)
            SC_PUSH(all, sc_path_abs(files->items[i]));
        cache_record_program(cache, &roots, &all);
    }
    for (size_t i = 0; i < roots.len; i++)
        free((void *)roots.items[i]);
    for (size_t i = 0; i < all.len; i++)
        free((void *)all.items[i]);
    SC_VEC_FREE(roots);
    SC_VEC_FREE(all);
}
