/* Widening a graph by what the turns of a loop change in it.
 *
 * A loop left after its first turns (an unknown trip count, the unroll
 * cap, a backward goto past its turns) stands for every later turn.  The
 * interpreter runs one more turn on the widened state without saying
 * anything, joins the graphs it leaves into the state's (names taken on
 * some turns become "perhaps taken", counts that grow become unknown,
 * variables made become "perhaps in the store"), and runs it again, until
 * a turn changes nothing the graph knows: then the graph stands for the
 * state after any number of turns, and what the loop never touches (a
 * variable made before it, a scope it never enters) stays known.  A loop
 * whose turns keep making new names of known spelling does not settle:
 * its graphs are forgotten whole, as before. */
#ifndef SC_WIDEN_H
#define SC_WIDEN_H
#include <stdbool.h>

#include "state.h"

/* Does `old` already allow everything `now` (old joined with what a turn
 * left) says of names, ops, the store, counts, scope objects and layer
 * names?  Then a further turn changes nothing there. */
bool graph_settled(sc_engine *e, const sc_graph *old, const sc_graph *now);

#endif
