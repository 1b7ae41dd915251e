/* What every solver needs from C and Swift cannot give portably: one monotonic clock for deadlines and a
   stop flag that one thread sets while another reads it inside a search. No solver's own API here. */
#ifndef SEATWISE_SOLVER_SIGNALS_H
#define SEATWISE_SOLVER_SIGNALS_H

/* CLOCK_MONOTONIC seconds: the clock every deadline is measured on. */
double ss_monotonic_seconds(void);
/* Raises the stop flag (atomic, any thread). */
void ss_request_stop(int *flag);
/* Whether the stop flag is raised (atomic); a NULL flag never is. */
int ss_stop_requested(const int *flag);

#endif
