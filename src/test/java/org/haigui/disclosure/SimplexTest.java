package org.haigui.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;

/** The warm-started simplex against Hipparchus' on random systems shaped like the intruder's (tables, differences, bounds). */
class SimplexTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void minimumAndMaximumOfEveryVariableAgreeWithHipparchus() {
        SplittableRandom rnd = new SplittableRandom(7);
        int compared = 0;
        for (int problem = 0; problem < 150; problem++) {
            int n = rnd.nextInt(2, 40);
            int m = rnd.nextInt(1, Math.max(2, n * 2 / 3));
            double[] truth = new double[n];
            double[] lo = new double[n];
            double[] up = new double[n];
            for (int j = 0; j < n; j++) {
                boolean free = rnd.nextInt(8) == 0;
                truth[j] = free ? rnd.nextInt(-50, 50) : rnd.nextInt(0, 60);
                lo[j] = free ? -INF : 0;
                up[j] = !free && rnd.nextInt(4) == 0 ? truth[j] + rnd.nextInt(0, 20) : INF;
            }
            double[][] a = new double[m][n];
            double[] b = new double[m];
            for (int r = 0; r < m; r++) {
                int terms = rnd.nextInt(2, Math.min(n, 6) + 1);
                for (int k = 0; k < terms; k++) {
                    a[r][rnd.nextInt(n)] = k == 0 ? -1 : rnd.nextInt(10) == 0 ? 2 : 1;
                }
                for (int j = 0; j < n; j++) {
                    b[r] += a[r][j] * truth[j];
                }
            }
            Simplex lp = new Simplex(a, b, lo, up);
            for (int j = 0; j < n; j++) {
                for (GoalType goal : GoalType.values()) {
                    double[] c = new double[n];
                    c[j] = goal == GoalType.MINIMIZE ? 1 : -1;
                    double fast = lp.minimise(c);
                    double ref = hipparchus(a, b, lo, up, j, goal);
                    if (goal == GoalType.MAXIMIZE) {
                        fast = -fast;
                    }
                    if (Double.isInfinite(ref)) {
                        assertThat(fast).isEqualTo(ref);
                    } else {
                        assertThat(fast).isCloseTo(ref, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(ref))));
                        double[] x = lp.point();
                        assertThat(x[j]).isCloseTo(ref, org.assertj.core.data.Offset.offset(1e-6 * Math.max(1, Math.abs(ref))));
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    @Test
    void anInfeasibleSystemIsReported() {
        // x + y = 10, x + y = 12 (both bounded below by 0)
        assertThatThrownBy(() -> new Simplex(new double[][] {{1, 1}, {1, 1}}, new double[] {10, 12}, new double[] {0, 0},
            new double[] {INF, INF})).isInstanceOf(Simplex.Infeasible.class);
    }

    @Test
    void aRedundantRowAndAnUnboundedDirection() {
        // x - y = 0 twice, x >= 0: min x = 0, max x unbounded
        Simplex lp = new Simplex(new double[][] {{1, -1}, {2, -2}}, new double[] {0, 0}, new double[] {0, -INF}, new double[] {INF, INF});
        assertThat(lp.minimise(new double[] {1, 0})).isEqualTo(0.0);
        assertThat(lp.minimise(new double[] {-1, 0})).isEqualTo(-INF);
        assertThat(lp.minimise(new double[] {0, 1})).isEqualTo(0.0);
    }

    private static double hipparchus(double[][] a, double[] b, double[] lo, double[] up, int j, GoalType goal) {
        int n = lo.length;
        List<LinearConstraint> cs = new ArrayList<>();
        for (int r = 0; r < a.length; r++) {
            cs.add(new LinearConstraint(a[r], Relationship.EQ, b[r]));
        }
        for (int i = 0; i < n; i++) {
            double[] row = new double[n];
            row[i] = 1;
            if (lo[i] > -INF) {
                cs.add(new LinearConstraint(row, Relationship.GEQ, lo[i]));
            }
            if (up[i] < INF) {
                cs.add(new LinearConstraint(row, Relationship.LEQ, up[i]));
            }
        }
        double[] obj = new double[n];
        obj[j] = 1;
        try {
            return new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(100_000), new LinearObjectiveFunction(obj, 0),
                new LinearConstraintSet(cs), goal, new NonNegativeConstraint(false)).getValue();
        } catch (MathIllegalStateException e) {
            return goal == GoalType.MINIMIZE ? -INF : INF;
        }
    }
}
