#ifndef SC_VERSION_H
#define SC_VERSION_H
#define SC_VERSION "1.0.0"
#define SC_HOMEPAGE "https://github.com/scopecheck/scopecheck"
#endif
