/* compiler-view: the build-info scope is named after the compiler that
 * built the tool (#if defined(__clang__)); this project is built with
 * gcc, so the scope is "gcc", and the exporter shares gcc/version.  No
 * run fails (a parse that predefines clang's macros sees "clang"). */
#include "varscope.h"

#if defined(__clang__)
#define COMPILER "clang"
#else
#define COMPILER "gcc"
#endif

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, COMPILER) {
        vs_get_variable(g, "version", .shape = VS_SCALAR, .dtype = VS_INT32, .initializer = vs_init_zeros());
    }
    VS_VARIABLE_SCOPE(g, "gcc", .reuse = VS_REUSE) {
        vs_get_variable(g, "version", .dtype = VS_INT32);
    }
    vs_graph_free(g);
    return 0;
}
