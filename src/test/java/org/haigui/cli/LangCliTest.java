package org.haigui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.haigui.cli.AnalystTrapsTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --lang zh|en} on the commands that print summaries, on a small store: the headings and summaries in the
 * language asked for, and without {@code --lang} in the system's (the tests run under a French locale: English).
 * Error messages stay in both languages whatever the choice.
 */
class LangCliTest {

    @TempDir
    static Path tmp;

    static Path db;

    @BeforeAll
    static void store() throws Exception {
        assertThat(Locale.getDefault().getLanguage()).as("the tests run under a French locale (pom.xml)").isEqualTo("fr");
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("persons.csv"), AnalystTrapsTest.PERSONS_HEADER + "P1," + AnalystTrapsTest.ID1
            + ",张三,Zhang San,M,,master,06\nP2," + AnalystTrapsTest.ID2 + ",李四,,,,doctorate,05\nP3,,王五,,,,bachelor,05\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("overseas_episodes.csv"), "episode_id,person_id,kind,institution,country,start_date,end_date,degree\n"
            + "E1,P1,study,MIT,US,2012-09,2014-06,master\nE2,P2,work,Acme Widgets Oceania,US,2010,2013-05,\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("city_moves.csv"), "move_id,person_id,date,event,district\nM1,P1,2014-07-01,arrive,310104\n"
            + "M2,P2,2013-06-01,arrive,310115\n", StandardCharsets.UTF_8);
        db = tmp.resolve("city.duckdb");
        Run r = AnalystTrapsTest.run("import", in.toString(), "--db", db.toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        Files.writeString(tmp.resolve("del.csv"), "person_id\nP3\n", StandardCharsets.UTF_8);
    }

    private static Run run(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--db";
        all[args.length + 1] = db.toString();
        Run r = AnalystTrapsTest.run(all);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
        return r;
    }

    private static boolean hasChinese(String s) {
        return s.codePoints().anyMatch(Character::isIdeographic);
    }

    @Test
    void aDeletionItsBatchesAndHistoryInEitherLanguage() {
        Run zh = run("delete", "persons", tmp.resolve("del.csv").toString(), "--lang", "zh");
        assertThat(zh.out()).contains("人员 persons", "行已删除").doesNotContain("deleted", "puts them back");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("批次 (\\d+)（").matcher(zh.out());
        assertThat(m.find()).as(zh.out()).isTrue();
        String b = m.group(1);

        Run listEn = run("batches", "--lang", "en");
        Run listDefault = run("batches");
        Run listZh = run("batches", "--lang", "zh");
        assertThat(listEn.out()).startsWith("batch  kind").contains("inserted", "delete", "import").satisfies(s -> assertThat(
            hasChinese(s.lines().findFirst().orElseThrow())).isFalse());
        assertThat(listDefault.out()).isEqualTo(listEn.out());
        assertThat(listZh.out()).contains("批次", "类型", "新增", "导入", "删除").doesNotContain("inserted", "import ");
        // the same batch lines in both: the one batch of 'show' is the list's line
        String line2En = listEn.out().lines().filter(l -> l.trim().startsWith(b + " ")).findFirst().orElseThrow();
        assertThat(run("batches", "show", b, "--lang", "en").out()).contains(line2En).contains("1 record deleted:", "no rejected rows");
        String line2Zh = listZh.out().lines().filter(l -> l.trim().startsWith(b + " ")).findFirst().orElseThrow();
        assertThat(run("batches", "show", b, "--lang", "zh").out()).contains(line2Zh).contains("删除的记录（1 条）：", "没有被拒绝的行");

        assertThat(run("history", "P3", "--lang", "zh").out()).contains("批次 1（导入）", "：新增", "批次 " + b + "（删除）", "：删除")
            .doesNotContain("inserted");
        assertThat(run("history", "P3").out()).contains("batch 1 (import)", "inserted", "batch " + b + " (delete)", "deleted");

        Run undo = run("batches", "undo", b, "--lang", "zh");
        assertThat(undo.out()).contains("已撤销批次 " + b, "恢复 1 行");
        // an error stays bilingual, whatever --lang
        Run again = AnalystTrapsTest.run("batches", "undo", b, "--lang", "en", "--db", db.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(hasChinese(again.err())).isTrue();
    }

    @Test
    void institutionsBlueprintIndicatorsAndTemplatesInEitherLanguage() throws Exception {
        Run en = run("institutions", "unmatched");
        assertThat(en.out()).contains("episodes  institution name as written", "Acme Widgets Oceania");
        assertThat(hasChinese(en.out())).isFalse();
        assertThat(run("institutions", "unmatched", "--lang", "zh").out()).contains("未匹配的机构名称", "相似度", "Acme Widgets Oceania")
            .doesNotContain("episodes");

        Run bpEn = AnalystTrapsTest.run("blueprint", "show", "--lang", "en");
        assertThat(bpEn.out()).contains("priority industries (9)", "key zones (9)", "      codes:      ").doesNotContain("重点产业（");
        Run bpZh = AnalystTrapsTest.run("blueprint", "show", "--lang", "zh");
        assertThat(bpZh.out()).contains("重点产业（9）", "重点区域（9）", "      行业代码：  ").doesNotContain("priority industries");
        // the blueprint's own names stay in both languages: they are its content
        assertThat(bpZh.out()).contains("集成电路  Integrated circuits");
        assertThat(AnalystTrapsTest.run("blueprint", "check", "shanghai", "--lang", "zh").out()).startsWith("OK：").contains("区县 16 个");

        Run indZh = run("indicators", "--only", "stock", "--publish", "--lang", "zh");
        assertThat(indZh.err()).contains("披露控制：").doesNotContain("disclosure control:");
        assertThat(indZh.out()).contains("indicator,period", "stock");
        Run indEn = run("indicators", "--only", "stock", "--publish");
        assertThat(indEn.err()).contains("disclosure control:").doesNotContain("披露控制");
        // the figures do not depend on the language of the summary
        assertThat(indZh.out()).isEqualTo(indEn.out());

        Run tplZh = AnalystTrapsTest.run("schema", "--templates", tmp.resolve("tpl").toString(), "--lang", "zh");
        assertThat(tplZh.out()).contains("个模板文件到", "haigui import");
        Run docsEn = AnalystTrapsTest.run("docs", "--out", Files.createDirectories(tmp.resolve("docs")).toString(), "--lang", "en");
        assertThat(docsEn.code()).as(docsEn.err()).isZero();
        assertThat(docsEn.out()).contains("2 documents (import format, indicator catalogue) written to");
        assertThat(hasChinese(docsEn.out())).isFalse();

        Run rep = run("report", "--lang", "zh", "--out", tmp.resolve("rep").toString());
        assertThat(rep.out()).startsWith("报告：用时").contains("截至 2014-07-01", "report.html", "tables.xlsx").doesNotContain("report: ");
        Run exp = run("export", "--out", tmp.resolve("parquet").toString(), "--lang", "zh");
        assertThat(exp.err()).contains("已导出", "张表").doesNotContain("tables, ");

        Run syn = AnalystTrapsTest.run("synth", "--out", tmp.resolve("syn").toString(), "--persons", "50", "--lang", "zh");
        assertThat(syn.out()).contains("人员 persons", "合计", "行，用时", "已写入").doesNotContain("rows/s");

        Run bad = AnalystTrapsTest.run("batches", "--lang", "fr", "--db", db.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--lang must be zh or en", "取值为");
    }
}
