/* Seeds (random_seed.get_seed) and the initializers' values.
 *
 * TF draws with Philox from the pair (graph seed, op seed); here a
 * splitmix64 stream keyed by the same pair.  The numbers differ from
 * TF's; what matters is that they repeat under the same seeds, and that
 * each initializer has its distribution and its scale (init_ops.py). */
#include <stdint.h>

#include "internal.h"

#define DEFAULT_GRAPH_SEED 87654321      /* random_seed.DEFAULT_GRAPH_SEED */
#define MAXINT32 2147483647

static int64_t truncate_seed(int64_t s)
{
    int64_t m = s % 2147483648LL;        /* Python's %: never negative */
    return m < 0 ? m + 2147483648LL : m;
}

/* random_seed.get_seed(op_seed) when the initializer's op is made: the
 * op seed defaults to the graph's op count (graph._last_id). */
void vs__get_seed(const vs_graph *g, const vs_init *init, int64_t *s1,
                  int64_t *s2, bool *seeded)
{
    *seeded = true;
    if (g->has_seed) {
        *s1 = truncate_seed(g->seed);
        *s2 = truncate_seed(init->seeded ? init->seed
                                         : (int64_t)g->nodes.count);
    } else if (init->seeded) {
        *s1 = DEFAULT_GRAPH_SEED;
        *s2 = truncate_seed(init->seed);
    } else {
        *s1 = *s2 = 0;
        *seeded = false;                 /* (None, None): fresh numbers */
        return;
    }
    if (*s1 == 0 && *s2 == 0)
        *s2 = MAXINT32;
}

void vs_set_random_seed(vs_graph *g, int64_t seed)
{
    if (!g)
        return;
    bool yes = true;
    if (g->tdepth > 0) {      /* inside a template's builder: undoable */
        if (VS__WRITE(g, g->seed, seed) < 0 || VS__WRITE(g, g->has_seed, yes) < 0)
            g->poisoned = true;
        return;
    }
    g->seed = seed;
    g->has_seed = yes;
}

typedef struct rng { uint64_t s; } rng;

static uint64_t next(rng *r)
{
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static double uniform(rng *r)                 /* [0, 1) */
{
    return (double)(next(r) >> 11) * (1.0 / 9007199254740992.0);
}

static double normal(rng *r)                  /* Marsaglia's polar method */
{
    for (;;) {
        double u = 2 * uniform(r) - 1, v = 2 * uniform(r) - 1;
        double s = u * u + v * v;
        if (s > 0 && s < 1)
            return u * vs__sqrt(-2 * vs__log(s) / s);
    }
}

static double truncated(rng *r)     /* redrawn beyond two standard devs */
{
    for (;;) {
        double z = normal(r);
        if (z >= -2 && z <= 2)
            return z;
    }
}

/* init_ops._compute_fans */
static void fans(const vs_shape *s, double *fan_in, double *fan_out)
{
    if (s->rank < 1) {
        *fan_in = *fan_out = 1;
    } else if (s->rank == 1) {
        *fan_in = *fan_out = (double)s->dims[0];
    } else if (s->rank == 2) {
        *fan_in = (double)s->dims[0];
        *fan_out = (double)s->dims[1];
    } else {
        double rf = 1;
        for (int i = 0; i < s->rank - 2; i++)
            rf *= (double)s->dims[i];
        *fan_in = (double)s->dims[s->rank - 2] * rf;
        *fan_out = (double)s->dims[s->rank - 1] * rf;
    }
}

/* constant from scipy.stats.truncnorm.std(a=-2, b=2, loc=0., scale=1.) */
#define TRUNC_STD .87962566103423978

/* A seeded op draws the same sequence in every new session and goes on
 * with it when run again in the same one (TF's random kernels keep their
 * state): draw counts the earlier runs. */
int vs__init_values(const vs_var *v, double *out, size_t n, uint64_t fresh,
                    unsigned draw, const char **why)
{
    vs_init in = v->init;
    rng r = {v->seeded ? ((uint64_t)v->seed1 * 0x9e3779b97f4a7c15ull) ^
                             ((uint64_t)v->seed2 + 0x632be59bd9b4e019ull) ^
                             ((uint64_t)draw * 0xd1b54a32d192ed03ull)
                       : fresh};
    double scale, limit = 0, stddev = 0, fi, fo;
    vs_distribution dist = VS_DIST_UNIFORM;
    switch (in.kind) {
    case VS_INIT_NONE: case VS_INIT_ZEROS:
        for (size_t i = 0; i < n; i++)
            out[i] = 0;
        return 0;
    case VS_INIT_ONES:
        for (size_t i = 0; i < n; i++)
            out[i] = 1;
        return 0;
    case VS_INIT_CONSTANT:
        for (size_t i = 0; i < n; i++)
            out[i] = in.a;
        return 0;
    case VS_INIT_VALUE:
        *why = "a value initializer is computed by the session";
        return -1;
    case VS_INIT_RANDOM_NORMAL:
        for (size_t i = 0; i < n; i++)
            out[i] = in.a + in.b * normal(&r);
        return 0;
    case VS_INIT_TRUNCATED_NORMAL:
        for (size_t i = 0; i < n; i++)
            out[i] = in.a + in.b * truncated(&r);
        return 0;
    case VS_INIT_RANDOM_UNIFORM:
        for (size_t i = 0; i < n; i++)
            out[i] = in.a + (in.b - in.a) * uniform(&r);
        return 0;
    case VS_INIT_GLOROT_UNIFORM:
        in = vs_init_variance_scaling(1.0, VS_FAN_AVG, VS_DIST_UNIFORM);
        break;
    case VS_INIT_GLOROT_NORMAL:
        in = vs_init_variance_scaling(1.0, VS_FAN_AVG,
                                      VS_DIST_TRUNCATED_NORMAL);
        break;
    case VS_INIT_VARIANCE_SCALING:
        break;
    }
    /* VarianceScaling.__call__ */
    fans(&v->shape, &fi, &fo);
    scale = in.a;
    double fan = in.mode == VS_FAN_IN ? fi
                 : in.mode == VS_FAN_OUT ? fo
                                         : (fi + fo) / 2;
    scale /= fan > 1 ? fan : 1;
    dist = in.distribution;
    if (dist == VS_DIST_UNIFORM)
        limit = vs__sqrt(3.0 * scale);
    else
        stddev = dist == VS_DIST_TRUNCATED_NORMAL ? vs__sqrt(scale) / TRUNC_STD
                                                  : vs__sqrt(scale);
    for (size_t i = 0; i < n; i++)
        out[i] = dist == VS_DIST_UNIFORM ? -limit + 2 * limit * uniform(&r)
                 : dist == VS_DIST_TRUNCATED_NORMAL ? stddev * truncated(&r)
                                                    : stddev * normal(&r);
    return 0;
}
