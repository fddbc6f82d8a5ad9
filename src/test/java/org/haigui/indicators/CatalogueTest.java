package org.haigui.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.haigui.core.HaiguiException;
import org.haigui.indicators.IndicatorDefinition.Groups;
import org.haigui.indicators.IndicatorDefinition.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueTest {

    @TempDir
    Path dir;

    @Test
    void everyIndicatorOfTheIssueIsInTheCatalogueWithBothLanguages() {
        List<String> ids = Catalogue.core().entries().stream().map(IndicatorDefinition::id).toList();
        assertThat(ids).containsExactly("inflow.year", "inflow.quarter", "inflow.window5", "inflow.window5_multiple", "inflow.ytd",
            "inflow.ytd_vs_last_year", "inflow.year_projection", "stock", "stock.share_entrepreneur", "ent.active", "ent.births", "ent.survival_1y",
            "ent.survival_3y", "ent.survival_5y", "ent.high_growth_rate", "ent.high_growth_turnover_rate",
            "ent.profitable_within_1y", "ent.profitable_within_3y", "ent.gazelles", "ent.gazelle_share", "ent.employees",
            "ent.revenue", "ent.tax_paid", "ent.patents_granted", "ent.funding_raised", "ent.revenue_growth_median",
            "ent.rd_intensity", "ent.patents_per_100_employees", "ent.high_tech_share", "ent.funded_share",
            "ent.local_employee_share", "ent.key_zone_share", "ent.priority_industry_share", "ent.international_share",
            "ent.overseas_revenue_share", "ent.markets_median", "fit.talent_share", "fit.talent_by_industry",
            "fit.firms_by_industry", "fit.gap", "promo.jobs_share", "promo.supported_share", "promo.supported_growth_difference",
            "survey.share", "data.rows_accepted", "data.rows_rejected",
            "data.unlinked_enterprises", "data.persons_without_moves");
        for (IndicatorDefinition d : Catalogue.core().entries()) {
            assertThat(d.titleZh()).as(d.id()).isNotBlank().isNotEqualTo(d.titleEn());
            assertThat(d.methodZh()).as(d.id()).isNotBlank();
            assertThat(d.methodEn()).as(d.id()).isNotBlank();
            assertThat(d.unit()).as(d.id()).isNotBlank();
            if (d.kind().enterprise() && !d.id().startsWith("promo.")) {
                assertThat(d.breakdowns()).as(d.id()).containsExactly("district", "industry_section", "zone");
            }
        }
        assertThat(Catalogue.core().find("ent.key_zone_share").orElseThrow().available()).isFalse();
        assertThat(Catalogue.core().find("stock").orElseThrow().breakdowns())
            .containsExactly("district", "country", "degree", "field", "gender", "age_band");
    }

    @Test
    void duplicateIdsAreRefused() {
        IndicatorDefinition d = Catalogue.core().entries().get(0);
        assertThatThrownBy(() -> Catalogue.core().with(List.of(d))).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("inflow.year");
    }

    /** How another package (ties) adds a returnee-only indicator: one entry, group "returnee" only. */
    @Test
    void aContributedReturneeOnlyIndicatorGetsOnlyTheReturneeGroup() {
        IndicatorDefinition extra = IndicatorDefinition.builder("test.returnee_only_share", Kind.ENT_SHARE)
            .title("测试", "Test").unit("share").method("测试。", "Test.")
            .groups(Groups.RETURNEE_ONLY).breakdowns(List.of("district"))
            .sql("SELECT a.eidx, CAST(a.t AS VARCHAR) AS period, CASE WHEN y.employees > 5 THEN 1 ELSE 0 END AS hit"
                + " FROM hg_active a JOIN hg_ey y ON y.eidx = a.eidx AND y.t = a.t")
            .build();
        try (Fixture f = new Fixture(dir)) {
            f.returneeFirm("r", "2015-01-01", null).year("r", 2020, "employees = 10");
            f.otherFirm("o", "2015-01-01", null).year("o", 2020, "employees = 10");
            RawResult r = new IndicatorEngine(Catalogue.core().with(List.of(extra))).run(f.store.connection(),
                IndicatorRequest.of(java.time.LocalDate.of(2020, 12, 31)).withOnly(Set.of("test.returnee_only_share")));
            assertThat(r.values()).extracting(IndicatorValue::group).containsOnly("returnee");
            assertThat(r.values()).extracting(IndicatorValue::breakdown).containsExactlyInAnyOrder("", "district");
            assertThat(Fixture.row(r.values(), "test.returnee_only_share", "2020", "returnee").denominator()).isEqualByComparingTo("1");
        }
    }

    @Test
    void unknownIdsAreAUsageError() {
        try (Fixture f = new Fixture(dir)) {
            assertThatThrownBy(() -> f.compute("2020-01-01", "stock", "no.such"))
                .isInstanceOf(HaiguiException.class).hasMessageContaining("unknown indicator no.such")
                .extracting(e -> ((HaiguiException) e).kind()).isEqualTo(HaiguiException.Kind.USAGE);
        }
    }

    @Test
    void emptyStoreGivesNoErrors() {
        try (Fixture f = new Fixture(dir)) {
            List<IndicatorValue> v = new IndicatorEngine(Catalogue.core()).run(f.store.connection(),
                IndicatorRequest.of(java.time.LocalDate.of(2021, 9, 30))).values();
            assertThat(Fixture.value(v, "stock", "", "")).isEqualByComparingTo("0");
            assertThat(Fixture.value(v, "data.rows_accepted", "", "")).isEqualByComparingTo("0");
            assertThat(Fixture.find(v, "data.rows_rejected", "", "", "table", "persons")).isPresent();
        }
    }
}
