package org.haigui.disclosure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.haigui.indicators.CellKey;
import org.haigui.indicators.CellRelation;
import org.haigui.indicators.Contributors;
import org.haigui.indicators.IndicatorDefinition;
import org.haigui.indicators.IndicatorDefinition.Kind;
import org.haigui.indicators.IndicatorValue;

/**
 * The cells and relations of one output, indexed for disclosure control: cell {@code i}'s numbers are
 * {@code num[3 * i + m]} (m = value, numerator, denominator; NaN when empty), what an intruder knows a priori about
 * each ({@link #lb}, {@link #ub}; a share's numerator is at most its denominator, {@link #coupled}), and each relation
 * as a list of (cell, measure, coefficient) with coefficients summing the terms to zero.
 */
final class Model {

    static final int VALUE = 0;
    static final int NUMERATOR = 1;
    static final int DENOMINATOR = 2;
    static final String DIFFERENCE = "difference";
    static final String RETURNEE = "returnee";
    static final String OTHER = "other";

    final int n;
    final CellKey[] keys;
    final IndicatorValue[] rows;
    final Contributors[] contributors;
    final Kind[] kind;
    final double[] scale;
    /** Numbers of each cell (the true ones when protecting, the published ones when auditing). */
    final double[] num;
    final double[] lb;
    final double[] ub;
    /** Whether the cell is a share whose numerator cannot exceed its denominator. */
    final boolean[] coupled;
    /** Whether the measure is one of the cell's numbers (given, or named by a relation). */
    final boolean[] has;
    /** Relations: variable ids (3 x cell + measure) and coefficients; sum of coef x number = 0. */
    final int[][] relVar;
    final double[][] relCoef;
    /** For each relation, whether it is a partition (target = sum of parts) rather than a difference or identity. */
    final boolean[] relSum;
    /** Relations each cell appears in. */
    final int[][] cellRels;
    /** The difference row of a returnee or other cell (-1 if none), and the returnee and other rows of a difference. */
    final int[] differenceOf;
    final int[] returneeOf;
    final int[] otherOf;

    Model(List<IndicatorValue> values, List<Contributors> contrib, List<CellRelation> relations,
          Function<String, Optional<IndicatorDefinition>> catalogue) {
        n = values.size();
        keys = new CellKey[n];
        rows = values.toArray(new IndicatorValue[0]);
        contributors = new Contributors[n];
        kind = new Kind[n];
        scale = new double[n];
        num = new double[3 * n];
        lb = new double[3 * n];
        ub = new double[3 * n];
        has = new boolean[3 * n];
        coupled = new boolean[n];
        Map<CellKey, Integer> index = new HashMap<>(2 * n);
        Map<String, Optional<IndicatorDefinition>> defs = new HashMap<>();
        for (int i = 0; i < n; i++) {
            IndicatorValue v = rows[i];
            keys[i] = CellKey.of(v);
            if (index.putIfAbsent(keys[i], i) != null) {
                throw new IllegalArgumentException("cell " + describe(keys[i]) + " is given twice");
            }
            contributors[i] = contrib == null ? Contributors.UNKNOWN : contrib.get(i);
            Optional<IndicatorDefinition> d = defs.computeIfAbsent(v.indicator(), catalogue);
            kind[i] = d.map(IndicatorDefinition::kind).orElse(null);
            scale[i] = d.map(x -> x.scale().doubleValue()).orElse(1.0);
            String unit = d.map(IndicatorDefinition::unit).orElse("");
            num[3 * i] = dbl(v.value());
            num[3 * i + 1] = dbl(v.numerator());
            num[3 * i + 2] = dbl(v.denominator());
            has[3 * i] = true;
            boolean parts = !DIFFERENCE.equals(v.group()) && (kind[i] == Kind.ENT_SHARE || kind[i] == Kind.ENT_RATIO
                || v.numerator() != null || v.denominator() != null);
            has[3 * i + 1] = parts;
            has[3 * i + 2] = parts;
            bounds(i, DIFFERENCE.equals(v.group()) ? null : kind[i], unit);
        }
        differenceOf = new int[n];
        returneeOf = new int[n];
        otherOf = new int[n];
        Arrays.fill(differenceOf, -1);
        Arrays.fill(returneeOf, -1);
        Arrays.fill(otherOf, -1);
        for (int i = 0; i < n; i++) {
            if (DIFFERENCE.equals(keys[i].group())) {
                Integer r = index.get(keys[i].inGroup(RETURNEE));
                Integer o = index.get(keys[i].inGroup(OTHER));
                if (r != null && o != null) {
                    returneeOf[i] = r;
                    otherOf[i] = o;
                    differenceOf[r] = i;
                    differenceOf[o] = i;
                }
            }
        }
        List<int[]> vars = new ArrayList<>();
        List<double[]> coefs = new ArrayList<>();
        List<Boolean> sums = new ArrayList<>();
        int[] count = new int[n];
        int[] seen = new int[n];
        for (CellRelation r : relations) {
            List<CellRelation.Term> terms = new ArrayList<>(r.terms().size() + 1);
            terms.add(new CellRelation.Term(r.target().cell(), r.target().measure(), -r.target().coefficient()));
            terms.addAll(r.terms());
            int[] vs = new int[terms.size()];
            double[] cs = new double[terms.size()];
            boolean ok = true;
            for (int t = 0; t < terms.size(); t++) {
                Integer c = index.get(terms.get(t).cell());
                if (c == null) {
                    ok = false;
                    break;
                }
                vs[t] = 3 * c + terms.get(t).measure().ordinal();
                cs[t] = terms.get(t).coefficient();
                has[vs[t]] = true;
            }
            if (!ok) {
                continue;
            }
            boolean sum = r.terms().size() > 1 && r.terms().stream().allMatch(t -> t.coefficient() == 1)
                && r.target().cell().breakdown().isEmpty();
            vars.add(vs);
            coefs.add(cs);
            sums.add(sum);
            int stamp = vars.size();
            for (int v : vs) {
                if (seen[v / 3] != stamp) {
                    seen[v / 3] = stamp;
                    count[v / 3]++;
                }
            }
        }
        relVar = vars.toArray(new int[0][]);
        relCoef = coefs.toArray(new double[0][]);
        relSum = new boolean[sums.size()];
        for (int i = 0; i < relSum.length; i++) {
            relSum[i] = sums.get(i);
        }
        cellRels = new int[n][];
        for (int i = 0; i < n; i++) {
            cellRels[i] = new int[count[i]];
        }
        int[] fill = new int[n];
        for (int r = 0; r < relVar.length; r++) {
            int last = -1;
            int[] vs = relVar[r].clone();
            Arrays.sort(vs);
            for (int v : vs) {
                if (v / 3 != last) {
                    last = v / 3;
                    cellRels[last][fill[last]++] = r;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (fill[i] != cellRels[i].length) {
                cellRels[i] = Arrays.copyOf(cellRels[i], fill[i]);
            }
        }
    }

    /** What the intruder knows a priori about a cell's numbers (kind null: a difference row or an unknown indicator). */
    private void bounds(int i, Kind k, String unit) {
        double inf = Double.POSITIVE_INFINITY;
        for (int m = 0; m < 3; m++) {
            lb[3 * i + m] = k == null ? -inf : 0;
            ub[3 * i + m] = inf;
        }
        if (k == null) {
            return;
        }
        boolean share = k == Kind.ENT_SHARE || (k == Kind.TIDY && "share".equals(unit));
        if (share) {
            ub[3 * i] = 1;
            coupled[i] = true;
        }
        if (k == Kind.ENT_MEDIAN && "ratio".equals(unit)) {
            lb[3 * i] = -inf;
        }
    }

    static double dbl(BigDecimal b) {
        return b == null ? Double.NaN : b.doubleValue();
    }

    /** Whether a cell may be suppressed: its contributors are known (not a data-quality row). */
    boolean suppressible(int i) {
        return contributors[i].known() || DIFFERENCE.equals(keys[i].group());
    }

    static String describe(CellKey k) {
        StringBuilder b = new StringBuilder(k.indicator());
        for (String s : new String[] {k.period(), k.group(), k.breakdown(), k.category()}) {
            b.append(',').append(s);
        }
        return b.toString();
    }

    static String measureName(int m) {
        return switch (m) {
            case VALUE -> "value";
            case NUMERATOR -> "numerator";
            default -> "denominator";
        };
    }
}
