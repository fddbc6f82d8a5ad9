package org.haigui.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.haigui.blueprint.Blueprint;
import org.haigui.blueprint.BlueprintReader;
import org.haigui.blueprint.Zone;
import org.junit.jupiter.api.Test;

/** Every zone spelling the generator writes for a key zone names that zone in Shanghai's shipped blueprint. */
class SynthZonesBlueprintTest {

    private final Blueprint shanghai = BlueprintReader.shanghai();

    /** The zone each generator spelling must match (the generator lists Songjiang New Town with G60, both Songjiang). */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        for (String s : new String[] {"Zhangjiang Science City", "张江科学城", "Zhangjiang Hi-Tech Park", "张江高科技园区", "Zhangjiang"}) {
            EXPECTED.put(s, "zhangjiang");
        }
        for (String s : new String[] {"Lingang Special Area", "临港新片区", "Lingang", "Lin-gang Special Area"}) {
            EXPECTED.put(s, "lingang");
        }
        for (String s : new String[] {"Caohejing Hi-tech Park", "漕河泾开发区", "Caohejing Hi-Tech Industrial Development Zone",
            "漕河泾新兴技术开发区", "Caohejing Pujiang Hi-tech Park"}) {
            EXPECTED.put(s, "caohejing");
        }
        for (String s : new String[] {"G60 Science and Technology Innovation Corridor", "G60科创走廊", "G60 Corridor"}) {
            EXPECTED.put(s, "g60");
        }
        EXPECTED.put("Songjiang New Town", "songjiang_new_town");
        EXPECTED.put("松江新城", "songjiang_new_town");
        EXPECTED.put("Jiading New Town", "jiading_new_town");
        EXPECTED.put("嘉定新城", "jiading_new_town");
        EXPECTED.put("Qingpu New Town", "qingpu_new_town");
        EXPECTED.put("青浦新城", "qingpu_new_town");
        EXPECTED.put("Fengxian New Town", "fengxian_new_town");
        EXPECTED.put("奉贤新城", "fengxian_new_town");
        EXPECTED.put("Oriental Beauty Valley", "fengxian_new_town");
        EXPECTED.put("Nanhui New Town", "nanhui_new_town");
        EXPECTED.put("南汇新城", "nanhui_new_town");
    }

    @Test
    void everyKeyZoneSpellingMatchesItsZone() {
        int key = 0;
        for (Ref.Zone z : Ref.ZONES) {
            if (!z.key()) {
                continue;
            }
            for (String spelling : z.spellings()) {
                key++;
                Optional<String> id = shanghai.zoneOf(spelling);
                assertThat(id).as(spelling).isPresent();
                assertThat(id).as(spelling).contains(EXPECTED.get(spelling));
                Zone zone = shanghai.zone(id.get()).orElseThrow();
                assertThat(zone.districts()).as(spelling + " is written for district " + z.district()).contains(z.district());
            }
        }
        assertThat(key).isEqualTo(30); // 28 distinct spellings; two Caohejing ones are written for both its districts
        assertThat(EXPECTED).hasSize(28);
    }

    @Test
    void theNonKeyZonesMatchNothing() {
        int n = 0;
        for (Ref.Zone z : Ref.ZONES) {
            if (!z.key()) {
                for (String spelling : z.spellings()) {
                    n++;
                    assertThat(shanghai.zoneOf(spelling)).as(spelling).isEmpty();
                }
            }
        }
        assertThat(n).isEqualTo(11);
    }
}
