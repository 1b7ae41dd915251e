/* Guarded entry points into GLPK: every call that can hit a GLPK fatal error (which would call abort())
   runs behind setjmp, so a fault comes back as a message and the process lives on. */
#ifndef SEATWISE_GLPK_GUARD_H
#define SEATWISE_GLPK_GUARD_H

#include <glpk.h>
#include "SolverSignals.h"

/* What a failed call reports. After a fault every GLPK object of the calling thread is dead. */
typedef struct sw_fault {
    int failed;
    char message[1024];
} sw_fault;

/* A whole problem in GLPK's 1-based array convention (index 0 unused). Row and column types are
   GLP_FR, GLP_LO, GLP_UP, GLP_DB or GLP_FX; every column is integer (binary by its bounds). */
typedef struct sw_problem_data {
    int rows, cols;
    const int *row_type; const double *row_lb; const double *row_ub;
    const int *col_type; const double *col_lb; const double *col_ub;
    int ne; const int *ia; const int *ja; const double *ar;
} sw_problem_data;

/* The outcome of one solve: the LP relaxation, then branch and bound. */
typedef struct sw_solve_outcome {
    int simplex_rc;     /* glp_simplex return code */
    int lp_status;      /* glp_get_status after the root LP */
    double lp_objective;
    int mip_rc;         /* glp_intopt return code (-1 when not run) */
    int mip_status;     /* glp_mip_status (GLP_UNDEF when not run) */
    double mip_objective;
    int have_bound;     /* best_bound holds the best open node's bound when B&B stopped early */
    double best_bound;
    int stopped;        /* 1 = deadline reached, 2 = cancelled */
} sw_solve_outcome;

glp_prob *sw_create(const sw_problem_data *data, sw_fault *fault);
void sw_delete(glp_prob *P);
int sw_set_objective(glp_prob *P, int minimize, int n, const double *coef, sw_fault *fault);
int sw_add_row(glp_prob *P, int len, const int *ind, const double *val, int type, double lb, double ub,
               sw_fault *fault);
/* Scales rows and columns (GLPK's automatic choice), or with on == 0 removes the scaling. */
int sw_scale(glp_prob *P, int on, sw_fault *fault);
int sw_set_col_bounds(glp_prob *P, int j, int type, double lb, double ub, sw_fault *fault);
int sw_set_row_bounds(glp_prob *P, int i, int type, double lb, double ub, sw_fault *fault);
/* Root LP by dual simplex with the long-step ratio test (presolve off, warm from the current basis,
   or from a fresh advanced basis when cold != 0), then branch and bound unless lp_only != 0.
   deadline: CLOCK_MONOTONIC seconds, <= 0 for none. cancel: may be NULL. */
int sw_solve(glp_prob *P, double deadline, const int *cancel, int cold, int lp_only, sw_solve_outcome *out,
             sw_fault *fault);
/* Whether `point` (n integer values, 1-based) is provably the only optimum of the current LP
   relaxation: the relaxation is solved (warm), its optimum equals `point`, and every nonbasic variable
   that is not fixed has a reduced cost of at least `tolerance` in magnitude (a dual nondegenerate basis),
   so no other feasible point is as good. 1 = proved unique, 0 = not proved. */
int sw_lp_proves_unique(glp_prob *P, int n, const double *point, double tolerance, int *unique, sw_fault *fault);
/* Solves the LP relaxation of the current objective (warm) and reads, for each of the n columns, its
   reduced cost and whether it is nonbasic at its lower bound (1), at its upper bound (2), or neither (0). Returns 1 with the optimum in *objective,
   0 when the relaxation has no optimum. */
int sw_lp_reduced_costs(glp_prob *P, int n, double *dj, int *nonbasic, double *objective, int *ok, sw_fault *fault);
int sw_mip_values(glp_prob *P, int n, double *out, sw_fault *fault);
/* A linear program grown by columns (a column generation's master problem): `rows` rows with the given
   types and bounds, no columns yet; maximised when maximize != 0. Columns are continuous. */
glp_prob *sw_lp_create(int rows, const int *row_type, const double *row_lb, const double *row_ub, int maximize, sw_fault *fault);
/* Adds a continuous column with its objective coefficient, bounds and `len` entries (1-based arrays);
   returns its GLPK index. */
int sw_lp_add_col(glp_prob *P, double cost, int type, double lb, double ub, int len, const int *ind, const double *val,
                  sw_fault *fault);
/* Solves the LP by the dual simplex method, warm from the current basis (new rows leave it dual
   feasible), in slices so that a stop request or the deadline is seen. *status is glp_get_status (GLP_OPT,
   GLP_NOFEAS, GLP_UNBND, …), *rc glp_simplex's return code, *stopped 1 at the deadline and 2 on a stop. */
int sw_lp_solve(glp_prob *P, double deadline, const int *cancel, int *status, int *rc, int *stopped, double *objective, sw_fault *fault);
/* The primal value of columns 1..n and the dual value of rows 1..m (GLPK's signs: a row's dual is the
   objective's rate of change per unit of its bound). */
int sw_lp_read(glp_prob *P, int n, double *primal, int m, double *dual, sw_fault *fault);
/* Caps GLPK's memory (megabytes) on the calling thread; a breach becomes a fault. */
int sw_mem_limit(int megabytes, sw_fault *fault);
/* Counts how often the calling thread's GLPK environment has been freed (after a fault, or by
   sw_thread_done): a problem object created under an older count no longer exists. */
unsigned long sw_environment_generation(void);
/* Frees the calling thread's GLPK environment; call before a worker thread ends. */
void sw_thread_done(void);
const char *sw_glpk_version(void);

#endif
