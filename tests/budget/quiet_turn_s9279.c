/* A program the random oracle generated (tests/gen/gen.c: seed 9279,
 * class structflag) whose nested loops over argc, around helpers that
 * fork paths, spend the engine's memory budget while it widens the
 * loops (a quiet turn, whose findings are muted).  Nothing after the
 * loops was checked, and before the fix nothing said so: the
 * unchecked note must say where checking stopped (tests/suites/cli.sh). */
// oracle-input: argc 1 2 3 4 5 6 7 8 9
// oracle-input: env VSGEN_A - 0 1 2 7 02 20
// oracle-input: env VSGEN_B - 1
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "varscope.h"

static void helper0(vs_graph *g, vs_tensor *x, const char *nm, int mode);
static void helper1(vs_graph *g, vs_tensor *x, const char *nm, int mode);
static void helper2(vs_graph *g, vs_tensor *x, const char *nm, int mode);
static void helper3(vs_graph *g, vs_tensor *x, const char *nm, int mode);

struct flags {
    int a, b, c;
};

static void fmake13(vs_graph *g, const struct flags *f)
{
    if (f->a)
        return;
    VS_VARIABLE_SCOPE(g, "fs13") {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    }
}

static void fuse13(vs_graph *g, const struct flags *f)
{
    if (!f->a)
        return;
    VS_VARIABLE_SCOPE(g, "fs13", .reuse = VS_REUSE) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(2));
    }
}

static void helper0(vs_graph *g, vs_tensor *x, const char *nm, int mode)
{
    (void)x;
    (void)nm;
    (void)mode;
    char nm1[32] = "";
    if (mode == 0) {
        VS_VARIABLE_SCOPE(g, NULL, .default_name = "blk") {
            vs_name_scope_enter(g, NULL);
            for (int i1 = 0; i1 < 1; i1++) {
                snprintf(nm1, sizeof nm1, "tower_%d", i1 % 2);
                vs_dense(g, x, 4, .no_bias = true);
                vs_get_variable(g, nm);
                if (i1 == 0)
                    continue;
            }
            vs_scope_exit(g);
        }
        vs_get_variable(g, "kernel", .initializer = vs_init_value(vs_constant_f32(g, 2, ((const float[]){0.5f, 1.5f}))));
    } else {
        vs_get_variable(g, "kernel", .shape = VS_SCALAR);
    }
    vs_get_variable(g, "w");
}

static void helper1(vs_graph *g, vs_tensor *x, const char *nm, int mode)
{
    (void)x;
    (void)nm;
    (void)mode;
    vs_scope_exit(g);
    vs_get_variable(g, "w", .shape = VS_SHAPE(3, 2), .dtype = VS_FLOAT32, .initializer = vs_init_glorot_uniform());
    vs_dense(g, x, 2);
    vs_get_variable(g, "v", .shape = VS_SHAPE(2), .dtype = VS_INT64);
    vs_get_variable(g, "bias", .shape = VS_SHAPE(2));
    VS_VARIABLE_SCOPE(g, nm) {
        vs_scope_exit(g);
        vs_get_variable(g, "_h");
        vs_get_variable(g, "w", .shape = VS_SHAPE(3), .dtype = VS_FLOAT32);
    }
    if (mode > 0) {
        vs_get_variable(g, "w", .shape = VS_SCALAR);
        vs_get_variable(g, nm, .initializer = vs_init_value(vs_constant(g, VS_FLOAT64, VS_SHAPE(2), ((const double[]){1.0, 2.0}))));
        vs_variable(g, vs_scalar_f32(g, 1.0f), .name = "w");
    }
}

static void helper2(vs_graph *g, vs_tensor *x, const char *nm, int mode)
{
    (void)x;
    (void)nm;
    (void)mode;
    char nm2[32] = "";
    vs_get_variable(g, "w", .shape = VS_SCALAR, .dtype = VS_FLOAT32, .initializer = vs_init_value(vs_constant_i32(g, 3, ((const int32_t[]){1, 2, 3}))));
    VS_NAME_SCOPE(g, "bad name") {
        for (int i2 = 0; i2 < 1; i2++) {
            snprintf(nm2, sizeof nm2, "tower_%d", i2 % 2);
            vs_reuse_variables(vs_get_variable_scope(g));
        }
        vs_get_variable(g, nm);
        vs_dense(g, x, 4, .name = "fc");
    }
    vs_reuse_variables(vs_get_variable_scope(g));
    vs_get_variable(g, nm);
}

static void helper3(vs_graph *g, vs_tensor *x, const char *nm, int mode)
{
    (void)x;
    (void)nm;
    (void)mode;
    char nm4[32] = "";
    vs_tensor *t7 = x;
    (void)t7;
    helper0(g, x, nm, 0);
    vs_var *v3 = vs_get_variable(g, "b", .initializer = vs_init_ones());
    if (v3) {
        vs_add(g, x, x);
    }
    for (int i4 = 0; i4 < mode; i4++) {
        snprintf(nm4, sizeof nm4, "tower_%d", i4 % 3);
        vs_get_variable_opts o5 = {0};
        o5.shape = VS_SHAPE(4, 2);
        o5.dtype = VS_FLOAT32;
        vs_get_variable_at(g, "kernel", &o5, __FILE__, __LINE__);
    }
    vs_get_variable(g, "b", .dtype = VS_FLOAT64);
    vs_variable(g, vs_constant_i32(g, 3, ((const int32_t[]){1, 2, 3})), .name = "x", .dtype = VS_FLOAT32);
    VS_VARIABLE_SCOPE_AS(s6, g, "a") {
        t7 = vs_dense(g, t7, 4);
        vs_dense(g, t7, 1);
        vs_get_variable(g, "w", .shape = VS_SHAPE(3));
        VS_VARIABLE_SCOPE(g, "model", .reuse = VS_REUSE_INHERIT) {
            vs_get_variable(g, "bias");
            vs_name_scope_enter(g, "ops");
            vs_get_variable(g, "w:0", .shape = VS_SHAPE(2), .dtype = VS_FLOAT32);
            vs_get_variable(g, "b", .shape = VS_SHAPE(3, 2));
            vs_get_variable(g, "v");
            vs_scope_exit(g);
            vs_get_variable(g, nm, .dtype = VS_INT64);
        }
    }
}

int main(int argc, char **argv)
{
    vs_graph *g = vs_graph_new();
    struct flags fl = {argc > 2, argc % 2 == 0, argc > 3};
    (void)fl;
    (void)argc;
    (void)argv;
    const char *env_a = getenv("VSGEN_A");
    const char *env_b = getenv("VSGEN_B");
    vs_tensor *in3 = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 3), .name = "in3");
    vs_tensor *in4 = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, 4), .name = "in4");
    vs_tensor *in1 = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(3), .name = "in1");
    vs_tensor *ini = vs_placeholder(g, VS_INT32, VS_SHAPE(-1, 3), .name = "ini");
    vs_tensor *inu = vs_placeholder(g, VS_FLOAT32, VS_SHAPE(-1, -1), .name = "inu");
    (void)in3;
    (void)in4;
    (void)in1;
    (void)ini;
    (void)inu;
    char nm8[32] = "";
    vs_scope *c10 = NULL;
    (void)c10;
    vs_scope *c12 = NULL;
    (void)c12;
    char nm14[32] = "";
    char nm15[32] = "";
    vs_scope *c17 = NULL;
    (void)c17;
    vs_get_variable(g, "b", .shape = VS_SHAPE(3, 2));
    vs_get_variable(g, "emb/w", .shape = VS_SHAPE(3, 4), .dtype = VS_FLOAT32);
    vs_get_variable(g, "v", .shape = VS_SHAPE(3, 4), .dtype = VS_FLOAT64, .initializer = vs_init_value(in3));
    for (int i8 = 0; i8 < 1; i8++) {
        snprintf(nm8, sizeof nm8, "w%d", i8 % 3);
        if (env_a != NULL) {
            VS_VARIABLE_SCOPE_AS(s9, g, nm8) {
                c10 = s9;
                vs_get_variable_opts o11 = {0};
                o11.dtype = VS_FLOAT32;
                vs_get_variable_at(g, "v", &o11, __FILE__, __LINE__);
                helper0(g, in4, "bias", argc > 2);
            }
            if (i8 > 0) {
                vs_get_variable(g, nm8, .shape = VS_SHAPE(3));
                vs_get_variable(g, "b", .shape = VS_SHAPE(2), .dtype = VS_FLOAT32, .initializer = vs_init_zeros());
                vs_variable(g, vs_constant_f32(g, 2, ((const float[]){0.5f, 1.5f})), .name = "b");
            }
        }
        vs_get_variable(g, "", .dtype = VS_INT64);
        vs_variable_scope_enter(g, "model", .dtype = VS_INT32);
        c12 = vs_get_variable_scope(g);
        if (env_b != NULL)
            continue;
        vs_scope_exit(g);
        vs_scope_exit(g);
    }
    helper1(g, in3, "enc", 2);
    vs_get_variable(g, "bias", .initializer = vs_init_value(vs_scalar_f32(g, 1.5f)));
    helper1(g, in4, "b", 2);
    fmake13(g, &fl);
    vs_get_variable(g, "kernel", .shape = VS_SHAPE(4, 2));
    fuse13(g, &fl);
    VS_VARIABLE_SCOPE(g, "enc") {
        vs_get_variable(g, "b", .shape = VS_SCALAR);
        vs_get_variable(g, "w", .shape = VS_SHAPE(3, 4));
    }
    for (int i14 = 0; i14 < argc; i14++) {
        snprintf(nm14, sizeof nm14, "step_%d", i14 % 2);
        vs_name_scope_enter(g, "ops");
        vs_add(g, in3, in3);
        vs_scope_exit(g);
        for (int i15 = 0; i15 < argc; i15++) {
            snprintf(nm15, sizeof nm15, "step_%d", i15);
            helper3(g, in3, nm14, 0);
            vs_reuse_variables(vs_get_variable_scope(g));
        }
    }
    vs_variable_scope_enter(g, NULL, .default_name = "blk");
    if (env_a != NULL && env_a[0] == '2') {
        VS_VARIABLE_SCOPE_AS(s16, g, "dense") {
            c17 = s16;
            vs_get_variable(g, "w", .dtype = VS_INT32);
            vs_get_variable(g, "w");
            vs_get_variable(g, "b", .shape = VS_SHAPE(2), .initializer = vs_init_constant(0.5));
        }
    } else {
        helper3(g, in3, "dense", env_a != NULL);
        VS_VARIABLE_SCOPE(g, "model", .dtype = VS_INT64) {
            helper0(g, in3, "b", argc > 2);
        }
    }
    vs_get_variable(g, "bias", .dtype = VS_INT32);
    vs_get_variable(g, "b", .shape = VS_SCALAR, .dtype = VS_INT64, .initializer = vs_init_zeros());
    vs_scope_exit(g);
    vs_scope_exit(g);
    vs_get_variable(g, "kernel", .dtype = VS_FLOAT32);
    helper2(g, in3, "enc", 0);
    helper2(g, in3, "a", 0);
    vs_graph_free(g);
    return 0;
}
