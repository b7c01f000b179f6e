/* Operands made by token pasting (v##_i): the pasted name is in clang's
 * scratch buffer, where no operator can be read next to it.  In a for
 * header or a whole invocation the macro body's text tells the operator
 * (`v##_i` glues into one operand); where nothing tells it, an operator
 * on a place may be ++ or -- and writes the place with a lost value. */
#define FOR_N(v, n) for (int v##_i = 0; v##_i < (n); v##_i++)
#define BUMP(v) v##_n += 2
#define USE(v) use(v##_i++)
#define CAT(a, b) a##b
#define OPEQ(x, o) x CAT(o, =) 1

int use(int x);

int pasted(int n)
{
    int k_n = 0;
    FOR_N(tower, n) {
        BUMP(k);
        USE(tower);
    }
    OPEQ(k_n, +);
    return k_n;
}
