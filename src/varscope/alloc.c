#include "alloc.h"

#include <stdlib.h>
#include <string.h>

/* Not thread-safe by design: failure injection is a single-threaded test
 * facility, and graphs are not shared between threads either. */
static long fail_countdown = -1;
static long attempts;

void vs__fail_after(long n) { fail_countdown = n; }
long vs__alloc_count(void) { return attempts; }

static int should_fail(void)
{
    attempts++;
    if (fail_countdown < 0)
        return 0;
    if (fail_countdown == 0) {
        fail_countdown = -1;   /* one failure, then normal service */
        return 1;
    }
    fail_countdown--;
    return 0;
}

void *vs__malloc(size_t n)
{
    if (should_fail())
        return NULL;
    return malloc(n ? n : 1);
}

void *vs__realloc(void *p, size_t n)
{
    if (should_fail())
        return NULL;
    return realloc(p, n ? n : 1);
}

void vs__free(void *p) { free(p); }

char *vs__strndup(const char *s, size_t n)
{
    char *d = vs__malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

char *vs__strdup(const char *s) { return vs__strndup(s, strlen(s)); }

char *vs__concat3(const char *a, const char *b, const char *c)
{
    size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
    char *d = vs__malloc(la + lb + lc + 1);
    if (d) {
        memcpy(d, a, la);
        memcpy(d + la, b, lb);
        memcpy(d + la + lb, c, lc + 1);
    }
    return d;
}
