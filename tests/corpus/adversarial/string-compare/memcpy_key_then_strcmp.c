/* string-compare: the registry copies each key with memcpy (length + 1)
 * and finds it with strcmp; "optimizer/beta1" is registered, found on the
 * second request and not created again.  No run fails. */
#include <string.h>

#include "varscope.h"

static char keys[4][32];
static int nkeys;

static int known(const char *k)
{
    for (int i = 0; i < nkeys; i++)
        if (strcmp(keys[i], k) == 0)
            return 1;
    return 0;
}

static void slot(vs_graph *g, const char *name)
{
    if (known(name))
        return;
    memcpy(keys[nkeys++], name, strlen(name) + 1);
    vs_get_variable(g, name, .shape = VS_SCALAR, .initializer = vs_init_constant(0.9));
}

int main(void)
{
    vs_graph *g = vs_graph_new();
    VS_VARIABLE_SCOPE(g, "optimizer") {
        slot(g, "beta1");
        slot(g, "beta2");
        slot(g, "beta1");
    }
    vs_graph_free(g);
    return 0;
}
