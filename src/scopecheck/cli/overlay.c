#include "overlay.h"

#include <stdlib.h>
#include <string.h>

#include "path.h"

static void rebuild_unsaved(sc_overlays *ov)
{
    free(ov->unsaved);
    ov->unsaved = sc_xmalloc((ov->items.len + 1) * sizeof *ov->unsaved);
    for (size_t i = 0; i < ov->items.len; i++) {
        /* libclang finds a remapped file by its identity, whatever the
         * spelling of the #include or argument that reaches it (a file
         * that is not on disk: by this name) */
        ov->unsaved[i].Filename = ov->items.items[i].path;
        ov->unsaved[i].Contents = ov->items.items[i].text;
        ov->unsaved[i].Length = (unsigned long)ov->items.items[i].len;
    }
}

void overlay_add(sc_overlays *ov, const char *path, const char *text,
                 size_t len)
{
    char *abs = sc_path_abs(path);
    sc_overlay *o = NULL;
    for (size_t i = 0; i < ov->items.len && !o; i++)
        if (strcmp(ov->items.items[i].abs, abs) == 0)
            o = &ov->items.items[i];
    if (o) {
        free(abs);
        free(o->text);
    } else {
        sc_overlay fresh = {sc_xstrdup(path), abs, NULL, 0, 0};
        SC_PUSH(ov->items, fresh);
        o = &ov->items.items[ov->items.len - 1];
    }
    o->text = sc_xmalloc(len + 1);
    memcpy(o->text, text, len);
    o->text[len] = '\0';
    o->len = len;
    o->hash = sc_fnv1a(SC_FNV_INIT, text, len);
    rebuild_unsaved(ov);
}

void overlays_free(sc_overlays *ov)
{
    for (size_t i = 0; i < ov->items.len; i++) {
        free(ov->items.items[i].path);
        free(ov->items.items[i].abs);
        free(ov->items.items[i].text);
    }
    SC_VEC_FREE(ov->items);
    free(ov->unsaved);
    ov->unsaved = NULL;
}

const sc_overlay *overlay_find(const sc_overlays *ov, const char *path)
{
    if (!ov || !ov->items.len || !path)
        return NULL;
    for (size_t i = 0; i < ov->items.len; i++)
        if (strcmp(ov->items.items[i].path, path) == 0)
            return &ov->items.items[i];
    char *abs = sc_path_abs(path);
    const sc_overlay *hit = NULL;
    for (size_t i = 0; i < ov->items.len && !hit; i++)
        if (strcmp(ov->items.items[i].abs, abs) == 0)
            hit = &ov->items.items[i];
    free(abs);
    return hit;
}

const char *overlay_text(void *ctx, const char *path, size_t *len)
{
    const sc_overlay *o = overlay_find(ctx, path);
    if (!o)
        return NULL;
    *len = o->len;
    return o->text;
}
