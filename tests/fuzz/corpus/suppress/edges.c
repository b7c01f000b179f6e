// scopecheck: ignore


// scopecheck:ignore[duplicate-variable]
//NOLINT(-x,*,scopecheck-duplicate-variable)
"unterminated string
'c
\
/* NOLINT */ x(); // NOLINTBEGIN
// NOLINTEND