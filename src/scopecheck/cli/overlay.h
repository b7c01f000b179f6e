/* Overlays: files whose text is not the one on disk (an editor's unsaved
 * buffers in --lsp, standard input with --stdin-filename).  The run parses
 * them from memory (libclang's unsaved files), pre-scans them, hashes them
 * for the cache and reports with their text, so a run sees exactly what
 * the editor holds.  Looked up by path in any spelling of it: keys are
 * absolute and normalized (path.h). */
#ifndef SC_OVERLAY_H
#define SC_OVERLAY_H

#include <stddef.h>
#include <stdint.h>

#include "../frontend/clang_api.h"
#include "../util/arena.h"

typedef struct sc_overlay {
    char *path;                   /* as given */
    char *abs;                    /* absolute, normalized */
    char *text;
    size_t len;
    uint64_t hash;                /* FNV-1a of the text */
} sc_overlay;

typedef struct sc_overlays {
    SC_VEC(sc_overlay) items;
    struct CXUnsavedFile *unsaved; /* the same, for libclang */
} sc_overlays;

/* text copied; a second text for the same file replaces the first */
void overlay_add(sc_overlays *ov, const char *path, const char *text,
                 size_t len);
void overlays_free(sc_overlays *ov);
/* the overlay of path (any spelling), or NULL */
const sc_overlay *overlay_find(const sc_overlays *ov, const char *path);
/* as sc_text_fn (prescan.h): ctx is the sc_overlays */
const char *overlay_text(void *ctx, const char *path, size_t *len);

#endif
