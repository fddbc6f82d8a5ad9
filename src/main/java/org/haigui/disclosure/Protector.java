package org.haigui.disclosure;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.haigui.indicators.Contributors;
import org.haigui.indicators.IndicatorDefinition.Kind;

/**
 * Primary and secondary suppression over one {@link Model}: primary rules per cell, then per group of linked cells
 * (cells connected by relations, protected together and in parallel with other groups) a fast heuristic to a fixpoint,
 * then the intruder's audit and repair until no suppressed cell is exposed.
 */
final class Protector {

    final Model m;
    final DisclosureRules rules;
    final boolean[] suppressed;
    final boolean[] primary;
    /** Per relation, how many of its cells are suppressed. */
    private final int[] unknown;
    final double[] lo;
    final double[] hi;
    final boolean[] exposed;
    final ConcurrentLinkedQueue<String> unprotectable = new ConcurrentLinkedQueue<>();
    int[][] components;
    long auditRounds;
    /** Secondary cells published again by {@link #release} (statistics). */
    long released;
    /** Linear programmes the intruder solved (statistics). */
    long programmes;

    Protector(Model m, DisclosureRules rules) {
        this.m = m;
        this.rules = rules;
        suppressed = new boolean[m.n];
        primary = new boolean[m.n];
        unknown = new int[m.relVar.length];
        lo = new double[3 * m.n];
        hi = new double[3 * m.n];
        exposed = new boolean[m.n];
    }

    // ------------------------------------------------------------------ primary rules

    /** Whether a cell is sensitive by itself. */
    static boolean sensitive(Kind kind, Contributors c, double value, double numerator, double denominator, DisclosureRules rules) {
        if (c == null || !c.known()) {
            return false;
        }
        if (c.units() > 0 && c.units() < rules.minFrequency()) {
            return true;
        }
        if (kind == Kind.ENT_SUM) {
            return magnitude(value, c.top1(), c.top2(), rules);
        }
        if (kind == Kind.ENT_RATIO) {
            return magnitude(numerator, c.top1(), c.top2(), rules) || magnitude(denominator, c.denominatorTop1(), c.denominatorTop2(), rules);
        }
        return false;
    }

    /** The (n,k) dominance or p% rule on a sum {@code total} whose two largest contributions are t1 >= t2. */
    static boolean magnitude(double total, BigDecimal t1, BigDecimal t2, DisclosureRules rules) {
        if (t1 == null || Double.isNaN(total) || total <= 0) {
            return false;
        }
        return magnitude(total, t1.doubleValue(), t2 == null ? 0 : t2.doubleValue(), rules);
    }

    static boolean magnitude(double total, double t1, double t2, DisclosureRules rules) {
        if (total <= 0 || t1 <= 0) {
            return false;
        }
        if (rules.rule() == DisclosureRules.MagnitudeRule.DOMINANCE) {
            double top = t1 + (rules.dominanceN() == 2 ? t2 : 0);
            return top > rules.dominanceK() / 100 * total;
        }
        return total - t1 - t2 < rules.pPercent() / 100 * t1;
    }

    void primary() {
        for (int i = 0; i < m.n; i++) {
            if (m.suppressible(i) && m.kind[i] != null
                && sensitive(m.kind[i], m.contributors[i], m.num[3 * i], m.num[3 * i + 1], m.num[3 * i + 2], rules)) {
                primary[i] = true;
            }
        }
        // a difference row follows its groups (below, in suppress); it is primary when a group is
        for (int i = 0; i < m.n; i++) {
            if (m.returneeOf[i] >= 0 && (primary[m.returneeOf[i]] || primary[m.otherOf[i]])) {
                primary[i] = true;
            }
        }
    }

    // ------------------------------------------------------------------ linked groups

    void components() {
        int[] parent = new int[m.n];
        for (int i = 0; i < m.n; i++) {
            parent[i] = i;
        }
        for (int[] rv : m.relVar) {
            for (int t = 1; t < rv.length; t++) {
                Intruder.union(parent, rv[0] / 3, rv[t] / 3);
            }
        }
        int[] size = new int[m.n];
        for (int i = 0; i < m.n; i++) {
            size[Intruder.find(parent, i)]++;
        }
        int[][] byRoot = new int[m.n][];
        int count = 0;
        for (int i = 0; i < m.n; i++) {
            if (size[i] > 0) {
                byRoot[i] = new int[size[i]];
                count++;
            }
        }
        int[] fill = new int[m.n];
        List<int[]> out = new ArrayList<>(count);
        for (int i = 0; i < m.n; i++) {
            int r = Intruder.find(parent, i);
            byRoot[r][fill[r]++] = i;
            if (fill[r] == size[r]) {
                out.add(byRoot[r]);
            }
        }
        out.sort(Comparator.comparingInt((int[] a) -> -a.length));
        components = out.toArray(new int[0][]);
    }

    /** The simplest safe pattern: every cell of a linked group in which any cell is primary. */
    long baseline() {
        long b = 0;
        for (int[] comp : components) {
            boolean any = false;
            for (int c : comp) {
                any |= primary[c];
            }
            if (any) {
                for (int c : comp) {
                    if (m.suppressible(c)) {
                        b++;
                    }
                }
            }
        }
        return b;
    }

    void protectAll() {
        IntStream.range(0, components.length).parallel().forEach(i -> protect(components[i]));
    }

    /** Protects one linked group: heuristic, then audit and repair until safe. */
    void protect(int[] cells) {
        ArrayDeque<Integer> work = new ArrayDeque<>();
        for (int c : cells) {
            if (primary[c]) {
                suppress(c, work);
            }
        }
        if (work.isEmpty()) {
            return;
        }
        heuristic(work);
        Intruder intruder = new Intruder(m, rules.exposureMargin(), true, false);
        boolean all = false;
        while (true) {
            intruder.solve(cells, suppressed, lo, hi);
            List<Integer> bad = new ArrayList<>();
            for (int c : cells) {
                if (suppressed[c] && cellExposed(c)) {
                    bad.add(c);
                }
            }
            synchronized (this) {
                auditRounds++;
                programmes += intruder.programmes;
                intruder.programmes = 0;
            }
            if (bad.isEmpty()) {
                if (!all) {
                    release(cells, intruder);
                }
                return;
            }
            boolean progress = false;
            for (int c : bad) {
                if (suppressed[c] && cellExposed(c)) {
                    int cand = repairCandidate(c, cells);
                    if (cand >= 0) {
                        suppress(cand, work);
                        progress = true;
                    }
                }
            }
            if (!progress && !all) {
                // nothing left to suppress around the exposed cells: the whole linked group (always safe: nothing
                // published is left in it to reason from)
                for (int c : cells) {
                    if (m.suppressible(c)) {
                        suppress(c, work);
                    }
                }
                all = true;
                work.clear();
                continue;
            }
            if (!progress) {
                for (int c : bad) {
                    exposed[c] = true;
                    unprotectable.add(Model.describe(m.keys[c]));
                }
                return;
            }
            heuristic(work);
        }
    }

    /**
     * Publishes again every secondary cell that is not needed: in turn, from the cells least fit as complements (the
     * largest first), a secondary cell (with its difference row when that follows it alone) is released when the intruder
     * then recovers no suppressed cell of the part it touches and no partition's suppressed parts become sensitive
     * together. Each secondary cell left is needed given the others (released one at a time).
     */
    private void release(int[] cells, Intruder intruder) {
        List<Integer> candidates = new ArrayList<>();
        for (int c : cells) {
            if (suppressed[c] && !primary[c] && !Model.DIFFERENCE.equals(m.keys[c].group())) {
                candidates.add(c);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        // totals first, then the largest non-zero cells, zeros last
        candidates.sort(Comparator.comparing((Integer c) -> !order(3 * c, c).total()).thenComparing(c -> order(3 * c, c).zero())
            .thenComparing(c -> -order(3 * c, c).size()));
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int c : candidates) {
            int d = m.differenceOf[c];
            boolean withDifference = d >= 0 && suppressed[d] && !primary[d];
            if (withDifference) {
                int partner = m.returneeOf[d] == c ? m.otherOf[d] : m.returneeOf[d];
                withDifference = !suppressed[partner];
            }
            if (alone(c, d, withDifference) || withDifference && alone(d, c, true)) {
                continue; // a relation would be left with a single suppressed cell: recovered exactly
            }
            suppressed[c] = false;
            if (withDifference) {
                suppressed[d] = false;
            }
            boolean ok = !groupSensitive(c) && !(withDifference && groupSensitive(d));
            if (ok) {
                // the suppressed cells linked to c (or d) through relations: the parts the release can change
                List<Integer> part = new ArrayList<>();
                seen.clear();
                ArrayDeque<Integer> queue = new ArrayDeque<>();
                for (int start : withDifference ? new int[] {c, d} : new int[] {c}) {
                    for (int r : m.cellRels[start]) {
                        for (int v : m.relVar[r]) {
                            int x = v / 3;
                            if (suppressed[x] && seen.add(x)) {
                                queue.add(x);
                            }
                        }
                    }
                }
                while (!queue.isEmpty()) {
                    int x = queue.poll();
                    part.add(x);
                    for (int r : m.cellRels[x]) {
                        for (int v : m.relVar[r]) {
                            int y = v / 3;
                            if (suppressed[y] && seen.add(y)) {
                                queue.add(y);
                            }
                        }
                    }
                }
                int[] sub = part.stream().mapToInt(Integer::intValue).toArray();
                intruder.solve(sub, suppressed, lo, hi);
                for (int x : sub) {
                    if (cellExposed(x)) {
                        ok = false;
                        break;
                    }
                }
            }
            if (ok) {
                synchronized (this) {
                    released++;
                }
                for (int r : m.cellRels[c]) {
                    unknown[r]--;
                }
                if (withDifference) {
                    for (int r : m.cellRels[d]) {
                        unknown[r]--;
                    }
                }
            } else {
                suppressed[c] = true;
                if (withDifference) {
                    suppressed[d] = true;
                }
            }
        }
    }

    /** Whether a relation of cell c would keep exactly one suppressed cell once c (and {@code other} if asked) is published. */
    private boolean alone(int c, int other, boolean withOther) {
        for (int r : m.cellRels[c]) {
            int k = 0;
            int last = -1;
            for (int v : m.relVar[r]) {
                int x = v / 3;
                if (suppressed[x] && x != c && !(withOther && x == other) && x != last) {
                    k++;
                    last = x;
                }
            }
            if (k == 1) {
                return true;
            }
        }
        return false;
    }

    /** Whether a partition that cell c is part of has suppressed parts that are sensitive together (published total). */
    private boolean groupSensitive(int c) {
        for (int r : m.cellRels[c]) {
            if (m.relSum[r] && !suppressed[m.relVar[r][0] / 3] && aggregateSensitive(r, -1)) {
                int k = 0;
                for (int v : m.relVar[r]) {
                    k += suppressed[v / 3] ? 1 : 0;
                }
                if (k >= 1) {
                    return true;
                }
            }
        }
        return false;
    }

    boolean cellExposed(int c) {
        return cellExposed(m, c, lo, hi, rules.exposureMargin());
    }

    /** Whether any number of suppressed cell {@code c} is exposed, given the intruder's intervals. */
    static boolean cellExposed(Model m, int c, double[] lo, double[] hi, double margin) {
        for (int k = 0; k < 3; k++) {
            if (m.has[3 * c + k] && Intruder.exposed(lo[3 * c + k], hi[3 * c + k], margin)) {
                return true;
            }
        }
        if (m.has[3 * c + 1] && m.has[3 * c + 2]) {
            double[] v = valueFromParts(m, c, lo, hi);
            return Intruder.exposed(v[0], v[1], margin);
        }
        return false;
    }

    /** The value's interval from its own relations intersected with scale x numerator / denominator. */
    static double[] valueFromParts(Model m, int c, double[] lo, double[] hi) {
        double nLo = Math.max(0, lo[3 * c + 1]);
        double nHi = hi[3 * c + 1];
        double dLo = Math.max(0, lo[3 * c + 2]);
        double dHi = hi[3 * c + 2];
        double s = m.scale[c];
        double a = dHi == Double.POSITIVE_INFINITY ? 0 : s * nLo / dHi;
        double b = dLo <= 0 ? Double.POSITIVE_INFINITY : s * nHi / dLo;
        if (Double.isNaN(a)) {
            a = 0;
        }
        if (Double.isNaN(b)) {
            b = Double.POSITIVE_INFINITY;
        }
        return new double[] {Math.max(a, lo[3 * c]), Math.min(b, hi[3 * c])};
    }

    // ------------------------------------------------------------------ heuristic

    private void suppress(int c, ArrayDeque<Integer> work) {
        if (suppressed[c]) {
            return;
        }
        suppressed[c] = true;
        for (int r : m.cellRels[c]) {
            unknown[r]++;
            work.add(r);
        }
        int d = m.differenceOf[c];
        if (d >= 0) {
            suppress(d, work);
        }
    }

    /**
     * To a fixpoint: a relation with exactly one suppressed cell gets a second one; a partition whose suppressed parts
     * are known together (the total is published) gets more parts until that group of cells passes the primary rules.
     */
    private void heuristic(ArrayDeque<Integer> work) {
        while (!work.isEmpty()) {
            int r = work.poll();
            if (unknown[r] == 1) {
                int cand = best(r, -1);
                if (cand >= 0) {
                    suppress(cand, work);
                }
            } else if (unknown[r] >= 2 && m.relSum[r] && !suppressed[m.relVar[r][0] / 3] && aggregateSensitive(r, -1)) {
                int cand = -1;
                for (int t = 1; t < m.relVar[r].length; t++) {
                    int c = m.relVar[r][t] / 3;
                    if (!suppressed[c] && m.suppressible(c) && !aggregateSensitive(r, c)
                        && (cand < 0 || order(m.relVar[r][t], c).compareTo(order(var(r, cand), cand)) < 0)) {
                        cand = c;
                    }
                }
                if (cand < 0) {
                    double best = -1;
                    for (int t = 1; t < m.relVar[r].length; t++) {
                        int c = m.relVar[r][t] / 3;
                        if (!suppressed[c] && m.suppressible(c) && Math.abs(m.num[m.relVar[r][t]]) > best) {
                            best = Math.abs(m.num[m.relVar[r][t]]);
                            cand = c;
                        }
                    }
                }
                if (cand < 0 && m.suppressible(m.relVar[r][0] / 3)) {
                    cand = m.relVar[r][0] / 3;
                }
                if (cand >= 0) {
                    suppress(cand, work);
                }
            }
        }
    }

    private int var(int r, int cell) {
        for (int v : m.relVar[r]) {
            if (v / 3 == cell) {
                return v;
            }
        }
        return 3 * cell;
    }

    /** The preferred cell of relation r not yet suppressed (a category before a total, non-zero first, smallest). */
    private int best(int r, int exclude) {
        int cand = -1;
        Order bestOrder = null;
        for (int v : m.relVar[r]) {
            int c = v / 3;
            if (c == exclude || suppressed[c] || !m.suppressible(c)) {
                continue;
            }
            Order o = order(v, c);
            if (bestOrder == null || o.compareTo(bestOrder) < 0) {
                bestOrder = o;
                cand = c;
            }
        }
        return cand;
    }

    private record Order(boolean total, boolean zero, double size, int cell) implements Comparable<Order> {
        @Override
        public int compareTo(Order o) {
            int x = Boolean.compare(total, o.total);
            if (x == 0) {
                x = Boolean.compare(zero, o.zero);
            }
            if (x == 0) {
                x = Double.compare(size, o.size);
            }
            return x != 0 ? x : Integer.compare(cell, o.cell);
        }
    }

    private Order order(int v, int c) {
        double x = Math.abs(m.num[v]);
        if (Double.isNaN(x)) {
            x = Math.abs(m.num[3 * c]);
        }
        return new Order(m.keys[c].breakdown().isEmpty(), !(x > 0), Double.isNaN(x) ? 0 : x, c);
    }

    /** Whether the suppressed parts of partition r (plus {@code extra}), whose sum the intruder knows, are sensitive together. */
    private boolean aggregateSensitive(int r, int extra) {
        int[] rv = m.relVar[r];
        int target = rv[0] / 3;
        int measure = rv[0] % 3;
        Kind k = m.kind[target];
        if (k == null) {
            return false;
        }
        long units = 0;
        double total = 0;
        double t1 = 0;
        double t2 = 0;
        for (int t = 1; t < rv.length; t++) {
            int c = rv[t] / 3;
            if (!suppressed[c] && c != extra) {
                continue;
            }
            Contributors ct = m.contributors[c];
            if (!ct.known()) {
                return false;
            }
            units += ct.units();
            total += Double.isNaN(m.num[rv[t]]) ? 0 : m.num[rv[t]];
            BigDecimal a = measure == Model.DENOMINATOR ? ct.denominatorTop1() : ct.top1();
            BigDecimal b = measure == Model.DENOMINATOR ? ct.denominatorTop2() : ct.top2();
            for (BigDecimal x : new BigDecimal[] {a, b}) {
                if (x != null) {
                    double d = x.doubleValue();
                    if (d > t1) {
                        t2 = t1;
                        t1 = d;
                    } else if (d > t2) {
                        t2 = d;
                    }
                }
            }
        }
        boolean frequency = switch (k) {
            case PERSON_COUNT, ENT_COUNT, ENT_SUM, TIDY -> measure == Model.VALUE || measure == Model.DENOMINATOR;
            case ENT_SHARE, ENT_RATIO -> measure == Model.DENOMINATOR;
            case ENT_MEDIAN, ENT_MEDIAN_DIFFERENCE -> false;
        };
        if (frequency && units > 0 && units < rules.minFrequency()) {
            return true;
        }
        boolean amounts = k == Kind.ENT_SUM && measure == Model.VALUE || k == Kind.ENT_RATIO && measure != Model.VALUE;
        return amounts && magnitude(total, t1, t2, rules);
    }

    /** A published cell whose suppression widens the intruder's interval of exposed cell c. */
    private int repairCandidate(int c, int[] cells) {
        int cand = -1;
        Order bestOrder = null;
        for (int r : m.cellRels[c]) {
            for (int v : m.relVar[r]) {
                int x = v / 3;
                if (!suppressed[x] && m.suppressible(x) && !Model.DIFFERENCE.equals(m.keys[x].group())) {
                    Order o = order(v, x);
                    if (bestOrder == null || o.compareTo(bestOrder) < 0) {
                        bestOrder = o;
                        cand = x;
                    }
                }
            }
        }
        if (cand >= 0) {
            return cand;
        }
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int s : cells) {
            if (!suppressed[s]) {
                continue;
            }
            for (int r : m.cellRels[s]) {
                if (!seen.add(r)) {
                    continue;
                }
                for (int v : m.relVar[r]) {
                    int x = v / 3;
                    if (!suppressed[x] && m.suppressible(x)) {
                        Order o = order(v, x);
                        if (bestOrder == null || o.compareTo(bestOrder) < 0) {
                            bestOrder = o;
                            cand = x;
                        }
                    }
                }
            }
        }
        return cand;
    }
}
