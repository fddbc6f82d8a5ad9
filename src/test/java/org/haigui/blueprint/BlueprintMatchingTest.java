package org.haigui.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.haigui.core.NameNormalizer;
import org.junit.jupiter.api.Test;

class BlueprintMatchingTest {

    private final Blueprint b = BlueprintReader.read(BlueprintReaderTest.fixture("valid.yaml"));

    @Test
    void aLongerCodeUnderAPriorityPrefix() {
        // C3491 is a class prefix of industry ai; a register may be more precise than the plan
        assertThat(b.industriesOf("C3491")).extracting(Industry::id).containsExactly("ai");
        assertThat(b.industriesOf("I65130")).extracting(Industry::id).containsExactly("ai");
        assertThat(b.industriesOf(" C3976 ")).extracting(Industry::id).containsExactly("electronics");
        assertThat(b.isPriority("C3976")).isTrue();
        // a shorter code than the prefix is not under it
        assertThat(b.industriesOf("C397")).extracting(Industry::id).containsExactly("electronics");
        assertThat(b.industriesOf("I65")).isEmpty();
    }

    @Test
    void aCodeUnderTwoIndustries() {
        assertThat(b.industriesOf("C3973")).extracting(Industry::id).containsExactly("ic", "electronics");
        assertThat(b.industry("ic").orElseThrow().covers("C3973")).isTrue();
        assertThat(b.industry("electronics").orElseThrow().covers("C3973")).isTrue();
    }

    @Test
    void aCodeUnderNone() {
        assertThat(b.industriesOf("F5181")).isEmpty();
        assertThat(b.industriesOf(null)).isEmpty();
        assertThat(b.industriesOf("")).isEmpty();
        assertThat(b.isPriority("F5181")).isFalse();
    }

    @Test
    void aZoneByAnAliasInAnotherCaseAndInChinese() {
        assertThat(b.zoneOf("ZHANGJIANG HI-TECH PARK")).contains("zhangjiang");
        assertThat(b.zoneOf("zhangjiang hi tech park")).contains("zhangjiang");
        assertThat(b.zoneOf("  The Zhangjiang Science City ")).contains("zhangjiang");
        assertThat(b.zoneOf("张江")).contains("zhangjiang");
        assertThat(b.zoneOf("张江科学城")).contains("zhangjiang");
        assertThat(b.zoneOf("ｚｈａｎｇｊｉａｎｇ　Science City")).as("full-width, NFKC").contains("zhangjiang");
        assertThat(b.zoneOf("CAOHEJING HI-TECH PARK")).contains("caohejing");
        assertThat(b.zone("zhangjiang").orElseThrow().matches("Zhangjiang-Hi-Tech Park")).isTrue();
    }

    @Test
    void aZoneNameThatMatchesNothing() {
        assertThat(b.zoneOf("Zizhu Hi-tech Park")).isEmpty();
        assertThat(b.zoneOf("张江路")).isEmpty();
        assertThat(b.zoneOf("Zhangjiang Science")).isEmpty();
        assertThat(b.zoneOf(" -- ")).isEmpty();
        assertThat(b.zoneOf(null)).isEmpty();
    }

    @Test
    void zoneKeysAreTheInstitutionNormalisation() {
        assertThat(b.zoneKeys()).containsEntry(NameNormalizer.normalise("Zhangjiang Hi-Tech Park"), "zhangjiang")
            .containsEntry("张江", "zhangjiang")
            .containsEntry("caohejinghitechpark", "caohejing")
            .hasSize(6);
    }

    @Test
    void fieldsSupplyIndustries() {
        assertThat(b.industry("ic").orElseThrow().supplies("05")).isTrue();
        assertThat(b.industry("ai").orElseThrow().supplies("05")).isFalse();
        assertThat(b.industriesSuppliedBy("06")).extracting(Industry::id).containsExactly("ic", "electronics", "ai");
        assertThat(b.suppliesAny("09")).isFalse();
        assertThat(b.suppliesAny(null)).isFalse();
    }

    @Test
    void districts() {
        assertThat(b.isDistrict("310104")).isTrue();
        assertThat(b.isDistrict("310199")).isFalse();
        assertThat(b.isDistrict(null)).isFalse();
        assertThat(b.district("310115").orElseThrow().nameEn()).isEqualTo("Pudong New Area");
    }
}
