/* prescan: the block names of a published architecture, by index (the
 * table repeats "mixed_5b" where the paper has it twice). */
static const char *const block_names[] = {
    "conv_1a", "conv_2a", "mixed_5b", "mixed_5c", "mixed_5b",
};

const char *block_name(int i)
{
    return block_names[i];
}

int block_count(void)
{
    return (int)(sizeof block_names / sizeof block_names[0]);
}
