/* irdump: parses a C file with the scopecheck front end and prints its IR.
 *
 *   irdump [options] FILE.c [-- CLANG-ARGS...]
 *
 *   -p DIR         take FILE's arguments from DIR/compile_commands.json
 *                  (without -p and without --, the nearest
 *                  compile_commands.json above FILE is used, if any)
 *   --print-args   print the compile command's arguments for libclang, one
 *                  per line, and stop
 *   --print-view   print the arguments its compiler's view adds (see
 *                  frontend/driver.h), one per line, and stop
 *   --quiet        parse and lower, print nothing (timing runs)
 *   --parse-only   parse, do not lower (timing runs)
 *   --time         print the parse and lowering times on stderr
 *   --libclang LIB load LIB (a path) rather than the libclang we were
 *                  built against
 *   --operator-kinds  print "api" when the loaded libclang tells operator
 *                  kinds (LLVM 17+), "text" when they are read from the
 *                  source, and stop
 *
 * Exit status: 0 on success, 2 when the file cannot be read or parsed or
 * the compilation database cannot be loaded (the reason on stderr). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "frontend/compdb.h"
#include "frontend/driver.h"
#include "frontend/lower.h"
#include "frontend/parse.h"
#include "ir/ir.h"

static int usage(void)
{
    fputs("usage: irdump [-p DIR] [--print-args] [--quiet|--parse-only] FILE.c "
          "[-- CLANG-ARGS...]\n",
          stderr);
    return 2;
}

int main(int argc, char **argv)
{
    const char *dir = NULL, *file = NULL;
    bool print_args = false, print_view = false, quiet = false, parse_only = false;
    bool timing = false;
    int dashdash = -1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            dashdash = i;
            break;
        } else if (strcmp(argv[i], "-p") == 0 && i + 1 < argc) {
            dir = argv[++i];
        } else if (strcmp(argv[i], "--print-args") == 0) {
            print_args = true;
        } else if (strcmp(argv[i], "--print-view") == 0) {
            print_view = true;
        } else if (strcmp(argv[i], "--quiet") == 0) {
            quiet = true;
        } else if (strcmp(argv[i], "--libclang") == 0 && i + 1 < argc) {
            sc_clang_prefer(argv[++i]);
        } else if (strcmp(argv[i], "--operator-kinds") == 0) {
            const char *why = NULL;
            if (!sc_clang_load(&why)) {
                fprintf(stderr, "irdump: %s\n", why);
                return 2;
            }
            puts(sc_clang_binop_kind && sc_clang_unop_kind ? "api" : "text");
            return 0;
        } else if (strcmp(argv[i], "--time") == 0) {
            timing = true;
        } else if (strcmp(argv[i], "--parse-only") == 0) {
            parse_only = quiet = true;
        } else if (argv[i][0] == '-' || file) {
            return usage();
        } else {
            file = argv[i];
        }
    }
    if (!file)
        return usage();

    char **owned = NULL;
    const char *const *args = NULL;
    int nargs = 0;
    if (dashdash >= 0) {
        args = (const char *const *)argv + dashdash + 1;
        nargs = argc - dashdash - 1;
    } else {
        char *found = NULL;
        if (!dir)
            dir = found = fe_compdb_find(file);
        if (dir) {
            char *err = NULL;
            fe_compdb *db = fe_compdb_load(dir, &err);
            if (!db) {
                fprintf(stderr, "irdump: %s\n", err);
                free(err);
                free(found);
                return 2;
            }
            owned = fe_compdb_args(db, file, &nargs);
            char *cc = owned ? fe_compdb_compiler(db, file) : NULL;
            fe_compdb_free(db);
            if (!owned && !found) {
                fprintf(stderr, "irdump: %s: no entry in %s/compile_commands.json\n",
                        file, dir);
                return 2;
            }
            /* the compiler's view first, as the map step puts it */
            int nview = 0;
            char **view = owned ? fe_driver_view(cc, owned, nargs, &nview) : NULL;
            free(cc);
            if (print_view) {
                for (int i = 0; i < nview; i++)
                    printf("%s\n", view[i]);
                fe_args_free(view);
                fe_args_free(owned);
                free(found);
                return 0;
            }
            if (view && !print_args) {
                char **all = malloc(((size_t)nview + (size_t)nargs + 1) * sizeof *all);
                for (int i = 0; i < nview; i++)
                    all[i] = view[i];
                for (int i = 0; i < nargs; i++)
                    all[nview + i] = owned[i];
                all[nview + nargs] = NULL;
                free(view);
                free(owned);
                owned = all;
                nargs += nview;
                view = NULL;
            }
            fe_args_free(view);
            args = (const char *const *)owned;
        }
        free(found);
    }

    if (print_args) {
        for (int i = 0; i < nargs; i++)
            printf("%s\n", args[i]);
        fe_args_free(owned);
        return 0;
    }

    struct timespec t0, t1, t2;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    fe_index *idx = fe_index_new();
    char *err = NULL;
    CXTranslationUnit tu = fe_parse(idx, file, nargs, args, &err);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    fe_args_free(owned);
    if (!tu) {
        fprintf(stderr, "irdump: %s\n", err);
        free(err);
        fe_index_free(idx);
        return 2;
    }
    ir_unit *u = parse_only ? NULL : fe_lower(tu, file);
    clock_gettime(CLOCK_MONOTONIC, &t2);
    if (timing)
        fprintf(stderr, "parse %.3fs lower %.3fs\n",
                (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
                (double)(t2.tv_sec - t1.tv_sec) + (double)(t2.tv_nsec - t1.tv_nsec) / 1e9);
    if (u && !quiet)
        ir_dump(u, stdout);
    ir_unit_free(u);
    fe_tu_free(tu);
    fe_index_free(idx);
    return 0;
}
