/* scopecheck: finds varscope scoping mistakes before the program runs. */
#include "driver.h"
#include "options.h"

int main(int argc, char **argv)
{
    sc_options o;
    if (!options_parse(&o, argc, argv)) {
        options_free(&o);
        return 2;
    }
    int status = sc_run(&o);
    options_free(&o);
    return status;
}
