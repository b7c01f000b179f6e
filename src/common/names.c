/* TF's name patterns (see names.h). */
#include "names.h"

static bool is_alnum_dot(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= '0' && c <= '9') || c == '.';
}

static bool is_name_char(char c)
{
    return is_alnum_dot(c) || c == '_' || c == '-' || c == '/';
}

bool vs__valid_op_name(const char *s)
{
    if (!is_alnum_dot(s[0]))
        return false;
    for (s++; *s; s++)
        if (!is_name_char(*s))
            return false;
    return true;
}

bool vs__valid_scope_name(const char *s)
{
    for (; *s; s++)
        if (!is_name_char(*s))
            return false;
    return true;
}
