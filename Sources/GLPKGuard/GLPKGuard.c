/* Guarded GLPK calls: an error hook longjmps back here, the thread's GLPK environment is freed, and
   the caller gets the message GLPK printed instead of a process abort (GLPK manual §2.1.2, §6.1). */
#include "GLPKGuard.h"

#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <math.h>

typedef struct { jmp_buf env; } sw_jump;

/* GLPK's terminal output of the current call: kept (the tail) for the fault message, never printed. */
static _Thread_local char sw_term_text[1024];
static _Thread_local size_t sw_term_len;

static int sw_term_hook(void *info, const char *s) {
    (void)info;
    size_t n = strlen(s);
    if (n >= sizeof sw_term_text) { s += n - (sizeof sw_term_text - 1); n = sizeof sw_term_text - 1; }
    if (sw_term_len + n >= sizeof sw_term_text) {
        size_t keep = sizeof sw_term_text - 1 - n;
        memmove(sw_term_text, sw_term_text + (sw_term_len - keep), keep);
        sw_term_len = keep;
    }
    memcpy(sw_term_text + sw_term_len, s, n);
    sw_term_len += n;
    sw_term_text[sw_term_len] = 0;
    return 1;
}

static void sw_error_hook(void *info) { longjmp(((sw_jump *)info)->env, 1); }

/* Bumped whenever this thread's environment (and with it every problem object) is freed. */
static _Thread_local unsigned long sw_generation;

unsigned long sw_environment_generation(void) { return sw_generation; }

static void sw_begin(sw_fault *fault) {
    fault->failed = 0;
    fault->message[0] = 0;
    sw_term_len = 0;
    sw_term_text[0] = 0;
    glp_term_hook(sw_term_hook, NULL);
}

static void sw_fail(sw_fault *fault) {
    fault->failed = 1;
    snprintf(fault->message, sizeof fault->message, "%s", sw_term_len ? sw_term_text : "GLPK fatal error");
    size_t n = strlen(fault->message);
    while (n > 0 && (fault->message[n - 1] == '\n' || fault->message[n - 1] == ' ')) fault->message[--n] = 0;
    glp_free_env(); /* the environment is unusable after a fatal error; every problem object is gone */
    sw_generation++;
}

#define SW_TRY(fault, failure)                  \
    sw_jump sw_j;                               \
    sw_begin(fault);                            \
    if (setjmp(sw_j.env)) {                     \
        sw_fail(fault);                         \
        return failure;                         \
    }                                           \
    glp_error_hook(sw_error_hook, &sw_j)

#define SW_DONE() glp_error_hook(NULL, NULL)

glp_prob *sw_create(const sw_problem_data *d, sw_fault *fault) {
    SW_TRY(fault, NULL);
    glp_prob *P = glp_create_prob();
    if (d->rows > 0) glp_add_rows(P, d->rows);
    if (d->cols > 0) glp_add_cols(P, d->cols);
    for (int i = 1; i <= d->rows; i++) glp_set_row_bnds(P, i, d->row_type[i], d->row_lb[i], d->row_ub[i]);
    for (int j = 1; j <= d->cols; j++) {
        glp_set_col_kind(P, j, GLP_IV);
        glp_set_col_bnds(P, j, d->col_type[j], d->col_lb[j], d->col_ub[j]);
    }
    if (d->ne > 0) glp_load_matrix(P, d->ne, d->ia, d->ja, d->ar);
    SW_DONE();
    return P;
}

void sw_delete(glp_prob *P) {
    sw_fault ignored;
    SW_TRY(&ignored, );
    glp_delete_prob(P);
    SW_DONE();
}

int sw_set_objective(glp_prob *P, int minimize, int n, const double *coef, sw_fault *fault) {
    SW_TRY(fault, -1);
    glp_set_obj_dir(P, minimize ? GLP_MIN : GLP_MAX);
    glp_set_obj_coef(P, 0, 0.0);
    for (int j = 1; j <= n; j++) glp_set_obj_coef(P, j, coef[j]);
    SW_DONE();
    return 0;
}

int sw_add_row(glp_prob *P, int len, const int *ind, const double *val, int type, double lb, double ub,
               sw_fault *fault) {
    SW_TRY(fault, -1);
    int i = glp_add_rows(P, 1);
    glp_set_row_bnds(P, i, type, lb, ub);
    glp_set_mat_row(P, i, len, ind, val);
    SW_DONE();
    return i;
}

int sw_scale(glp_prob *P, int on, sw_fault *fault) {
    SW_TRY(fault, -1);
    if (on) glp_scale_prob(P, GLP_SF_AUTO); else glp_unscale_prob(P);
    SW_DONE();
    return 0;
}

int sw_set_col_bounds(glp_prob *P, int j, int type, double lb, double ub, sw_fault *fault) {
    SW_TRY(fault, -1);
    glp_set_col_bnds(P, j, type, lb, ub);
    SW_DONE();
    return 0;
}

int sw_set_row_bounds(glp_prob *P, int i, int type, double lb, double ub, sw_fault *fault) {
    SW_TRY(fault, -1);
    glp_set_row_bnds(P, i, type, lb, ub);
    SW_DONE();
    return 0;
}

typedef struct {
    double deadline;
    const int *cancel;
    sw_solve_outcome *out;
} sw_search;

/* Branch-and-bound callback: keeps the best open bound and stops the search at the deadline or on
   cancellation (tm_lim alone is not a hard limit). */
static void sw_branch_callback(glp_tree *T, void *info) {
    sw_search *s = info;
    int p = glp_ios_best_node(T);
    if (p != 0) { s->out->best_bound = glp_ios_node_bound(T, p); s->out->have_bound = 1; }
    if (ss_stop_requested(s->cancel)) { s->out->stopped = 2; glp_ios_terminate(T); }
    else if (s->deadline > 0 && ss_monotonic_seconds() >= s->deadline) { s->out->stopped = 1; glp_ios_terminate(T); }
}

static int sw_remaining_ms(double deadline) {
    if (deadline <= 0) return 0x7fffffff;
    double left = (deadline - ss_monotonic_seconds()) * 1000.0;
    if (left < 1) return 1;
    if (left > 2e9) return 0x7fffffff;
    return (int)left;
}

/* Silent dual simplex with the long-step ratio test, presolve off (GLPK-NOTES, "Speed"). */
static void sw_init_simplex(glp_smcp *sm) {
    glp_init_smcp(sm);
    sm->msg_lev = GLP_MSG_OFF;
    sm->meth = GLP_DUAL;
    sm->r_test = GLP_RT_FLIP;
    sm->presolve = GLP_OFF;
}

/* The simplex method in slices of at most SW_SLICE_ITERATIONS iterations, each resuming from the last
   basis, so that a stop request is seen between slices (GLPK's simplex has no callback). Sliced by
   iterations, not by time: GLPK resumes a basis with fresh pricing weights, so where a slice ends can
   change which of several optima it reaches, and a slice of 100 ms ended at a different iteration on
   each run (the same lottery gave other panels). The deadline is GLPK's own tm_lim. */
#define SW_SLICE_ITERATIONS 2000

static int sw_sliced_simplex(glp_prob *P, glp_smcp *sm, double deadline, const int *cancel) {
    for (;;) {
        sm->it_lim = SW_SLICE_ITERATIONS;
        sm->tm_lim = sw_remaining_ms(deadline);
        int rc = glp_simplex(P, sm);
        if (rc != GLP_EITLIM) return rc;
        if (ss_stop_requested(cancel) || (deadline > 0 && ss_monotonic_seconds() >= deadline)) return GLP_ETMLIM;
    }
}

int sw_solve(glp_prob *P, double deadline, const int *cancel, int cold, int lp_only, sw_solve_outcome *out, sw_fault *fault) {
    memset(out, 0, sizeof *out);
    out->mip_rc = -1;
    out->mip_status = GLP_UNDEF;
    if (deadline > 0 && ss_monotonic_seconds() >= deadline) {
        out->stopped = 1; /* no time left: nothing is started, so the outcome does not depend on speed */
        return 0;
    }
    SW_TRY(fault, -1);
    glp_smcp sm;
    sw_init_simplex(&sm);
    if (cold) glp_adv_basis(P, 0);
    int rc = sw_sliced_simplex(P, &sm, deadline, cancel);
    if (rc != 0 && rc != GLP_ETMLIM && !ss_stop_requested(cancel)) {
        /* The warm basis was unusable (singular or stalled): start again from an advanced basis. */
        glp_adv_basis(P, 0);
        sm.meth = GLP_DUALP;
        rc = sw_sliced_simplex(P, &sm, deadline, cancel);
    }
    out->simplex_rc = rc;
    out->lp_status = glp_get_status(P);
    out->lp_objective = glp_get_obj_val(P);
    if (rc == GLP_ETMLIM) out->stopped = 1;
    if (ss_stop_requested(cancel)) out->stopped = 2;
    if (rc == 0 && out->lp_status == GLP_OPT && out->stopped != 2 && !lp_only) {
        glp_iocp io;
        glp_init_iocp(&io);
        io.msg_lev = GLP_MSG_OFF;
        io.presolve = GLP_OFF;
        io.tm_lim = sw_remaining_ms(deadline);
        io.mip_gap = 0.0;
        sw_search s = { deadline, cancel, out };
        io.cb_func = sw_branch_callback;
        io.cb_info = &s;
        out->mip_rc = glp_intopt(P, &io);
        if (out->mip_rc == GLP_ETMLIM) out->stopped = 1;
        out->mip_status = glp_mip_status(P);
        out->mip_objective = glp_mip_obj_val(P);
    }
    SW_DONE();
    return 0;
}

int sw_lp_proves_unique(glp_prob *P, int n, const double *point, double tolerance, int *unique, sw_fault *fault) {
    *unique = 0;
    SW_TRY(fault, -1);
    glp_smcp sm;
    sw_init_simplex(&sm);
    int ok = glp_simplex(P, &sm) == 0 && glp_get_status(P) == GLP_OPT;
    for (int j = 1; ok && j <= n; j++) {
        if (fabs(glp_get_col_prim(P, j) - point[j]) > 1e-6) ok = 0;
        int stat = glp_get_col_stat(P, j);
        if ((stat == GLP_NL || stat == GLP_NU) && fabs(glp_get_col_dual(P, j)) < tolerance) ok = 0;
    }
    int m = glp_get_num_rows(P);
    for (int i = 1; ok && i <= m; i++) {
        int stat = glp_get_row_stat(P, i);
        if ((stat == GLP_NL || stat == GLP_NU) && fabs(glp_get_row_dual(P, i)) < tolerance) ok = 0;
    }
    SW_DONE();
    *unique = ok;
    return 0;
}

int sw_lp_reduced_costs(glp_prob *P, int n, double *dj, int *nonbasic, double *objective, int *ok, sw_fault *fault) {
    *ok = 0;
    SW_TRY(fault, -1);
    glp_smcp sm;
    sw_init_simplex(&sm);
    if (glp_simplex(P, &sm) == 0 && glp_get_status(P) == GLP_OPT) {
        *ok = 1;
        *objective = glp_get_obj_val(P);
        for (int j = 1; j <= n; j++) {
            int stat = glp_get_col_stat(P, j);
            nonbasic[j] = stat == GLP_NL ? 1 : stat == GLP_NU ? 2 : 0;
            dj[j] = glp_get_col_dual(P, j);
        }
    }
    SW_DONE();
    return 0;
}

glp_prob *sw_lp_create(int rows, const int *row_type, const double *row_lb, const double *row_ub, int maximize, sw_fault *fault) {
    SW_TRY(fault, NULL);
    glp_prob *P = glp_create_prob();
    glp_set_obj_dir(P, maximize ? GLP_MAX : GLP_MIN);
    if (rows > 0) glp_add_rows(P, rows);
    for (int i = 1; i <= rows; i++) glp_set_row_bnds(P, i, row_type[i], row_lb[i], row_ub[i]);
    SW_DONE();
    return P;
}

int sw_lp_add_col(glp_prob *P, double cost, int type, double lb, double ub, int len, const int *ind, const double *val,
                  sw_fault *fault) {
    SW_TRY(fault, -1);
    int j = glp_add_cols(P, 1);
    glp_set_col_bnds(P, j, type, lb, ub);
    glp_set_obj_coef(P, j, cost);
    if (len > 0) glp_set_mat_col(P, j, len, ind, val);
    SW_DONE();
    return j;
}

int sw_lp_solve(glp_prob *P, double deadline, const int *cancel, int *status, int *rc, int *stopped, double *objective, sw_fault *fault) {
    *status = GLP_UNDEF; *rc = 0; *stopped = 0; *objective = 0;
    if (deadline > 0 && ss_monotonic_seconds() >= deadline) { *stopped = 1; return 0; }
    SW_TRY(fault, -1);
    glp_smcp sm;
    sw_init_simplex(&sm);
    sm.meth = GLP_DUALP; /* rows (cuts) are added between solves: the last basis stays dual feasible */
    /* Tighter than GLPK's 1e-7: the lottery's probabilities are these problems' duals, and its next
       levels' floors rest on them. */
    sm.tol_bnd = 1e-9;
    sm.tol_dj = 1e-9;
    int r = sw_sliced_simplex(P, &sm, deadline, cancel);
    if (r != 0 && r != GLP_ETMLIM && !ss_stop_requested(cancel)) {
        /* An unusable basis: start again from an advanced one. */
        glp_adv_basis(P, 0);
        sm.meth = GLP_PRIMAL;
        r = sw_sliced_simplex(P, &sm, deadline, cancel);
    }
    *rc = r;
    *status = glp_get_status(P);
    *objective = glp_get_obj_val(P);
    if (r == GLP_ETMLIM) *stopped = 1;
    if (ss_stop_requested(cancel)) *stopped = 2;
    SW_DONE();
    return 0;
}

int sw_lp_read(glp_prob *P, int n, double *primal, int m, double *dual, sw_fault *fault) {
    SW_TRY(fault, -1);
    for (int j = 1; j <= n; j++) primal[j] = glp_get_col_prim(P, j);
    for (int i = 1; i <= m; i++) dual[i] = glp_get_row_dual(P, i);
    SW_DONE();
    return 0;
}

int sw_mip_values(glp_prob *P, int n, double *values, sw_fault *fault) {
    SW_TRY(fault, -1);
    for (int j = 1; j <= n; j++) values[j] = glp_mip_col_val(P, j);
    SW_DONE();
    return 0;
}

int sw_mem_limit(int megabytes, sw_fault *fault) {
    SW_TRY(fault, -1);
    glp_mem_limit(megabytes);
    SW_DONE();
    return 0;
}

void sw_thread_done(void) {
    glp_free_env();
    sw_generation++;
}

const char *sw_glpk_version(void) { return glp_version(); }
