/* macro-families: a registry of {name, fn} filled by register_layer()
 * calls at start-up and looked up by name with strcmp; the layer to
 * build twice comes from LAYER (default "dense").  Building "dense"
 * twice is wrapped in AUTO_REUSE: fine; "conv" builds two different
 * kernels under one name on its second call (a width from the call
 * count), which AUTO_REUSE rejects. */
// oracle-input: env LAYER - dense conv
#include <stdlib.h>
#include <string.h>

#include "varscope.h"

typedef void (*layer_fn)(vs_graph *);
struct entry { const char *name; layer_fn fn; };
static struct entry table[4];
static int n_entries;

static void register_layer(const char *name, layer_fn fn)
{
    if (n_entries < 4)
        table[n_entries++] = (struct entry){name, fn};
}

static layer_fn lookup(const char *name)
{
    for (int i = 0; i < n_entries; i++)
        if (strcmp(table[i].name, name) == 0)
            return table[i].fn;
    return NULL;
}

static void dense(vs_graph *g) { vs_get_variable(g, "w", .shape = VS_SHAPE(8, 8)); }

static void conv(vs_graph *g)
{
    static int calls;
    calls++;
    vs_get_variable(g, "k", .shape = VS_SHAPE(3, 3, 8 * calls)); // expect: shape-mismatch
}

int main(void)
{
    register_layer("dense", dense);
    register_layer("conv", conv);
    const char *which = getenv("LAYER");
    layer_fn fn = lookup(which ? which : "dense");
    if (!fn)
        return 1;
    vs_graph *g = vs_graph_new();
    for (int i = 0; i < 2; i++) {
        VS_VARIABLE_SCOPE(g, "layer", .reuse = VS_AUTO_REUSE) {
            fn(g);
        }
    }
    vs_graph_free(g);
    return 0;
}
