/* api-models: two ExponentialMovingAverage objects applied to the same
 * variables (a train-time and an eval-time average): the second apply's
 * slot scope is made unique (w/ExponentialMovingAverage_1), no run
 * fails. */
#include "varscope.h"

int main(void)
{
    vs_graph *g = vs_graph_new();
    vs_var *w = vs_get_variable(g, "w", .shape = VS_SHAPE(4, 4));
    vs_var *b = vs_get_variable(g, "b", .shape = VS_SHAPE(4));
    (void)w, (void)b;
    vs_ema *train_avg = vs_exponential_moving_average(g, 0.99);
    vs_ema_apply(g, train_avg);
    vs_ema *eval_avg = vs_exponential_moving_average(g, 0.999);
    vs_ema_apply(g, eval_avg);
    vs_graph_free(g);
    return 0;
}
