package org.haigui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.haigui.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** batches, batches show/undo, delete and history through the command line, on a real DuckDB file. */
class BatchesCliTest {

    private static final String EPISODES = "episode_id,person_id,kind,institution,country,start_date,end_date,degree\n";

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db");
        all.add(tmp.resolve("store.duckdb").toString());
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private Path write(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    /** persons as stored: person_id|name_en|highest_degree|batch_id, sorted. */
    private List<String> persons() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Store s = Store.openReadOnly(tmp.resolve("store.duckdb")); Statement st = s.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT person_id, name_en, highest_degree, batch_id FROM persons ORDER BY 1")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getLong(4));
            }
        }
        return rows;
    }

    private long count(String table) throws Exception {
        try (Store s = Store.openReadOnly(tmp.resolve("store.duckdb")); Statement st = s.connection().createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void listShowUndoOfInsertAndUpdateRestoresExactValues() throws Exception {
        write("a/persons.csv", "person_id,name_en,highest_degree\nP1,Zhang San,master\nP2,Li Si,bachelor\n");
        assertThat(cli("import", tmp.resolve("a").toString()).code()).isZero();
        List<String> after1 = persons();
        // batch 2: updates P1, inserts P3, rejects a row
        write("b/persons.csv", "person_id,name_en,highest_degree\nP1,Zhang San,doctorate\nP3,Wang Wu,master\nP4,Zhao,nonsense\n");
        Run imp = cli("import", tmp.resolve("b").toString());
        assertThat(imp.code()).as(imp.out() + imp.err()).isEqualTo(1);
        // re-importing identical files records nothing
        Run again = cli("import", tmp.resolve("a").toString());
        assertThat(again.code()).isZero();

        Run list = cli("batches", "--json");
        assertThat(list.code()).as(list.err()).isZero();
        JsonNode arr = new ObjectMapper().readTree(list.out());
        assertThat(arr).hasSize(3);
        assertThat(arr.get(1).get("id").asLong()).isEqualTo(2);
        assertThat(arr.get(1).get("file").asText()).endsWith("persons.csv");
        assertThat(arr.get(1).get("rows").asLong()).isEqualTo(3);
        assertThat(arr.get(1).get("inserted").asLong()).isEqualTo(1);
        assertThat(arr.get(1).get("updated").asLong()).isEqualTo(1);
        assertThat(arr.get(1).get("rejected").asLong()).isEqualTo(1);
        assertThat(arr.get(1).get("undone").asBoolean()).isFalse();
        assertThat(arr.get(1).has("time")).isTrue();
        // the third batch (the identical re-import of a/persons.csv... in fact P1 differs now: it puts master back)
        Run text = cli("batches");
        assertThat(text.out()).contains("batch", "persons.csv", "import");

        Path xlsx = tmp.resolve("rej.xlsx");
        Run show = cli("batches", "show", "2", "--xlsx", xlsx.toString());
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).contains("highest_degree", "nonsense", "rejected rows");
        assertThat(Files.size(xlsx)).isPositive();
        Run again2 = cli("batches", "show", "2", "--xlsx", xlsx.toString());
        assertThat(again2.code()).isEqualTo(2);
        assertThat(again2.err()).contains("--force");
        assertThat(cli("batches", "show", "2", "--xlsx", xlsx.toString(), "--force").code()).isZero();
        assertThat(cli("batches", "show", "99").code()).isEqualTo(4);

        // batch 3 (re-import of a) changed P1 again: undo of 2 is refused, naming batch 3 and the row
        Run refused = cli("batches", "undo", "2");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("batch 3", "persons P1", "--cascade");
        // undo 3 then 2: back to the state after batch 1, values and batch ids exactly
        assertThat(cli("batches", "undo", "3").code()).isZero();
        Run undo = cli("batches", "undo", "2");
        assertThat(undo.code()).as(undo.err()).isZero();
        assertThat(persons()).isEqualTo(after1);
        Run listed = cli("batches", "--json");
        JsonNode arr2 = new ObjectMapper().readTree(listed.out());
        assertThat(arr2.get(1).get("undone").asBoolean()).isTrue();
        assertThat(arr2.get(2).get("undone").asBoolean()).isTrue();
        assertThat(cli("batches", "undo", "2").err()).contains("already undone");

        // history: inserted in 1, updated in 2 (master -> doctorate), updated back in 3, the undos
        Run h = cli("history", "P1");
        assertThat(h.code()).as(h.err()).isZero();
        assertThat(h.out()).contains("persons P1: batch 1 (import)", "inserted", "highest_degree: master -> doctorate",
            "[undone", "undone (batch 2)");
        assertThat(cli("history", "NOPE").code()).isEqualTo(4);
    }

    @Test
    void cascadeUndoesLaterBatchesNewestFirst() throws Exception {
        write("a/persons.csv", "person_id,name_en\nP1,Zhang San\n");
        assertThat(cli("import", tmp.resolve("a").toString()).code()).isZero();
        write("b/persons.csv", "person_id,name_en\nP2,Li Si\n");
        write("b/overseas_episodes.csv", EPISODES + "E1,P2,study,MIT,US,2012-09,2014-06,master\n");
        assertThat(cli("import", tmp.resolve("b").toString()).code()).isZero();
        // batch 2 inserted P2; batch 3 holds an episode referring to P2
        Run refused = cli("batches", "undo", "2");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("batch 3", "overseas_episodes E1", "refer");
        assertThat(count("overseas_episodes")).isEqualTo(1);
        Run cascade = cli("batches", "undo", "2", "--cascade");
        assertThat(cascade.code()).as(cascade.err()).isZero();
        assertThat(cascade.out()).contains("undone batch 3", "undone batch 2");
        assertThat(cascade.out().indexOf("undone batch 3")).isLessThan(cascade.out().indexOf("undone batch 2"));
        assertThat(persons()).containsExactly("P1|Zhang San|null|1");
        assertThat(count("overseas_episodes")).isZero();
    }

    @Test
    void deleteChecksReferencesKeepsTombstonesAndIsUndoable() throws Exception {
        write("a/persons.csv", "person_id,name_en\nP1,Zhang San\nP2,Li Si\nP3,Wang Wu\n");
        write("a/overseas_episodes.csv", EPISODES + "E1,P1,study,MIT,US,2012-09,2014-06,master\n");
        assertThat(cli("import", tmp.resolve("a").toString()).code()).isZero();
        List<String> before = persons();

        Path del = write("del.csv", "人员编号\nP1\nP2\n");
        Run refused = cli("delete", "persons", del.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("overseas_episodes", "E1", "--cascade");
        assertThat(count("persons")).isEqualTo(3);
        Run missing = cli("delete", "persons", write("miss.csv", "person_id\nP9\n").toString());
        assertThat(missing.code()).isEqualTo(4);
        assertThat(missing.err()).contains("P9");

        Run ok = cli("delete", "persons", del.toString(), "--cascade");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("persons", "overseas_episodes", "batch 3");
        assertThat(persons()).containsExactly("P3|Wang Wu|null|1");
        assertThat(count("overseas_episodes")).isZero();

        // re-importing the old file: the deleted rows are rejected into the quarantine, naming the batch
        Run re = cli("import", tmp.resolve("a/persons.csv").toString());
        assertThat(re.code()).isEqualTo(1);
        assertThat(persons()).containsExactly("P3|Wang Wu|null|1");
        Run show = cli("batches", "show", "4");
        assertThat(show.out()).contains("deleted in batch 3", "--revive", "batches undo 3");
        assertThat(cli("history", "P1").out()).contains("deleted");

        // undo of the deletion puts the rows back exactly (persons and the episode)
        Run undo = cli("batches", "undo", "3");
        assertThat(undo.code()).as(undo.err()).isZero();
        assertThat(persons()).isEqualTo(before);
        assertThat(count("overseas_episodes")).isEqualTo(1);
        assertThat(count("tombstones")).isZero();

        // deleted again, then brought back by an import with --revive
        assertThat(cli("delete", "persons", write("del3.csv", "person_id\nP3\n").toString()).code()).isZero();
        Run revive = cli("import", tmp.resolve("a/persons.csv").toString(), "--revive");
        assertThat(revive.code()).as(revive.out() + revive.err()).isZero();
        assertThat(persons()).extracting(s -> s.split("\\|")[0]).containsExactly("P1", "P2", "P3");
    }

    @Test
    void showOfADeletionListsTheKeysItDeletedInTextAndWorkbook() throws Exception {
        write("a/persons.csv", "person_id,name_en\nP1,Zhang San\nP2,Li Si\nP3,Wang Wu\n");
        write("a/overseas_episodes.csv", EPISODES + "E1,P1,study,MIT,US,2012-09,2014-06,master\nE2,P3,study,MIT,US,2012-09,2014-06,master\n");
        assertThat(cli("import", tmp.resolve("a").toString()).code()).isZero();
        Run del = cli("delete", "persons", write("del.csv", "person_id\nP2\nP1\n").toString(), "--cascade");
        assertThat(del.code()).as(del.err()).isZero();
        long batch = new ObjectMapper().readTree(cli("batches", "--json").out()).get(2).get("id").asLong();

        Run show = cli("batches", "show", Long.toString(batch), "--lang", "en");
        assertThat(show.code()).as(show.err()).isZero();
        List<String> lines = show.out().lines().toList();
        int at = lines.indexOf("3 records deleted:");
        assertThat(at).as(show.out()).isPositive();
        // the keys, table by table in schema order, sorted; the cascaded episode too; nothing that was not deleted
        assertThat(lines.subList(at + 1, lines.size()).stream().map(x -> x.trim().replaceAll("\\s+", " ")).toList())
            .containsExactly("persons P1", "persons P2", "overseas_episodes E1");
        assertThat(show.out()).doesNotContain("P3").doesNotContain("E2").contains("delete", "no rejected rows");

        Path xlsx = tmp.resolve("deleted.xlsx");
        assertThat(cli("batches", "show", Long.toString(batch), "--xlsx", xlsx.toString()).code()).isZero();
        List<String> sheet = new ArrayList<>();
        try (org.haigui.ingest.xlsx.XlsxWorkbook wb = org.haigui.ingest.xlsx.XlsxWorkbook.open(xlsx);
             org.haigui.ingest.xlsx.XlsxSheetReader r = wb.sheet("deleted")) {
            for (org.haigui.ingest.xlsx.XlsxRow row = r.next(); row != null; row = r.next()) {
                sheet.add(row.cell(0).text() + "|" + row.cell(1).text());
            }
        }
        assertThat(sheet).containsExactly("表 table|主键 key", "persons|P1", "persons|P2", "overseas_episodes|E1");

        // in Chinese: the same batch line and keys, Chinese headings and kinds
        Run zh = cli("batches", "show", Long.toString(batch), "--lang", "zh");
        assertThat(zh.out()).contains("批次", "删除", "删除的记录（3 条）：", "人员 persons", "P1", "E1", "没有被拒绝的行")
            .doesNotContain("rejected rows", "records deleted");
        // an import batch lists no deleted keys; after the undo of the deletion, its keys are still what it deleted
        assertThat(cli("batches", "show", "1").out()).doesNotContain("records deleted");
        assertThat(cli("batches", "undo", Long.toString(batch)).code()).isZero();
        assertThat(cli("batches", "show", Long.toString(batch)).out()).contains("3 records deleted:", "undone");
    }

    @Test
    void deleteFromAWorkbookWithChineseHeadersAndHistoryOfACompositeKey() throws Exception {
        write("a/enterprises.csv", "enterprise_id,name_zh,founded_date,district,industry\nE1,甲,2010-01-01,310115,C3976\n");
        write("a/enterprise_years.csv", "enterprise_id,year,employees\nE1,2019,10\nE1,2020,12\n");
        assertThat(cli("import", tmp.resolve("a").toString()).code()).isZero();
        write("b/enterprise_years.csv", "enterprise_id,year,employees\nE1,2020,15\n");
        assertThat(cli("import", tmp.resolve("b").toString()).code()).isZero();
        Path book = tmp.resolve("del.xlsx");
        try (java.io.OutputStream os = Files.newOutputStream(book)) {
            org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(os, "test", "1.0");
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("企业年度数据");
            ws.value(0, 0, "企业编号");
            ws.value(0, 1, "年度");
            ws.value(1, 0, "E1");
            ws.value(1, 1, 2019);
            wb.finish();
        }
        Run del = cli("delete", "企业年度数据", book.toString());
        assertThat(del.code()).as(del.err()).isZero();
        assertThat(count("enterprise_years")).isEqualTo(1);
        // deleting an enterprise with years is refused, naming the table and rows
        Run refused = cli("delete", "enterprises", write("e.csv", "enterprise_id\nE1\n").toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("enterprise_years", "E1|2020");

        Run h = cli("history", "E1|2020");
        assertThat(h.code()).as(h.err()).isZero();
        assertThat(h.out()).contains("enterprise_years E1|2020: batch 2 (import)", "inserted", "employees: 12 -> 15");
        Run all = cli("history", "E1", "--table", "enterprise_years");
        assertThat(all.out()).contains("enterprise_years E1|2019", "deleted", "enterprise_years E1|2020").doesNotContain("enterprises E1");
        assertThat(cli("history", "E1").out()).contains("enterprises E1: batch 1 (import)");
        // an identity number is never a key
        assertThat(cli("history", "11010519491231002X").code()).isEqualTo(2);
    }
}
