/* Operators spelled in the body of a macro that reaches the node through
 * another macro: a macro passed as an argument (APPLY(DOUBLE, n)), a
 * wrapper forwarding its parameters (SET_ONE(f) is SET(f, 1)), and a
 * body holding the operator of an assignment whose operands are all in
 * the argument (STEP(k)).  Where the wrapper's argument changes the
 * precedence (TWICE_PLUS(x) is MUL2(x + 1): x + 1 * 2) the texts do not
 * fit the node and the operator is not guessed; a parameter named like a
 * macro (m in USE_PARAM) is the parameter.  A comma is left-associative:
 * SWAP's body is (t = a, a = b), b = t. */
#define APPLY(m, x) m(x)
#define DOUBLE(v) v = v + v
#define HALVE(v) v /= 2
#define SET(f, v) f = v
#define SET_ONE(f) SET(f, 1)
#define STEP(n) n = n * 2 + 1
#define MUL2(v) v * 2
#define TWICE_PLUS(x) MUL2(x + 1)
#define m(x) x -= 100
#define USE_PARAM(m, x) m(x)
#define NEG(x) x = -x
#define SWAP(a, b, t) (t = a, a = b, b = t)

int fwd(int n)
{
    int k = 1, flag = 0, w;
    APPLY(DOUBLE, n);
    APPLY(HALVE, n);
    SET_ONE(flag);
    STEP(k);
    w = TWICE_PLUS(k);
    USE_PARAM(NEG, n);
    SWAP(n, k, w);
    return n + k + flag + w;
}
