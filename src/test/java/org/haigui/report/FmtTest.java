package org.haigui.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.haigui.indicators.IndicatorValue;
import org.junit.jupiter.api.Test;

/**
 * The formatting and sentence-choice rules, under the test JVM's French locale and Latin-1 default encoding (see
 * haigui-app.pom.xml): nothing here may come out as {@code 22 164} or {@code 36,3 %}.
 */
class FmtTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void theTestsRunUnderAForeignLocale() {
        assertThat(Locale.getDefault().getLanguage()).isEqualTo("fr");
        assertThat(String.format("%,.1f", 22164.5)).isNotEqualTo("22,164.5");
    }

    @Test
    void countsHaveCommaSeparatorsInBothLanguagesInTables() {
        assertThat(Fmt.count(d("22164"))).isEqualTo("22,164");
        assertThat(Fmt.count(d("1234567.5"))).isEqualTo("1,234,568");
        assertThat(Fmt.count(d("999"))).isEqualTo("999");
        assertThat(Fmt.count(d("-1000"))).isEqualTo("-1,000");
        assertThat(Fmt.count(d("0"))).isEqualTo("0");
        assertThat(Fmt.grouped(d("1234.5678"), 2)).isEqualTo("1,234.57");
    }

    @Test
    void chineseSentencesCountInWanAndYiEnglishInFull() {
        assertThat(Fmt.countWords(Lang.EN, d("22164"))).isEqualTo("22,164");
        assertThat(Fmt.countWords(Lang.ZH, d("22164"))).isEqualTo("2.2万");
        assertThat(Fmt.countWords(Lang.ZH, d("9999"))).isEqualTo("9,999");
        assertThat(Fmt.countWords(Lang.ZH, d("10000"))).isEqualTo("1万");
        assertThat(Fmt.countWords(Lang.ZH, d("300000"))).isEqualTo("30万");
        assertThat(Fmt.countWords(Lang.ZH, d("123456789"))).isEqualTo("1.2亿");
        assertThat(Fmt.countWords(Lang.EN, d("123456789"))).isEqualTo("123,456,789");
    }

    @Test
    void percentagesHaveOneDecimalAndPointsASign() {
        assertThat(Fmt.percent(d("0.3634"))).isEqualTo("36.3%");
        assertThat(Fmt.percent(d("0.36350"))).isEqualTo("36.4%");
        assertThat(Fmt.percent(d("1"))).isEqualTo("100.0%");
        assertThat(Fmt.percent(d("0"))).isEqualTo("0.0%");
        assertThat(Fmt.points(d("0.042"))).isEqualTo("+4.2");
        assertThat(Fmt.points(d("-0.01"))).isEqualTo("-1.0");
        assertThat(Fmt.points(d("0"))).isEqualTo("0.0");
    }

    @Test
    void ratiosMoneyAndRoundedAbouts() {
        assertThat(Fmt.ratio(d("2.345"))).isEqualTo("2.35");
        assertThat(Fmt.decimal(d("12.345"))).isEqualTo("12.3");
        assertThat(Fmt.decimal(d("1.234"))).isEqualTo("1.23");
        assertThat(Fmt.money(Lang.EN, d("1234567890"))).isEqualTo("1,234.6");
        assertThat(Fmt.money(Lang.ZH, d("1234567890"))).isEqualTo("123,456.8");
        assertThat(Fmt.moneyUnit(Lang.EN)).isEqualTo("CNY million");
        assertThat(Fmt.moneyUnit(Lang.ZH)).isEqualTo("万元");
        assertThat(Fmt.about(Lang.EN, d("29213.4"))).isEqualTo("29,200");
        assertThat(Fmt.about(Lang.ZH, d("29213.4"))).isEqualTo("2.9万");
        assertThat(Fmt.about(Lang.EN, d("412.6"))).isEqualTo("413");
        assertThat(Fmt.cell(Lang.EN, Doc.Style.PERCENT, d("0.5"))).isEqualTo("50.0%");
        assertThat(Fmt.cell(Lang.EN, Doc.Style.YEAR_TEXT, d("2021"))).isEqualTo("2021");
    }

    @Test
    void theWordingOfAMultipleFollowsItsValue() {
        assertThat(Content.multiple(d("2.01"))).isEqualTo(Content.Multiple.MORE_THAN_DOUBLE);
        assertThat(Content.multiple(d("2.00"))).isEqualTo(Content.Multiple.MORE);
        assertThat(Content.multiple(d("1.11"))).isEqualTo(Content.Multiple.MORE);
        assertThat(Content.multiple(d("1.10"))).isEqualTo(Content.Multiple.ABOUT_EQUAL);
        assertThat(Content.multiple(d("1"))).isEqualTo(Content.Multiple.ABOUT_EQUAL);
        assertThat(Content.multiple(d("0.90"))).isEqualTo(Content.Multiple.ABOUT_EQUAL);
        assertThat(Content.multiple(d("0.89"))).isEqualTo(Content.Multiple.FEWER);
    }

    private static IndicatorValue diff(String low, String high, boolean suppressed) {
        return new IndicatorValue("ent.survival_3y", "2020", "difference", "", "", suppressed ? null : d("0.05"), null, null,
            low == null ? null : d(low), high == null ? null : d(high), suppressed);
    }

    @Test
    void aDifferenceIsHigherOrLowerOnlyWhenItsIntervalExcludesZero() {
        assertThat(Content.direction(diff("0.01", "0.09", false))).isEqualTo(Content.Direction.HIGHER);
        assertThat(Content.direction(diff("-0.09", "-0.01", false))).isEqualTo(Content.Direction.LOWER);
        assertThat(Content.direction(diff("-0.01", "0.09", false))).isEqualTo(Content.Direction.UNCLEAR);
        assertThat(Content.direction(diff("0", "0.09", false))).isEqualTo(Content.Direction.UNCLEAR);
        assertThat(Content.direction(diff(null, null, false))).isEqualTo(Content.Direction.UNCLEAR);
        assertThat(Content.direction(diff(null, null, true))).isEqualTo(Content.Direction.UNCLEAR);
        assertThat(Content.direction(null)).isEqualTo(Content.Direction.UNCLEAR);
    }
}
