package org.haigui.disclosure;

import java.util.Arrays;

/**
 * A small dense bounded-variable primal simplex that is built and made feasible once and then optimised for many
 * objectives in turn, each from the previous optimal basis (a warm start): the intruder asks for the minimum and the
 * maximum of every suppressed number of one part of the system, and after the first few objectives each takes a handful
 * of pivots. Hipparchus' simplex (kept as the reference, see {@link Intruder}) rebuilds its tableau and redoes phase 1
 * for every objective, and has no variable bounds (every bound is a row), which made it about a hundred times slower here.
 *
 * <p>The problem: {@code A x = b}, {@code lo <= x <= up} (bounds may be infinite; a variable with neither bound is free).
 * Phase 1 minimises the sum of one artificial variable per row (starting from every structural variable at a finite
 * bound, or 0 when free); the artificials are then fixed at 0. Pricing is Dantzig's rule, switching to Bland's rule after
 * a run of degenerate pivots (no cycling). Every solution is checked against the original rows and bounds; a solution that
 * fails the check, or an iteration limit, raises {@link Trouble} (the caller then uses the reference solver).
 */
final class Simplex {

    private static final double INF = Double.POSITIVE_INFINITY;
    /** Feasibility and optimality tolerance (the caller scales the problem to magnitude about 1). */
    private static final double TOL = 1e-9;
    /** Smallest pivot accepted. */
    private static final double PIVOT = 1e-9;
    /** Residual accepted by the check of a solution. */
    private static final double CHECK = 1e-7;

    /** The solver gave up or its solution fails the check: use the reference solver. */
    static final class Trouble extends RuntimeException {
        Trouble(String why) {
            super(why, null, false, false);
        }
    }

    /** No x satisfies the rows and bounds. */
    static final class Infeasible extends RuntimeException {
        Infeasible() {
            super("infeasible", null, false, false);
        }
    }

    private final int m;
    private final int n;
    private final int cols;
    private final double[][] a;
    /** Columns of the non-zero coefficients of each row. */
    private final int[][] nonZero;
    private final double[] b;
    private final double[][] t;
    private final double[] beta;
    private final int[] basis;
    private final int[] rowOf;
    private final double[] x;
    private final double[] lo;
    private final double[] up;
    private final double[] d;
    /** Pivots done (statistics). */
    long pivots;

    /** Builds the problem {@code a x = b}, {@code lo <= x <= up} and makes it feasible (phase 1). */
    Simplex(double[][] a, double[] b, double[] lower, double[] upper) {
        this.m = a.length;
        this.n = lower.length;
        this.cols = n + m;
        this.a = a;
        nonZero = new int[m][];
        for (int r = 0; r < m; r++) {
            int k = 0;
            for (int j = 0; j < n; j++) {
                k += a[r][j] != 0 ? 1 : 0;
            }
            nonZero[r] = new int[k];
            k = 0;
            for (int j = 0; j < n; j++) {
                if (a[r][j] != 0) {
                    nonZero[r][k++] = j;
                }
            }
        }
        this.b = b;
        this.lo = Arrays.copyOf(lower, cols);
        this.up = Arrays.copyOf(upper, cols);
        for (int j = n; j < cols; j++) {
            this.lo[j] = 0;
            this.up[j] = INF;
        }
        x = new double[cols];
        for (int j = 0; j < n; j++) {
            x[j] = lo[j] > -INF ? lo[j] : up[j] < INF ? up[j] : 0;
        }
        t = new double[m][cols];
        beta = new double[m];
        basis = new int[m];
        rowOf = new int[cols];
        d = new double[cols];
        Arrays.fill(rowOf, -1);
        for (int r = 0; r < m; r++) {
            double res = b[r];
            for (int j = 0; j < n; j++) {
                res -= a[r][j] * x[j];
            }
            double s = res >= 0 ? 1 : -1;
            for (int j = 0; j < n; j++) {
                t[r][j] = s * a[r][j];
            }
            t[r][n + r] = 1;
            beta[r] = s * res;
            basis[r] = n + r;
            rowOf[n + r] = r;
        }
        double[] c = new double[cols];
        Arrays.fill(c, n, cols, 1);
        run(c);
        double infeasibility = 0;
        for (int r = 0; r < m; r++) {
            if (basis[r] >= n) {
                infeasibility += Math.max(0, beta[r]);
            }
        }
        for (int j = n; j < cols; j++) {
            if (rowOf[j] < 0) {
                infeasibility += x[j];
            }
        }
        if (infeasibility > 1e-7 * Math.max(1, m)) {
            throw new Infeasible();
        }
        // artificials are fixed at 0 from now on; drive the basic ones out where a structural column can take their place
        for (int j = n; j < cols; j++) {
            up[j] = 0;
            if (rowOf[j] < 0) {
                x[j] = 0;
            }
        }
        for (int r = 0; r < m; r++) {
            if (basis[r] >= n) {
                beta[r] = 0;
                int best = -1;
                for (int j = 0; j < n; j++) {
                    if (rowOf[j] < 0 && Math.abs(t[r][j]) > 1e-7 && (best < 0 || Math.abs(t[r][j]) > Math.abs(t[r][best]))) {
                        best = j;
                    }
                }
                if (best >= 0) {
                    int leaving = basis[r];
                    pivot(r, best);
                    beta[r] = x[best];
                    x[leaving] = 0;
                }
            }
        }
    }

    /** The minimum of {@code c . x} (or -infinity when unbounded); {@link #point} then holds a minimiser. */
    double minimise(double[] c) {
        double[] cc = Arrays.copyOf(c, cols);
        if (!run(cc)) {
            return -INF;
        }
        check();
        double v = 0;
        for (int j = 0; j < n; j++) {
            v += c[j] * value(j);
        }
        return v;
    }

    /** The current basic solution's structural values. */
    double[] point() {
        double[] p = new double[n];
        for (int j = 0; j < n; j++) {
            p[j] = value(j);
        }
        return p;
    }

    private double value(int j) {
        return rowOf[j] >= 0 ? beta[rowOf[j]] : x[j];
    }

    /** Phase 2 from the current basis; false when unbounded. */
    private boolean run(double[] c) {
        int limit = 50 * (m + cols) + 1000;
        int degenerate = 0;
        reducedCosts(c);
        boolean fresh = true;
        for (int it = 0; it < limit; it++) {
            if (it % 50 == 49 && !fresh) {
                reducedCosts(c); // against drift of the updates
                fresh = true;
            }
            boolean bland = degenerate > 30;
            int enter = -1;
            int dir = 0;
            double score = 0;
            for (int j = 0; j < cols; j++) {
                if (rowOf[j] >= 0 || !(up[j] > lo[j])) {
                    continue;
                }
                int dj = 0;
                if (d[j] < -TOL && x[j] < up[j]) {
                    dj = 1;
                } else if (d[j] > TOL && x[j] > lo[j]) {
                    dj = -1;
                }
                if (dj != 0 && Math.abs(d[j]) > score) {
                    enter = j;
                    dir = dj;
                    score = Math.abs(d[j]);
                    if (bland) {
                        break;
                    }
                }
            }
            if (enter < 0) {
                if (fresh) {
                    return true;
                }
                reducedCosts(c); // optimal by the updated costs: confirm with exact ones
                fresh = true;
                continue;
            }
            fresh = false;
            // ratio test
            double step = up[enter] - lo[enter];
            int leave = -1;
            boolean toUpper = false;
            double bestPivot = 0;
            for (int r = 0; r < m; r++) {
                double ar = t[r][enter];
                if (Math.abs(ar) <= PIVOT) {
                    continue;
                }
                double move = -dir * ar;
                int bv = basis[r];
                double lim;
                boolean upper;
                if (move < 0) {
                    if (lo[bv] == -INF) {
                        continue;
                    }
                    lim = Math.max(0, beta[r] - lo[bv]) / -move;
                    upper = false;
                } else {
                    if (up[bv] == INF) {
                        continue;
                    }
                    lim = Math.max(0, up[bv] - beta[r]) / move;
                    upper = true;
                }
                // the smallest step; among (nearly) equal ones the largest pivot
                if (lim < step - 1e-12 || leave >= 0 && lim <= step + 1e-12 && Math.abs(ar) > bestPivot) {
                    step = Math.min(step, lim);
                    leave = r;
                    toUpper = upper;
                    bestPivot = Math.abs(ar);
                }
            }
            if (step == INF) {
                return false;
            }
            degenerate = step <= TOL ? degenerate + 1 : 0;
            for (int r = 0; r < m; r++) {
                double ar = t[r][enter];
                if (ar != 0) {
                    beta[r] -= dir * ar * step;
                }
            }
            double entered = x[enter] + dir * step;
            if (leave < 0) {
                x[enter] = dir > 0 ? up[enter] : lo[enter];
                continue;
            }
            int leaving = basis[leave];
            x[leaving] = toUpper ? up[leaving] : lo[leaving];
            pivot(leave, enter);
            beta[leave] = entered;
            double dq = d[enter];
            double[] prow = t[leave];
            for (int j = 0; j < cols; j++) {
                d[j] -= dq * prow[j];
            }
            d[enter] = 0;
        }
        throw new Trouble("iteration limit");
    }

    /** d = c - c_B B^-1 A from scratch. */
    private void reducedCosts(double[] c) {
        System.arraycopy(c, 0, d, 0, cols);
        for (int r = 0; r < m; r++) {
            double cb = c[basis[r]];
            if (cb != 0) {
                double[] row = t[r];
                for (int j = 0; j < cols; j++) {
                    d[j] -= cb * row[j];
                }
            }
        }
    }

    private void pivot(int p, int enter) {
        pivots++;
        double[] prow = t[p];
        double piv = prow[enter];
        for (int j = 0; j < cols; j++) {
            prow[j] /= piv;
        }
        prow[enter] = 1;
        for (int r = 0; r < m; r++) {
            if (r == p) {
                continue;
            }
            double f = t[r][enter];
            if (f != 0) {
                double[] row = t[r];
                for (int j = 0; j < cols; j++) {
                    row[j] -= f * prow[j];
                }
                row[enter] = 0;
            }
        }
        int leaving = basis[p];
        rowOf[leaving] = -1;
        basis[p] = enter;
        rowOf[enter] = p;
    }

    /** Checks the current solution against the original rows and bounds. */
    private void check() {
        double[] v = point();
        for (int j = 0; j < n; j++) {
            double tol = CHECK * Math.max(1, Math.abs(v[j]));
            if (Double.isNaN(v[j]) || v[j] < lo[j] - tol || v[j] > up[j] + tol) {
                throw new Trouble("bound");
            }
        }
        for (int r = 0; r < m; r++) {
            double s = 0;
            double mag = Math.abs(b[r]);
            int[] nz = nonZero[r];
            for (int k = 0; k < nz.length; k++) {
                double x = a[r][nz[k]] * v[nz[k]];
                s += x;
                mag = Math.max(mag, Math.abs(x));
            }
            if (Math.abs(s - b[r]) > CHECK * Math.max(1, mag)) {
                throw new Trouble("row");
            }
        }
    }
}
