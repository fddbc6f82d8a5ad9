package org.haigui.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
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
 * any sign), and decides for every number of every suppressed cell whether it is exposed: whether its minimum and
 * maximum over all tables consistent with what was published lie within the exposure margin.
 *
 * <p>To keep it fast the system is first reduced: relations with no suppressed number are constants and dropped; a
 * relation that says two suppressed numbers are the same figure (an identity between indicators) merges them into one
 * unknown; a number with no a-priori bound that appears in a single relation (a {@code difference} row) is eliminated,
 * its interval computed afterwards from that relation; the remaining unknowns fall into independent parts (unknowns
 * linked by relations). In each part, three cheap steps decide most numbers without a linear programme:
 * <ul>
 * <li><b>outer bounds</b> by propagation (each relation bounds each of its unknowns by the ranges of the others, to a
 *     fixpoint): the true interval lies inside, so a number whose outer interval is already within the margin is
 *     exposed;</li>
 * <li><b>inner ranges</b> from tables known to fit what was published (when protecting, the true table; and every
 *     solution of a linear programme below): the true interval contains the range over them, so a number whose inner
 *     range already spreads beyond the margin is safe;</li>
 * <li>only a number that neither decides gets its exact minimum and maximum, by linear programmes (Hipparchus
 *     {@link SimplexSolver}, numbers scaled to the part's magnitude), whose solutions widen the inner ranges of all the
 *     others.</li>
 * </ul>
 * A part with a single relation is solved exactly in closed form (the projection of a box cut by one hyperplane).
 * The interval reported for a safe number is its inner range (values some consistent table gives: the intruder can
 * exclude none of them); an exposed number's is exact when asked for ({@code exact}, the audit), else its outer bounds.
 */
final class Intruder {

    private static final double INF = Double.POSITIVE_INFINITY;

    private final Model m;
    private final double margin;
    /** Whether {@code m.num} holds the true numbers of the suppressed cells (protection), a table that fits. */
    private final boolean truth;
    /** Whether an exposed number's interval must be exact (the audit's report) rather than merely shown exposed. */
    private final boolean exact;
    /** Linear programmes solved (for statistics), and how many of them by the reference solver. */
    long programmes;
    long referenceProgrammes;

    Intruder(Model m, double margin, boolean truth, boolean exact) {
        this.m = m;
        this.margin = margin;
        this.truth = truth;
        this.exact = exact;
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

    /** An equality {@code sum coef x = rhs} over unknowns. */
    private record Eq(int[] vars, double[] coefs, double rhs) {
    }

    /** One independent part of the reduced system. */
    private final class Part {
        final int[] vars;
        final List<Eq> eqs = new ArrayList<>();
        final List<int[]> les = new ArrayList<>();
        final double[] olo;
        final double[] ohi;
        final double[] ilo;
        final double[] ihi;
        final boolean[] done;
        final List<double[]> points = new ArrayList<>();
        final Map<Integer, Integer> pos = new HashMap<>();
        List<LinearConstraint> constraints;
        boolean nonNegative;
        double[][] rows;
        double[] rhs;
        double[] rlo;
        double[] rup;
        Simplex lp;
        boolean lpFailed;
        double scale = 1;

        Part(int[] vars) {
            this.vars = vars;
            for (int i = 0; i < vars.length; i++) {
                pos.put(vars[i], i);
            }
            olo = new double[vars.length];
            ohi = new double[vars.length];
            ilo = new double[vars.length];
            ihi = new double[vars.length];
            done = new boolean[vars.length];
            Arrays.fill(ilo, INF);
            Arrays.fill(ihi, -INF);
        }

        void point(double[] x) {
            points.add(x);
            for (int i = 0; i < x.length; i++) {
                ilo[i] = Math.min(ilo[i], x[i]);
                ihi[i] = Math.max(ihi[i], x[i]);
            }
        }

        /** Minimum (goal MINIMIZE) or maximum of obj . x over the part; adds the solution as a point. */
        double optimum(double[] obj, GoalType goal) {
            return optimum(obj, goal, false);
        }

        /**
         * Minimum or maximum of obj . x over the part, by the warm-started {@link Simplex} (built once per part), or by
         * Hipparchus' simplex when {@code reference} is asked for or the fast one gives up; adds the solution as a point.
         */
        double optimum(double[] obj, GoalType goal, boolean reference) {
            if (constraints == null) {
                build();
            }
            programmes++;
            if (!reference && !lpFailed) {
                try {
                    if (lp == null) {
                        lp = new Simplex(rows, rhs, rlo, rup);
                    }
                    double[] c = new double[rlo.length];
                    for (int i = 0; i < obj.length; i++) {
                        c[i] = goal == GoalType.MINIMIZE ? obj[i] : -obj[i];
                    }
                    double v = lp.minimise(c);
                    if (v == -INF) {
                        return goal == GoalType.MINIMIZE ? -INF : INF;
                    }
                    double[] x = Arrays.copyOf(lp.point(), vars.length);
                    for (int i = 0; i < x.length; i++) {
                        x[i] *= scale;
                    }
                    point(x);
                    return (goal == GoalType.MINIMIZE ? v : -v) * scale;
                } catch (Simplex.Trouble | Simplex.Infeasible e) {
                    // numerical trouble (or a claim of infeasibility): the reference solver decides from now on
                    lpFailed = true;
                    lp = null;
                }
            }
            referenceProgrammes++;
            try {
                PointValuePair p = new SimplexSolver(1e-9, 10, 1e-12).optimize(new MaxIter(100_000), new LinearObjectiveFunction(obj, 0),
                    new LinearConstraintSet(constraints), goal, new NonNegativeConstraint(nonNegative));
                double[] x = p.getPoint();
                for (int i = 0; i < x.length; i++) {
                    x[i] *= scale;
                }
                point(x);
                return p.getValue() * scale;
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

        private void build() {
            int n = vars.length;
            double s = 1;
            for (Eq e : eqs) {
                s = Math.max(s, Math.abs(e.rhs));
            }
            for (int i = 0; i < n; i++) {
                for (double b : new double[] {vlb[vars[i]], vub[vars[i]]}) {
                    if (!Double.isInfinite(b)) {
                        s = Math.max(s, Math.abs(b));
                    }
                }
            }
            scale = s;
            constraints = new ArrayList<>();
            boolean nn = true;
            for (int v : vars) {
                if (vlb[v] < 0) {
                    nn = false;
                }
            }
            nonNegative = nn;
            // the fast solver's form: equalities, a slack per "numerator <= denominator", bounds on variables
            int k = les.size();
            rows = new double[eqs.size() + k][n + k];
            rhs = new double[eqs.size() + k];
            rlo = new double[n + k];
            rup = new double[n + k];
            for (int i = 0; i < n; i++) {
                rlo[i] = vlb[vars[i]] / s;
                rup[i] = vub[vars[i]] / s;
            }
            for (int i = n; i < n + k; i++) {
                rup[i] = INF;
            }
            int q = 0;
            for (Eq e : eqs) {
                double[] row = new double[n];
                for (int t = 0; t < e.vars.length; t++) {
                    row[pos.get(e.vars[t])] += e.coefs[t];
                    rows[q][pos.get(e.vars[t])] += e.coefs[t];
                }
                rhs[q++] = e.rhs / s;
                constraints.add(new LinearConstraint(row, Relationship.EQ, e.rhs / s));
            }
            for (int[] p : les) {
                double[] row = new double[n];
                row[pos.get(p[0])] = 1;
                row[pos.get(p[1])] = -1;
                rows[q][pos.get(p[0])] = 1;
                rows[q][pos.get(p[1])] = -1;
                rows[q][n + q - eqs.size()] = 1;
                q++;
                constraints.add(new LinearConstraint(row, Relationship.LEQ, 0));
            }
            for (int i = 0; i < n; i++) {
                int v = vars[i];
                if (vlb[v] != -INF && !(nn && vlb[v] == 0)) {
                    double[] row = new double[n];
                    row[i] = 1;
                    constraints.add(new LinearConstraint(row, Relationship.GEQ, vlb[v] / s));
                }
                if (vub[v] != INF) {
                    double[] row = new double[n];
                    row[i] = 1;
                    constraints.add(new LinearConstraint(row, Relationship.LEQ, vub[v] / s));
                }
            }
        }
    }

    // state of one solve (an Intruder is used by one thread)
    private double[] vlb;
    private double[] vub;

    /**
     * Intervals of the numbers of the suppressed cells among {@code cells} (a set closed under relations), written to
     * {@code lo[3 * cell + measure]} and {@code hi[...]}: exact, or (for a number shown safe) a range of values that
     * tables consistent with the publication give, or (for an exposed number, unless exact intervals were asked for)
     * bounds within the margin.
     */
    void solve(int[] cells, boolean[] suppressed, double[] lo, double[] hi) {
        Map<Integer, Integer> local = new HashMap<>();
        List<Integer> gvars = new ArrayList<>();
        for (int c : cells) {
            if (suppressed[c]) {
                for (int k = 0; k < 3; k++) {
                    if (m.has[3 * c + k]) {
                        local.put(3 * c + k, gvars.size());
                        gvars.add(3 * c + k);
                    }
                }
            }
        }
        int nv = gvars.size();
        if (nv == 0) {
            return;
        }
        // relations with unknowns, the published numbers on the right-hand side
        List<Eq> raw = new ArrayList<>();
        BitSet seenRel = new BitSet();
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
                raw.add(new Eq(lv, lc, rhs));
            }
        }
        // identities between two unknowns merge them into one
        int[] parent = new int[nv];
        for (int i = 0; i < nv; i++) {
            parent[i] = i;
        }
        for (Eq e : raw) {
            if (e.vars.length == 2 && e.coefs[0] == -e.coefs[1] && e.rhs == 0) {
                union(parent, e.vars[0], e.vars[1]);
            }
        }
        int[] cls = new int[nv];
        int nc = 0;
        int[] rootIndex = new int[nv];
        Arrays.fill(rootIndex, -1);
        for (int v = 0; v < nv; v++) {
            int r = find(parent, v);
            if (rootIndex[r] < 0) {
                rootIndex[r] = nc++;
            }
            cls[v] = rootIndex[r];
        }
        vlb = new double[nc];
        vub = new double[nc];
        Arrays.fill(vlb, -INF);
        Arrays.fill(vub, INF);
        for (int v = 0; v < nv; v++) {
            vlb[cls[v]] = Math.max(vlb[cls[v]], m.lb[gvars.get(v)]);
            vub[cls[v]] = Math.min(vub[cls[v]], m.ub[gvars.get(v)]);
        }
        // the relations over merged unknowns; one with a single unknown fixes it
        List<Eq> eqs = new ArrayList<>();
        for (Eq e : raw) {
            Map<Integer, Double> terms = new java.util.LinkedHashMap<>();
            for (int t = 0; t < e.vars.length; t++) {
                terms.merge(cls[e.vars[t]], e.coefs[t], Double::sum);
            }
            terms.values().removeIf(x -> x == 0);
            if (terms.isEmpty()) {
                continue;
            }
            int[] lv = new int[terms.size()];
            double[] lc = new double[terms.size()];
            int j = 0;
            for (Map.Entry<Integer, Double> t : terms.entrySet()) {
                lv[j] = t.getKey();
                lc[j++] = t.getValue();
            }
            if (lv.length == 1) {
                double x = e.rhs / lc[0];
                vlb[lv[0]] = Math.max(vlb[lv[0]], x);
                vub[lv[0]] = Math.min(vub[lv[0]], x);
                continue;
            }
            eqs.add(new Eq(lv, lc, e.rhs));
        }
        // a share's numerator is at most its denominator
        List<int[]> les = new ArrayList<>();
        for (int c : cells) {
            if (suppressed[c] && m.coupled[c] && m.has[3 * c + 1] && m.has[3 * c + 2]) {
                int a = cls[local.get(3 * c + 1)];
                int b = cls[local.get(3 * c + 2)];
                if (a != b) {
                    les.add(new int[] {a, b});
                }
            }
        }
        // eliminate free unknowns that appear in a single relation whose other unknowns are all bounded
        int ne = eqs.size();
        int[] occurrences = new int[nc];
        int[] lastEq = new int[nc];
        for (int e = 0; e < ne; e++) {
            for (int v : eqs.get(e).vars) {
                occurrences[v]++;
                lastEq[v] = e;
            }
        }
        for (int[] p : les) {
            occurrences[p[0]] += 2;
            occurrences[p[1]] += 2;
        }
        boolean[] eqDropped = new boolean[ne];
        int[] derivedFrom = new int[nc];
        Arrays.fill(derivedFrom, -1);
        for (int v = 0; v < nc; v++) {
            if (occurrences[v] == 1 && vlb[v] == -INF && vub[v] == INF && !eqDropped[lastEq[v]]) {
                boolean othersBounded = true;
                for (int w : eqs.get(lastEq[v]).vars) {
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
        // independent parts
        int[] cparent = new int[nc];
        for (int i = 0; i < nc; i++) {
            cparent[i] = i;
        }
        for (int e = 0; e < ne; e++) {
            if (!eqDropped[e]) {
                int[] lv = eqs.get(e).vars;
                for (int t = 1; t < lv.length; t++) {
                    union(cparent, lv[0], lv[t]);
                }
            }
        }
        for (int[] p : les) {
            union(cparent, p[0], p[1]);
        }
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int v = 0; v < nc; v++) {
            if (derivedFrom[v] < 0) {
                members.computeIfAbsent(find(cparent, v), x -> new ArrayList<>()).add(v);
            }
        }
        Map<Integer, Part> parts = new HashMap<>();
        Part[] partOf = new Part[nc];
        for (Map.Entry<Integer, List<Integer>> g : members.entrySet()) {
            Part p = new Part(g.getValue().stream().mapToInt(Integer::intValue).toArray());
            parts.put(g.getKey(), p);
            for (int v : p.vars) {
                partOf[v] = p;
            }
        }
        for (int e = 0; e < ne; e++) {
            if (!eqDropped[e]) {
                partOf[eqs.get(e).vars[0]].eqs.add(eqs.get(e));
            }
        }
        for (int[] p : les) {
            partOf[p[0]].les.add(p);
        }
        // the true table, where known, restricted to the unknowns
        double[] tv = null;
        if (truth) {
            tv = new double[nc];
            Arrays.fill(tv, Double.NaN);
            for (int v = 0; v < nv; v++) {
                tv[cls[v]] = m.num[gvars.get(v)];
            }
        }
        double[] clo = new double[nc];
        double[] chi = new double[nc];
        boolean[] cexact = new boolean[nc];
        for (Part p : parts.values()) {
            solvePart(p, tv, clo, chi, cexact);
        }
        // eliminated unknowns: x_v = (rhs - sum of the others) / a_v
        for (int v = 0; v < nc; v++) {
            int e = derivedFrom[v];
            if (e >= 0) {
                derived(v, eqs.get(e), partOf, clo, chi, cexact);
            }
        }
        for (int i = 0; i < nv; i++) {
            lo[gvars.get(i)] = clo[cls[i]];
            hi[gvars.get(i)] = chi[cls[i]];
        }
        // the value of a share or ratio is also bounded by its parts: make sure an exposure found that way is real
        for (int c : cells) {
            if (!suppressed[c] || !(m.has[3 * c + 1] && m.has[3 * c + 2]) || !Protector.cellExposed(m, c, lo, hi, margin)) {
                continue;
            }
            boolean changed = false;
            for (int k = 0; k < 3; k++) {
                int v = cls[local.get(3 * c + k)];
                if (!cexact[v] && derivedFrom[v] < 0) {
                    exactly(partOf[v], v, clo, chi, cexact, true);
                    changed = true;
                }
            }
            if (changed) {
                for (int k = 0; k < 3; k++) {
                    int v = cls[local.get(3 * c + k)];
                    lo[3 * c + k] = clo[v];
                    hi[3 * c + k] = chi[v];
                }
            }
        }
    }

    /** Decides every unknown of one part (see the class comment). */
    private void solvePart(Part p, double[] tv, double[] clo, double[] chi, boolean[] cexact) {
        int n = p.vars.length;
        for (int i = 0; i < n; i++) {
            p.olo[i] = vlb[p.vars[i]];
            p.ohi[i] = vub[p.vars[i]];
        }
        if (p.eqs.isEmpty() && p.les.isEmpty()) {
            int v = p.vars[0];
            clo[v] = vlb[v];
            chi[v] = vub[v];
            cexact[v] = true;
            return;
        }
        boolean single = p.eqs.size() == 1 && p.les.isEmpty();
        propagate(p, single ? 1 : 100);
        if (single) {
            for (int i = 0; i < n; i++) {
                clo[p.vars[i]] = p.olo[i];
                chi[p.vars[i]] = p.ohi[i];
                cexact[p.vars[i]] = true;
            }
            return;
        }
        if (tv != null) {
            double[] x = new double[n];
            boolean ok = true;
            for (int i = 0; i < n; i++) {
                x[i] = tv[p.vars[i]];
                ok &= !Double.isNaN(x[i]);
            }
            if (ok) {
                p.point(x);
            }
        }
        int undecided = 0;
        for (int i = 0; i < n; i++) {
            if (!(exposed(p.olo[i], p.ohi[i], margin) && !exact) && !(p.ilo[i] <= p.ihi[i] && !exposed(p.ilo[i], p.ihi[i], margin))) {
                undecided++;
            }
        }
        if (undecided > 2) {
            // two tables far apart (a random direction and its opposite) widen many inner ranges at the price of two programmes
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(n * 31L + p.eqs.size());
            double[] obj = new double[n];
            for (int i = 0; i < n; i++) {
                obj[i] = rnd.nextBoolean() ? 1 : -1;
            }
            p.optimum(obj, GoalType.MAXIMIZE);
            p.optimum(obj, GoalType.MINIMIZE);
        }
        for (int i = 0; i < n; i++) {
            int v = p.vars[i];
            if (exposed(p.olo[i], p.ohi[i], margin) && !exact) {
                clo[v] = p.olo[i];
                chi[v] = p.ohi[i];
                cexact[v] = p.ohi[i] - p.olo[i] <= 1e-9 * Math.max(1, Math.abs(p.ohi[i]));
            } else if (p.ilo[i] <= p.ihi[i] && !exposed(p.ilo[i], p.ihi[i], margin)) {
                clo[v] = p.ilo[i];
                chi[v] = p.ihi[i];
                cexact[v] = p.ilo[i] <= p.olo[i] && p.ihi[i] >= p.ohi[i];
            } else {
                exactly(p, v, clo, chi, cexact, false);
            }
        }
    }

    /**
     * The exact interval of unknown v, by two linear programmes (the bounds where they already meet); unless {@code full}
     * or the audit's exact intervals are asked for, the second is skipped when the first's solution already shows v safe.
     */
    private void exactly(Part p, int v, double[] clo, double[] chi, boolean[] cexact, boolean full) {
        int i = p.pos.get(v);
        if (p.eqs.isEmpty() && p.les.isEmpty() || p.eqs.size() == 1 && p.les.isEmpty()) {
            cexact[v] = true;
            return;
        }
        double[] obj = new double[p.vars.length];
        obj[i] = 1;
        double a = p.ilo[i] <= p.olo[i] ? p.ilo[i] : p.optimum(obj, GoalType.MINIMIZE);
        if (!exact && !full && !exposed(p.ilo[i], p.ihi[i], margin)) {
            // protection only asks whether the number is exposed: values some consistent tables give already say no
            clo[v] = p.ilo[i];
            chi[v] = p.ihi[i];
            cexact[v] = false;
            return;
        }
        double b = p.ihi[i] >= p.ohi[i] ? p.ihi[i] : p.optimum(obj, GoalType.MAXIMIZE);
        if (exact && exposed(Math.max(a, vlb[v]), Math.min(b, vub[v]), margin)) {
            // the audit reports an exposure only as the reference solver (Hipparchus) finds it
            a = p.optimum(obj, GoalType.MINIMIZE, true);
            b = p.optimum(obj, GoalType.MAXIMIZE, true);
        }
        clo[v] = Math.max(a, vlb[v]);
        chi[v] = Math.min(b, vub[v]);
        cexact[v] = true;
    }

    /** Outer bounds: each relation bounds each of its unknowns by the ranges of the others, to a fixpoint. */
    private static void propagate(Part p, int sweeps) {
        for (int s = 0; s < sweeps; s++) {
            boolean changed = false;
            for (Eq e : p.eqs) {
                changed |= tighten(p, e);
            }
            for (int[] le : p.les) {
                int a = p.pos.get(le[0]);
                int b = p.pos.get(le[1]);
                if (p.ohi[b] < p.ohi[a] - 1e-9 * Math.max(1, finite(p.ohi[b]))) {
                    p.ohi[a] = p.ohi[b];
                    changed = true;
                }
                if (p.olo[a] > p.olo[b] + 1e-9 * Math.max(1, finite(p.olo[a]))) {
                    p.olo[b] = p.olo[a];
                    changed = true;
                }
            }
            if (!changed) {
                return;
            }
        }
    }

    /** One relation's bounds on each of its unknowns from the ranges of the others; whether any bound moved. */
    private static boolean tighten(Part p, Eq e) {
        int k = e.vars.length;
        double[] cmin = new double[k];
        double[] cmax = new double[k];
        double finMin = 0;
        double finMax = 0;
        int infMin = 0;
        int infMax = 0;
        for (int t = 0; t < k; t++) {
            int i = p.pos.get(e.vars[t]);
            double a = e.coefs[t];
            double x = a * p.olo[i];
            double y = a * p.ohi[i];
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
        boolean changed = false;
        for (int t = 0; t < k; t++) {
            double oMin = Double.isInfinite(cmin[t]) ? (infMin > 1 ? -INF : finMin) : (infMin > 0 ? -INF : finMin - cmin[t]);
            double oMax = Double.isInfinite(cmax[t]) ? (infMax > 1 ? INF : finMax) : (infMax > 0 ? INF : finMax - cmax[t]);
            double a = e.coefs[t];
            double x = (e.rhs - oMax) / a;
            double y = (e.rhs - oMin) / a;
            double newLo = Double.isNaN(x) || Double.isNaN(y) ? -INF : Math.min(x, y);
            double newHi = Double.isNaN(x) || Double.isNaN(y) ? INF : Math.max(x, y);
            int i = p.pos.get(e.vars[t]);
            double tol = 1e-9 * Math.max(1, Math.max(finite(p.olo[i]), finite(p.ohi[i])));
            if (newLo > p.olo[i] + tol) {
                p.olo[i] = Math.min(newLo, p.ohi[i]);
                changed = true;
            }
            if (newHi < p.ohi[i] - tol) {
                p.ohi[i] = Math.max(newHi, p.olo[i]);
                changed = true;
            }
        }
        return changed;
    }

    /** The interval of an eliminated unknown v of relation e, from the ranges of the relation's other unknowns. */
    private void derived(int v, Eq e, Part[] partOf, double[] clo, double[] chi, boolean[] cexact) {
        double av = 0;
        Map<Part, double[]> byPart = new HashMap<>();
        for (int t = 0; t < e.vars.length; t++) {
            if (e.vars[t] == v) {
                av = e.coefs[t];
            } else {
                Part p = partOf[e.vars[t]];
                byPart.computeIfAbsent(p, x -> new double[x.vars.length])[p.pos.get(e.vars[t])] += e.coefs[t];
            }
        }
        // outer and inner ranges of the sum of the others, part by part (parts are independent)
        double oMin = 0;
        double oMax = 0;
        double iMin = 0;
        double iMax = 0;
        boolean inner = true;
        for (Map.Entry<Part, double[]> g : byPart.entrySet()) {
            Part p = g.getKey();
            double[] w = g.getValue();
            for (int i = 0; i < w.length; i++) {
                if (w[i] != 0) {
                    oMin += Math.min(w[i] * p.olo[i], w[i] * p.ohi[i]);
                    oMax += Math.max(w[i] * p.olo[i], w[i] * p.ohi[i]);
                }
            }
            if (p.points.isEmpty()) {
                inner = false;
            } else {
                double a = INF;
                double b = -INF;
                for (double[] x : p.points) {
                    double s = 0;
                    for (int i = 0; i < w.length; i++) {
                        s += w[i] * x[i];
                    }
                    a = Math.min(a, s);
                    b = Math.max(b, s);
                }
                iMin += a;
                iMax += b;
            }
        }
        double[] outer = range(e.rhs, av, oMin, oMax);
        double[] in = inner ? range(e.rhs, av, iMin, iMax) : null;
        if (exposed(outer[0], outer[1], margin) && !exact) {
            clo[v] = outer[0];
            chi[v] = outer[1];
        } else if (in != null && !exposed(in[0], in[1], margin)) {
            clo[v] = in[0];
            chi[v] = in[1];
        } else {
            // exact: the range of the weighted sum in each part that is not a single unknown
            double[] r = range(e.rhs, av, byPart, clo, chi, cexact, false);
            if (exact && exposed(r[0], r[1], margin)) {
                r = range(e.rhs, av, byPart, clo, chi, cexact, true);
            }
            clo[v] = r[0];
            chi[v] = r[1];
        }
        cexact[v] = true;
    }

    /** The exact range of (rhs - sum of the weighted unknowns of each part) / av. */
    private double[] range(double rhs, double av, Map<Part, double[]> byPart, double[] clo, double[] chi, boolean[] cexact,
                           boolean reference) {
        double sMin = 0;
        double sMax = 0;
        for (Map.Entry<Part, double[]> g : byPart.entrySet()) {
            Part p = g.getKey();
            double[] w = g.getValue();
            int terms = 0;
            for (double x : w) {
                if (x != 0) {
                    terms++;
                }
            }
            if (terms == 1 || p.eqs.isEmpty() && p.les.isEmpty()) {
                for (int i = 0; i < w.length; i++) {
                    if (w[i] != 0) {
                        int u = p.vars[i];
                        if (!cexact[u]) {
                            exactly(p, u, clo, chi, cexact, true);
                        }
                        sMin += Math.min(w[i] * clo[u], w[i] * chi[u]);
                        sMax += Math.max(w[i] * clo[u], w[i] * chi[u]);
                    }
                }
            } else {
                sMin += p.optimum(w, GoalType.MINIMIZE, reference);
                sMax += p.optimum(w, GoalType.MAXIMIZE, reference);
            }
        }
        return range(rhs, av, sMin, sMax);
    }

    private static double finite(double d) {
        return Double.isInfinite(d) ? 0 : Math.abs(d);
    }

    /** The range of (rhs - s) / a for s in [sMin, sMax]. */
    private static double[] range(double rhs, double a, double sMin, double sMax) {
        double x = fix((rhs - sMax) / a);
        double y = fix((rhs - sMin) / a);
        return new double[] {Math.min(x, y), Math.max(x, y)};
    }

    private static double fix(double d) {
        return Double.isNaN(d) ? 0 : d;
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
