/* Allocation for the library.  Every allocation goes through here so that
 * tests can make the Nth one fail and check that the graph stays whole. */
#ifndef VS_ALLOC_H
#define VS_ALLOC_H

#include <stddef.h>

void *vs__malloc(size_t n);
void *vs__realloc(void *p, size_t n);
void vs__free(void *p);
/* strdup/strndup/concatenation that fail (NULL) like vs__malloc */
char *vs__strndup(const char *s, size_t n);
char *vs__strdup(const char *s);
char *vs__concat3(const char *a, const char *b, const char *c);

/* Failure injection for tests: after vs__fail_after(n), the first n
 * allocations succeed and the next one fails; n < 0 disables it.
 * vs__alloc_count() counts every allocation attempt ever made. */
void vs__fail_after(long n);
long vs__alloc_count(void);

#endif
