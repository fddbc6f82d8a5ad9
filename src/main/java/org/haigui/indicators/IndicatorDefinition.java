package org.haigui.indicators;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the indicator catalogue: what the methods appendix and the dashboard show (id,
 * titles, unit, method texts in Chinese and English) and how the engine computes it (a
 * {@link Kind} and one SQL query over the canonical tables and the engine's prepared tables).
 *
 * <h2>The SQL contract</h2>
 * The query is written in the portable subset of {@link Dialect} (with its {@code @functions}) and may
 * use these placeholders: {@code ${asOf}} (a {@code DATE '...'} literal for D),
 * {@code ${asOfYear}} (D's year as an integer), {@code ${yearStart}} (1 January of D's year as a
 * DATE literal), {@code ${asOfText}} (D as a {@code 'YYYY-MM-DD'} string literal), and the
 * prepared tables documented in {@link BaseTables}. It returns, by kind:
 * <ul>
 * <li>{@link Kind#PERSON_COUNT}: {@code person_id, period} - the value is the number of distinct
 *     persons per period and breakdown category;</li>
 * <li>{@link Kind#ENT_COUNT}: {@code eidx, period} (one row per enterprise and period);</li>
 * <li>{@link Kind#ENT_SUM}: {@code eidx, period, x};</li>
 * <li>{@link Kind#ENT_SHARE}: {@code eidx, period, hit} with hit 1 or 0;</li>
 * <li>{@link Kind#ENT_RATIO}: {@code eidx, period, num, den} - value = scale x sum(num) / sum(den);</li>
 * <li>{@link Kind#ENT_MEDIAN}: {@code eidx, period, v};</li>
 * <li>{@link Kind#ENT_MEDIAN_DIFFERENCE}: {@code eidx, period, side, v} with side 0 or 1 (an enterprise's side may
 *     depend on the period) - the value is the median of side 0 minus the median of side 1, one row per period in
 *     the comparison's first group, no breakdowns, with the percentile bootstrap of the difference; no value when
 *     either side is empty;</li>
 * <li>{@link Kind#TIDY}: {@code period, breakdown, category, value, numerator, denominator} - the
 *     finished rows of an indicator without the engine's groups; optional columns: {@code grp} (the group
 *     column, e.g. {@code returnee}), {@code units} and {@code numerator_units} (the contributors),
 *     {@code wilson_n} (the interval is then the Wilson score interval of the value on that, possibly
 *     effective, sample size), {@code ci_low, ci_high} (the row's own interval, e.g. a prediction interval) and {@code ord} (rows of a period and breakdown keep that order instead
 *     of the category's).</li>
 * </ul>
 * The engine adds the breakdowns (joining the person or enterprise breakdown table), the groups
 * and the intervals. {@code period} is text ({@code 2021}, {@code 2021Q3}, {@code 2016-2020}, ...).
 *
 * @param id           the catalogue id, e.g. {@code inflow.year}
 * @param titleZh      title in Chinese
 * @param titleEn      title in English
 * @param unit         {@code persons}, {@code enterprises}, {@code share}, {@code ratio}, {@code CNY}, ...
 * @param methodZh     the method, in Chinese, as the methods appendix prints it
 * @param methodEn     the method, in English
 * @param kind         how the engine aggregates the query's rows
 * @param groups       which groups the indicator is given for
 * @param breakdowns   the breakdowns besides the total, e.g. {@code district}
 * @param sql          the query (see above)
 * @param periodsSql   optional query returning one column {@code period}: the periods for which the
 *                     total is written even when it is zero (counts and sums only); null for none
 * @param scale        multiplier of a ratio (100 for "per 100 employees"); 1 otherwise
 * @param prepare      temp tables the query reads (e.g. a contributed indicator's intermediate
 *                     tables), created once per run by the first definition that needs them, in
 *                     order; may be empty
 * @param unavailable  null when the indicator can be computed; otherwise why not (the engine then
 *                     omits it and reports the reason)
 * @param comparison   the groups of an enterprise indicator (default {@link Comparison#RETURNEE_OTHER})
 */
public record IndicatorDefinition(
    String id,
    String titleZh,
    String titleEn,
    String unit,
    String methodZh,
    String methodEn,
    Kind kind,
    Groups groups,
    List<String> breakdowns,
    String sql,
    String periodsSql,
    BigDecimal scale,
    List<TempTable> prepare,
    String unavailable,
    Comparison comparison) {

    /** A temp table a definition reads: its name and the query that fills it (portable SQL with placeholders). */
    public record TempTable(String name, String sql) {
    }

    /** How the engine turns the query's rows into values. */
    public enum Kind {
        PERSON_COUNT, ENT_COUNT, ENT_SUM, ENT_SHARE, ENT_RATIO, ENT_MEDIAN, ENT_MEDIAN_DIFFERENCE, TIDY;

        /** Whether the kind is over enterprises (and so has groups). */
        public boolean enterprise() {
            return name().startsWith("ENT_");
        }
    }

    /** Which groups of the definition's {@link Comparison} an indicator is given for. */
    public enum Groups {
        /** Indicators of persons and of data quality: the group column is empty. */
        NONE,
        /** Both groups and their difference ({@code returnee}, {@code other}, {@code difference}). */
        RETURNEE_OTHER_DIFFERENCE,
        /** The first group only ({@code returnee}: indicators defined on returnee-founded enterprises alone). */
        RETURNEE_ONLY
    }

    public IndicatorDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(titleZh, "titleZh");
        Objects.requireNonNull(titleEn, "titleEn");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(methodZh, "methodZh");
        Objects.requireNonNull(methodEn, "methodEn");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(groups, "groups");
        breakdowns = breakdowns == null ? List.of() : List.copyOf(breakdowns);
        scale = scale == null ? BigDecimal.ONE : scale;
        prepare = prepare == null ? List.of() : List.copyOf(prepare);
        comparison = comparison == null ? Comparison.RETURNEE_OTHER : comparison;
        if (unavailable == null) {
            Objects.requireNonNull(sql, "sql of " + id);
        }
        if (kind.enterprise() == (groups == Groups.NONE)) {
            throw new IllegalArgumentException(id + ": enterprise kinds have groups, other kinds have none");
        }
    }

    /** Whether the engine can compute it now. */
    public boolean available() {
        return unavailable == null;
    }

    /** Starts a definition; see {@link Builder}. */
    public static Builder builder(String id, Kind kind) {
        return new Builder(id, kind);
    }

    /** A small builder so that catalogue entries read as one block each. */
    public static final class Builder {
        private final String id;
        private final Kind kind;
        private String titleZh;
        private String titleEn;
        private String unit;
        private String methodZh;
        private String methodEn;
        private Groups groups;
        private List<String> breakdowns = List.of();
        private String sql;
        private String periodsSql;
        private BigDecimal scale = BigDecimal.ONE;
        private List<TempTable> prepare = List.of();
        private String unavailable;
        private Comparison comparison = Comparison.RETURNEE_OTHER;

        private Builder(String id, Kind kind) {
            this.id = id;
            this.kind = kind;
            this.groups = kind.enterprise() ? Groups.RETURNEE_OTHER_DIFFERENCE : Groups.NONE;
        }

        public Builder title(String zh, String en) {
            this.titleZh = zh;
            this.titleEn = en;
            return this;
        }

        public Builder unit(String u) {
            this.unit = u;
            return this;
        }

        public Builder method(String zh, String en) {
            this.methodZh = zh;
            this.methodEn = en;
            return this;
        }

        public Builder groups(Groups g) {
            this.groups = g;
            return this;
        }

        public Builder breakdowns(List<String> b) {
            this.breakdowns = b;
            return this;
        }

        public Builder sql(String s) {
            this.sql = s;
            return this;
        }

        public Builder periods(String s) {
            this.periodsSql = s;
            return this;
        }

        public Builder scale(BigDecimal s) {
            this.scale = s;
            return this;
        }

        public Builder prepare(List<TempTable> p) {
            this.prepare = p;
            return this;
        }

        public Builder unavailable(String why) {
            this.unavailable = why;
            return this;
        }

        public Builder comparison(Comparison c) {
            this.comparison = c;
            return this;
        }

        public IndicatorDefinition build() {
            return new IndicatorDefinition(id, titleZh, titleEn, unit, methodZh, methodEn, kind, groups, breakdowns,
                sql, periodsSql, scale, prepare, unavailable, comparison);
        }
    }
}
