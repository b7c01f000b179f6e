/* Fuzz target: the baseline reader (cli/baseline.c, cli/jsonfile.c). */
#include <stdint.h>
#include <stdlib.h>

#include "cli/baseline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *err = NULL;
    sc_baseline *b = baseline_parse("fuzz-baseline.json", (const char *)data,
                                    size, &err);
    if (b) {
        baseline_take(b, "00000000000000000000000000000000");
        baseline_take(b, "0123456789abcdef0123456789abcdef");
        baseline_take(b, "short");
        (void)baseline_size(b);
        (void)baseline_unmatched(b);
        baseline_free(b);
    } else {
        if (!err)
            abort();              /* a failure always says why */
        free(err);
    }
    return 0;
}
