package org.haigui.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.LocalizedOptimFormats;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;

/**
 * The intruder: holds the published cells, writes every relation between them (the {@link Model}'s relations, with the
 * published numbers moved to the right-hand side), adds what it knows a priori (counts, sums, numerators and
 * denominators are at least 0, a share lies in [0, 1] and its numerator is at most its denominator, a difference has
 * any sign), and computes for every number of every suppressed cell its minimum and maximum over all tables consistent
 * with what was published - a linear programme (Hipparchus {@link SimplexSolver}).
 *
 * <p>To keep it fast the system is first cut into independent parts: relations with no suppressed number are
 * constants and dropped; a number with no a-priori bound that appears in a single relation (a {@code difference} row)
 * is eliminated, its interval computed afterwards from that relation; the remaining numbers fall into connected
 * components (numbers linked by relations), each solved on its own. A component with a single relation is solved
 * exactly in closed form (the projection of a box cut by one hyperplane), larger ones by the simplex.
 */
final class Intruder {

    private static final double INF = Double.POSITIVE_INFINITY;

    private final Model m;

    Intruder(Model m) {
        this.m = m;
    }

    /** Whether an intruder who knows the number lies in [lo, hi] can name it within {@code margin} of its value. */
    static boolean exposed(double lo, double hi, double margin) {
        if (Double.isNaN(lo) || Double.isNaN(hi) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
            return false;
        }
        double tol = 1e-9 * Math.max(1, Math.max(Math.abs(lo), Math.abs(hi)));
        if (hi - lo <= tol) {
            return true;
        }
        if (lo < -tol && hi > tol) {
            return false;
        }
        return hi - lo <= margin * (Math.abs(lo) + Math.abs(hi)) + tol;
    }

    /**
     * Intervals of the numbers of the suppressed cells among {@code cells} (a set closed under relations), written to
     * {@code lo[3 * cell + measure]} and {@code hi[...]}.
     */
    void solve(int[] cells, boolean[] suppressed, double[] lo, double[] hi) {
        Map<Integer, Integer> local = new HashMap<>();
        List<Integer> vars = new ArrayList<>();
        for (int c : cells) {
            if (suppressed[c]) {
                for (int k = 0; k < 3; k++) {
                    if (m.has[3 * c + k]) {
                        local.put(3 * c + k, vars.size());
                        vars.add(3 * c + k);
                    }
                }
            }
        }
        int nv = vars.size();
        if (nv == 0) {
            return;
        }
        double[] vlb = new double[nv];
        double[] vub = new double[nv];
        for (int i = 0; i < nv; i++) {
            vlb[i] = m.lb[vars.get(i)];
            vub[i] = m.ub[vars.get(i)];
        }
        // equality rows: sum coef x = rhs
        List<int[]> eqVar = new ArrayList<>();
        List<double[]> eqCoef = new ArrayList<>();
        List<Double> eqRhs = new ArrayList<>();
        java.util.BitSet seenRel = new java.util.BitSet();
        for (int c : cells) {
            if (!suppressed[c]) {
                continue;
            }
            for (int r : m.cellRels[c]) {
                if (seenRel.get(r)) {
                    continue;
                }
                seenRel.set(r);
                int[] rv = m.relVar[r];
                double[] rc = m.relCoef[r];
                int unknown = 0;
                double rhs = 0;
                boolean ok = true;
                for (int t = 0; t < rv.length; t++) {
                    if (suppressed[rv[t] / 3]) {
                        unknown++;
                    } else if (Double.isNaN(m.num[rv[t]])) {
                        ok = false;
                    } else {
                        rhs -= rc[t] * m.num[rv[t]];
                    }
                }
                if (!ok || unknown == 0) {
                    continue;
                }
                int[] lv = new int[unknown];
                double[] lc = new double[unknown];
                int j = 0;
                for (int t = 0; t < rv.length; t++) {
                    if (suppressed[rv[t] / 3]) {
                        lv[j] = local.get(rv[t]);
                        lc[j++] = rc[t];
                    }
                }
                eqVar.add(lv);
                eqCoef.add(lc);
                eqRhs.add(rhs);
            }
        }
        // numerator <= denominator of shares
        List<int[]> le = new ArrayList<>();
        for (int c : cells) {
            if (suppressed[c] && m.coupled[c] && m.has[3 * c + 1] && m.has[3 * c + 2]) {
                le.add(new int[] {local.get(3 * c + 1), local.get(3 * c + 2)});
            }
        }
        // eliminate free numbers that appear in a single equality whose other numbers are all bounded
        int ne = eqVar.size();
        int[] occurrences = new int[nv];
        int[] lastEq = new int[nv];
        for (int e = 0; e < ne; e++) {
            for (int v : eqVar.get(e)) {
                occurrences[v]++;
                lastEq[v] = e;
            }
        }
        boolean[] eqDropped = new boolean[ne];
        int[] derivedFrom = new int[nv];
        Arrays.fill(derivedFrom, -1);
        for (int v = 0; v < nv; v++) {
            if (occurrences[v] == 1 && vlb[v] == -INF && vub[v] == INF && !eqDropped[lastEq[v]]) {
                boolean othersBounded = true;
                for (int w : eqVar.get(lastEq[v])) {
                    if (w != v && (vlb[w] == -INF && vub[w] == INF || derivedFrom[w] >= 0)) {
                        othersBounded = false;
                    }
                }
                if (othersBounded) {
                    eqDropped[lastEq[v]] = true;
                    derivedFrom[v] = lastEq[v];
                }
            }
        }
        // components of the remaining system
        int[] parent = new int[nv];
        for (int i = 0; i < nv; i++) {
            parent[i] = i;
        }
        for (int e = 0; e < ne; e++) {
            if (!eqDropped[e]) {
                int[] lv = eqVar.get(e);
                for (int t = 1; t < lv.length; t++) {
                    union(parent, lv[0], lv[t]);
                }
            }
        }
        for (int[] p : le) {
            union(parent, p[0], p[1]);
        }
        Map<Integer, Component> comps = new HashMap<>();
        for (int v = 0; v < nv; v++) {
            if (derivedFrom[v] < 0) {
                comps.computeIfAbsent(find(parent, v), x -> new Component()).vars.add(v);
            }
        }
        for (int e = 0; e < ne; e++) {
            if (!eqDropped[e]) {
                comps.get(find(parent, eqVar.get(e)[0])).eqs.add(e);
            }
        }
        for (int[] p : le) {
            comps.get(find(parent, p[0])).les.add(p);
        }
        double[] vlo = new double[nv];
        double[] vhi = new double[nv];
        int[] pos = new int[nv];
        for (Component comp : comps.values()) {
            for (int i = 0; i < comp.vars.size(); i++) {
                pos[comp.vars.get(i)] = i;
            }
            comp.pos = pos;
            if (comp.eqs.isEmpty() && comp.les.isEmpty()) {
                int v = comp.vars.get(0);
                vlo[v] = vlb[v];
                vhi[v] = vub[v];
            } else if (comp.eqs.size() == 1 && comp.les.isEmpty()) {
                int e = comp.eqs.get(0);
                closedForm(eqVar.get(e), eqCoef.get(e), eqRhs.get(e), vlb, vub, vlo, vhi);
            } else {
                LpSystem lp = new LpSystem(comp, eqVar, eqCoef, eqRhs, vlb, vub);
                for (int v : comp.vars) {
                    double[] obj = new double[comp.vars.size()];
                    obj[pos[v]] = 1;
                    double[] r = lp.range(obj);
                    vlo[v] = Math.max(r[0], vlb[v]);
                    vhi[v] = Math.min(r[1], vub[v]);
                }
            }
        }
        // eliminated numbers: x_v = (rhs - sum of the others) / a_v
        for (int v = 0; v < nv; v++) {
            int e = derivedFrom[v];
            if (e < 0) {
                continue;
            }
            int[] lv = eqVar.get(e);
            double[] lc = eqCoef.get(e);
            double av = 0;
            Map<Integer, double[]> byComp = new HashMap<>();
            for (int t = 0; t < lv.length; t++) {
                if (lv[t] == v) {
                    av = lc[t];
                } else {
                    byComp.computeIfAbsent(find(parent, lv[t]), x -> new double[nv])[lv[t]] += lc[t];
                }
            }
            double sMin = 0;
            double sMax = 0;
            for (Map.Entry<Integer, double[]> g : byComp.entrySet()) {
                double[] w = g.getValue();
                Component comp = comps.get(g.getKey());
                int terms = 0;
                for (int u : comp.vars) {
                    if (w[u] != 0) {
                        terms++;
                    }
                }
                double gMin;
                double gMax;
                if (terms == 1 || comp.eqs.isEmpty() && comp.les.isEmpty()) {
                    gMin = 0;
                    gMax = 0;
                    for (int u : comp.vars) {
                        if (w[u] != 0) {
                            gMin += Math.min(w[u] * vlo[u], w[u] * vhi[u]);
                            gMax += Math.max(w[u] * vlo[u], w[u] * vhi[u]);
                        }
                    }
                } else {
                    double[] obj = new double[comp.vars.size()];
                    for (int u : comp.vars) {
                        obj[comp.pos[u]] = w[u];
                    }
                    double[] r = new LpSystem(comp, eqVar, eqCoef, eqRhs, vlb, vub).range(obj);
                    gMin = r[0];
                    gMax = r[1];
                }
                sMin += gMin;
                sMax += gMax;
            }
            double rhs = eqRhs.get(e);
            double a = (rhs - sMax) / av;
            double b = (rhs - sMin) / av;
            vlo[v] = fix(Math.min(a, b));
            vhi[v] = fix(Math.max(a, b));
        }
        for (int i = 0; i < nv; i++) {
            lo[vars.get(i)] = vlo[i];
            hi[vars.get(i)] = vhi[i];
        }
    }

    private static double fix(double d) {
        return Double.isNaN(d) ? 0 : d;
    }

    /** One independent part of the system. */
    private static final class Component {
        final List<Integer> vars = new ArrayList<>();
        final List<Integer> eqs = new ArrayList<>();
        final List<int[]> les = new ArrayList<>();
        int[] pos;
    }

    /** Exact interval of every number of one equality {@code sum a x = rhs} over the box [lb, ub]. */
    private static void closedForm(int[] lv, double[] lc, double rhs, double[] lb, double[] ub, double[] lo, double[] hi) {
        int k = lv.length;
        double[] cmin = new double[k];
        double[] cmax = new double[k];
        double finMin = 0;
        double finMax = 0;
        int infMin = 0;
        int infMax = 0;
        for (int t = 0; t < k; t++) {
            double a = lc[t];
            double x = a * lb[lv[t]];
            double y = a * ub[lv[t]];
            cmin[t] = a > 0 ? x : y;
            cmax[t] = a > 0 ? y : x;
            if (Double.isInfinite(cmin[t])) {
                infMin++;
            } else {
                finMin += cmin[t];
            }
            if (Double.isInfinite(cmax[t])) {
                infMax++;
            } else {
                finMax += cmax[t];
            }
        }
        for (int t = 0; t < k; t++) {
            // range of the sum of the other terms
            double oMin = Double.isInfinite(cmin[t]) ? (infMin > 1 ? -INF : finMin) : (infMin > 0 ? -INF : finMin - cmin[t]);
            double oMax = Double.isInfinite(cmax[t]) ? (infMax > 1 ? INF : finMax) : (infMax > 0 ? INF : finMax - cmax[t]);
            double a = lc[t];
            double p = (rhs - oMax) / a;
            double q = (rhs - oMin) / a;
            int v = lv[t];
            lo[v] = Math.max(Math.min(p, q), lb[v]);
            hi[v] = Math.min(Math.max(p, q), ub[v]);
        }
    }

    /** The linear programme of one component, for the Hipparchus simplex. */
    private static final class LpSystem {
        final List<LinearConstraint> constraints = new ArrayList<>();
        final boolean nonNegative;

        LpSystem(Component comp, List<int[]> eqVar, List<double[]> eqCoef, List<Double> eqRhs, double[] lb, double[] ub) {
            int n = comp.vars.size();
            boolean nn = true;
            for (int v : comp.vars) {
                if (lb[v] < 0) {
                    nn = false;
                }
            }
            nonNegative = nn;
            for (int e : comp.eqs) {
                double[] row = new double[n];
                int[] lv = eqVar.get(e);
                double[] lc = eqCoef.get(e);
                for (int t = 0; t < lv.length; t++) {
                    row[comp.pos[lv[t]]] += lc[t];
                }
                constraints.add(new LinearConstraint(row, Relationship.EQ, eqRhs.get(e)));
            }
            for (int[] p : comp.les) {
                double[] row = new double[n];
                row[comp.pos[p[0]]] = 1;
                row[comp.pos[p[1]]] = -1;
                constraints.add(new LinearConstraint(row, Relationship.LEQ, 0));
            }
            for (int v : comp.vars) {
                if (lb[v] != -INF && !(nn && lb[v] == 0)) {
                    double[] row = new double[n];
                    row[comp.pos[v]] = 1;
                    constraints.add(new LinearConstraint(row, Relationship.GEQ, lb[v]));
                }
                if (ub[v] != INF) {
                    double[] row = new double[n];
                    row[comp.pos[v]] = 1;
                    constraints.add(new LinearConstraint(row, Relationship.LEQ, ub[v]));
                }
            }
        }

        /** Minimum and maximum of {@code obj . x} (infinite when unbounded). */
        double[] range(double[] obj) {
            return new double[] {optimum(obj, GoalType.MINIMIZE), optimum(obj, GoalType.MAXIMIZE)};
        }

        private double optimum(double[] obj, GoalType goal) {
            try {
                PointValuePair p = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(100_000), new LinearObjectiveFunction(obj, 0),
                    new LinearConstraintSet(constraints), goal, new NonNegativeConstraint(nonNegative));
                return p.getValue();
            } catch (MathIllegalStateException e) {
                if (e.getSpecifier() == LocalizedOptimFormats.UNBOUNDED_SOLUTION) {
                    return goal == GoalType.MINIMIZE ? -INF : INF;
                }
                if (e.getSpecifier() == LocalizedOptimFormats.NO_FEASIBLE_SOLUTION) {
                    throw new InconsistentTablesException();
                }
                throw e;
            }
        }
    }

    /** The published numbers contradict their relations (no table fits them). */
    static final class InconsistentTablesException extends RuntimeException {
        InconsistentTablesException() {
            super("the published numbers contradict the relations between them", null, false, false);
        }
    }

    static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
