/* Fuzz target: the .scopecheck.json reader (cli/config.c, cli/jsonfile.c):
 * any bytes give a configuration or messages, never a crash. */
#include <stdint.h>
#include <stdlib.h>

#include "cli/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sc_report rep;
    report_init(&rep);
    sc_config *cfg = config_parse("fuzz/.scopecheck.json", "/tmp",
                                  (const char *)data, size, &rep);
    if (!cfg->broken) {
        /* the globs against a few paths */
        config_excludes(NULL, cfg, "/tmp/fuzz.c");
        config_excludes(NULL, cfg, "/tmp/../tmp/a.c");
        config_excludes(NULL, cfg, "x.c");
        for (int i = -1; i < 20; i++)
            (void)config_rule(cfg, i);
    }
    config_free(cfg);
    report_free(&rep);
    return 0;
}
