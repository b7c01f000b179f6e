/* Ordinary C that never uses varscope: scopecheck must parse it, simulate
 * it (with --all-files), find nothing and not crash.  A little of every
 * construct: structs, unions, bit-fields, enums, function pointers,
 * recursion, variadic functions, switch with fallthrough, goto cleanup,
 * compound literals, designated initializers, static locals, arrays of
 * structs, string handling, loops of every kind, _Generic, ternaries. */
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum color { RED, GREEN = 4, BLUE };

struct point {
    int x, y;
};

union number {
    int i;
    double d;
    unsigned char bytes[8];
};

struct flags {
    unsigned visible : 1;
    unsigned dirty : 1;
    unsigned level : 6;
};

typedef int (*binop)(int, int);

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }

static const binop ops[] = {add, sub, mul};

static int apply(binop f, int a, int b) { return f(a, b); }

static unsigned long fib(unsigned n)
{
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

static int sum(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    int s = 0;
    for (int i = 0; i < n; i++)
        s += va_arg(ap, int);
    va_end(ap);
    return s;
}

static const char *color_name(enum color c)
{
    switch (c) {
    case RED:
        return "red";
    case GREEN:
    case BLUE:
        return c == GREEN ? "green" : "blue";
    default:
        return "?";
    }
}

static int classify(int c)
{
    int score = 0;
    switch (c) {
    case 'a':
        score += 1;
        /* fall through */
    case 'b':
        score += 2;
        break;
    case 'c': {
        int t = c * 2;
        score = t;
        break;
    }
    default:
        score = -1;
    }
    return score;
}

static char *dup_upper(const char *s)
{
    size_t n = strlen(s);
    char *d = malloc(n + 1);
    if (!d)
        goto fail;
    for (size_t i = 0; i <= n; i++)
        d[i] = (char)toupper((unsigned char)s[i]);
    return d;
fail:
    return NULL;
}

static int parse_all(const char *const *items, size_t n, long *out)
{
    int rc = -1;
    long *tmp = calloc(n + 1, sizeof *tmp);
    if (!tmp)
        goto done;
    for (size_t i = 0; i < n; i++) {
        char *end;
        tmp[i] = strtol(items[i], &end, 10);
        if (*end)
            goto done;
    }
    memcpy(out, tmp, n * sizeof *out);
    rc = 0;
done:
    free(tmp);
    return rc;
}

static int counter(void)
{
    static int calls;
    return ++calls;
}

struct list {
    int value;
    struct list *next;
};

static struct list *push(struct list *head, int v)
{
    struct list *n = malloc(sizeof *n);
    if (!n)
        return head;
    *n = (struct list){.value = v, .next = head};
    return n;
}

static int list_sum(const struct list *l)
{
    int s = 0;
    while (l) {
        s += l->value;
        l = l->next;
    }
    return s;
}

static void list_free(struct list *l)
{
    while (l) {
        struct list *next = l->next;
        free(l);
        l = next;
    }
}

#define KIND(x) _Generic((x), int: "int", double: "double", default: "other")

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void matrix_demo(void)
{
    int m[3][3] = {{1, 2, 3}, [2] = {7, 8, 9}};
    int trace = 0;
    for (int i = 0; i < 3; i++)
        trace += m[i][i];
    int k = 0;
    do {
        m[k][k] = -m[k][k];
    } while (++k < 3);
    printf("trace %d\n", trace);
}

static bool is_palindrome(const char *s)
{
    size_t i = 0, j = strlen(s);
    if (j == 0)
        return true;
    for (j--; i < j; i++, j--)
        if (s[i] != s[j])
            return false;
    return true;
}

static size_t count_words(const char *s)
{
    size_t n = 0;
    bool in = false;
    for (; *s; s++) {
        if (isspace((unsigned char)*s))
            in = false;
        else if (!in) {
            in = true;
            n++;
        }
    }
    return n;
}

int main(int argc, char **argv)
{
    struct point p = {.x = 1, .y = 2};
    struct point q = p;
    q.x += argc;
    union number num = {.d = 1.5};
    struct flags fl = {1, 0, 5};
    fl.dirty = !fl.visible;
    int r = apply(ops[argc % 3], 6, 7);
    printf("%d %lu %d %s %d\n", r, fib(10), sum(3, 1, 2, 3), color_name(BLUE),
           classify(argc > 1 ? argv[1][0] : 'a'));
    char *u = dup_upper("hello");
    if (u) {
        puts(u);
        free(u);
    }
    const char *nums[] = {"1", "22", "333"};
    long out[3];
    if (parse_all(nums, 3, out) == 0)
        printf("%ld\n", out[0] + out[1] + out[2]);
    counter();
    printf("calls %d\n", counter());
    struct list *l = NULL;
    for (int i = 0; i < 5; i++)
        l = push(l, i * i);
    printf("sum %d\n", list_sum(l));
    list_free(l);
    printf("%s %s\n", KIND(1), KIND(2.0));
    int arr[] = {5, 3, 9, 1};
    qsort(arr, sizeof arr / sizeof arr[0], sizeof arr[0], cmp_int);
    matrix_demo();
    printf("%d %zu %d %u %d\n", is_palindrome("level"), count_words(" a bc  d "),
           num.bytes[7] != 0, (unsigned)fl.level, INT_MAX > 0);
    int i = 0;
    while (1) {
        if (++i > 3)
            break;
        if (i == 2)
            continue;
    }
    for (;;) {
        if (i-- <= 0)
            break;
    }
    return q.x > p.x ? 0 : 1;
}
