#include "varscope.h"
int main(void) { // NOLINT
  x(); // scopecheck: ignore[duplicate-variable, scopecheck-*]
  // NOLINTNEXTLINE(scopecheck-missing-dtype)
  y();
  /* NOLINTBEGIN(missing-dtype) */
  z(); /* scopecheck: ignore */
  // NOLINTEND(missing-dtype)
  const char *s = "// NOLINT \" \
 NOLINTBEGIN";
  char c = '\'';
  // continued \
  NOLINTEND
}
