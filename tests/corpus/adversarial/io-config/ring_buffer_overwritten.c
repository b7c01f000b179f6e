/* io-config: names from a ring of two static buffers; the encoder's name
 * is taken, then two more names are formatted before it is used (for a
 * log line), which rewrites its slot with the decoder's name: the
 * "encoder" scope is in fact "dec_0" and the decoder then creates
 * "dec_0/w" again (argc 2 builds the decoder). */
// oracle-input: argc 1 2
#include <stdio.h>

#include "varscope.h"

static const char *fmt_name(const char *prefix, int i)
{
    static char ring[2][24];
    static unsigned next;
    char *slot = ring[next++ % 2];
    snprintf(slot, sizeof ring[0], "%s_%d", prefix, i);
    return slot;
}

int main(int argc, char **argv)
{
    (void)argv;
    vs_graph *g = vs_graph_new();
    const char *enc = fmt_name("enc", 0);
    const char *log_a = fmt_name("log", 0);
    const char *dec = fmt_name("dec", 0);
    fprintf(stderr, "building %s (%s)\n", dec, log_a);
    VS_VARIABLE_SCOPE(g, enc) {
        vs_get_variable(g, "w", .shape = VS_SHAPE(4));
    }
    if (argc > 1) {
        VS_VARIABLE_SCOPE(g, dec) {
            vs_get_variable(g, "w", .shape = VS_SHAPE(4)); // expect: duplicate-variable
        }
    }
    vs_graph_free(g);
    return 0;
}
