/* What the IR does not model: IR_UNKNOWN with the side effects. */
#include <stdarg.h>

int side(int);

int odd(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    int a = va_arg(ap, int);
    va_end(ap);
    int b = ({ int t = side(a); t + side(n); });
    int c = _Generic(a, int: side(1), default: 2);
    double d = 1.5;
    d *= a;
    const char *f = __func__;
    (void)f;
    return a + b + c;
}
