/* A main() for the fuzz targets without libFuzzer: runs
 * LLVMFuzzerTestOneInput over each file named (directories: every file in
 * them), built with ASan/UBSan, so crashing inputs found by `make fuzz`
 * and kept under tests/fuzz/regressions/ stay fixed
 * (tests/suites/fuzz_regressions.sh).  Prints one line per input. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "replay: %s: cannot open\n", path);
        return 1;
    }
    size_t cap = 4096, len = 0, n;
    uint8_t *buf = malloc(cap);
    while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    if (!buf)
        return 1;
    /* an exact-size copy, so that reading past the input is caught */
    uint8_t *exact = malloc(len ? len : 1);
    memcpy(exact, buf, len);
    free(buf);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    printf("replayed %s (%zu bytes)\n", path, len);
    return 0;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    int bad = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            DIR *d = opendir(argv[i]);
            struct dirent *e;
            char **names = NULL;
            size_t n = 0;
            while (d && (e = readdir(d))) {
                if (e->d_name[0] == '.')
                    continue;
                names = realloc(names, (n + 1) * sizeof *names);
                size_t len = strlen(argv[i]) + strlen(e->d_name) + 2;
                names[n] = malloc(len);
                snprintf(names[n], len, "%s/%s", argv[i], e->d_name);
                n++;
            }
            if (d)
                closedir(d);
            if (n > 1)
                qsort(names, n, sizeof *names, cmp);
            for (size_t k = 0; k < n; k++) {
                bad |= run_file(names[k]);
                free(names[k]);
            }
            free(names);
        } else {
            bad |= run_file(argv[i]);
        }
    }
    return bad;
}
