/* one-value: a global options struct filled from the environment
 * (SHARE_EMB set or not); the embedding is created when the option is
 * off and shared when it is on, and the decoder tests the same field to
 * choose its reuse.  Every run is consistent: no run fails. */
// oracle-input: env SHARE_EMB - 1
#include <stdlib.h>

#include "varscope.h"

static struct {
    int share_embedding;
    int vocab;
} opts = {0, 1000};

static void encoder(vs_graph *g)
{
    VS_VARIABLE_SCOPE(g, "embedding") {
        vs_get_variable(g, "table", .shape = VS_SHAPE(opts.vocab, 32));
    }
}

static void decoder(vs_graph *g)
{
    const char *scope = opts.share_embedding ? "embedding" : "dec_embedding";
    VS_VARIABLE_SCOPE(g, scope, .reuse = opts.share_embedding ? VS_REUSE : VS_REUSE_INHERIT) {
        vs_get_variable(g, "table", .shape = VS_SHAPE(opts.vocab, 32));
    }
}

int main(void)
{
    opts.share_embedding = getenv("SHARE_EMB") != NULL;
    vs_graph *g = vs_graph_new();
    encoder(g);
    decoder(g);
    vs_graph_free(g);
    return 0;
}
