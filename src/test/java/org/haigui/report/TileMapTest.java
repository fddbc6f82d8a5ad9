package org.haigui.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.haigui.blueprint.Blueprint;
import org.haigui.blueprint.BlueprintReader;
import org.haigui.blueprint.District;
import org.haigui.core.HaiguiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The district map of the report: the blueprints' tiles, the drawing, and the checks on a blueprint's tiles. */
class TileMapTest {

    @TempDir
    Path dir;

    @Test
    void theBuiltInCitiesPlaceEveryDistrictOnATileOfItsOwn() {
        for (Blueprint b : List.of(BlueprintReader.shanghai(), BlueprintReader.builtIn("shenzhen"))) {
            Set<String> tiles = new HashSet<>();
            for (District d : b.districts()) {
                assertThat(d.hasTile()).as(d.code()).isTrue();
                assertThat(tiles.add(d.col() + "," + d.row())).as("tile of %s", d.code()).isTrue();
            }
        }
    }

    @Test
    void theMapShowsEachDistrictItsValueAndWithheldOnesAsX() {
        Svg.Frame f = new Svg.Frame(Text.of("按区", "By district"), Text.of("单位：人", "Persons"), Text.of("来源", "Source"), "2021-12-31");
        List<Svg.Tile> tiles = List.of(
            new Svg.Tile(Text.of("黄浦区", "Huangpu"), new BigDecimal("13513"), 1, 0),
            new Svg.Tile(Text.of("浦东新区", "Pudong New Area"), new BigDecimal("49664"), 2, 0),
            new Svg.Tile(Text.of("崇明区", "Chongming"), null, 0, 1));
        String en = Svg.tileMap(Lang.EN, f, tiles, Doc.Style.COUNT, "Unknown: 12");
        assertThat(en).contains(">Huangpu<", ">13,513<", ">Pudong New Area<", ">49,664<", ">Chongming<", ">x<", ">Unknown: 12<",
            ">0-10,000<", ">40,000-50,000<");
        String zh = Svg.tileMap(Lang.ZH, f, tiles, Doc.Style.COUNT, "");
        assertThat(zh).contains(">黄浦区<", ">崇明区<", "不予公布");
        // the darkest class is the largest value's; the withheld tile is grey
        assertThat(en).contains("fill=\"#08519c\"", "fill=\"#eeeeee\"");
        assertThat(Svg.niceCeil(9932.8)).isEqualTo(10000);
        assertThat(Svg.niceCeil(0.3)).isEqualTo(0.5);
    }

    @Test
    void aBlueprintWithTilesForSomeDistrictsOnlyOrTwiceTheSameTileIsRefused() throws Exception {
        String head = "city: {id: x, name_zh: 某市, name_en: X}\n"
            + "plan: {name_zh: 规划, name_en: Plan, years: 2021-2025, source: s}\n"
            + "industries:\n  - {id: ic, name_zh: 集成电路, name_en: IC, tier: leading, codes: [C3973], fields: [\"06\"], source: s}\n"
            + "zones:\n  - {id: z, name_zh: 某园, name_en: Z, districts: [\"310101\"], source: s}\n";
        Path partial = Files.writeString(dir.resolve("partial.yaml"), head + "districts:\n"
            + "  - {code: \"310101\", name_zh: 甲区, name_en: A, tile: [0, 0]}\n"
            + "  - {code: \"310104\", name_zh: 乙区, name_en: B}\n");
        assertThatThrownBy(() -> BlueprintReader.read(partial)).isInstanceOf(HaiguiException.class)
            .hasMessageContaining("not for 310104");
        Path twice = Files.writeString(dir.resolve("twice.yaml"), head + "districts:\n"
            + "  - {code: \"310101\", name_zh: 甲区, name_en: A, tile: [0, 0]}\n"
            + "  - {code: \"310104\", name_zh: 乙区, name_en: B, tile: [0, 0]}\n");
        assertThatThrownBy(() -> BlueprintReader.read(twice)).isInstanceOf(HaiguiException.class)
            .hasMessageContaining("tile [0, 0] is already district 310101's")
            // a tile given twice is that error alone, not also "no tile" for the second district
            .hasMessageNotContaining("not for 310104");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), head + "districts:\n"
            + "  - {code: \"310101\", name_zh: 甲区, name_en: A, tile: [0, -1]}\n");
        assertThatThrownBy(() -> BlueprintReader.read(bad)).isInstanceOf(HaiguiException.class)
            .hasMessageContaining("tile must be [column, row]");
        Path none = Files.writeString(dir.resolve("none.yaml"), head + "districts:\n"
            + "  - {code: \"310101\", name_zh: 甲区, name_en: A}\n");
        assertThat(BlueprintReader.read(none).districts().get(0).hasTile()).isFalse();
    }
}
