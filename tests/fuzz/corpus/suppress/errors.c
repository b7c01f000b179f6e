/* NOLINTBEGIN(a) */
/* NOLINTEND(b) */
// NOLINTEND
// NOLINTBEGIN(
// scopecheck: ignore[
// scopecheck: ignore[nope]
/* unterminated