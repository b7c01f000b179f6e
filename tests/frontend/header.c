/* Code from a user header: files[2]. */
#include "header_util.h"

int util_count;

int use(int v)
{
    return util_twice(v);
}
