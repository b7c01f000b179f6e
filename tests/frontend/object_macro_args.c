/* An object-like macro holding an operator, passed as one word to a
 * macro of another file (VS_SHAPE(WIDTH), VS_SHAPE in varscope.h): its
 * tokens all have the file location of the word WIDTH, and where they
 * are spelled cannot be lexed (the next token of the expansion is in
 * varscope.h), so WIDTH's body is read.  A larger expression starting
 * at the same word (WIDTH + 1) does not read the inner operator. */
#include "varscope.h"

#define WIDTH (4 << t)
#define MASKED t & 3

void widths(vs_graph *g, int t)
{
    vs_get_variable(g, "a", .shape = VS_SHAPE(WIDTH));
    vs_get_variable(g, "b", .shape = VS_SHAPE(MASKED));
    vs_get_variable(g, "c", .shape = VS_SHAPE(WIDTH + 1));
}
