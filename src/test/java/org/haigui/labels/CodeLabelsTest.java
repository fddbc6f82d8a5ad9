package org.haigui.labels;

import static org.assertj.core.api.Assertions.assertThat;

import org.haigui.blueprint.BlueprintReader;
import org.haigui.blueprint.SurveyReader;
import org.junit.jupiter.api.Test;

class CodeLabelsTest {

    private final CodeLabels labels = CodeLabels.of(BlueprintReader.shanghai(), SurveyReader.entrepreneurs2021());

    @Test
    void codesOfTheCityAndOfTheStandardsHaveNamesInBothLanguages() {
        assertThat(labels.category("district", "310104")).isEqualTo(new CodeLabels.Name("徐汇区", "Xuhui"));
        assertThat(labels.category("field", "04").zh()).isEqualTo("商业、管理与法律");
        assertThat(labels.category("industry_section", "I").en()).isEqualTo("I Information, software, IT services");
        assertThat(labels.category("degree", "doctorate")).isEqualTo(new CodeLabels.Name("博士", "Doctorate"));
        assertThat(labels.category("priority_industry", "ic").zh()).isEqualTo("集成电路");
        assertThat(labels.category("zone", "zhangjiang").zh()).contains("张江");
        assertThat(labels.category("age_band", "<30")).isEqualTo(new CodeLabels.Name("30岁以下", "under 30"));
        assertThat(labels.category("support_satisfaction", "1").en()).isEqualTo("Very dissatisfied");
        assertThat(labels.category("table", "persons").en()).isEqualTo("persons");
        assertThat(labels.category("district", "unknown")).isEqualTo(new CodeLabels.Name("未知", "Unknown"));
        assertThat(labels.group("returnee").zh()).isEqualTo("海归");
        assertThat(labels.breakdown("district").zh()).isEqualTo("区");
    }

    @Test
    void countriesComeFromTheJdkWithChineseOfficialUsageForTaiwanHongKongAndMacao() {
        assertThat(CodeLabels.country("US")).isEqualTo(new CodeLabels.Name("美国", "United States"));
        assertThat(CodeLabels.country("DE").zh()).isEqualTo("德国");
        assertThat(CodeLabels.country("BR").zh()).isEqualTo("巴西"); // not in any hand-made list
        assertThat(CodeLabels.country("TW")).isEqualTo(new CodeLabels.Name("中国台湾", "Taiwan, China"));
        assertThat(CodeLabels.country("HK").zh()).isEqualTo("中国香港");
        assertThat(labels.category("country", "MO").zh()).isEqualTo("中国澳门");
    }

    @Test
    void anUnknownCodeIsItsOwnLabelNeverEmpty() {
        assertThat(labels.category("district", "999999")).isEqualTo(new CodeLabels.Name("999999", "999999"));
        assertThat(labels.category("country", "ZZ")).isEqualTo(new CodeLabels.Name("ZZ", "ZZ"));
        assertThat(labels.category("nonsense", "x")).isEqualTo(new CodeLabels.Name("x", "x"));
        assertThat(CodeLabels.of(null, null).category("district", "310104")).isEqualTo(new CodeLabels.Name("310104", "310104"));
    }
}
