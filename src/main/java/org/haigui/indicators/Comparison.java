package org.haigui.indicators;

/**
 * A declared comparison of two groups of enterprises, with the difference row between them
 * (indicators.md, "Groups"). The engine reads each enterprise's group from {@code groupsSql}
 * ({@code SELECT eidx, grp} over the base tables; an enterprise in neither group has no row) and
 * gives an enterprise indicator for the first group, the second, and {@code first - second}.
 * Today's one comparison is returnee-founded against other enterprises; supported against
 * unsupported returnee-founded enterprises is the next.
 *
 * @param id         a short name, used in temp table names ({@code [a-z_]+})
 * @param first      the first group's label in the tidy output
 * @param second     the second group's label
 * @param difference the difference row's label
 * @param groupsSql  {@code SELECT eidx, grp} over the base tables
 */
public record Comparison(String id, String first, String second, String difference, String groupsSql) {

    /** Returnee-founded (at least one founder who is a returnee as of D) against other enterprises (founder rows, none a returnee). */
    public static final Comparison RETURNEE_OTHER = new Comparison("returnee_other", IndicatorEngine.RETURNEE, IndicatorEngine.OTHER,
        IndicatorEngine.DIFFERENCE, "SELECT eidx, grp FROM hg_ent WHERE grp IS NOT NULL");

    public Comparison {
        if (!id.matches("[a-z_]+")) {
            throw new IllegalArgumentException("comparison id must be [a-z_]+: " + id);
        }
    }

    /** The label of group 0 (first) or 1 (second). */
    public String label(int group) {
        return group == 0 ? first : second;
    }
}
