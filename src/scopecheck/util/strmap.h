/* A mutable string -> pointer hash map (keys copied), for the driver's
 * per-run tables: files scanned, file hashes. */
#ifndef SC_STRMAP_H
#define SC_STRMAP_H

#include <stddef.h>

typedef struct sc_strmap {
    char **keys;
    void **vals;
    size_t cap, count;
} sc_strmap;

void *sc_strmap_get(const sc_strmap *m, const char *key);
void sc_strmap_put(sc_strmap *m, const char *key, void *val);
void sc_strmap_free(sc_strmap *m);

#endif
