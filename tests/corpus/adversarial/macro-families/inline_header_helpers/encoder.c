/* macro-families: two files that both include a header of static inline
 * helpers (dense_weight, layer_name); the encoder's layers are
 * "enc_<i>", the decoder's "dec_<i>": no name is made twice, no run
 * fails. */
// oracle-input: argc 1 2 3
#include "scope_util.h"

void build_encoder(vs_graph *g, int layers)
{
    char name[32];
    for (int i = 0; i < layers; i++)
        dense_weight(g, layer_name(name, sizeof name, "enc", i), 16, 16);
}
