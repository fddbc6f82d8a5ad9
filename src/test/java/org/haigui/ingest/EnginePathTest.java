package org.haigui.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.haigui.cli.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's path of the import ({@link EngineStaging}: DuckDB's CSV reader and the row rules as
 * SQL) against the row checker's ({@link RowValidator} on every row): the same files give the same
 * exit code, summary, rejected rows, quarantine and stored rows, on every edge of the rules, on files
 * that are not plain (which must take the Java path), and on a damaged synthetic city.
 */
class EnginePathTest {

    @TempDir
    Path tmp;

    @AfterEach
    void restore() {
        EngineStaging.enabled = true;
        EngineStaging.refuseForTests = false;
        EngineStaging.earlyForTests = false;
        EngineRules.useFacts = true;
        EngineStaging.smallBuffersForTests = 0;
        IdColumn.SPLIT = 4 << 20;
        CsvScan.SPLIT = 4 << 20;
        CrossRowChecks.skipProvenForTests = true;
    }

    private static final Map<String, String> EDGES = Map.of(
        "persons.csv", "person_id,name_zh,name_en,gender,birth_date,highest_degree,field\n"
            + "P1,张三,,M,1990-05-01,master,04\n"
            + "P2,李四,Li Si,男,1990-05,硕士,4\n"
            + "P3, 王五 ,,f,1990,PHD,10\n"
            + "P4,赵六,,M,1990-02-30,master,04\n"
            + "P5,'=SUM(A1),,M,,,\n"
            + "P6,,Ｊｏｈｎ,M,１９９０-01-01,master,04\n"
            + "P7,孙七 310107199003070017,,M,,,\n"
            + "P8,钱八,,X,,,\n"
            + "P9,,,M,,,\n"
            + ",,,,,,\n"
            + "P10,周九x,,M,,,\n"
            + "P11,吴十,,M,1849-12-31,,\n"
            + "\"P12\",\"郑 \"\"十一\"\"\",,M,,,\n"
            + "P13,王,,M,2020-01-01T00:00:00,,\n"
            + "P14,冯,,M,1990-1-1,,11\n"
            + "P15,陈,,Ｍ,,,\n"
            + "P16,卫,,M,,,\u200B04\n"
            + "P17,蒋 310107 19900307 0017,,M,,,\n"
            + "P18,沈①②③④⑤⑥,,M,,,\n"
            + "P1,重复,,M,,,\n",
        "overseas_episodes.csv", "episode_id,person_id,kind,institution,institution_id,country,start_date,end_date,degree\n"
            + "X1,P1,study,\"Harvard University, Cambridge\",,US,2010-09,2012-06,master\n"
            + "X2,P1,STUDY,University of 東京,,jp,2012,2014-03-31,phd\n"
            + "X3,P2,work,某公司,,XX,2015-01-01,,\n"
            + "X4,P2,work,某公司,,US,2016-01-01,2015-01-01,\n"
            + "X5,P2,work,某公司,,US,2016-01-01,,master\n"
            + "X6,P2,work,某公司,,US,2016-01-01,,none\n"
            + "X7,P3,research,研究所,I-1,GB,2016-01-01,,\n"
            + "X8,P3,学习,清华,,CN,2000-09-01,2004-07-01,学士\n"
            + "X9,P99,study,MIT,,US,2000,2001,master\n"
            + "X10,P3,study,MIT,,U S,2000,2001,master\n"
            + "X11,P3,study,,,US,2000,2001,master\n",
        "city_moves.csv", "move_id,person_id,date,event,district\n"
            + "M1,P1,2012-07-01,arrive,310104\n"
            + "M2,P1,2013-07-01,leave,\n"
            + "M3,P2,2013-07-01,arrive,\n"
            + "M4,P2,2013-07-01,arrive,999999\n"
            + "M5,P3, 2014-01-01 ,ARRIVE, 310104 \n"
            + "M6,P3,2014-01,arrive,310104\n",
        "enterprises.csv", "enterprise_id,name_zh,founded_date,district,industry\n"
            + "E1,热像科技,2008-05-01,310104,C3976\n"
            + "E2,某,2010-01-01,310104,c39\n"
            + "E3,坏,2010-01-01,310104,C01\n"
            + "E4,坏二,2010-01-01,310104,Z1\n",
        "enterprise_years.csv", "enterprise_id,year,employees,local_employees,revenue,overseas_revenue,overseas_markets,rd_expense,"
            + "patents_granted,tax_paid,net_profit,funding_raised,high_tech\n"
            + "E1,2020,10,5,1000.50,100,US;GB,10,1,5,-3.25,0,true\n"
            + "E1,2021,10,11,,,us;us,,,,,,是\n"
            + "E1,2022,-1,,\"1,000\",,,,,,,,yes\n"
            + "E2,2021,5,5,12.345,,,,,,,,maybe\n"
            + "E2,2022,5,5,12.500,,gb; us,,,,,,N\n"
            + "E2,2009,1,,,,,,,,,,\n"
            + "E2,2023,007,,-0.00,,,,,,,,0\n",
        "support.csv", "support_id,enterprise_id,person_id,program,year,amount\n"
            + "S1,E1,,人才计划,2020,1000\nS2,,,计划,2020,5\nS3,,P1,计划,2020,-5\nS4,,P1,计划,20x0,5\nS5,,P1,计划\t二,2020,5\n",
        "survey.csv", "respondent_id,question,answer,weight,person_id,enterprise_id\n"
            + "R1,q1,yes,1.5,P1,\nR1,q2,no,2,P1,\nR2,q1,,1,,\nR3,q1,a,0,,\nR4,q1,a,,,\n");

    @Test
    void theTwoPathsAgreeOnEveryEdgeOfTheRules() throws Exception {
        CsvScan.SPLIT = 64; // each file scanned as two parts at once (their facts combined)
        long before = EngineStaging.STAGED.get();
        compare(EDGES); // the checks the scan's facts leave out (support.csv has a control character: it gets them all)
        EngineRules.useFacts = false;
        compare(EDGES); // every check
        assertThat(EngineStaging.STAGED.get() - before).as("every file above is plain: the engine's path took each").isEqualTo(2L * EDGES.size());
    }

    /** Identity numbers, read by Java beside DuckDB's reader, each form the row checker knows, and the rule that gender and birth date agree. */
    @Test
    void identityNumbersAgreeOnBothPaths() throws Exception {
        String ok = "310107199303140013"; // M, 1993-03-14
        String okF = "310120199204210021"; // F, 1992-04-21
        String header = "person_id,id_number,name_zh,gender,birth_date\n";
        String body = "P1," + ok + ",甲,M,1993-03-14\n"
            + "P2," + okF + ",乙,,\n"                                   // gender and birth date from the number
            + "P3," + ok + ",丙,F,\n"                                   // gender does not agree
            + "P4," + ok + ",丁,男,1993\n"                              // a year that agrees
            + "P5," + ok + ",戊,M,1994\n"                               // a year that does not
            + "P6," + ok + ",己,M,1993-03\n"                            // a month that agrees
            + "P7," + ok + ",庚,M,1993-04\n"                            // a month that does not
            + "P8," + ok + ",辛,M,1993-03-15\n"                         // a day that does not
            + "P9,31010719930314001x,壬,M,\n"                          // lower-case x (here a wrong check character)
            + "P10,310107199303140014,癸,M,\n"                         // wrong check character
            + "P11, " + ok + " ,子,,\n"                                // spaces around
            + "P12,３１０１０７１９９３０３１４００１３,丑,,\n"          // full-width digits
            + "P13,\"" + ok + "\",寅,,\n"                              // quoted
            + "P14,,卯,M,\n"                                            // none
            + "P15,\"\",辰,,\n"                                         // none, quoted
            + "P16,3101071993031400,巳,,\n"                             // too short
            + "P17,99010719930314001X,午,,\n"                           // no such area
            + "P18,110101190001010019,未,,\n"                           // another valid one
            + "P19," + okF + "0,申,,\n"                                 // too long
            + "P20,\"31\"\"0107199303140013\",酉,,\n"                  // a quote inside
            + "P21," + okF + ",戌,F,1992-04-21\n"
            + "P22,110101999912310022,亥,M,9999-12\n"                   // the last day a number can hold
            + "P23,830000185001010015,天,M,1850-01-01\n"                // the first
            + "P24,652901202112310008,地,F,2021\n";
        long before = EngineStaging.STAGED.get();
        compare(Map.of("persons.csv", header + body));
        IdColumn.SPLIT = 300; // the identity numbers read as two parts at once, as for a large file
        compare(Map.of("persons.csv", header + body));
        // the number in the last column, CRLF line ends, the last line without one
        compare(Map.of("persons.csv", ("person_id,name_zh,id_number\n" + "P1,甲," + ok + "\n" + "P2,乙," + okF + "\n" + "P3,丙,\n"
            + "P4,丁,310107199303140014\n" + "P5,戊," + ok).replace("\n", "\r\n")));
        // no gender or birth date column: both come from the number
        compare(Map.of("persons.csv", "person_id,id_number,name_en\nP1,310107199303140014,A\nP2," + ok + ",B\nP3," + okF + ",\"C, D\"\n"));
        assertThat(EngineStaging.STAGED.get() - before).as("each file is plain: the engine's path took it").isEqualTo(4);
    }

    @Test
    void filesThatAreNotPlainTakeTheJavaPathAndAgree() throws Exception {
        CsvScan.SPLIT = 16; // each file scanned as two parts at once, split at the line break after its middle
        String header = "move_id,person_id,date,event,district\n";
        for (String body : List.of(
            "M1,P1,2012-07-01,arrive,310104\n\nM2,P1,2013-07-01,leave,\n",            // a blank line
            "M1,P1,2012-07-01,\"arr\nive\",310104\n",                                   // a line break in a quoted field
            "M1,P1,2012-07-01,arrive,310104\rM2,P1,2013-07-01,leave,\n",               // a lone carriage return
            "M1,P1,2012-07-01,\"arrive\"x,310104\n",                                     // text after a closing quote
            "M1,P1,2012-07-01,arr\"ive,310104\n",                                       // a quote inside an unquoted field
            "M1,P1,2012-07-01, \"arrive\",310104\n",                                    // a space before a quote
            "M1,P1,2012-07-01,arrive,310104\nM2,P1\n",                                  // a short row
            "M1,P1,2012-07-01,arrive,310104,x\n",                                        // a long row
            "M1,P1,2012-07-01,arri\u0000ve,310104\n",                                  // a NUL byte
            "M1,P1,2012-07-01,arrive,310104\r\nM2,P1,2013-07-01,leave,\n",             // CRLF and LF line ends
            "M1,P1,2012-07-01,arrive," + "3".repeat(EngineStaging.MAX_LINE_BYTES) + "\n")) { // a line over 1 MiB
            long before = EngineStaging.STAGED.get();
            compare(Map.of("persons.csv", "person_id,name_zh\nP1,张三\n", "city_moves.csv", header + body));
            assertThat(EngineStaging.STAGED.get() - before).as(body).isEqualTo(1); // persons only
        }
        // bytes that are not UTF-8: a stray continuation byte, an overlong form, a surrogate, a character cut short at the end
        byte[] head = (header + "M1,P1,2012-07-01,arr").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (byte[] bad : List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xE5, (byte) 0x8C})) {
            java.io.ByteArrayOutputStream moves = new java.io.ByteArrayOutputStream();
            moves.write(head);
            moves.write(bad);
            if (bad[0] != (byte) 0xE5) { // the last one ends the file
                moves.write("ive,310104\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            long before = EngineStaging.STAGED.get();
            compareBytes(Map.of("persons.csv", "person_id,name_zh\nP1,张三\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "city_moves.csv", moves.toByteArray()));
            assertThat(EngineStaging.STAGED.get() - before).as(java.util.HexFormat.of().formatHex(bad)).isEqualTo(1); // persons only
        }
        // a title row above the header, a BOM, CRLF line ends: title rows take the Java path, the others are plain
        compare(Map.of("persons.csv", "名单\nperson_id,name_zh\nP1,张三\n", "city_moves.csv",
            "\uFEFF" + header.replace("\n", "\r\n") + "M1,P1,2012-07-01,arrive,310104\r\nM2,P1,2013-07-01,leave,\r\n"));
    }

    @Test
    void aDamagedSyntheticCityGivesTheSameStoreOnBothPaths() throws Exception {
        Path data = tmp.resolve("synth");
        assertThat(Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            "synth", "--persons", "3000", "--dirty", "0.05", "--out", data.toString())).isZero();
        Files.delete(data.resolve("dirty-rows.csv"));
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.list(data)) {
            for (Path p : s.toList()) {
                files.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        long before = EngineStaging.STAGED.get();
        // DuckDB's reader on several threads, as on a large file (each row's line comes from the rows' order)
        EngineStaging.smallBuffersForTests = 16 * 1024;
        IdColumn.SPLIT = 64 * 1024; // the identity numbers read as two parts, and each file scanned as two
        CsvScan.SPLIT = 64 * 1024;
        compare(files);
        // enterprises (credit codes) take the Java path, the seven others the engine's (persons' identity numbers read in Java)
        assertThat(EngineStaging.STAGED.get() - before).isEqualTo(7);
    }

    /**
     * A table's one file whose scan found its keys increasing has the check for keys seen twice left out
     * ({@link CsvScan#keysIncreasing}): the same stores, messages and rejected rows as the Java path, which
     * always runs it; a key seen twice in sorted order, a key cell with a space, and a table with two files
     * keep the check, and their duplicates are reported as before.
     */
    @Test
    void keysProvedDistinctLeaveOutTheirCheckAndGiveTheSame() throws Exception {
        String persons = "person_id,name_zh\nP1,张三\nP2,李四\nP3,王五\n";
        String moves = "move_id,person_id,date,event,district\nM1,P1,2012-07-01,arrive,310104\nM2,P2,2013-07-01,arrive,310104\n";
        String years = "enterprise_id,year,employees\nE1,2009,1\nE1,2010,2\nE2,2010,3\n";
        String enterprises = "enterprise_id,name_zh,founded_date,district,industry\nE1,甲,2008-05-01,310104,C3976\nE2,乙,2008-05-01,310104,C3976\n";
        long skipped = CrossRowChecks.SKIPPED.get();
        compare(Map.of("persons.csv", persons, "city_moves.csv", moves, "enterprises.csv", enterprises, "enterprise_years.csv", years));
        assertThat(CrossRowChecks.SKIPPED.get() - skipped).as("the four files: keys increasing").isEqualTo(4);
        // the same with the check run: what the skip must give
        CrossRowChecks.skipProvenForTests = false;
        compare(Map.of("persons.csv", persons, "city_moves.csv", moves, "enterprises.csv", enterprises, "enterprise_years.csv", years));
        CrossRowChecks.skipProvenForTests = true;
        // each with the number of tables whose check is left out: none but enterprises (whose keys do increase)
        Map<Map<String, String>, Integer> cases = Map.ofEntries(
            Map.entry(Map.of("persons.csv", persons + "P3,又一个\n"), 0),                                   // a key twice, in sorted order
            Map.entry(Map.of("persons.csv", "person_id,name_zh\nP1,张三\nP2,李四\n P2,王五\n"), 0),       // one key after trim, two as written
            Map.entry(Map.of("persons.csv", "person_id,name_zh\nP1,张三\nP2,李四\nP2 ,王五\n"), 0),       // the same, increasing as written
            Map.entry(Map.of("persons.csv", "person_id,name_zh\nP1,张三\nP2,李四\nＰ２,王五\n"), 0),      // NFKC makes it P2 (the row checker's)
            Map.entry(Map.of("persons.csv", persons, "persons.more.csv", "person_id,name_zh\nP3,又一个\nP4,赵六\n"), 0), // two files of a table
            Map.entry(Map.of("enterprises.csv", enterprises, "enterprise_years.csv", years + "E2,2010,4\n"), 1), // a composite key twice
            Map.entry(Map.of("enterprises.csv", enterprises, "enterprise_years.csv", years + "E2,02010,4\n"), 1)); // 02010 is 2010
        for (Map.Entry<Map<String, String>, Integer> c : cases.entrySet()) {
            skipped = CrossRowChecks.SKIPPED.get();
            compare(c.getKey());
            assertThat(CrossRowChecks.SKIPPED.get() - skipped).as(c.getKey().toString()).isEqualTo(c.getValue().longValue());
        }
    }

    @Test
    void whenDuckDbRefusesAFileTheImportRunsAgainOnTheJavaPath() throws Exception {
        // DuckDB ends the transaction at a failed statement: the run again must keep nothing of the first
        EngineStaging.refuseForTests = true;
        long before = EngineStaging.STAGED.get();
        compare(EDGES);
        assertThat(EngineStaging.STAGED.get() - before).as("no file was staged on the engine's path").isZero();
    }

    /**
     * The first file read by DuckDB before the import's transaction, while its scan runs ({@link
     * EngineStaging#readEarly}; here also after it, as on a small file the scan is done first): used
     * when the scan finds the file plain, dropped when not, and the same stores either way.
     */
    @Test
    void theFirstFileReadBeforeTheTransactionGivesTheSame() throws Exception {
        EngineStaging.earlyForTests = true;
        long early = EngineStaging.READ_EARLY.get();
        long staged = EngineStaging.STAGED.get();
        compare(EDGES);
        assertThat(EngineStaging.READ_EARLY.get() - early).as("persons read before the transaction").isEqualTo(1);
        assertThat(EngineStaging.STAGED.get() - staged).isEqualTo(EDGES.size());
        String header = "person_id,name_zh\n";
        for (String body : List.of(
            "P1,\"张\n三\"\n",                     // a line break in a quoted field: DuckDB reads it, the scan says no
            "P1,张三\rP2,李四\n",                    // a lone carriage return
            "P1,张\u0000三\n",                       // a NUL byte
            "P1,\"张三\"x\n",                        // text after a closing quote: DuckDB's strict reader fails
            "P1," + "三".repeat(EngineStaging.MAX_LINE_BYTES / 3 + 1) + "\n")) { // a line over 1 MiB
            early = EngineStaging.READ_EARLY.get();
            staged = EngineStaging.STAGED.get();
            long refused = EngineStaging.REFUSED.get();
            compare(Map.of("persons.csv", header + body, "city_moves.csv",
                "move_id,person_id,date,event,district\nM1,P1,2012-07-01,arrive,310104\n"));
            assertThat(EngineStaging.STAGED.get() - staged).as(body).isEqualTo(1); // city_moves only
            assertThat(EngineStaging.REFUSED.get() - refused).as(body).isZero();
            assertThat(EngineStaging.READ_EARLY.get() - early).as(body).isBetween(0L, 1L); // 0: DuckDB's reader failed
        }
        // refused after the early read: the run again on the Java path gives the same
        EngineStaging.refuseForTests = true;
        compare(EDGES);
    }

    @Test
    void oneConnectionImportsAgainAfterADryRunOrAFailureWithTheFirstFileReadEarly() throws Exception {
        EngineStaging.earlyForTests = true;
        oneConnectionImportsAgainAfterADryRun();
        // a failed import (the second file's rows refer to a person that is nowhere) leaves no table either
        Path in = Files.createDirectories(tmp.resolve("failing"));
        Files.writeString(in.resolve("persons.csv"), "person_id,name_zh\nP1,张三\n");
        org.haigui.schema.City city = org.haigui.schema.City.load("shanghai");
        ImportOptions plain = new ImportOptions(java.nio.charset.StandardCharsets.UTF_8, false, false, city, c -> {
            throw new java.sql.SQLException("a failing after-merge hook");
        });
        try (org.haigui.store.Store store = org.haigui.store.Store.open(tmp.resolve("failing.duckdb"))) {
            long early = EngineStaging.READ_EARLY.get();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Importer(store, plain, org.haigui.core.Progress.NONE).run(List.of(in)));
            assertThat(EngineStaging.READ_EARLY.get() - early).isEqualTo(1);
            assertThat(count(store, "SELECT count(*) FROM duckdb_tables() WHERE temporary")).as("temporary tables left on the connection").isZero();
            assertThat(count(store, "SELECT count(*) FROM persons")).isZero();
        }
    }

    @Test
    void oneConnectionImportsAgainAfterADryRun() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("same"));
        Files.writeString(in.resolve("persons.csv"), "person_id,name_zh\nP1,张三\n");
        Files.writeString(in.resolve("city_moves.csv"), "move_id,person_id,date,event,district\nM1,P1,2012-07-01,arrive,310104\n");
        org.haigui.schema.City city = org.haigui.schema.City.load("shanghai");
        ImportOptions plain = new ImportOptions(java.nio.charset.StandardCharsets.UTF_8, false, false, city, AfterMerge.NONE);
        ImportOptions dry = new ImportOptions(java.nio.charset.StandardCharsets.UTF_8, true, false, city, AfterMerge.NONE);
        try (org.haigui.store.Store store = org.haigui.store.Store.open(tmp.resolve("same.duckdb"))) {
            // a dry run rolls its transaction back: the temporary tables made before it must go all the same
            assertThat(new Importer(store, dry, org.haigui.core.Progress.NONE).run(List.of(in)).dryRun()).isTrue();
            // then a real import on the same connection
            assertThat(new Importer(store, plain, org.haigui.core.Progress.NONE).run(List.of(in)).sources()).hasSize(2);
            assertThat(count(store, "SELECT count(*) FROM duckdb_tables() WHERE temporary")).as("temporary tables left on the connection").isZero();
            assertThat(count(store, "SELECT count(*) FROM city_moves")).isEqualTo(1);
        }
    }

    /** A count on the store's writer connection (the import's, whose temporary tables it sees). */
    private static long count(org.haigui.store.Store store, String sql) throws java.sql.SQLException {
        try (java.sql.Statement st = store.writer().createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Imports the files on each path into its own store (under one key) and compares everything the
     * user sees and the store keeps, the keyed hashes of identity numbers included.
     */
    private void compare(Map<String, String> files) throws Exception {
        Map<String, byte[]> bytes = new java.util.TreeMap<>();
        files.forEach((k, v) -> bytes.put(k, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        compareBytes(bytes);
    }

    private void compareBytes(Map<String, byte[]> files) throws Exception {
        long refused = EngineStaging.REFUSED.get();
        compareBytesOnce(files);
        assertThat(EngineStaging.REFUSED.get() - refused).as("imports DuckDB's reader refused (the scan must see what it refuses)")
            .isEqualTo(EngineStaging.refuseForTests ? 1 : 0);
    }

    private void compareBytesOnce(Map<String, byte[]> files) throws Exception {
        List<List<String>> results = new ArrayList<>();
        int run = 0;
        // one key for both stores, so that the keyed hashes of identity numbers compare too
        byte[] key = new byte[32];
        new java.util.Random(7).nextBytes(key);
        for (boolean engine : new boolean[] {true, false}) {
            EngineStaging.enabled = engine;
            ImportHarness h = new ImportHarness(Files.createDirectories(tmp.resolve("run" + System.nanoTime() + "-" + run++)));
            Files.writeString(h.db.resolveSibling(h.db.getFileName() + ".key"), java.util.Base64.getEncoder().encodeToString(key) + "\n");
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(Files.createDirectories(h.dir.resolve("in")).resolve(f.getKey()), f.getValue());
            }
            ImportHarness.Run r = h.importPaths(h.dir.resolve("in"));
            List<String> seen = new ArrayList<>();
            seen.add("exit " + r.code());
            r.out().lines().filter(l -> !l.contains(" rows in ") && !l.contains(h.dir.toString())).forEach(seen::add);
            r.err().lines().map(l -> l.replace(h.dir.toString(), "DIR")).forEach(seen::add);
            try (Stream<Path> s = Files.list(h.dir.resolve("in"))) {
                for (Path p : s.filter(p -> p.toString().endsWith(".rejected.csv")).sorted().toList()) {
                    seen.add(p.getFileName() + ":\n" + new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
            if (Files.exists(h.db)) {
                for (String t : List.of("persons", "overseas_episodes", "city_moves", "enterprises", "enterprise_years", "support", "survey")) {
                    h.rows("SELECT * EXCLUDE (batch_id) FROM " + t + " ORDER BY ALL").forEach(row -> seen.add(t + " " + row));
                }
                h.rows("SELECT table_name, row_number, row_key, row_data, errors FROM quarantine ORDER BY ALL").forEach(row -> seen.add("q " + row));
                h.rows("SELECT batch_id, table_name, rows_read, blank_rows, inserted, updated, unchanged, rejected, checksum FROM import_batches ORDER BY ALL")
                    .forEach(row -> seen.add("b " + row));
            }
            results.add(seen);
        }
        List<String> a = results.get(0);
        List<String> b = results.get(1);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            assertThat(a.get(i)).as("line %d of what each path gave (engine's path first)", i).isEqualTo(b.get(i));
        }
        assertThat(a).hasSameSizeAs(b);
    }
}
