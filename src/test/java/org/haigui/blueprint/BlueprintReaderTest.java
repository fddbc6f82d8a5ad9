package org.haigui.blueprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.haigui.core.HaiguiException;
import org.junit.jupiter.api.Test;

class BlueprintReaderTest {

    static Path fixture(String name) {
        try {
            return Path.of(BlueprintReaderTest.class.getResource("/blueprint/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The message of the INPUT error a fixture is refused with. */
    static String refused(String name) {
        Path p = fixture(name);
        try {
            BlueprintReader.read(p);
        } catch (HaiguiException e) {
            assertThat(e.kind()).isEqualTo(HaiguiException.Kind.INPUT);
            assertThat(e.getMessage()).contains(p.toString());
            return e.getMessage().replace(p.toString(), name);
        }
        throw new AssertionError(name + " was accepted");
    }

    @Test
    void readsAValidBlueprint() {
        Blueprint b = BlueprintReader.read(fixture("valid.yaml"));
        assertThat(b.city()).isEqualTo(new Blueprint.City("testcity", "测试市", "Test City"));
        assertThat(b.plan().years()).isEqualTo("2021-2025");
        assertThat(b.districts()).extracting(District::code).containsExactly("310104", "310112", "310115");
        assertThat(b.industries()).extracting(Industry::id).containsExactly("ic", "electronics", "ai");
        assertThat(b.tiers()).containsExactly("leading", "key");
        assertThat(b.industriesOfTier("leading")).extracting(Industry::id).containsExactly("ic", "ai");
        Industry ic = b.industry("ic").orElseThrow();
        assertThat(ic.codes()).containsExactly("C3973", "I6520");
        assertThat(ic.fields()).containsExactly("05", "06", "07");
        assertThat(ic.source()).isEqualTo("test: IC manufacturing and design");
        assertThat(b.zones()).extracting(Zone::id).containsExactly("zhangjiang", "caohejing");
        assertThat(b.zone("caohejing").orElseThrow().aliases()).isEmpty();
        assertThat(b.zone("caohejing").orElseThrow().districts()).containsExactly("310104", "310112");
    }

    @Test
    void readsJson() {
        Blueprint b = BlueprintReader.read(fixture("valid.json"));
        assertThat(b.city().id()).isEqualTo("jsoncity");
        assertThat(b.industriesOf("I6513")).extracting(Industry::id).containsExactly("digital");
        assertThat(b.zoneOf("未来科技城")).contains("future_sci_tech_city");
    }

    @Test
    void readsJsonIndentedWithTabs() throws Exception {
        String json = java.nio.file.Files.readString(fixture("valid.json"), java.nio.charset.StandardCharsets.UTF_8)
            .replace("  ", "\t");
        assertThat(BlueprintReader.parse("tabs.json", json).zones()).hasSize(1);
    }

    @Test
    void unknownKeyAnywhereIsRefusedWithItsLine() {
        assertThat(refused("unknown-key.yaml"))
            .contains("unknown-key.yaml:9: unknown key 'nmae_en' in industry #1 (did you mean 'name_en'?)")
            .contains("unknown-key.yaml:7: missing key 'name_en' in industry #1");
        assertThat(refused("unknown-top-key.yaml"))
            .contains("unknown-top-key.yaml:14: unknown key 'zone' in the blueprint (did you mean 'zones'?)")
            .contains("missing key 'zones' in the blueprint");
        assertThat(refused("unknown-key-district.yaml"))
            .contains("unknown-key-district.yaml:4: unknown key 'name_cn' in a district (did you mean 'name_zh'?)");
    }

    @Test
    void missingRequiredKey() {
        assertThat(refused("missing-key.yaml")).isEqualTo("missing-key.yaml:7: missing key 'source' in industry #1");
    }

    @Test
    void badCodePrefixes() {
        String m = refused("bad-code.yaml");
        assertThat(m).contains("bad-code.yaml: 4 errors in this blueprint:")
            .contains("bad-code.yaml:13: bad code 'c3974' in industry 'ic'")
            .contains("bad-code.yaml:14: bad code 'U12'")
            .contains("bad-code.yaml:15: bad code 'C12345'")
            .contains("bad-code.yaml:16: bad code '39'")
            .contains("a section letter A-T and 0-4 digits")
            .doesNotContain("'C3973'");
    }

    @Test
    void badFields() {
        String m = refused("bad-field.yaml");
        assertThat(m).contains("bad-field.yaml:14: bad field '11'")
            .contains("bad-field.yaml:15: bad field '6'")
            .contains("bad-field.yaml:16: bad field 'ICT'")
            .doesNotContain("'06'");
    }

    @Test
    void duplicateIdsAndKeys() {
        assertThat(refused("duplicate-id.yaml")).isEqualTo("duplicate-id.yaml:14: duplicate industry id 'ic' (first at line 7)");
        assertThat(refused("duplicate-key.yaml"))
            .contains("duplicate-key.yaml:9: duplicate key 'name_zh' in industry #1 (first at line 8)")
            .contains("missing key 'name_en'");
    }

    @Test
    void zoneDistrictMustBeADistrict() {
        assertThat(refused("zone-district.yaml"))
            .isEqualTo("zone-district.yaml:19: district 310199 of zone 'zhangjiang' is not one of the blueprint's districts");
    }

    @Test
    void aZoneNameMayNameOneZoneOnly() {
        assertThat(refused("zone-name-twice.yaml"))
            .startsWith("zone-name-twice.yaml:24: zone name 'ZHANGJIANG science-city' of zone 'zhangjiang_park' also names zone 'zhangjiang' (line 15)");
    }

    @Test
    void atLeastOneIndustry() {
        assertThat(refused("no-industry.yaml")).isEqualTo("no-industry.yaml:6: industries must list at least one priority industry");
    }

    @Test
    void syntaxErrorNamesItsLine() {
        assertThat(refused("syntax-error.yaml")).matches("(?s)syntax-error\\.yaml:1[1-4]: YAML syntax error: .*");
    }

    @Test
    void wrongType() {
        assertThat(refused("wrong-type.yaml"))
            .isEqualTo("wrong-type.yaml:11: 'codes' of industry 'ic' must be a list, not the text 'C3973'");
    }

    @Test
    void collectsEveryErrorOfAFile() {
        String m = refused("many-errors.yaml");
        assertThat(m.lines().toList()).containsExactly(
            "many-errors.yaml: 6 errors in this blueprint:",
            "many-errors.yaml:4: district code '31010' must be a six-digit GB/T 2260 code (310101)",
            "many-errors.yaml:10: unknown key 'teir' in industry #1 (did you mean 'tier'?); allowed: id, name_zh, name_en, tier, codes, fields, source",
            "many-errors.yaml:7: missing key 'tier' in industry #1",
            "many-errors.yaml:11: bad code 'Z99' in industry 'ic': must be a GB/T 4754-2017 code prefix: a section letter A-T and 0-4 digits (C3973, I65)",
            "many-errors.yaml:12: bad field '12' in industry 'ic': must be an ISCED-F 2013 broad field \"00\"-\"10\" (two digits)",
            "many-errors.yaml:19: district 310104 of zone 'zhangjiang' is not one of the blueprint's districts");
    }

    @Test
    void notUtf8AndEmpty() {
        assertThat(refused("not-utf8.yaml")).contains("not-utf8.yaml: not UTF-8 text");
        assertThat(refused("empty.yaml")).isEqualTo("empty.yaml:1: the file is empty");
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> BlueprintReader.read(Path.of("no/such/blueprint.yaml")))
            .isInstanceOfSatisfying(HaiguiException.class, e -> assertThat(e.kind()).isEqualTo(HaiguiException.Kind.INPUT))
            .hasMessageContaining("no such file");
    }

    @Test
    void textNotAMapping() {
        assertThatThrownBy(() -> BlueprintReader.parse("x.yaml", "- just\n- a list\n"))
            .hasMessage("x.yaml:1: the blueprint must be a mapping of keys to values, not a list");
    }

    @Test
    void shippedBlueprintsLoad() {
        for (String name : BlueprintReader.BUILT_IN) {
            Blueprint b = BlueprintReader.builtIn(name);
            assertThat(b.city().id()).isEqualTo(name);
            assertThat(b.industries()).isNotEmpty();
            assertThat(b.zones()).isNotEmpty();
            assertThat(b.industries()).allSatisfy(i -> assertThat(i.source()).isNotBlank());
        }
        assertThatThrownBy(() -> BlueprintReader.builtIn("atlantis")).hasMessageContaining("shanghai, shenzhen");
    }

    @Test
    void shanghaiIsThePlan() {
        Blueprint b = BlueprintReader.shanghai();
        assertThat(b.districts()).hasSize(16);
        assertThat(b.isDistrict("310115")).isTrue();
        assertThat(b.isDistrict("310102")).as("abolished Nanshi").isFalse();
        assertThat(b.tiers()).containsExactly("leading", "key");
        assertThat(b.industriesOfTier("leading")).extracting(Industry::id).containsExactly("ic", "biomed", "ai");
        assertThat(b.industriesOfTier("key")).extracting(Industry::id)
            .containsExactly("electronics", "health", "auto", "equipment", "materials", "fashion");
        assertThat(b.zones()).extracting(Zone::id).containsExactly("zhangjiang", "lingang", "caohejing", "g60",
            "jiading_new_town", "qingpu_new_town", "songjiang_new_town", "fengxian_new_town", "nanhui_new_town");
        assertThat(b.zone("caohejing").orElseThrow().districts()).containsExactly("310104", "310112");
        assertThat(b.zoneOf("张江高科技园区")).contains("zhangjiang");
        assertThat(b.zoneOf("漕河泾开发区")).contains("caohejing");
        assertThat(b.zoneOf("临港新片区")).contains("lingang");
        assertThat(b.zoneOf("G60科创走廊")).contains("g60");
        assertThat(b.zoneOf("Zhangjiang Hi-Tech Park")).contains("zhangjiang");
        assertThat(b.industriesOf("C3973")).extracting(Industry::id).containsExactly("ic", "electronics");
        assertThat(b.industriesOf("C2762")).extracting(Industry::id).containsExactly("biomed", "health");
        assertThat(b.industriesOf("K7020")).isEmpty();
        assertThat(List.of(BlueprintReader.builtIn("shenzhen").city().nameEn())).containsExactly("Shenzhen");
    }
}
