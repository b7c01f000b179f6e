/* gen: random varscope programs for the differential oracle.
 *
 *   gen SEED [--class straight|loops|unknown] [--files N] OUTDIR
 *
 * Writes one program into OUTDIR: main.c, and with --files N > 1 also
 * part1.c ... part<N-1>.c holding helper functions that main.c (and each
 * other) call.  The same SEED and options always give the same program
 * (the generator has its own PRNG and touches nothing else).  Without
 * --class the class is the seed's (seed % 3: straight, loops, unknown);
 * without --files the file count is drawn from the seed.
 *
 * The programs are valid C11 (warning-free under -std=c11 -Wall -Wextra
 * -pedantic), call only the API of varscope.h, create the graph at the top
 * of main and free it at the end, and put every library call on one line.
 * They exercise nested variable and name scopes (block forms and explicit
 * enter/exit), re-entry by name and by captured object, default names,
 * reuse flags and vs_reuse_variables, vs_get_variable with random dtype,
 * shape and initializer (value initializers included), vs_variable,
 * vs_dense, helpers called from several places and files, switch, early
 * returns, and -- on purpose and often -- scoping mistakes: duplicates,
 * missing reuse, missing dtype, shape mismatches, scopes leaked by return,
 * break or goto, extra exits, invalid names, reuse without a name.
 *
 * Classes:
 *   straight  no loops; every condition is known (constants, helper
 *             parameters given constants);
 *   loops     also for loops with constant bounds, names made with
 *             snprintf, break and continue;
 *   unknown   also conditions, loop bounds, names and flags the program
 *             cannot know statically: argc, and environment variables that
 *             are unset in a plain run.  main.c then declares its inputs,
 *             one line each, for the oracle to run every combination:
 *                 // oracle-input: argc 1 2 3 4 5 6 7 8 9
 *                 // oracle-input: env VSGEN_A - 0 1 2 7 02 20  ("-" = unset)
 *             These values give every combination of the conditions the
 *             program can test: on argc (> 1, > 2, > 3, == 2, % 2, % 3:
 *             1..3, then 4..9 for every residue modulo 6) and on VSGEN_A
 *             (unset, or set with atoi() 0, 1, 2 or another value; "02":
 *             atoi() 2 while its first character is not '2', and "20":
 *             the first character '2' while atoi() is not 2, so a program
 *             that tests both sees them disagree either way).  argc is never
 *             0 (Linux passes argv[0] since 5.18).
 *
 * Classes drawn only with --class (the engine's edges, issues 11 and 12;
 * the programs of the three classes above do not change with them):
 *   bufwrite    loops whose names are written into the buffer in place:
 *               sprintf at an offset, a character store, p += sprintf,
 *               strncpy (truncating or not), memcpy into the middle, a
 *               strcat chain, a vsnprintf helper;
 *   state       globals (reuse flag, loop bound) set by config.c, a file
 *               naming nothing of varscope, and an error count kept by an
 *               error handler the library calls back; tests on them;
 *   fnptr       helpers called through tables of known targets (constant
 *               or loop index) and struct fields;
 *   recursion   recursive block builders called with concrete depths;
 *   structflag  (unknown) flags stored in a struct from argc, tested in
 *               main and in pairs of helpers, in agreement or not;
 *   longloop    outer loops of 1,025 to 1,324 known turns, names cycling
 *               late (i % 1100) and tests on late turns;
 *   idioms      wrapper macros giving a field twice (defaults first, or a
 *               forced .reuse last), index designators, cleanup-attribute
 *               scope guards, _Generic dispatch, a get-or-create cache
 *               keyed by strcmp, strcmp/strncmp/memcmp tests on names;
 *   graphread   shapes read from tensors (vs_tensor_shape(x)->dims[1]),
 *               names read from the graph (vs_var_name, vs_tensor_name,
 *               vs_scope_name, loops over vs_graph_variables).
 *   creators    the library's layers and the rest of issue 10: conv2d,
 *               max_pooling2d, flatten and a dense fed by them (widths
 *               that change between shared calls), batch_normalization,
 *               contrib fully_connected, layer objects called twice, RNN
 *               cells through dynamic_rnn, optimizers' minimize (slots
 *               under whatever reuse the scope has), moving averages,
 *               collections as var_list.
 *   templates   tf.make_template over generated builders (static
 *               functions taking (g, x, user)): weights whose input width
 *               is the input's, fixed variables, tf.Variable trainable or
 *               not, inner scopes, names from a call counter or a flag
 *               kept in the user struct, dense layers, a nested template,
 *               and now and then a builder's mistake (a variable made
 *               twice, a scope left open, a stray exit, NULL returned);
 *               templates of the same name, create_scope_now and
 *               unique_name, builders through a pointer variable, calls
 *               under enclosing scopes with reuse, AUTO_REUSE or none,
 *               on inputs of other widths, the user's flag flipped
 *               between calls.  Even seeds are of base class loops (the
 *               linter must agree exactly), odd seeds of base class
 *               unknown (the user's flag and the calls' conditions from
 *               argc and the environment: a missed rate).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- PRNG: splitmix64, reproducible everywhere ---------------------------- */

static uint64_t rng_state;

static uint64_t next64(void)
{
    uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static int rnd(int n) { return n <= 1 ? 0 : (int)(next64() % (uint64_t)n); }
static int chance(int pct) { return rnd(100) < pct; }

/* weighted choice: items "weight:text" */
typedef struct wpick { int w; const char *s; } wpick;
static const char *wchoose(const wpick *v, int n)
{
    int total = 0;
    for (int i = 0; i < n; i++)
        total += v[i].w;
    int r = rnd(total);
    for (int i = 0; i < n; i++) {
        if (r < v[i].w)
            return v[i].s;
        r -= v[i].w;
    }
    return v[n - 1].s;
}
#define WCHOOSE(arr) wchoose((arr), (int)(sizeof(arr) / sizeof((arr)[0])))

/* ---- text buffers ---------------------------------------------------------- */

typedef struct buf { char *s; size_t n, cap; } buf;

static void bvprintf(buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int need = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (need < 0)
        abort();
    if (b->n + (size_t)need + 1 > b->cap) {
        b->cap = (b->n + (size_t)need + 1) * 2;
        b->s = realloc(b->s, b->cap);
        if (!b->s)
            abort();
    }
    vsnprintf(b->s + b->n, b->cap - b->n, fmt, ap);
    b->n += (size_t)need;
}

static void bput(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bvprintf(b, fmt, ap);
    va_end(ap);
}

static void bcat(buf *b, const buf *src)
{
    if (src->n)
        bput(b, "%s", src->s);
}

static void bfree(buf *b)
{
    free(b->s);
    memset(b, 0, sizeof *b);
}

/* a statement line at nesting depth d */
static void line(buf *b, int d, const char *fmt, ...)
{
    va_list ap;
    for (int i = 0; i < d + 1; i++)
        bput(b, "    ");
    va_start(ap, fmt);
    bvprintf(b, fmt, ap);
    va_end(ap);
    bput(b, "\n");
}

/* ---- the program being generated ------------------------------------------ */

enum cls { STRAIGHT, LOOPS, UNKNOWN };
static const char *class_names[] = {"straight", "loops", "unknown"};

/* The classes added for the engine's edges (issues 11 and 12): each is a
 * base class (loops, or unknown for structflag) plus one family of
 * constructs.  Their programs are drawn only with --class NAME, so the
 * programs of the three classes above (and CI's fixed seeds) do not
 * change: every draw for a feature is made behind `feature != F_NONE`. */
enum feature {
    F_NONE, F_BUFWRITE, F_STATE, F_FNPTR, F_RECURSION, F_STRUCTFLAG,
    F_LONGLOOP, F_IDIOMS, F_GRAPHREAD, F_CREATORS, F_TEMPLATES, F_COUNT
};
static const char *feature_names[] = {
    "", "bufwrite", "state", "fnptr", "recursion", "structflag",
    "longloop", "idioms", "graphread", "creators", "templates",
};
static enum feature feature;

/* support code a file needs (per file: static functions and macros) */
enum support {
    SUP_CLOSE_SCOPE = 1, SUP_DESIGNATORS = 2, SUP_GENERIC = 4,
    SUP_CACHE = 8, SUP_FMT_NAME = 16,
};

#define MAX_HELPERS 4
#define MAX_FILES 4

typedef struct func {
    char name[16];
    int file;            /* 0 = main.c */
    int is_main;
    int index;           /* helpers call only lower indexes */
    buf decl;            /* locals, at the top of the body */
    buf body;
    int ncaps;           /* captured scope pointers c1..cN assigned so far */
    char caps[16][16];
    int calls;           /* call sites emitted */
} func;

static enum cls klass;
static int nfiles = 1;
static int nhelpers;
static func helpers[MAX_HELPERS];
static func mainf;
static int counter;          /* fresh local names */
static int budget;           /* statements left */
static int uses_argc, uses_env_a, uses_env_b;
static int reuse_override;   /* the next scope's reuse: re-drawn (twin blocks) */
static uint64_t alt_state;   /* a second stream, for the re-drawn reuse */
static int support[MAX_FILES]; /* per file: enum support bits */
static buf extra_funcs[MAX_FILES]; /* per file: generated static functions */

/* where a statement is being generated */
typedef struct ctx {
    func *f;
    int d;                   /* indentation */
    int nest;                /* compound nesting */
    int nloops;              /* plain for loops around */
    char loopvar[4][16];
    char namebuf[4][16];      /* snprintf'd name, one per loop */
    int loop_upper[4];
    int brk;                 /* innermost break target: 0 none, 1 loop,
                                2 block form, 3 switch */
    int cont;                /* a loop (plain or block form) is around */
    const char *as_var;      /* innermost VS_VARIABLE_SCOPE_AS variable */
    int in_main;
    int flat;                /* a long loop's body: simple statements only */
    int goto_label;          /* label number of an enclosing cleanup, 0 none */
    int *goto_used;
} ctx;

static int fresh(void) { return ++counter; }

/* ---- expressions ------------------------------------------------------------ */

static const char *unknown_cond(void)
{
    if (feature == F_STRUCTFLAG && chance(50)) {
        /* the flags main stored in a struct from argc */
        static const char *fc[] = {"fl.a", "!fl.a", "fl.b", "fl.a && fl.b",
                                   "fl.c"};
        return fc[rnd(5)];
    }
    static const wpick conds[] = {
        {3, "argc > 1"}, {3, "argc > 2"}, {3, "argc > 3"}, {2, "argc == 2"},
        {2, "argc % 2 == 0"}, {3, "env_a != NULL"}, {2, "env_a == NULL"},
        {2, "env_a != NULL && env_a[0] == '2'"}, {2, "env_b != NULL"},
    };
    const char *c = WCHOOSE(conds);
    if (strstr(c, "argc"))
        uses_argc = 1;
    if (strstr(c, "env_a"))
        uses_env_a = 1;
    if (strstr(c, "env_b"))
        uses_env_b = 1;
    return c;
}

/* a known condition in this context, or NULL when none can be made */
static const char *known_cond(ctx *c, char *out, size_t n)
{
    if (feature == F_STATE && chance(35)) {
        /* globals set by config.c and by the error handler */
        static const char *gc[] = {"cfg_share", "!cfg_share", "n_errors == 0",
                                   "n_errors > 0", "cfg_depth > 1"};
        snprintf(out, n, "%s", gc[rnd(5)]);
        return out;
    }
    if (feature == F_IDIOMS && !c->in_main && chance(40)) {
        static const char *sc[] = {
            "strcmp(nm, \"model\") == 0", "strcmp(nm, \"enc\") != 0",
            "strncmp(nm, \"tow\", 3) == 0", "memcmp(nm, \"a\", 1) == 0"};
        snprintf(out, n, "%s", sc[rnd(4)]);
        return out;
    }
    int opts = 0;
    if (!c->in_main)
        opts |= 1;
    if (c->nloops)
        opts |= 2;
    if (!opts)
        return NULL;
    if ((opts & 2) && (!(opts & 1) || chance(60))) {
        int l = rnd(c->nloops);
        static const char *ops[] = {"==", ">", "<", "!="};
        snprintf(out, n, "%s %s %d", c->loopvar[l], ops[rnd(4)],
                 rnd(c->loop_upper[l]));
    } else {
        static const char *forms[] = {"mode == 0", "mode == 1", "mode > 0",
                                      "mode != 2", "mode"};
        snprintf(out, n, "%s", forms[rnd(5)]);
    }
    return out;
}

/* a condition: known where possible; unknown in class unknown */
static const char *cond(ctx *c, char *out, size_t n)
{
    if (klass == UNKNOWN && c->in_main && chance(55)) {
        snprintf(out, n, "%s", unknown_cond());
        return out;
    }
    if (known_cond(c, out, n))
        return out;
    if (klass == UNKNOWN && c->in_main) {
        snprintf(out, n, "%s", unknown_cond());
        return out;
    }
    /* main, no loop: a local constant the linter can follow */
    int k = fresh();
    int v = rnd(3);
    line(&c->f->decl, 0, "const int k%d = %d;", k, v);
    line(&c->f->decl, 0, "(void)k%d;", k);
    snprintf(out, n, "k%d %s %d", k, rnd(2) ? "==" : "!=", rnd(3));
    return out;
}

static const char *var_name(ctx *c, char *out, size_t n)
{
    static const wpick names[] = {
        {25, "\"w\""}, {15, "\"b\""}, {12, "\"v\""}, {8, "\"kernel\""},
        {6, "\"bias\""}, {3, "\"W\""}, {3, "\"_h\""}, {2, "\"emb/w\""},
        {1, "\"\""}, {1, "\"bad name\""}, {1, "\"w:0\""},
    };
    if (!c->in_main && chance(20))
        return "nm";
    if (c->nloops && chance(30)) {
        snprintf(out, n, "%s", c->namebuf[rnd(c->nloops)]);
        return out;
    }
    if (klass == UNKNOWN && c->in_main && chance(6)) {
        uses_argc = 1;
        return "(argc > 2 ? \"w\" : \"v\")";
    }
    return WCHOOSE(names);
}

static const char *scope_name(ctx *c, char *out, size_t n)
{
    static const wpick names[] = {
        {20, "\"model\""}, {12, "\"enc\""}, {10, "\"tower\""}, {10, "\"a\""},
        {4, "\"dense\""}, {2, "\"Model\""}, {2, "\"_s\""}, {2, "\"\""},
        {1, "\"bad name\""}, {1, "\"s:0\""}, {1, "\"a/\""},
    };
    if (!c->in_main && chance(25))
        return "nm";
    if (c->nloops && chance(35)) {
        snprintf(out, n, "%s", c->namebuf[rnd(c->nloops)]);
        return out;
    }
    if (klass == UNKNOWN && c->in_main && chance(6)) {
        if (chance(50)) {
            uses_argc = 1;
            return "(argc > 2 ? \"model\" : \"enc\")";
        }
        uses_env_a = 1;
        return "(env_a != NULL ? \"tower\" : \"model\")";
    }
    return WCHOOSE(names);
}

static const char *name_scope_name(ctx *c, char *out, size_t n)
{
    static const wpick names[] = {
        {20, "\"ops\""}, {12, "\"model\""}, {10, "\"a\""}, {6, "\"enc\""},
        {3, "\"\""}, {2, "NULL"}, {3, "\"model/\""}, {2, "\"a/\""},
        {2, "\"_n\""}, {1, "\"bad name\""},
    };
    if (!c->in_main && chance(15))
        return "nm";
    if (c->nloops && chance(25)) {
        snprintf(out, n, "%s", c->namebuf[rnd(c->nloops)]);
        return out;
    }
    return WCHOOSE(names);
}

static const char *shape_expr(void)
{
    static const wpick shapes[] = {
        {20, "VS_SHAPE(2)"}, {12, "VS_SHAPE(3)"}, {12, "VS_SHAPE(2, 3)"},
        {8, "VS_SHAPE(3, 2)"}, {8, "VS_SCALAR"}, {6, "VS_SHAPE(3, 4)"},
        {4, "VS_SHAPE(4, 2)"}, {4, "VS_SHAPE(-1, 3)"}, {3, "VS_SHAPE(-1)"},
    };
    return WCHOOSE(shapes);
}

static const char *dtype_expr(void)
{
    static const wpick dts[] = {
        {30, "VS_FLOAT32"}, {25, "VS_INT32"}, {15, "VS_FLOAT64"},
        {15, "VS_INT64"}, {5, "VS_BOOL"},
    };
    return WCHOOSE(dts);
}

/* an initializer; x is the tensor in reach (a placeholder (?, 3) or so) */
static const char *init_expr(ctx *c, char *out, size_t n, int allow_bad)
{
    static const wpick inits[] = {
        {10, "vs_init_zeros()"}, {6, "vs_init_ones()"},
        {5, "vs_init_constant(0.5)"}, {5, "vs_init_glorot_uniform()"},
        {4, "vs_init_random_normal(0.0, 1.0)"},
        {10, "vs_init_value(vs_constant_i32(g, 3, ((const int32_t[]){1, 2, 3})))"},
        {8, "vs_init_value(vs_scalar_f32(g, 1.5f))"},
        {6, "vs_init_value(vs_scalar_i32(g, 7))"},
        {5, "vs_init_value(vs_constant_f32(g, 2, ((const float[]){0.5f, 1.5f})))"},
        {4, "vs_init_value(vs_constant(g, VS_FLOAT64, VS_SHAPE(2), ((const double[]){1.0, 2.0})))"},
        {2, "X"},
        {1, "vs_init_value(vs_scalar_f32(g, 1.0f, .name = \"bad name\"))"},
    };
    const char *s = WCHOOSE(inits);
    if (strcmp(s, "X") == 0)
        snprintf(out, n, "vs_init_value(%s)", c->in_main ? "in3" : "x");
    else if (!allow_bad && strstr(s, "bad name"))
        snprintf(out, n, "vs_init_zeros()");
    else
        snprintf(out, n, "%s", s);
    return out;
}

static const char *reuse_expr(ctx *c, char *out, size_t n)
{
    static const wpick reuses[] = {
        {50, "VS_REUSE_INHERIT"}, {20, "VS_REUSE"}, {25, "VS_AUTO_REUSE"},
        {5, "EXPR"},
    };
    if (feature == F_STATE && chance(25))
        return "cfg_share ? VS_AUTO_REUSE : VS_REUSE_INHERIT";
    const char *r = WCHOOSE(reuses);
    if (strcmp(r, "EXPR"))
        return r;
    if (c->nloops && chance(60)) {
        snprintf(out, n, "%s > 0 ? VS_REUSE : VS_REUSE_INHERIT",
                 c->loopvar[rnd(c->nloops)]);
        return out;
    }
    if (!c->in_main)
        return "mode ? VS_AUTO_REUSE : VS_REUSE_INHERIT";
    if (klass == UNKNOWN) {
        uses_argc = 1;
        return "argc > 3 ? VS_REUSE : VS_AUTO_REUSE";
    }
    return "VS_AUTO_REUSE";
}

/* a tensor to feed a dense layer */
static const char *dense_input(ctx *c)
{
    static const wpick mains[] = {
        {40, "in3"}, {30, "in4"}, {4, "in1"}, {3, "ini"}, {3, "inu"},
    };
    if (c->in_main)
        return WCHOOSE(mains);
    return "x";
}

/* ---- statements --------------------------------------------------------------- */

static void stmts(ctx *c, buf *b, int n);

static void kw(buf *k, const char *fmt, ...)
{
    va_list ap;
    bput(k, ", ");
    va_start(ap, fmt);
    bvprintf(k, fmt, ap);
    va_end(ap);
}

static void getvar_opts(ctx *c, buf *k)
{
    char t[256];
    int shape = chance(55), dtype = chance(35), init = chance(40);
    if (shape && feature == F_GRAPHREAD && chance(45)) {
        /* the input width read from a tensor: x.get_shape()[1] of the
         * rank-2 inputs, x.get_shape()[-1] of any (a dimension past the
         * rank is not part of the shape: vs_shape says nothing of it) */
        static const char *ins[] = {"in3", "in4", "in1", "inu"};
        const char *in = c->in_main ? ins[rnd(4)] : "x";
        if (strcmp(in, "in3") == 0 || strcmp(in, "in4") == 0 ||
            strcmp(in, "inu") == 0)
            kw(k, ".shape = VS_SHAPE(vs_tensor_shape(%s)->dims[%d], %d)", in,
               chance(80) ? 1 : 0, 2 + rnd(3));
        else
            kw(k, ".shape = VS_SHAPE(vs_tensor_shape(%s)->dims[vs_tensor_shape(%s)->rank - 1], %d)",
               in, in, 2 + rnd(3));
    } else if (shape)
        kw(k, ".shape = %s", shape_expr());
    if (dtype)
        kw(k, ".dtype = %s", dtype_expr());
    if (init)
        kw(k, ".initializer = %s", init_expr(c, t, sizeof t, 1));
}

static void st_get_variable(ctx *c, buf *b)
{
    char nb[64];
    buf k = {0};
    const char *name = var_name(c, nb, sizeof nb);
    getvar_opts(c, &k);
    line(b, c->d, "vs_get_variable(g, %s%s);", name, k.s ? k.s : "");
    bfree(&k);
}

/* the explicit form: options built field by field */
static void st_get_variable_at(ctx *c, buf *b)
{
    char nb[64], t[256];
    int o = fresh();
    const char *name = var_name(c, nb, sizeof nb);
    line(b, c->d, "vs_get_variable_opts o%d = {0};", o);
    if (chance(60))
        line(b, c->d, "o%d.shape = %s;", o, shape_expr());
    if (chance(40))
        line(b, c->d, "o%d.dtype = %s;", o, dtype_expr());
    if (chance(40))
        line(b, c->d, "o%d.initializer = %s;", o, init_expr(c, t, sizeof t, 0));
    line(b, c->d, "vs_get_variable_at(g, %s, &o%d, __FILE__, __LINE__);", name,
         o);
}

static void st_variable(ctx *c, buf *b)
{
    static const wpick values[] = {
        {10, "vs_scalar_f32(g, 1.0f)"}, {6, "vs_scalar_i32(g, 3)"},
        {5, "vs_constant_i32(g, 3, ((const int32_t[]){1, 2, 3}))"},
        {4, "vs_constant_f32(g, 2, ((const float[]){0.5f, 1.5f}))"},
        {2, "X"}, {1, "NULL"},
    };
    static const wpick names[] = {
        {10, "\"x\""}, {8, "\"w\""}, {6, "\"var2\""}, {3, "\"_x\""},
        {2, "\"model\""}, {1, "\"bad name\""}, {1, "\"\""},
    };
    char nb[64];
    buf k = {0};
    const char *v = WCHOOSE(values);
    if (strcmp(v, "X") == 0)
        v = c->in_main ? "in3" : "x";
    if (chance(75)) {
        const char *name = WCHOOSE(names);
        if (c->nloops && chance(30))
            name = var_name(c, nb, sizeof nb);
        kw(&k, ".name = %s", name);
    }
    if (chance(25))
        kw(&k, ".dtype = %s", dtype_expr());
    line(b, c->d, "vs_variable(g, %s%s);", v, k.s ? k.s : "");
    bfree(&k);
}

static void st_dense(ctx *c, buf *b)
{
    static const wpick names[] = {
        {40, "NULL"}, {15, "\"fc\""}, {10, "\"dense\""}, {8, "\"enc\""},
        {3, "\"\""}, {2, "\"bad name\""}, {2, "\"_d\""}, {2, "\"fc/\""},
    };
    static const int units[] = {2, 2, 3, 4, 4, 0};
    buf k = {0};
    const char *name = WCHOOSE(names);
    if (strcmp(name, "NULL"))
        kw(&k, ".name = %s", name);
    if (chance(20))
        kw(&k, ".no_bias = true");
    const char *in = dense_input(c);
    int u = units[rnd(6)];
    if (chance(30)) {
        /* chain: the output (NULL when the layer fails) feeds the next */
        int t = fresh();
        line(&c->f->decl, 0, "vs_tensor *t%d = %s;", t, in);
        line(&c->f->decl, 0, "(void)t%d;", t);
        line(b, c->d, "t%d = vs_dense(g, t%d, %d%s);", t, t, u, k.s ? k.s : "");
        line(b, c->d, "vs_dense(g, t%d, %d);", t, 1 + rnd(3));
    } else {
        line(b, c->d, "vs_dense(g, %s, %d%s);", in, u, k.s ? k.s : "");
    }
    bfree(&k);
}

static void st_op(ctx *c, buf *b)
{
    static const wpick ops[] = {
        {6, "vs_scalar_f32(g, 2.0f, .name = NAME);"},
        {3, "vs_scalar_i32(g, 2, .name = NAME);"},
        {3, "vs_add(g, IN, IN);"},
        {3, "vs_matmul(g, IN, vs_placeholder(g, VS_FLOAT32, VS_SHAPE(3, 2)));"},
        {2, "vs_add(g, IN, vs_scalar_i32(g, 1));"},
        {2, "vs_placeholder(g, VS_FLOAT32, VS_SHAPE(2), .name = NAME);"},
    };
    static const wpick names[] = {
        {10, "\"Add\""}, {8, "\"c\""}, {6, "\"model\""}, {4, "\"w\""},
        {2, "\"c/\""}, {2, "\"_c\""}, {1, "\"bad name\""}, {1, "\"\""},
    };
    const char *in = c->in_main ? "in3" : "x";
    const char *op = WCHOOSE(ops);
    buf o = {0};
    for (const char *p = op; *p; p++) {
        if (strncmp(p, "NAME", 4) == 0) {
            bput(&o, "%s", WCHOOSE(names));
            p += 3;
        } else if (strncmp(p, "IN", 2) == 0) {
            bput(&o, "%s", in);
            p += 1;
        } else {
            bput(&o, "%c", *p);
        }
    }
    line(b, c->d, "%s", o.s);
    bfree(&o);
}

static void st_reuse_variables(ctx *c, buf *b)
{
    if (c->in_main && c->nest == 0 && !chance(20)) {
        /* at main's root this turns reuse on for good: keep it rare */
        st_get_variable(c, b);
        return;
    }
    if (c->as_var && chance(50))
        line(b, c->d, "vs_reuse_variables(%s);", c->as_var);
    else if (c->f->ncaps && chance(30))
        line(b, c->d, "vs_reuse_variables(%s);", c->f->caps[rnd(c->f->ncaps)]);
    else
        line(b, c->d, "vs_reuse_variables(vs_get_variable_scope(g));");
}

static int add_cap(ctx *c)
{
    int k = fresh();
    line(&c->f->decl, 0, "vs_scope *c%d = NULL;", k);
    line(&c->f->decl, 0, "(void)c%d;", k);
    if (c->f->ncaps < 16)
        snprintf(c->f->caps[c->f->ncaps++], 16, "c%d", k);
    return k;
}

static void st_capture_current(ctx *c, buf *b)
{
    int k = add_cap(c);
    line(b, c->d, "c%d = vs_get_variable_scope(g);", k);
}

static int callable_helpers(ctx *c)
{
    return c->f->is_main ? nhelpers : c->f->index;
}

static void st_call(ctx *c, buf *b)
{
    char nb[64], cb[64];
    int h = rnd(callable_helpers(c));
    func *callee = &helpers[h];
    const char *nm;
    if (chance(50))
        nm = scope_name(c, nb, sizeof nb);
    else
        nm = var_name(c, nb, sizeof nb);
    if (strcmp(nm, "nm") == 0 && c->in_main)
        nm = "\"model\"";
    const char *mode;
    if (klass == UNKNOWN && c->in_main && chance(30)) {
        static const char *um[] = {"argc > 2", "argc", "env_a != NULL",
                                   "argc % 3"};
        mode = um[rnd(4)];
        if (strstr(mode, "argc"))
            uses_argc = 1;
        else
            uses_env_a = 1;
    } else if (c->nloops && chance(40)) {
        mode = c->loopvar[rnd(c->nloops)];
    } else if (!c->in_main && chance(30)) {
        mode = "mode";
    } else {
        snprintf(cb, sizeof cb, "%d", rnd(3));
        mode = cb;
    }
    line(b, c->d, "%s(g, %s, %s, %s);", callee->name, dense_input(c), nm,
         mode);
    callee->calls++;
}

/* VS_VARIABLE_SCOPE / _AS / explicit enter: the keyword arguments */
static void scope_opts(ctx *c, buf *k, int named, int reenter)
{
    char rb[128], t[256];
    if (!reenter && !named)
        kw(k, ".default_name = \"%s\"", chance(70) ? "blk" : "dense");
    int want_reuse = chance(45);
    const char *r = reuse_expr(c, rb, sizeof rb);
    /* reuse with only a default name fails: keep it, but rarely */
    if (!named && !reenter && chance(70))
        r = "VS_REUSE_INHERIT";
    int spell_inherit = chance(30);
    if (reuse_override) {
        /* the twin's copy: same program text, another reuse */
        static const char *alt[] = {"VS_REUSE_INHERIT", "VS_REUSE",
                                    "VS_AUTO_REUSE", "VS_REUSE"};
        uint64_t saved = rng_state;
        rng_state = alt_state;
        r = alt[rnd(4)];
        alt_state = rng_state;
        rng_state = saved;
        want_reuse = 1;
        reuse_override = 0;
    }
    if (want_reuse && (strcmp(r, "VS_REUSE_INHERIT") || spell_inherit))
        kw(k, ".reuse = %s", r);
    if (chance(12))
        kw(k, ".dtype = %s", dtype_expr());
    if (chance(8))
        kw(k, ".initializer = %s", init_expr(c, t, sizeof t, 0));
    if (chance(8))
        kw(k, ".no_name_scope = true");
}

/* the early exits a body may end with (possibly a scoping mistake) */
static void maybe_early_exit(ctx *c, buf *b)
{
    char cb[128];
    if (!chance(18))
        return;
    int w = rnd(10);
    const char *cnd = chance(70) ? cond(c, cb, sizeof cb) : NULL;
    const char *what = NULL;
    if (w < 4 && !c->in_main)
        what = "return;";
    else if (w < 6 && c->brk)
        what = "break;";
    else if (w < 8 && c->cont)
        what = "continue;";
    else if (c->goto_label) {
        static char g[32];
        snprintf(g, sizeof g, "goto out%d;", c->goto_label);
        what = g;
        *c->goto_used = 1;
    }
    if (!what)
        return;
    if (cnd) {
        line(b, c->d, "if (%s)", cnd);
        line(b, c->d + 1, "%s", what);
    } else {
        line(b, c->d, "%s", what);
    }
}

static void body(ctx *c, buf *b, int n)
{
    ctx in = *c;
    in.d = c->d + 1;
    in.nest = c->nest + 1;
    stmts(&in, b, n);
    maybe_early_exit(&in, b);
}

static int body_len(void) { return 1 + rnd(3); }

static void st_variable_scope_block(ctx *c, buf *b)
{
    char nb[64];
    buf k = {0};
    int named = chance(85);
    const char *name = named ? scope_name(c, nb, sizeof nb) : "NULL";
    scope_opts(c, &k, named, 0);
    ctx in = *c;
    in.brk = 2;
    in.cont = 1;
    if (chance(30)) {
        int s = fresh();
        char sv[16];
        snprintf(sv, sizeof sv, "s%d", s);
        line(b, c->d, "VS_VARIABLE_SCOPE_AS(%s, g, %s%s) {", sv, name,
             k.s ? k.s : "");
        if (chance(70)) {
            int cap = add_cap(c);
            line(b, c->d + 1, "c%d = %s;", cap, sv);
        }
        in.as_var = sv;
        body(&in, b, body_len());
    } else {
        line(b, c->d, "VS_VARIABLE_SCOPE(g, %s%s) {", name, k.s ? k.s : "");
        body(&in, b, body_len());
    }
    line(b, c->d, "}");
    bfree(&k);
}

static void st_reenter_block(ctx *c, buf *b)
{
    buf k = {0};
    const char *obj;
    if (c->f->ncaps && chance(85))
        obj = c->f->caps[rnd(c->f->ncaps)];
    else
        obj = "vs_get_variable_scope(g)";
    scope_opts(c, &k, 1, 1);
    ctx in = *c;
    in.brk = 2;
    in.cont = 1;
    line(b, c->d, "VS_VARIABLE_SCOPE_REENTER(g, %s%s) {", obj, k.s ? k.s : "");
    body(&in, b, body_len());
    line(b, c->d, "}");
    bfree(&k);
}

static void st_name_scope_block(ctx *c, buf *b)
{
    char nb[64];
    ctx in = *c;
    in.brk = 2;
    in.cont = 1;
    line(b, c->d, "VS_NAME_SCOPE(g, %s) {", name_scope_name(c, nb, sizeof nb));
    body(&in, b, body_len());
    line(b, c->d, "}");
}

/* explicit enter ... exit, with the usual mistakes: the exit forgotten,
 * doubled, or skipped by an early exit in between */
static void st_explicit_pair(ctx *c, buf *b)
{
    char nb[64];
    buf k = {0};
    int kind = rnd(10);
    int cap = -1;
    if (kind < 6) {
        int named = chance(85);
        const char *name = named ? scope_name(c, nb, sizeof nb) : "NULL";
        scope_opts(c, &k, named, 0);
        if (chance(30))
            cap = add_cap(c);
        if (cap >= 0)
            line(b, c->d, "c%d = vs_variable_scope_enter(g, %s%s);", cap, name,
                 k.s ? k.s : "");
        else
            line(b, c->d, "vs_variable_scope_enter(g, %s%s);", name,
                 k.s ? k.s : "");
    } else if (kind < 8 || !c->f->ncaps) {
        line(b, c->d, "vs_name_scope_enter(g, %s);",
             name_scope_name(c, nb, sizeof nb));
    } else {
        scope_opts(c, &k, 1, 1);
        line(b, c->d, "vs_variable_scope_reenter(g, %s%s);",
             c->f->caps[rnd(c->f->ncaps)], k.s ? k.s : "");
    }
    bfree(&k);
    stmts(c, b, body_len());
    maybe_early_exit(c, b);
    int r = rnd(100);
    if (r < 10)
        return;                        /* forgotten: leak */
    line(b, c->d, "vs_scope_exit(g);");
    if (r < 18)
        line(b, c->d, "vs_scope_exit(g);");   /* one too many */
}

/* enter checked for failure: if (!enter) return; / if (enter) {...} */
static void st_guarded_enter(ctx *c, buf *b)
{
    char nb[64];
    buf k = {0};
    const char *name = scope_name(c, nb, sizeof nb);
    scope_opts(c, &k, 1, 0);
    if (!c->in_main && chance(50)) {
        /* helper style: bail out, cleanup label for failures inside */
        int lbl = fresh(), used = 0;
        line(b, c->d, "if (!vs_variable_scope_enter(g, %s%s))", name,
             k.s ? k.s : "");
        line(b, c->d + 1, "return;");
        ctx in = *c;
        in.goto_label = lbl;
        in.goto_used = &used;
        buf inner = {0};
        char nb2[64];
        int n = body_len();
        for (int i = 0; i < n; i++) {
            if (chance(35)) {
                buf k2 = {0};
                getvar_opts(&in, &k2);
                line(&inner, c->d, "if (!vs_get_variable(g, %s%s))",
                     var_name(&in, nb2, sizeof nb2), k2.s ? k2.s : "");
                line(&inner, c->d + 1, "goto out%d;", lbl);
                used = 1;
                bfree(&k2);
            } else {
                stmts(&in, &inner, 1);
            }
        }
        maybe_early_exit(&in, &inner);
        bcat(b, &inner);
        bfree(&inner);
        if (used)
            line(b, c->d, "out%d:", lbl);
        line(b, c->d, "vs_scope_exit(g);");
    } else {
        line(b, c->d, "if (vs_variable_scope_enter(g, %s%s)) {", name,
             k.s ? k.s : "");
        ctx in = *c;
        body(&in, b, body_len());
        line(b, c->d + 1, "vs_scope_exit(g);");
        line(b, c->d, "}");
    }
    bfree(&k);
}

/* a variable's result checked */
static void st_checked_var(ctx *c, buf *b)
{
    char nb[64];
    buf k = {0};
    int v = fresh();
    getvar_opts(c, &k);
    line(b, c->d, "vs_var *v%d = vs_get_variable(g, %s%s);", v,
         var_name(c, nb, sizeof nb), k.s ? k.s : "");
    bfree(&k);
    if (!c->in_main && chance(40)) {
        line(b, c->d, "if (!v%d)", v);
        line(b, c->d + 1, "return;");
        return;
    }
    line(b, c->d, "if (v%d) {", v);
    if (chance(40))
        line(b, c->d + 1, "vs_variable(g, vs_value(v%d), .name = \"copy\");", v);
    body(c, b, body_len());
    line(b, c->d, "}");
}

static void st_if(ctx *c, buf *b)
{
    char cb[128];
    line(b, c->d, "if (%s) {", cond(c, cb, sizeof cb));
    body(c, b, body_len());
    if (chance(40)) {
        line(b, c->d, "} else {");
        body(c, b, body_len());
    }
    line(b, c->d, "}");
}

static void st_switch(ctx *c, buf *b)
{
    char sel[128];
    if (klass == UNKNOWN && c->in_main && chance(60)) {
        if (chance(50)) {
            uses_argc = 1;
            snprintf(sel, sizeof sel, "argc %% 3");
        } else {
            uses_env_a = 1;
            snprintf(sel, sizeof sel, "env_a != NULL ? atoi(env_a) : 0");
        }
    } else if (c->nloops && (c->in_main || chance(50))) {
        snprintf(sel, sizeof sel, "%s", c->loopvar[rnd(c->nloops)]);
    } else if (!c->in_main) {
        snprintf(sel, sizeof sel, "mode");
    } else {
        int k = fresh();
        line(&c->f->decl, 0, "const int k%d = %d;", k, rnd(3));
        line(&c->f->decl, 0, "(void)k%d;", k);
        snprintf(sel, sizeof sel, "k%d", k);
    }
    ctx in = *c;
    in.brk = 3;
    in.d = c->d + 1;
    line(b, c->d, "switch (%s) {", sel);
    int ncases = 1 + rnd(3);
    for (int i = 0; i < ncases; i++) {
        line(b, c->d, "case %d: {", i);
        stmts(&in, b, body_len());
        maybe_early_exit(&in, b);
        if (chance(75)) {
            line(b, c->d + 1, "break;");
            line(b, c->d, "}");
        } else {
            line(b, c->d, "}");
            line(b, c->d + 1, "/* fall through */");
        }
    }
    line(b, c->d, "default: {");
    if (chance(50))
        stmts(&in, b, 1);
    line(b, c->d + 1, "break;");
    line(b, c->d, "}");
    line(b, c->d, "}");
}

/* ---- the added classes' constructs ------------------------------------------ */

/* class bufwrite: one of the ways C teams write a name into a buffer,
 * inside loop i (the template, if any, was copied before the loop) */
static void bufwrite_line(ctx *c, buf *b, int i, int form)
{
    char e[32];
    int mod = 1 + rnd(3);
    if (mod == 1)
        snprintf(e, sizeof e, "i%d", i);
    else
        snprintf(e, sizeof e, "(i%d %% %d)", i, mod);
    int d = c->d + 1;
    switch (form) {
    case 0:    /* sprintf at an offset */
        line(b, d, "sprintf(nm%d + 6, \"%%d\", %s);", i, e);
        break;
    case 1:    /* a character store */
        line(b, d, "nm%d[6] = (char)('0' + %s);", i, e);
        break;
    case 2:    /* pointer advance */
        line(b, d, "{");
        line(b, d + 1, "char *p%d = nm%d;", i, i);
        line(b, d + 1, "p%d += sprintf(p%d, \"%%s\", \"blk\");", i, i);
        line(b, d + 1, "sprintf(p%d, \"_%%d\", %s);", i, e);
        line(b, d, "}");
        break;
    case 3: {  /* strncpy, truncating or not */
        int len = chance(50) ? 7 : 14;
        line(b, d, "strncpy(nm%d, %s == 0 ? \"embedding_user\" : \"embedding_item\", %d);",
             i, e, len);
        line(b, d, "nm%d[%d] = '\\0';", i, len);
        break;
    }
    case 4:    /* memcpy into the middle */
        line(b, d, "memcpy(nm%d + 5, %s == 0 ? \"3a\" : %s == 1 ? \"3b\" : \"4a\", 2);",
             i, e, e);
        break;
    case 5:    /* a strcat chain */
        line(b, d, "strcpy(nm%d, \"enc\");", i);
        line(b, d, "strcat(nm%d, \"_\");", i);
        line(b, d, "strcat(nm%d, %s == 0 ? \"fw\" : \"bw\");", i, e);
        break;
    default:   /* a printf-style helper (vsnprintf) */
        support[c->f->file] |= SUP_FMT_NAME;
        line(b, d, "fmt_name(nm%d, sizeof nm%d, \"step_%%d\", %s);", i, i, e);
        break;
    }
}

/* class fnptr: helpers called through a table of known targets, a struct
 * field, or a table indexed by a loop */
static void st_fn_table(ctx *c, buf *b)
{
    char nb[64];
    int n = callable_helpers(c), t = fresh();
    int h1 = rnd(n), h2 = rnd(n);
    const char *nm = scope_name(c, nb, sizeof nb);
    if (strcmp(nm, "nm") == 0 && c->in_main)
        nm = "\"model\"";
    const char *in = dense_input(c);
    switch (rnd(3)) {
    case 0:
        line(&c->f->decl, 0,
             "void (*const tab%d[2])(vs_graph *, vs_tensor *, const char *, int) = {%s, %s};",
             t, helpers[h1].name, helpers[h2].name);
        line(b, c->d, "tab%d[%d](g, %s, %s, %d);", t, rnd(2), in, nm, rnd(3));
        break;
    case 1:
        line(&c->f->decl, 0,
             "void (*const tab%d[2])(vs_graph *, vs_tensor *, const char *, int) = {%s, %s};",
             t, helpers[h1].name, helpers[h2].name);
        line(b, c->d, "for (int j%d = 0; j%d < 2; j%d++)", t, t, t);
        line(b, c->d + 1, "tab%d[j%d](g, %s, %s, j%d);", t, t, in, nm, t);
        break;
    default:
        line(&c->f->decl, 0,
             "struct { void (*build)(vs_graph *, vs_tensor *, const char *, int); } sf%d = {%s};",
             t, helpers[h1].name);
        line(&c->f->decl, 0, "(void)sf%d;", t);
        if (chance(40))
            line(b, c->d, "sf%d.build = %s;", t, helpers[h2].name);
        line(b, c->d, "sf%d.build(g, %s, %s, %d);", t, in, nm, rnd(3));
        break;
    }
}

/* class recursion: a recursive block builder with concrete depths */
static void st_recursion(ctx *c, buf *b)
{
    int r = fresh();
    buf *f = &extra_funcs[c->f->file];
    int kind = rnd(3);
    static const char *vars[] = {"\"w\"", "\"kernel\"", "\"b\""};
    const char *v = vars[rnd(3)];
    bput(f, "static void rec%d(vs_graph *g, int depth, vs_reuse reuse)\n{\n", r);
    line(f, 0, "if (depth <= 0)");
    line(f, 1, "return;");
    if (kind == 0) {
        line(f, 0, "char nm[16];");
        line(f, 0, "snprintf(nm, sizeof nm, \"r%%d\", depth %% %d);", 2 + rnd(4));
        line(f, 0, "VS_VARIABLE_SCOPE(g, nm, .reuse = reuse) {");
    } else if (kind == 1) {
        line(f, 0, "VS_VARIABLE_SCOPE(g, \"blk\", .reuse = reuse) {");
    }
    if (kind < 2) {
        line(f, 1, "vs_get_variable(g, %s, .shape = VS_SHAPE(2));", v);
        line(f, 1, "rec%d(g, depth - 1, reuse);", r);
        line(f, 0, "}");
    } else {
        /* no scope of its own: each level in the caller's scope */
        line(f, 0, "if (depth %% 2 == 0)");
        line(f, 1, "vs_get_variable(g, %s, .shape = VS_SHAPE(2));", v);
        line(f, 0, "rec%d(g, depth - 1, reuse);", r);
    }
    bput(f, "}\n\n");
    static const char *reuses[] = {"VS_REUSE_INHERIT", "VS_AUTO_REUSE",
                                   "VS_REUSE"};
    line(b, c->d, "rec%d(g, %d, %s);", r, 1 + rnd(4), reuses[rnd(3)]);
    if (chance(50))
        line(b, c->d, "rec%d(g, %d, %s);", r, 1 + rnd(4), reuses[rnd(3)]);
}

/* class structflag: a pair of helpers testing the same struct field, in
 * agreement or not */
static void st_flag_pair(ctx *c, buf *b)
{
    int r = fresh();
    buf *f = &extra_funcs[0];
    static const char *fields[] = {"a", "b", "c"};
    const char *fa = fields[rnd(3)];
    const char *fb = chance(70) ? fa : fields[rnd(3)];
    int neg = chance(25);
    bput(f, "static void fmake%d(vs_graph *g, const struct flags *f)\n{\n", r);
    line(f, 0, "if (f->%s)", fa);
    line(f, 1, "return;");
    line(f, 0, "VS_VARIABLE_SCOPE(g, \"fs%d\") {", r);
    line(f, 1, "vs_get_variable(g, \"w\", .shape = VS_SHAPE(2));");
    line(f, 0, "}");
    bput(f, "}\n\n");
    bput(f, "static void fuse%d(vs_graph *g, const struct flags *f)\n{\n", r);
    line(f, 0, "if (%sf->%s)", neg ? "!" : "", fb);
    line(f, 1, "return;");
    line(f, 0, "VS_VARIABLE_SCOPE(g, \"fs%d\", .reuse = VS_REUSE) {", r);
    line(f, 1, "vs_get_variable(g, \"w\", .shape = VS_SHAPE(2));");
    line(f, 0, "}");
    bput(f, "}\n\n");
    line(b, c->d, "fmake%d(g, &fl);", r);
    stmts(c, b, rnd(2));
    line(b, c->d, "fuse%d(g, &fl);", r);
}

/* class idioms: repeated designators (wrapper macros and index
 * designators), cleanup guards, _Generic, a get-or-create cache */
static void st_idiom(ctx *c, buf *b)
{
    char nb[64];
    int file = c->f->file;
    switch (rnd(5)) {
    case 0: {   /* the wrapper's defaults first, the caller's after */
        support[file] |= SUP_DESIGNATORS;
        const char *name = var_name(c, nb, sizeof nb);
        if (chance(50))
            line(b, c->d, "GV_DEF(g, %s, .dtype = %s);", name, dtype_expr());
        else
            line(b, c->d, "GV_DEF(g, %s, .shape = %s);", name, shape_expr());
        break;
    }
    case 1: {   /* a scope whose wrapper forces AUTO_REUSE last */
        support[file] |= SUP_DESIGNATORS;
        if (c->nest >= 3)
            break;
        const char *name = scope_name(c, nb, sizeof nb);
        ctx in = *c;
        in.brk = 2;
        in.cont = 1;
        line(b, c->d, "SCOPE_AUTO(g, %s, .reuse = %s) {", name,
             chance(50) ? "VS_REUSE_INHERIT" : "VS_REUSE");
        body(&in, b, body_len());
        line(b, c->d, "}");
        break;
    }
    case 2: {   /* index designators */
        static const char *nms[] = {"\"w\"", "\"b\"", "\"v\""};
        int t = fresh();
        line(&c->f->decl, 0,
             "static const char *const dn%d[3] = {[2] = %s, [0] = %s, [1] = %s};",
             t, nms[rnd(3)], nms[rnd(3)], nms[rnd(3)]);
        buf k = {0};
        getvar_opts(c, &k);
        line(b, c->d, "vs_get_variable(g, dn%d[%d]%s);", t, rnd(3),
             k.s ? k.s : "");
        bfree(&k);
        break;
    }
    case 3: {   /* a cleanup guard */
        if (c->nest >= 3)
            break;
        support[file] |= SUP_CLOSE_SCOPE;
        int t = fresh();
        buf k = {0};
        const char *name = scope_name(c, nb, sizeof nb);
        scope_opts(c, &k, 1, 0);
        line(b, c->d, "{");
        line(b, c->d + 1,
             "vs_graph *gd%d __attribute__((cleanup(close_scope))) = vs_variable_scope_enter(g, %s%s) ? g : NULL;",
             t, name, k.s ? k.s : "");
        bfree(&k);
        body(c, b, body_len());
        if (chance(10))
            line(b, c->d + 1, "vs_scope_exit(g);");
        line(b, c->d, "}");
        break;
    }
    default:    /* _Generic, or the name cache */
        if (chance(50)) {
            support[file] |= SUP_GENERIC;
            line(b, c->d, "GEN_VAR(g, %s, %s);", var_name(c, nb, sizeof nb),
                 chance(50) ? "3" : "0.5");
        } else {
            support[file] |= SUP_CACHE;
            line(b, c->d, "get_or_create(g, %s);", var_name(c, nb, sizeof nb));
        }
        break;
    }
}

/* class graphread: names read back from the graph */
static void st_graph_read(ctx *c, buf *b)
{
    char nb[64];
    int t = fresh();
    switch (rnd(4)) {
    case 0: {   /* an optimizer's slots, over vs_graph_variables() */
        int scoped = chance(75);
        line(b, c->d, "{");
        line(b, c->d + 1, "vs_var *gv%d[64];", t);
        line(b, c->d + 1, "size_t ng%d = vs_graph_variables(g, gv%d, 64);", t, t);
        if (scoped)
            line(b, c->d + 1, "vs_variable_scope_enter(g, \"%s\");",
                 chance(70) ? "slots" : "opt");
        line(b, c->d + 1, "for (size_t k%d = 0; k%d < ng%d && k%d < 64; k%d++) {",
             t, t, t, t, t);
        line(b, c->d + 2, "char sn%d[512];", t);
        line(b, c->d + 2, "snprintf(sn%d, sizeof sn%d, \"%%s\", vs_var_name(gv%d[k%d]));",
             t, t, t, t);
        line(b, c->d + 2, "char *cl%d = strchr(sn%d, ':');", t, t);
        line(b, c->d + 2, "if (cl%d)", t);
        line(b, c->d + 3, "*cl%d = '%s';", t, chance(80) ? "\\0" : "_");
        line(b, c->d + 2, "vs_get_variable(g, sn%d, .shape = vs_var_shape(gv%d[k%d]), .dtype = vs_var_dtype(gv%d[k%d]));",
             t, t, t, t, t);
        line(b, c->d + 1, "}");
        if (scoped)
            line(b, c->d + 1, "vs_scope_exit(g);");
        line(b, c->d, "}");
        break;
    }
    case 1: {   /* a variable's name as a scope (with or without ":0") */
        buf k = {0};
        getvar_opts(c, &k);
        line(b, c->d, "{");
        line(b, c->d + 1, "vs_var *rv%d = vs_get_variable(g, %s%s);", t,
             var_name(c, nb, sizeof nb), k.s ? k.s : "");
        bfree(&k);
        line(b, c->d + 1, "if (rv%d) {", t);
        line(b, c->d + 2, "char sn%d[512];", t);
        line(b, c->d + 2, "snprintf(sn%d, sizeof sn%d, \"%%s\", vs_var_name(rv%d));", t, t, t);
        if (chance(70)) {
            line(b, c->d + 2, "char *cl%d = strchr(sn%d, ':');", t, t);
            line(b, c->d + 2, "if (cl%d)", t);
            line(b, c->d + 3, "*cl%d = '\\0';", t);
        }
        line(b, c->d + 2, "VS_VARIABLE_SCOPE(g, sn%d) {", t);
        line(b, c->d + 3, "vs_get_variable(g, \"ema\", .shape = vs_var_shape(rv%d));", t);
        line(b, c->d + 2, "}");
        line(b, c->d + 1, "}");
        line(b, c->d, "}");
        break;
    }
    case 2: {   /* a tensor's name, stripped, as a scope */
        line(b, c->d, "{");
        line(b, c->d + 1, "vs_tensor *rt%d = vs_dense(g, %s, %d);", t,
             dense_input(c), 2 + rnd(3));
        line(b, c->d + 1, "if (rt%d) {", t);
        line(b, c->d + 2, "char sn%d[512];", t);
        line(b, c->d + 2, "snprintf(sn%d, sizeof sn%d, \"%%s\", vs_tensor_name(rt%d));", t, t, t);
        line(b, c->d + 2, "char *cl%d = strchr(sn%d, ':');", t, t);
        line(b, c->d + 2, "if (cl%d)", t);
        line(b, c->d + 3, "*cl%d = '\\0';", t);
        line(b, c->d + 2, "VS_VARIABLE_SCOPE(g, sn%d, .reuse = %s) {", t,
             chance(50) ? "VS_AUTO_REUSE" : "VS_REUSE_INHERIT");
        line(b, c->d + 3, "vs_get_variable(g, \"stat\", .shape = VS_SHAPE(%d));", 1 + rnd(2));
        line(b, c->d + 2, "}");
        line(b, c->d + 1, "}");
        line(b, c->d, "}");
        break;
    }
    default: {  /* the current scope's name, re-entered by name */
        if (c->nest >= 3)
            break;
        ctx in = *c;
        in.brk = 2;
        in.cont = 1;
        line(b, c->d, "VS_VARIABLE_SCOPE(g, vs_scope_name(vs_get_variable_scope(g)), .reuse = %s) {",
             chance(50) ? "VS_AUTO_REUSE" : "VS_REUSE");
        body(&in, b, body_len());
        line(b, c->d, "}");
        break;
    }
    }
}

/* class creators: the library's layers, cells, optimizers ... (issue 10) */
static const char *reuse_kw(void)
{
    static const wpick r[] = {
        {6, ""}, {3, ", .reuse = VS_REUSE"}, {2, ", .reuse = VS_AUTO_REUSE"},
    };
    return WCHOOSE(r);
}

static void st_creator(ctx *c, buf *b)
{
    int t = fresh();
    const char *in = dense_input(c);
    static const wpick layer_names[] = {
        {4, ""}, {3, ", .name = \"conv1\""}, {2, ", .name = \"conv2\""},
    };
    static const wpick dense_names[] = {
        {4, ""}, {3, ", .name = \"fc\""}, {2, ", .name = \"logits\""},
    };
    line(b, c->d, "{");
    switch (rnd(8)) {
    case 0: {   /* conv2d -> max_pooling2d -> flatten -> dense */
        int size = chance(60) ? 8 : 10, chans = chance(60) ? 1 : 3;
        line(b, c->d + 1, "vs_tensor *im%d = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, %d, %d, %d));",
             t, size, size, chans);
        line(b, c->d + 1, "vs_tensor *cv%d = vs_conv2d(g, im%d, %d, 3, 3%s%s%s);", t, t,
             chance(70) ? 4 : 8, WCHOOSE(layer_names),
             chance(50) ? ", .padding = VS_SAME" : "", reuse_kw());
        line(b, c->d + 1, "vs_tensor *fl%d = vs_flatten(g, vs_max_pooling2d(g, cv%d, 2, 2));", t, t);
        line(b, c->d + 1, "vs_dense(g, fl%d, %d%s%s);", t, 2 + rnd(2),
             WCHOOSE(dense_names), reuse_kw());
        break;
    }
    case 1:     /* batch normalization */
        line(b, c->d + 1, "vs_batch_normalization(g, %s%s%s%s);", in,
             chance(50) ? ", .name = \"bn\"" : "",
             chance(25) ? ", .no_scale = true" : "", reuse_kw());
        break;
    case 2:     /* contrib's fully_connected */
        line(b, c->d + 1, "vs_fully_connected(g, %s, %d%s%s);", in, 2 + rnd(3),
             chance(65) ? ", .scope = \"fc\"" : "", reuse_kw());
        break;
    case 3: {   /* a layer object called twice */
        line(b, c->d + 1, "vs_layer *ly%d = vs_dense_layer(g, %d%s);", t, 2 + rnd(2),
             chance(40) ? ", .name = \"shared\"" : "");
        line(b, c->d + 1, "vs_layer_apply(g, ly%d, %s);", t, in);
        line(b, c->d + 1, "vs_layer_apply(g, ly%d, %s);", t,
             c->in_main ? dense_input(c) : in);
        break;
    }
    case 4: {   /* a cell through dynamic_rnn */
        static const char *cells[] = {"vs_basic_lstm_cell", "vs_gru_cell",
                                      "vs_basic_rnn_cell", "vs_lstm_cell"};
        static const wpick scopes[] = {
            {5, ""}, {3, ", .scope = \"enc\""}, {2, ", .scope = \"dec\""},
        };
        line(b, c->d + 1, "vs_tensor *sq%d = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 5, %d));",
             t, 2 + rnd(2));
        line(b, c->d + 1, "vs_layer *cl%d = %s(g, %d);", t, cells[rnd(4)], 2 + rnd(2));
        line(b, c->d + 1, "vs_dynamic_rnn(g, cl%d, sq%d, .dtype = VS_FLOAT32%s);", t, t,
             WCHOOSE(scopes));
        break;
    }
    case 5: {   /* minimize: the slots under the scope's reuse */
        static const char *opts[] = {
            "vs_adam_optimizer(g)", "vs_gradient_descent_optimizer(g, 0.1)",
            "vs_momentum_optimizer(g, 0.1, 0.9)", "vs_rmsprop_optimizer(g, 0.01)",
            "vs_adagrad_optimizer(g, 0.1)",
        };
        line(b, c->d + 1, "vs_tensor *ls%d = vs_reduce_mean(g, vs_dense(g, %s, 1%s));", t, in,
             WCHOOSE(dense_names));
        line(b, c->d + 1, "vs_minimize(g, %s, ls%d);", opts[rnd(5)], t);
        break;
    }
    case 6:     /* a moving average of every trainable variable */
        line(b, c->d + 1, "vs_ema_apply(g, vs_exponential_moving_average(g, 0.99));");
        break;
    default: {  /* a collection as an optimizer's var_list */
        char nb[64];
        line(b, c->d + 1, "const vs_var_list *vl%d = vs_get_collection(g, VS_TRAINABLE_VARIABLES, .scope = %s);",
             t, chance(60) ? scope_name(c, nb, sizeof nb) : "NULL");
        line(b, c->d + 1, "vs_tensor *ls%d = vs_reduce_mean(g, vs_dense(g, %s, 1));", t, in);
        line(b, c->d + 1, "vs_minimize(g, vs_gradient_descent_optimizer(g, 0.1), ls%d, .var_list = vl%d);",
             t, t);
        break;
    }
    }
    line(b, c->d, "}");
}

/* class templates: tf.make_template over a generated builder */
static void template_builder(int file, int t)
{
    buf *f = &extra_funcs[file];
    static const char *wnames[] = {"\"w\"", "\"kernel\"", "\"w\""};
    int leaf = chance(15);
    if (leaf) {
        /* a template made and called inside the builder, on each call */
        bput(f, "static vs_tensor *tl%d(vs_graph *g, vs_tensor *x, void *user)\n{\n", t);
        line(f, 0, "(void)user;");
        line(f, 0, "vs_var *d = vs_get_variable(g, \"dummy\", .shape = VS_SHAPE(%d));",
             1 + rnd(2));
        line(f, 0, "return d ? x : NULL;");
        bput(f, "}\n\n");
    }
    bput(f, "static vs_tensor *tb%d(vs_graph *g, vs_tensor *x, void *user)\n{\n", t);
    line(f, 0, "struct targs *ta = user;");
    line(f, 0, "vs_tensor *y = x;");
    int n = 1 + rnd(3);
    for (int i = 0; i < n; i++) {
        switch (rnd(10)) {
        case 0:
        case 1:     /* a weight whose input width is the input's */
            line(f, 0, "if (y && vs_tensor_shape(y)->rank == 2) {");
            line(f, 1, "vs_var *w = vs_get_variable(g, %s, .shape = VS_SHAPE(vs_tensor_shape(y)->dims[1], %d));",
                 wnames[rnd(3)], 2 + rnd(3));
            line(f, 1, "y = w ? vs_matmul(g, y, vs_value(w)) : NULL;");
            line(f, 0, "}");
            break;
        case 2:
            line(f, 0, "vs_get_variable(g, \"b\", .shape = VS_SHAPE(%d));", 2 + rnd(2));
            break;
        case 3:     /* tf.Variable: trainable or not */
            line(f, 0, "vs_variable(g, vs_scalar_f32(g, 1.0f), .name = \"v\"%s);",
                 chance(60) ? ", .not_trainable = true" : "");
            break;
        case 4: {
            static const wpick r[] = {
                {5, ""}, {2, ", .reuse = VS_AUTO_REUSE"}, {1, ", .reuse = VS_REUSE"},
            };
            line(f, 0, "VS_VARIABLE_SCOPE(g, \"inner\"%s) {", WCHOOSE(r));
            line(f, 1, "vs_get_variable(g, \"w\", .shape = VS_SHAPE(2));");
            line(f, 0, "}");
            break;
        }
        case 5:     /* a name that depends on the call */
            line(f, 0, "{");
            line(f, 1, "char nm[16];");
            line(f, 1, "snprintf(nm, sizeof nm, \"layer_%%d\", ta->calls %% %d);", 1 + rnd(3));
            line(f, 1, "vs_get_variable(g, nm, .shape = VS_SHAPE(2));");
            line(f, 0, "}");
            break;
        case 6:
            line(f, 0, "if (ta->flag)");
            line(f, 1, "vs_get_variable(g, \"extra\", .shape = VS_SHAPE(2));");
            break;
        case 7:
            line(f, 0, "if (y)");
            line(f, 1, "y = vs_dense(g, y, %d%s);", 2 + rnd(2),
                 chance(40) ? ", .name = \"fc\"" : "");
            break;
        case 8:     /* a builder's mistake, now and then */
            if (chance(50))
                break;
            switch (rnd(4)) {
            case 0:
                line(f, 0, "vs_get_variable(g, \"d\", .shape = VS_SHAPE(2));");
                line(f, 0, "vs_get_variable(g, \"d\", .shape = VS_SHAPE(2));");
                break;
            case 1:
                line(f, 0, "if (ta->flag)");
                line(f, 1, "vs_variable_scope_enter(g, \"open\");");
                break;
            case 2:
                line(f, 0, "if (ta->calls > 0)");
                line(f, 1, "vs_scope_exit(g);");
                break;
            default:
                line(f, 0, "if (ta->calls == 1)");
                line(f, 1, "return NULL;");
                break;
            }
            break;
        default:
            line(f, 0, "VS_NAME_SCOPE(g, \"ops\") {");
            line(f, 1, "vs_get_variable(g, \"s\", .shape = VS_SCALAR);");
            line(f, 0, "}");
            break;
        }
    }
    if (leaf) {
        line(f, 0, "if (y)");
        line(f, 1, "y = vs_template_call(g, vs_make_template(g, \"nested\", tl%d, NULL), y);", t);
    }
    line(f, 0, "ta->calls++;");
    line(f, 0, "return y;");
    bput(f, "}\n\n");
}

static void st_template(ctx *c, buf *b)
{
    int t = fresh();
    template_builder(c->f->file, t);
    static const wpick names[] = {
        {4, "scale"}, {2, "proj"}, {1, "blk"},
    };
    static const wpick opts[] = {
        {10, ""}, {2, ", .create_scope_now = true"}, {1, ", .unique_name = \"uniq\""},
    };
    static const wpick reuses[] = {
        {3, ""}, {2, ", .reuse = VS_REUSE"}, {2, ", .reuse = VS_AUTO_REUSE"},
    };
    line(&c->f->decl, 0, "struct targs ta%d = {0, %d};", t, rnd(2));
    const char *name = WCHOOSE(names);
    line(b, c->d, "{");
    const char *fn_expr;
    char fnb[32];
    if (chance(25)) {
        line(b, c->d + 1, "vs_template_fn bf%d = tb%d;", t, t);
        snprintf(fnb, sizeof fnb, "bf%d", t);
    } else {
        snprintf(fnb, sizeof fnb, "tb%d", t);
    }
    fn_expr = fnb;
    if (chance(20)) {
        /* made inside an enclosing scope: create_scope_now captures it */
        line(b, c->d + 1, "vs_template *tp%d = NULL;", t);
        line(b, c->d + 1, "VS_VARIABLE_SCOPE(g, \"maker\"%s) {", WCHOOSE(reuses));
        line(b, c->d + 2, "tp%d = vs_make_template(g, \"%s\", %s, &ta%d%s);", t,
             name, fn_expr, t, WCHOOSE(opts));
        line(b, c->d + 1, "}");
    } else {
        line(b, c->d + 1, "vs_template *tp%d = vs_make_template(g, \"%s\", %s, &ta%d%s);",
             t, name, fn_expr, t, WCHOOSE(opts));
    }
    line(b, c->d + 1, "vs_tensor *to%d = NULL;", t);
    line(b, c->d + 1, "(void)to%d;", t);
    if (klass == UNKNOWN && c->in_main && chance(40))
        line(b, c->d + 1, "ta%d.flag = %s;", t, unknown_cond());
    int ncalls = 1 + rnd(3);
    for (int k = 0; k < ncalls; k++) {
        const char *in = dense_input(c);
        char inb[32];
        if (k > 0 && chance(20)) {
            snprintf(inb, sizeof inb, "to%d", t);
            in = inb;
        }
        switch (rnd(10)) {
        case 0:
        case 1:
            line(b, c->d + 1, "VS_VARIABLE_SCOPE(g, \"%s\"%s) {",
                 chance(50) ? "outer" : "tower", WCHOOSE(reuses));
            line(b, c->d + 2, "to%d = vs_template_call(g, tp%d, %s);", t, t, in);
            line(b, c->d + 1, "}");
            break;
        case 2:
            line(b, c->d + 1, "ta%d.flag = !ta%d.flag;", t, t);
            line(b, c->d + 1, "to%d = vs_template_call(g, tp%d, %s);", t, t, in);
            break;
        case 5:
            if (klass == UNKNOWN) {
                char cb[64];
                line(b, c->d + 1, "if (%s)", cond(c, cb, sizeof cb));
                line(b, c->d + 2, "to%d = vs_template_call(g, tp%d, %s);", t, t, in);
                break;
            }
            line(b, c->d + 1, "to%d = vs_template_call(g, tp%d, %s);", t, t, in);
            break;
        case 3:
            if (c->nest < 3) {
                ctx in2 = *c;
                in2.d = c->d + 1;
                stmts(&in2, b, 1);
            }
            line(b, c->d + 1, "to%d = vs_template_call(g, tp%d, %s);", t, t, in);
            break;
        case 4:     /* a second template over the same builder */
            line(b, c->d + 1, "to%d = vs_template_call(g, vs_make_template(g, \"%s\", %s, &ta%d), %s);",
                 t, chance(70) ? name : "other", fn_expr, t, in);
            break;
        default:
            line(b, c->d + 1, "to%d = vs_template_call(g, tp%d, %s);", t, t, in);
            break;
        }
    }
    line(b, c->d, "}");
}

/* class state: the globals config.c and the error handler write, changed
 * between statements */
static void st_state(ctx *c, buf *b)
{
    if (c->in_main && chance(40)) {
        line(b, c->d, "configure(%d);", rnd(3));
        return;
    }
    if (chance(30)) {
        line(b, c->d, "cfg_share = %d;", rnd(2));
        return;
    }
    if (c->nest >= 3)
        return;
    ctx in = *c;
    in.brk = 1;
    in.cont = 1;
    int i = fresh();
    line(b, c->d, "for (int i%d = 0; i%d < cfg_depth; i%d++) {", i, i, i);
    body(&in, b, 1 + rnd(2));
    line(b, c->d, "}");
}

static void st_loop(ctx *c, buf *b)
{
    static const char *fmts[] = {"layer_%d", "step_%d", "w%d", "tower_%d"};
    if (c->nloops >= 2)
        return;
    int i = fresh();
    ctx in = *c;
    snprintf(in.loopvar[c->nloops], 16, "i%d", i);
    snprintf(in.namebuf[c->nloops], 16, "nm%d", i);
    int unknown_bound = klass == UNKNOWN && chance(35);
    int upper = unknown_bound ? 5 : 1 + rnd(3);
    /* class longloop: an outer loop past the engine's unroll cap */
    /* (at most two per program: a run under ASan stays within seconds) */
    static int long_loops;
    int long_bound = feature == F_LONGLOOP && !unknown_bound &&
                     c->in_main && c->nloops == 0 && long_loops < 2 &&
                     chance(60);
    if (long_bound) {
        upper = 1025 + rnd(300);
        long_loops++;
        in.flat = 1;
    }
    in.loop_upper[c->nloops] = upper;
    in.nloops = c->nloops + 1;
    in.brk = 1;
    in.cont = 1;
    line(&c->f->decl, 0, "char nm%d[32] = \"\";", i);
    /* class bufwrite: the name written into the buffer in place */
    int form = feature == F_BUFWRITE && chance(80) ? rnd(7) : -1;
    if (form == 0)
        line(b, c->d, "strcpy(nm%d, \"tower_\");", i);
    else if (form == 1)
        line(b, c->d, "strcpy(nm%d, \"layer_0\");", i);
    else if (form == 4)
        line(b, c->d, "strcpy(nm%d, \"conv_XX_bn\");", i);
    if (unknown_bound && !c->in_main) {
        /* unknown when the caller passes an unknown mode */
        line(b, c->d, "for (int i%d = 0; i%d < mode; i%d++) {", i, i, i);
    } else if (unknown_bound) {
        uses_argc = 1;
        line(b, c->d, "for (int i%d = 0; i%d < argc; i%d++) {", i, i, i);
    } else {
        line(b, c->d, "for (int i%d = 0; i%d < %d; i%d++) {", i, i, upper, i);
    }
    if (form >= 0) {
        bufwrite_line(c, b, i, form);
        body(&in, b, 1 + rnd(3));
        line(b, c->d, "}");
        return;
    }
    int mod = 1 + rnd(3);
    if (long_bound) {
        static const int long_mods[] = {1, 1100, 1200};
        mod = long_mods[rnd(3)];
    }
    if (mod == 1)
        line(b, c->d + 1, "snprintf(nm%d, sizeof nm%d, \"%s\", i%d);", i, i,
             fmts[rnd(4)], i);
    else
        line(b, c->d + 1, "snprintf(nm%d, sizeof nm%d, \"%s\", i%d %% %d);", i,
             i, fmts[rnd(4)], i, mod);
    body(&in, b, 1 + rnd(3));
    line(b, c->d, "}");
}

/* a compound statement emitted twice, the second time with the top
 * scope's reuse drawn again: shared or duplicated structures */
static void st_twin(ctx *c, buf *b, void (*gen)(ctx *, buf *))
{
    uint64_t saved = rng_state;
    gen(c, b);
    uint64_t after = rng_state;
    rng_state = saved;
    reuse_override = 1;
    gen(c, b);
    reuse_override = 0;
    rng_state = after;
}

static void stmt(ctx *c, buf *b)
{
    enum {
        GETVAR, GETVAR_AT, VARIABLE, DENSE, OP, REUSE_VARS, CALL, CAPTURE,
        LONE_EXIT, LONE_ENTER, VSCOPE, REENTER, NSCOPE, EXPLICIT, GUARDED,
        CHECKED, IF, SWITCH, LOOP,
        FNTAB, REC, FLAGPAIR, IDIOM, GREAD, STATE, CREATOR, TMPL, NKINDS
    };
    int w[NKINDS] = {0};
    w[GETVAR] = 30;
    w[GETVAR_AT] = 3;
    w[VARIABLE] = 6;
    w[DENSE] = 7;
    w[OP] = 3;
    w[REUSE_VARS] = 3;
    w[CALL] = callable_helpers(c) ? 9 : 0;
    w[CAPTURE] = 1;
    w[LONE_EXIT] = 1;
    w[LONE_ENTER] = 1;
    if (c->flat) {
        /* what a long loop's turn leaves behind (scopes left open, helpers'
         * leaks) grows with the turns: names thousands of levels deep */
        w[CALL] = w[LONE_EXIT] = w[LONE_ENTER] = 0;
    }
    int compound = c->nest < 3 && budget > 3 && !c->flat;
    if (compound) {
        w[VSCOPE] = 14;
        w[REENTER] = c->f->ncaps ? 5 : 1;
        w[NSCOPE] = 5;
        w[EXPLICIT] = 7;
        w[GUARDED] = 3;
        w[CHECKED] = 3;
        w[IF] = klass == UNKNOWN ? 9 : 4;
        w[SWITCH] = 3;
        w[LOOP] = klass != STRAIGHT && c->nloops < 2 ? 7 : 0;
        if (feature == F_BUFWRITE || feature == F_LONGLOOP)
            w[LOOP] += c->nloops < 2 ? 8 : 0;
    }
    if (feature != F_NONE) {
        w[FNTAB] = feature == F_FNPTR && callable_helpers(c) ? 8 : 0;
        w[REC] = feature == F_RECURSION ? 5 : 0;
        w[FLAGPAIR] = feature == F_STRUCTFLAG && c->in_main ? 5 : 0;
        w[IDIOM] = feature == F_IDIOMS ? 12 : 0;
        w[GREAD] = feature == F_GRAPHREAD ? 7 : 0;
        w[STATE] = feature == F_STATE ? 6 : 0;
        w[CREATOR] = feature == F_CREATORS ? 12 : 0;
        w[TMPL] = feature == F_TEMPLATES && !c->flat ? 10 : 0;
    }
    int total = 0;
    for (int i = 0; i < NKINDS; i++)
        total += w[i];
    int r = rnd(total), kind = 0;
    while (r >= w[kind])
        r -= w[kind++];
    budget--;
    switch (kind) {
    case GETVAR: st_get_variable(c, b); break;
    case GETVAR_AT: st_get_variable_at(c, b); break;
    case VARIABLE: st_variable(c, b); break;
    case DENSE: st_dense(c, b); break;
    case OP: st_op(c, b); break;
    case REUSE_VARS: st_reuse_variables(c, b); break;
    case CALL: st_call(c, b); break;
    case CAPTURE: st_capture_current(c, b); break;
    case LONE_EXIT: line(b, c->d, "vs_scope_exit(g);"); break;
    case LONE_ENTER: {
        char nb[64];
        line(b, c->d, "vs_variable_scope_enter(g, %s);",
             scope_name(c, nb, sizeof nb));
        break;
    }
    case VSCOPE:
        if (chance(25))
            st_twin(c, b, st_variable_scope_block);
        else
            st_variable_scope_block(c, b);
        break;
    case REENTER: st_reenter_block(c, b); break;
    case NSCOPE: st_name_scope_block(c, b); break;
    case EXPLICIT:
        if (chance(15))
            st_twin(c, b, st_explicit_pair);
        else
            st_explicit_pair(c, b);
        break;
    case GUARDED: st_guarded_enter(c, b); break;
    case CHECKED: st_checked_var(c, b); break;
    case IF: st_if(c, b); break;
    case SWITCH: st_switch(c, b); break;
    case LOOP: st_loop(c, b); break;
    case FNTAB: st_fn_table(c, b); break;
    case REC: st_recursion(c, b); break;
    case FLAGPAIR: st_flag_pair(c, b); break;
    case IDIOM: st_idiom(c, b); break;
    case GREAD: st_graph_read(c, b); break;
    case STATE: st_state(c, b); break;
    case CREATOR: st_creator(c, b); break;
    case TMPL: st_template(c, b); break;
    }
}

static void stmts(ctx *c, buf *b, int n)
{
    for (int i = 0; i < n; i++)
        stmt(c, b);
}

/* ---- functions and files ----------------------------------------------------- */

static void gen_helper(func *f)
{
    ctx c = {0};
    c.f = f;
    budget = 8 + rnd(10);
    while (budget > 0)
        stmt(&c, &f->body);
}

static void gen_main(void)
{
    ctx c = {0};
    c.f = &mainf;
    c.in_main = 1;
    budget = 18 + rnd(30);
    while (budget > 0)
        stmt(&c, &mainf.body);
    /* every helper is called from at least two places */
    for (int h = 0; h < nhelpers; h++) {
        while (helpers[h].calls < 2) {
            char nb[64], cb[8];
            snprintf(cb, sizeof cb, "%d", rnd(3));
            line(&mainf.body, 0, "%s(g, %s, %s, %s);", helpers[h].name,
                 dense_input(&c), scope_name(&c, nb, sizeof nb), cb);
            helpers[h].calls++;
        }
    }
}

static const char *storage(void) { return nfiles > 1 ? "" : "static "; }

static void prototypes(buf *b)
{
    for (int h = 0; h < nhelpers; h++)
        bput(b, "%svoid %s(vs_graph *g, vs_tensor *x, const char *nm, int mode);\n",
             storage(), helpers[h].name);
    if (nhelpers)
        bput(b, "\n");
}

static void emit_helper(buf *b, func *f)
{
    bput(b, "%svoid %s(vs_graph *g, vs_tensor *x, const char *nm, int mode)\n{\n",
         storage(), f->name);
    line(b, 0, "(void)x;");
    line(b, 0, "(void)nm;");
    line(b, 0, "(void)mode;");
    bcat(b, &f->decl);
    bcat(b, &f->body);
    bput(b, "}\n\n");
}

static void header(buf *b, unsigned long long seed, int file)
{
    bput(b, "/* generated by tests/gen/gen.c: seed %llu, class %s, files %d%s */\n",
         seed, feature ? feature_names[feature] : class_names[klass], nfiles,
         file ? "" : " (main)");
}

static void includes(buf *b)
{
    if (feature != F_NONE)
        bput(b, "#include <stdarg.h>\n#include <stdio.h>\n#include <stdlib.h>\n"
                "#include <string.h>\n\n#include \"varscope.h\"\n\n");
    else
        bput(b, "#include <stdio.h>\n#include <stdlib.h>\n\n#include \"varscope.h\"\n\n");
}

/* the added classes' declarations and support code of one file */
static void feature_prologue(buf *b, int file)
{
    if (feature == F_STATE) {
        bput(b, "extern int cfg_share, cfg_depth, n_errors;\n"
                "void configure(int level);\n\n");
        if (file == 0)
            bput(b, "static void on_error(const vs_error *e, void *user)\n{\n"
                    "    (void)user;\n    n_errors++;\n"
                    "    fprintf(stderr, \"%%s:%%d: error: %%s [%%s]\\n\", e->file, e->line,\n"
                    "            e->message, vs_code_name(e->code));\n}\n\n");
    }
    if (feature == F_STRUCTFLAG && file == 0)
        bput(b, "struct flags {\n    int a, b, c;\n};\n\n");
    if (feature == F_TEMPLATES)
        bput(b, "/* a template's user argument: its builder's call counter and flag */\n"
                "struct targs {\n    int calls, flag;\n};\n\n");
    int sup = support[file];
    if (sup & SUP_FMT_NAME)
        bput(b, "static void fmt_name(char *buf, size_t n, const char *fmt, ...)\n{\n"
                "    va_list ap;\n    va_start(ap, fmt);\n    vsnprintf(buf, n, fmt, ap);\n"
                "    va_end(ap);\n}\n\n");
    if (sup & SUP_DESIGNATORS)
        bput(b, "/* defaults first, the caller's keywords after: the last wins */\n"
                "#pragma GCC diagnostic ignored \"-Woverride-init\"\n"
                "#if defined(__GNUC__) && !defined(__clang__)\n"
                "#pragma GCC diagnostic ignored \"-Woverride-init-side-effects\"\n"
                "#endif\n"
                "#define GV_DEF(g, name, ...) vs_get_variable((g), (name), .shape = VS_SHAPE(2), .dtype = VS_FLOAT32, __VA_ARGS__)\n"
                "#define SCOPE_AUTO(g, name, ...) VS_VARIABLE_SCOPE((g), (name), __VA_ARGS__, .reuse = VS_AUTO_REUSE)\n\n");
    if (sup & SUP_GENERIC)
        bput(b, "static vs_var *gv_int(vs_graph *g, const char *name, int v)\n{\n"
                "    (void)v;\n"
                "    return vs_get_variable(g, name, .shape = VS_SCALAR, .dtype = VS_INT32);\n}\n\n"
                "static vs_var *gv_dbl(vs_graph *g, const char *name, double v)\n{\n"
                "    (void)v;\n"
                "    return vs_get_variable(g, name, .shape = VS_SCALAR, .dtype = VS_FLOAT64);\n}\n\n"
                "#define GEN_VAR(g, name, v) _Generic((v), int: gv_int, default: gv_dbl)((g), (name), (v))\n\n");
    if (sup & SUP_CACHE)
        bput(b, "static char goc_names[16][64];\nstatic int goc_count;\n\n"
                "static void get_or_create(vs_graph *g, const char *name)\n{\n"
                "    for (int i = 0; i < goc_count; i++)\n"
                "        if (strcmp(goc_names[i], name) == 0)\n"
                "            return;\n"
                "    if (goc_count < 16)\n"
                "        snprintf(goc_names[goc_count++], sizeof goc_names[0], \"%%s\", name);\n"
                "    vs_get_variable(g, name, .shape = VS_SHAPE(2));\n}\n\n");
    if (sup & SUP_CLOSE_SCOPE)
        bput(b, "static void close_scope(vs_graph **gp)\n{\n"
                "    if (*gp)\n        vs_scope_exit(*gp);\n}\n\n");
    bcat(b, &extra_funcs[file]);
}

/* class state: config.c, which names nothing of varscope */
static void config_file(buf *b, unsigned long long seed)
{
    static const char *shares[] = {"level > 0", "level == 1", "!cfg_share",
                                   "level != 2"};
    bput(b, "/* generated by tests/gen/gen.c: seed %llu, class state (config) */\n",
         seed);
    bput(b, "int cfg_share = %d;\nint cfg_depth = %d;\nint n_errors;\n\n",
         rnd(2), 1 + rnd(2));
    bput(b, "void configure(int level)\n{\n    (void)level;\n    cfg_share = %s;\n"
            "    cfg_depth = %s;\n}\n", shares[rnd(4)],
         chance(50) ? "1 + level" : "2");
}

static int write_file(const char *dir, const char *name, const buf *b)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        return -1;
    }
    fwrite(b->s, 1, b->n, f);
    return fclose(f);
}

static void mkdir_p(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s", dir);
    for (char *p = path + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(path, 0777);
            *p = '/';
        }
    mkdir(path, 0777);
}

static void usage(void)
{
    fprintf(stderr, "usage: gen SEED [--class straight|loops|unknown|bufwrite|"
                    "state|fnptr|recursion|structflag|longloop|idioms|graphread|creators|templates] "
                    "[--files N] OUTDIR\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *seed_s = NULL, *outdir = NULL;
    int cls = -1, files = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--class") == 0 && i + 1 < argc) {
            i++;
            for (cls = 0; cls < 3 && strcmp(class_names[cls], argv[i]); cls++)
                ;
            if (cls == 3) {
                int f = 1;
                while (f < F_COUNT && strcmp(feature_names[f], argv[i]))
                    f++;
                if (f == F_COUNT)
                    usage();
                feature = (enum feature)f;
                cls = feature == F_STRUCTFLAG ? UNKNOWN : LOOPS;
            }
        } else if (strcmp(argv[i], "--files") == 0 && i + 1 < argc) {
            files = atoi(argv[++i]);
            if (files < 1 || files > MAX_FILES)
                usage();
        } else if (!seed_s) {
            seed_s = argv[i];
        } else if (!outdir) {
            outdir = argv[i];
        } else {
            usage();
        }
    }
    if (!seed_s || !outdir)
        usage();
    char *end;
    unsigned long long seed = strtoull(seed_s, &end, 10);
    if (*end)
        usage();
    rng_state = seed * 0x2545F4914F6CDD1Dull + 0x1234567u;
    next64();
    alt_state = seed ^ 0xA5A5A5A5DEADBEEFull;
    klass = cls >= 0 ? (enum cls)cls : (enum cls)(seed % 3);
    if (feature == F_TEMPLATES)
        klass = seed % 2 ? UNKNOWN : LOOPS;
    nfiles = files ? files : (chance(60) ? 1 : chance(60) ? 2 : 3);
    nhelpers = rnd(MAX_HELPERS + 1);
    if (nfiles > 1 && nhelpers < nfiles - 1)
        nhelpers = nfiles - 1;       /* every other file holds a helper */
    if (feature == F_FNPTR && nhelpers < 2)
        nhelpers = 2;                /* tables of two targets */
    for (int h = 0; h < nhelpers; h++) {
        snprintf(helpers[h].name, sizeof helpers[h].name, "helper%d", h);
        helpers[h].index = h;
        helpers[h].file = nfiles > 1 ? 1 + h % (nfiles - 1) : 0;
    }
    for (int h = 0; h < nhelpers; h++)
        gen_helper(&helpers[h]);
    mainf.is_main = 1;
    mainf.index = nhelpers;
    gen_main();
    if (klass == UNKNOWN && !uses_argc && !uses_env_a && !uses_env_b) {
        /* at least one unknown */
        ctx c = {0};
        c.f = &mainf;
        c.in_main = 1;
        budget = 2;
        buf extra = {0};
        line(&extra, 0, "if (%s) {", unknown_cond());
        st_get_variable(&c, &extra);
        line(&extra, 0, "}");
        bcat(&mainf.body, &extra);
        bfree(&extra);
    }

    /* the inputs main really reads (a drawn condition may have been
     * dropped) */
    uses_argc = mainf.body.s && strstr(mainf.body.s, "argc") != NULL;
    uses_env_a = mainf.body.s && strstr(mainf.body.s, "env_a") != NULL;
    uses_env_b = mainf.body.s && strstr(mainf.body.s, "env_b") != NULL;
    if (feature == F_STRUCTFLAG)
        uses_argc = 1;               /* the flags are set from argc */
    mkdir_p(outdir);
    buf files_b[MAX_FILES] = {{0}};
    for (int f = 0; f < nfiles; f++) {
        header(&files_b[f], seed, f);
        if (f == 0 && klass == UNKNOWN) {
            if (uses_argc)
                bput(&files_b[0], "// oracle-input: argc 1 2 3 4 5 6 7 8 9\n");
            if (uses_env_a)
                bput(&files_b[0], "// oracle-input: env VSGEN_A - 0 1 2 7 02 20\n");
            if (uses_env_b)
                bput(&files_b[0], "// oracle-input: env VSGEN_B - 1\n");
        }
        includes(&files_b[f]);
        prototypes(&files_b[f]);
        if (feature != F_NONE)
            feature_prologue(&files_b[f], f);
    }
    for (int h = 0; h < nhelpers; h++)
        emit_helper(&files_b[helpers[h].file], &helpers[h]);

    buf *m = &files_b[0];
    if (klass == UNKNOWN)
        bput(m, "int main(int argc, char **argv)\n{\n");
    else
        bput(m, "int main(void)\n{\n");
    line(m, 0, "vs_graph *g = vs_graph_new();");
    if (feature == F_STATE)
        line(m, 0, "vs_set_error_handler(g, on_error, NULL);");
    if (feature == F_STRUCTFLAG) {
        line(m, 0, "struct flags fl = {argc > 2, argc %% 2 == 0, argc > 3};");
        line(m, 0, "(void)fl;");
    }
    if (klass == UNKNOWN) {
        line(m, 0, "(void)argc;");
        line(m, 0, "(void)argv;");
        if (uses_env_a)
            line(m, 0, "const char *env_a = getenv(\"VSGEN_A\");");
        if (uses_env_b)
            line(m, 0, "const char *env_b = getenv(\"VSGEN_B\");");
    }
    line(m, 0, "vs_tensor *in3 = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 3), .name = \"in3\");");
    line(m, 0, "vs_tensor *in4 = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 4), .name = \"in4\");");
    line(m, 0, "vs_tensor *in1 = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(3), .name = \"in1\");");
    line(m, 0, "vs_tensor *ini = vs_placeholder(g, VS_INT32, VS_SHAPE(-1, 3), .name = \"ini\");");
    line(m, 0, "vs_tensor *inu = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, -1), .name = \"inu\");");
    line(m, 0, "(void)in3;");
    line(m, 0, "(void)in4;");
    line(m, 0, "(void)in1;");
    line(m, 0, "(void)ini;");
    line(m, 0, "(void)inu;");
    bcat(m, &mainf.decl);
    bcat(m, &mainf.body);
    line(m, 0, "vs_graph_free(g);");
    line(m, 0, "return 0;");
    bput(m, "}\n");

    int rc = 0;
    for (int f = 0; f < nfiles; f++) {
        char name[32];
        if (f == 0)
            snprintf(name, sizeof name, "main.c");
        else
            snprintf(name, sizeof name, "part%d.c", f);
        rc |= write_file(outdir, name, &files_b[f]);
        bfree(&files_b[f]);
    }
    if (feature == F_STATE) {
        buf cfg = {0};
        config_file(&cfg, seed);
        rc |= write_file(outdir, "config.c", &cfg);
        bfree(&cfg);
    }
    return rc ? 1 : 0;
}
