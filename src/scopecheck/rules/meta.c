/* Looking rules up by id (meta.h). */
#include <string.h>

#include "meta.h"

int sc_rule_meta_index(const char *id)
{
    for (size_t i = 0; i < sc_nrule_metas; i++)
        if (strcmp(sc_rule_metas[i].id, id) == 0)
            return (int)i;
    return -1;
}

const sc_rule_meta *sc_rule_meta_find(const char *id)
{
    int i = sc_rule_meta_index(id);
    return i < 0 ? NULL : &sc_rule_metas[i];
}
