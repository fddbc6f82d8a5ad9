package org.haigui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BlueprintCliTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static String fixture(String name) {
        try {
            return Path.of(BlueprintCliTest.class.getResource("/blueprint/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void checkAcceptsAGoodBlueprint() {
        Run r = run("blueprint", "check", fixture("valid.yaml"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("OK: ").contains("blueprint of 测试市 Test City")
            .contains("3 districts, 3 industries (leading 2, key 1), 2 zones");
    }

    @Test
    void checkAcceptsASurveyDefinition() {
        Run r = run("blueprint", "check", fixture("survey-valid.yaml"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("survey definition test_survey").contains("2 questions (1 multiple choice), 4 options");
    }

    @Test
    void checkRefusesABadFileWithExitCode2() {
        Run r = run("blueprint", "check", fixture("many-errors.yaml"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("6 errors").contains("many-errors.yaml:11: bad code 'Z99'");
        Run s = run("blueprint", "check", fixture("survey-bad-type.yaml"));
        assertThat(s.code()).isEqualTo(2);
        assertThat(s.err()).contains("survey-bad-type.yaml:4: bad type 'multi'");
        assertThat(run("blueprint", "check", "no/such/file.yaml").code()).isEqualTo(2);
        assertThat(run("blueprint", "check").code()).isEqualTo(2);
    }

    @Test
    void checkAcceptsTheBuiltIns() {
        assertThat(run("blueprint", "check", "shanghai").out())
            .contains("16 districts, 9 industries (leading 3, key 6), 9 zones");
        assertThat(run("blueprint", "check", "shenzhen").code()).isZero();
        assertThat(run("blueprint", "check", "entrepreneurs2021").out()).contains("6 questions");
    }

    @Test
    void showPrintsShanghaiByDefault() {
        Run r = run("blueprint", "show");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("上海 Shanghai")
            .contains("  tier leading\n    ic  集成电路  Integrated circuits\n      codes:      C3973, I6520, C3562, C3985")
            .contains("  caohejing  漕河泾新兴技术开发区  Caohejing Hi-tech Park\n      districts:  310104 徐汇区 Xuhui, 310112 闵行区 Minhang")
            .contains("漕河泾开发区");
        assertThat(r.out().indexOf("tier leading")).isLessThan(r.out().indexOf("tier key"));
    }

    @Test
    void showAFileOrASurvey() {
        assertThat(run("blueprint", "show", fixture("valid.json")).out()).contains("jsoncity").contains("未来科技城");
        assertThat(run("blueprint", "show", "entrepreneurs2021").out())
            .contains("main_difficulty  [single]").contains("market_access  市场准入  Market access");
    }
}
