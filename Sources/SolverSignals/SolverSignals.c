/* The monotonic clock and the atomic stop flag shared by the solver-neutral layer and the GLPK guard. */
#include "SolverSignals.h"

#include <time.h>

double ss_monotonic_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void ss_request_stop(int *flag) { __atomic_store_n(flag, 1, __ATOMIC_SEQ_CST); }

int ss_stop_requested(const int *flag) { return flag != NULL && __atomic_load_n(flag, __ATOMIC_SEQ_CST) != 0; }
