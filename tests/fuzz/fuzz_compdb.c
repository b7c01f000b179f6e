/* Fuzz target: the compile database reader (frontend/compdb.c): the input
 * is written to TMPDIR/compile_commands.json and loaded; every entry's
 * arguments are then asked for.  Also the shell splitter on the input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "frontend/compdb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[256];

static void cleanup(void)
{
    char path[300];
    snprintf(path, sizeof path, "%s/compile_commands.json", dir);
    unlink(path);
    rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dir[0]) {
        const char *t = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/fuzz-compdb-XXXXXX", t && *t ? t : "/tmp");
        if (!mkdtemp(dir))
            abort();
        atexit(cleanup);
    }
    char path[300];
    snprintf(path, sizeof path, "%s/compile_commands.json", dir);
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (size)
        fwrite(data, 1, size, f);
    fclose(f);
    char *err = NULL;
    fe_compdb *db = fe_compdb_load(dir, &err);
    if (db) {
        size_t n = fe_compdb_size(db);
        for (size_t i = 0; i < n && i < 64; i++) {
            const char *file = fe_compdb_file(db, i);
            int argc = 0;
            char **argv = fe_compdb_args(db, file, &argc);
            fe_args_free(argv);
        }
        int argc = 0;
        fe_args_free(fe_compdb_args(db, "no/such/file.c", &argc));
        fe_compdb_free(db);
    } else {
        free(err);
    }
    /* the "command" splitter, on the input as one string */
    char *cmd = malloc(size + 1);
    memcpy(cmd, data, size);
    cmd[size] = '\0';
    int argc = 0;
    char *serr = NULL;
    char **argv = fe_shell_split(cmd, &argc, &serr);
    fe_args_free(argv);
    free(serr);
    free(cmd);
    return 0;
}
