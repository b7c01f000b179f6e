/* scopecheck --lsp: a language server (LSP 3.17) over standard input and
 * output.  See server.c. */
#ifndef SC_LSP_SERVER_H
#define SC_LSP_SERVER_H

#include "../cli/options.h"

/* Serves until the client says exit (or closes the stream); returns the
 * exit status the protocol asks for: 0 after shutdown, else 1. */
int sc_lsp_main(const sc_options *o);

#endif
