/* The map step: every file parsed with its own flags and lowered to IR, on
 * N threads.  Results land in files' order whatever N is, so the output is
 * the same for any -j. */
#include "map.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../frontend/compdb.h"
#include "../frontend/lower.h"
#include "../frontend/parse.h"

#ifndef SC_INCLUDE_DIR
#define SC_INCLUDE_DIR "/usr/local/include"
#endif

typedef struct job {
    const sc_strs *files;
    const sc_map_opts *o;
    fe_compdb *db;                /* -p DIR, loaded once */
    ir_unit **units;
    char **errors;                /* per file: why it was not checked */
    atomic_size_t next;
} job;

/* The arguments for one file: "--" flags win, else the compile database's
 * (-p, or the nearest one above the file), then --extra-arg, then our own
 * include directory last so that varscope.h is found even without flags. */
static char **file_args(job *j, const char *file, int *argc, char **err)
{
    SC_VEC(const char *) v = {0};
    char **db_args = NULL;
    fe_compdb *own = NULL;
    int n = 0;
    if (j->o->cflags->len == 0) {
        fe_compdb *db = j->db;
        if (!db && !j->o->compdb_dir) {
            char *dir = fe_compdb_find(file);
            if (dir) {
                own = db = fe_compdb_load(dir, err);
                free(dir);
                if (!db)
                    return NULL;
            }
        }
        if (db)
            db_args = fe_compdb_args(db, file, &n);
    }
    for (size_t i = 0; i < j->o->cflags->len; i++)
        SC_PUSH(v, sc_xstrdup(j->o->cflags->items[i]));
    for (int i = 0; db_args && i < n; i++)
        SC_PUSH(v, sc_xstrdup(db_args[i]));
    for (size_t i = 0; i < j->o->extra_args->len; i++)
        SC_PUSH(v, sc_xstrdup(j->o->extra_args->items[i]));
    SC_PUSH(v, sc_xstrdup("-I" SC_INCLUDE_DIR));
    SC_PUSH(v, NULL);
    fe_args_free(db_args);
    fe_compdb_free(own);
    *argc = (int)v.len - 1;
    return (char **)v.items;
}

static void free_args(char **argv)
{
    for (char **a = argv; a && *a; a++)
        free(*a);
    free(argv);
}

static void *worker(void *arg)
{
    job *j = arg;
    fe_index *idx = fe_index_new();
    for (;;) {
        size_t i = atomic_fetch_add(&j->next, 1);
        if (i >= j->files->len)
            break;
        const char *file = j->files->items[i];
        char *err = NULL;
        int argc = 0;
        char **argv = file_args(j, file, &argc, &err);
        if (!argv) {
            j->errors[i] = err;
            continue;
        }
        CXTranslationUnit tu =
            idx ? fe_parse(idx, file, argc, (const char *const *)argv, &err)
                : NULL;
        if (!idx && !err)
            err = sc_xstrdup("libclang could not start");
        if (tu) {
            j->units[i] = fe_lower(tu, file);
            fe_tu_free(tu);
        } else {
            j->errors[i] = err;
        }
        free_args(argv);
    }
    if (idx)
        fe_index_free(idx);
    return NULL;
}

static int cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

void map_files(const sc_strs *files, const sc_map_opts *o, ir_unit **units,
               sc_report *rep)
{
    job j = {files, o, NULL, units, calloc(files->len + 1, sizeof(char *)), 0};
    if (o->compdb_dir) {
        char *err = NULL;
        j.db = fe_compdb_load(o->compdb_dir, &err);
        if (!j.db) {
            report_failure(rep, "%s", err ? err : "cannot read the compile database");
            free(err);
            free(j.errors);
            return;
        }
    }
    int n = o->jobs > 0 ? o->jobs : cores();
    if ((size_t)n > files->len)
        n = (int)files->len;
    if (n <= 1) {
        worker(&j);
    } else {
        pthread_t *t = calloc((size_t)n, sizeof *t);
        int started = 0;
        for (int i = 0; i < n; i++)
            if (pthread_create(&t[i], NULL, worker, &j) == 0)
                started++;
            else
                break;
        if (started == 0)
            worker(&j);
        for (int i = 0; i < started; i++)
            pthread_join(t[i], NULL);
        free(t);
    }
    for (size_t i = 0; i < files->len; i++)
        if (j.errors[i]) {
            report_failure(rep, "%s", j.errors[i]);
            free(j.errors[i]);
        }
    free(j.errors);
    fe_compdb_free(j.db);
}
