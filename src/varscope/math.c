/* The few functions of <math.h> the session and the initializers need,
 * so that the library links without libm (programs build with
 * `cc prog.c libvarscope.a`).  Double precision to a few ulps: the
 * session computes float32, and TF's own kernels are not bit-exact
 * across platforms either. */
#include <math.h>      /* INFINITY and NAN only: no function of libm */
#include <stdint.h>
#include <string.h>

#include "internal.h"

static const double LN2 = 0.6931471805599453094;

/* 2^k for -1022 <= k <= 1023, built from the exponent bits */
static double pow2(int k)
{
    uint64_t bits = (uint64_t)(k + 1023) << 52;
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

double vs__exp(double x)
{
    if (x != x)
        return x;
    if (x > 709.0)
        return INFINITY;
    if (x < -745.0)
        return 0.0;
    /* x = k ln2 + r, |r| <= ln2 / 2; exp(r) by its Taylor series */
    double kf = x / LN2;
    int k = (int)(kf < 0 ? kf - 0.5 : kf + 0.5);
    double r = x - k * LN2;
    double term = 1.0, sum = 1.0;
    for (int i = 1; i < 20; i++) {
        term *= r / i;
        sum += term;
    }
    /* scale in two steps so that 2^k never leaves the normal range */
    int k1 = k / 2, k2 = k - k1;
    return sum * pow2(k1) * pow2(k2);
}

double vs__log(double x)
{
    if (!(x > 0.0))
        return x == 0.0 ? -INFINITY : NAN;
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    int e = (int)((bits >> 52) & 0x7ff);
    if (e == 0) {                      /* subnormal: scale it up first */
        return vs__log(x * pow2(54)) - 54 * LN2;
    }
    e -= 1023;
    bits = (bits & ~(0x7ffull << 52)) | (1023ull << 52);
    double m;
    memcpy(&m, &bits, sizeof m);       /* m in [1, 2) */
    if (m > 1.4142135623730951) {
        m /= 2;
        e++;
    }
    /* log m = 2 atanh(s), s = (m - 1) / (m + 1), |s| < 0.172 */
    double s = (m - 1) / (m + 1), s2 = s * s, term = s, sum = 0;
    for (int i = 1; i < 40; i += 2) {
        sum += term / i;
        term *= s2;
    }
    return 2 * sum + e * LN2;
}

double vs__sqrt(double x)
{
    if (!(x > 0.0))
        return x == 0.0 ? 0.0 : NAN;
    /* a first guess from halving the exponent, then Newton's method */
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    bits = (bits >> 1) + (1023ull << 51);
    double y;
    memcpy(&y, &bits, sizeof y);
    for (int i = 0; i < 8; i++)
        y = 0.5 * (y + x / y);
    return y;
}

double vs__tanh(double x)
{
    if (x > 20)
        return 1.0;
    if (x < -20)
        return -1.0;
    double e = vs__exp(2 * x);
    return (e - 1) / (e + 1);
}
