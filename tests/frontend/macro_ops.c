/* Operators written inside macro bodies. */
#include <stddef.h>

#define FOR_EACH(i, n) for (int i = 0; i < (n); i++)
#define INC(x) x++
#define GT(a, b) a > b
#define SUM(a, b) ((a) + (b))
#define PAIR(a, b) (a, b)
#define CHK(p) if ((p) == NULL) return -1
#define UNTIL(c) for (; !(c); )

int ops(int *p, int n)
{
    int a = 0;
    CHK(p);
    FOR_EACH(k, n) {
        a = SUM(a, k);
    }
    INC(a);
    if (GT(a, n))
        a = PAIR(a, 1);
    UNTIL(a == 0)
        a--;
    a = GT(a, 1) + 2;
    return a;
}
