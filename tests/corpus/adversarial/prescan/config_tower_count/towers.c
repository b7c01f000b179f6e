/* prescan: how many towers the machine has (a constant here; a real one
 * would ask the driver). */
int num_towers(void)
{
    return 2;
}
