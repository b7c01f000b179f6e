/* More ordinary C: an open-addressing hash table and a tokenizer, with
 * pointers to pointers, realloc growth, early returns in loops and nested
 * functions calls through a vtable-like struct. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry {
    char *key;
    int value;
};

struct table {
    struct entry *slots;
    size_t cap, count;
};

struct table_ops {
    int (*put)(struct table *, const char *, int);
    int *(*get)(struct table *, const char *);
};

static unsigned long hash(const char *s)
{
    unsigned long h = 5381;
    int c;
    while ((c = (unsigned char)*s++))
        h = ((h << 5) + h) + (unsigned long)c;
    return h;
}

static int grow(struct table *t)
{
    size_t cap = t->cap ? t->cap * 2 : 8;
    struct entry *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -ENOMEM;
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->slots[i].key)
            continue;
        size_t j = hash(t->slots[i].key) & (cap - 1);
        while (slots[j].key)
            j = (j + 1) & (cap - 1);
        slots[j] = t->slots[i];
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
    return 0;
}

static int table_put(struct table *t, const char *key, int value)
{
    if ((t->count + 1) * 2 > t->cap) {
        int rc = grow(t);
        if (rc)
            return rc;
    }
    size_t j = hash(key) & (t->cap - 1);
    for (; t->slots[j].key; j = (j + 1) & (t->cap - 1)) {
        if (strcmp(t->slots[j].key, key) == 0) {
            t->slots[j].value = value;
            return 0;
        }
    }
    char *k = malloc(strlen(key) + 1);
    if (!k)
        return -ENOMEM;
    strcpy(k, key);
    t->slots[j] = (struct entry){k, value};
    t->count++;
    return 0;
}

static int *table_get(struct table *t, const char *key)
{
    if (!t->cap)
        return NULL;
    for (size_t j = hash(key) & (t->cap - 1); t->slots[j].key;
         j = (j + 1) & (t->cap - 1))
        if (strcmp(t->slots[j].key, key) == 0)
            return &t->slots[j].value;
    return NULL;
}

static const struct table_ops ops = {table_put, table_get};

static void table_free(struct table *t)
{
    for (size_t i = 0; i < t->cap; i++)
        free(t->slots[i].key);
    free(t->slots);
    t->slots = NULL;
    t->cap = t->count = 0;
}

static size_t tokenize(const char *text, char ***out)
{
    size_t n = 0, cap = 0;
    char **toks = NULL;
    const char *p = text;
    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        if (!*p)
            break;
        const char *start = p;
        while (*p && *p != ' ' && *p != ',')
            p++;
        if (n == cap) {
            cap = cap ? cap * 2 : 4;
            char **nt = realloc(toks, cap * sizeof *nt);
            if (!nt)
                break;
            toks = nt;
        }
        size_t len = (size_t)(p - start);
        toks[n] = malloc(len + 1);
        if (!toks[n])
            break;
        memcpy(toks[n], start, len);
        toks[n][len] = '\0';
        n++;
    }
    *out = toks;
    return n;
}

int main(void)
{
    struct table t = {0};
    char **words;
    size_t n = tokenize("the cat, the hat, the bat", &words);
    for (size_t i = 0; i < n; i++) {
        int *c = ops.get(&t, words[i]);
        ops.put(&t, words[i], c ? *c + 1 : 1);
    }
    int *the = ops.get(&t, "the");
    printf("%zu words, 'the' %d times, %zu distinct\n", n, the ? *the : 0, t.count);
    for (size_t i = 0; i < n; i++)
        free(words[i]);
    free(words);
    table_free(&t);
    return 0;
}
