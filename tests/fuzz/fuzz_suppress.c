/* Fuzz target: the suppression comment scanner (cli/suppress.c): the
 * input is a C file with findings on its first lines; scanning, applying
 * and reporting unused suppressions never crash. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/suppress.h"
#include "rules/rule.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[300], dir[256];

static void cleanup(void)
{
    unlink(path);
    rmdir(dir);
}

static bool report_all(void *ctx, const char *file, sc_severity *sev)
{
    (void)ctx;
    (void)file;
    *sev = SC_SEV_WARNING;
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!path[0]) {
        const char *t = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/fuzz-suppress-XXXXXX", t && *t ? t : "/tmp");
        if (!mkdtemp(dir))
            abort();
        snprintf(path, sizeof path, "%s/input.c", dir);
        atexit(cleanup);
    }
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (size)
        fwrite(data, 1, size, f);
    fclose(f);
    sc_report rep;
    report_init(&rep);
    for (uint32_t line = 1; line <= 12; line++) {
        sc_pos p = {path, line, 1, line, 2, 0, 1};
        report_add(&rep, sc_rules[line % sc_nrules]->id, SC_SEV_ERROR, &p, "x");
    }
    report_finish(&rep);
    sc_source_cache *src = sc_source_cache_new();
    sc_suppressions *s = suppress_new();
    suppress_scan(s, src, path, &rep);
    suppress_apply(s, &rep, src);
    sc_unused_conf uc = {report_all, NULL, NULL};
    suppress_report_unused(s, &rep, &uc);
    suppress_free(s);
    sc_source_cache_free(src);
    report_free(&rep);
    return 0;
}
