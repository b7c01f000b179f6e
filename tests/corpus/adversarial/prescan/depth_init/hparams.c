/* prescan: hyper-parameters, set by an init function. */
int depth;
int residual;

void hparams_init(void)
{
    depth = 3;
    residual = 1;
}
