/* Globals, static locals, locals per declaration, expressions. */
enum color { RED, GREEN = 5, BLUE };
struct pt { int x, y; };
int counter = 1;
int tentative;
extern int elsewhere;
static int hidden_g;
int *ptr = &counter;
static const char *names[] = {"a\tb", "c" "d"};

static int twice(int v) { return 2 * v; }

int exprs(struct pt *p, struct pt q, int (*fp)(int))
{
    static int calls = BLUE;
    extern int elsewhere;
    int i = 'x', k;
    { int i = 1; k = i; }
    char *s = 0, *t = (void *)0;
    calls += i, k -= 2;
    k = p->x + q.y * names[1][0];
    k = (i > 0 && k != 3) ? -i : ~k;
    k = !k | (k << 2) ^ (k >> 1) & 3;
    k = ++i + i-- - --i + i++;
    *(&k) = fp(k) + twice(k) + (int)sizeof(struct pt);
    fp = twice;
    (void)s;
    (void)t;
    return hidden_g + elsewhere + tentative + GREEN;
}
