#ifndef SC_DRIVER_H
#define SC_DRIVER_H

#include "options.h"

/* Runs scopecheck as the options say; returns the exit status. */
int sc_run(const sc_options *o);

#endif
