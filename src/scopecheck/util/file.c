#include "file.h"

#include <stdio.h>
#include <sys/stat.h>

#include "arena.h"

char *sc_read_file(const char *path, size_t *len)
{
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    /* sized by fstat when it can (a tree's files are read once each: no
     * buffer larger than the file), grown if the file grows meanwhile */
    struct stat st;
    size_t cap = fstat(fileno(f), &st) == 0 && st.st_size > 0
                     ? (size_t)st.st_size + 1 : 4096, n;
    char *buf = sc_xmalloc(cap + 1);
    while ((n = fread(buf + *len, 1, cap - *len, f)) > 0) {
        *len += n;
        if (*len == cap)
            buf = sc_xrealloc(buf, (cap *= 2) + 1);
    }
    fclose(f);
    buf[*len] = '\0';
    return buf;
}
