/* prescan: build options with their defaults, as plain ints. */
int use_fp64 = 1;
int hidden_units = 32;
