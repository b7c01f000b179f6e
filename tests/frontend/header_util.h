/* A user header: its definitions are lowered with the file. */
extern int util_count;

static inline int util_twice(int v)
{
    return util_count += 2 * v;
}
