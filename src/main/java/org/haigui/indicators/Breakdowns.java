package org.haigui.indicators;

import java.util.List;
import java.util.Optional;

/**
 * The one registry of breakdowns (indicators.md, "Breakdowns"): what the tidy output's
 * {@code breakdown} column can hold, which units it splits, whether it partitions them (every unit
 * in exactly one category, so that the categories add up to the total - the relation disclosure
 * control protects), and how its category is computed. The base tables
 * ({@code hg_pattr}, {@code hg_eb}), the catalogue's entries and the bootstrap's cells all read
 * this list; adding a breakdown is one entry here.
 *
 * <p>Person breakdowns are columns of {@code hg_pattr}: {@code expr} is an SQL expression over the
 * CTEs {@code la} (latest arrival), {@code lc} (latest episode) and {@code p} (person with
 * {@code age} at D) of {@link BaseTables}. Enterprise breakdowns are queries
 * {@code SELECT eidx, category FROM ...} over {@code hg_ent} and may give an enterprise several
 * categories (a firm in two priority industries): such a breakdown is not a partition.
 */
public final class Breakdowns {

    /** What a breakdown splits. */
    public enum Scope {
        PERSON, ENTERPRISE, OTHER
    }

    /** One breakdown. */
    public record Breakdown(String id, Scope scope, boolean partition, String titleZh, String titleEn, String expr) {
    }

    private static final List<Breakdown> ALL = List.of(
        new Breakdown("district", Scope.PERSON, true, "区", "District", "coalesce(la.district, 'unknown')"),
        new Breakdown("country", Scope.PERSON, true, "国家或地区", "Country", "coalesce(lc.country, 'unknown')"),
        new Breakdown("degree", Scope.PERSON, true, "最高学位", "Highest degree", "coalesce(p.highest_degree, 'unknown')"),
        new Breakdown("field", Scope.PERSON, true, "专业领域", "Field", "coalesce(p.field, 'unknown')"),
        new Breakdown("gender", Scope.PERSON, true, "性别", "Gender", "coalesce(p.gender, 'unknown')"),
        new Breakdown("age_band", Scope.PERSON, true, "年龄段", "Age band",
            "CASE WHEN p.age IS NULL OR p.age < 0 THEN 'unknown' WHEN p.age < 30 THEN '<30' WHEN p.age < 40 THEN '30-39'"
                + " WHEN p.age < 50 THEN '40-49' ELSE '50+' END"),
        new Breakdown("district", Scope.ENTERPRISE, true, "区", "District", "SELECT eidx, district AS category FROM hg_ent"),
        new Breakdown("industry_section", Scope.ENTERPRISE, true, "行业门类", "Industry section",
            "SELECT eidx, section AS category FROM hg_ent"),
        new Breakdown("zone", Scope.ENTERPRISE, true, "园区", "Zone", "SELECT eidx, zone AS category FROM hg_ent"),
        new Breakdown("table", Scope.OTHER, true, "表", "Table", null),
        // rows of the blueprint's indicators (blueprint.md): the category is a priority industry id, in tier
        // order; a person or enterprise may be in several industries, so none of these is a partition
        new Breakdown("priority_industry", Scope.OTHER, false, "重点产业", "Priority industry", null),
        new Breakdown("talent", Scope.OTHER, false, "重点产业的海归人才（存量）", "Returnee talent in stock by priority industry", null),
        new Breakdown("firms", Scope.OTHER, false, "重点产业的海归创办企业", "Returnee-founded enterprises by priority industry", null));
    // survey.share's breakdown is the question id and its category the option id (blueprint.md): data, not
    // registered here; not a partition either (a multiple-choice answer has several options).

    private Breakdowns() {
    }

    /** Every breakdown, in output order within its scope. */
    public static List<Breakdown> all() {
        return ALL;
    }

    /** The breakdowns of one scope, in output order. */
    public static List<Breakdown> of(Scope scope) {
        return ALL.stream().filter(b -> b.scope() == scope).toList();
    }

    /** The ids of one scope's breakdowns. */
    public static List<String> ids(Scope scope) {
        return of(scope).stream().map(Breakdown::id).toList();
    }

    /** The breakdown {@code id} of that scope. */
    public static Optional<Breakdown> find(Scope scope, String id) {
        return ALL.stream().filter(b -> b.scope() == scope && b.id().equals(id)).findFirst();
    }
}
