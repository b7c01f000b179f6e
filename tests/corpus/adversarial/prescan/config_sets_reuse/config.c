/* prescan: the configuration module knows nothing of varscope; it turns
 * tower sharing on. */
#include "config.h"

int share_towers;

void load_config(void)
{
    share_towers = 1;
}
