package org.haigui.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.haigui.schema.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule of data-format.md, each through the real CLI into a real DuckDB file. */
class ImportRulesTest {

    @TempDir
    Path tmp;
    ImportHarness h;

    static final String PERSONS = ImportHarness.PERSONS_HEADER
        + "P1,110101199003078670,张三,Zhang San,M,1990-03-07,master,06\n"
        + "P2,,李四,Li Si,F,1985-05,doctorate,5\n"
        + "P3,,王五,,,1979,博士,07\n";

    @BeforeEach
    void setUp() {
        h = new ImportHarness(tmp);
    }

    private String errorsOf(String table) throws Exception {
        Path f = tmp.resolve(table + ".rejected.csv");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    @Test
    void acceptsValidRowsAndNormalisesValues() throws Exception {
        h.write("persons.csv", PERSONS);
        ImportHarness.Run r = h.importPaths(tmp.resolve("persons.csv"));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(h.rows("SELECT person_id, gender, CAST(birth_date AS VARCHAR), highest_degree, field, id_area_code FROM persons ORDER BY 1"))
            .containsExactly(
                List.of("P1", "M", "1990-03-07", "master", "06", "110101"),
                java.util.Arrays.asList("P2", "F", "1985-05-01", "doctorate", "05", null),
                java.util.Arrays.asList("P3", null, "1979-01-01", "doctorate", "07", null));
        assertThat(h.single("SELECT length(id_hash) FROM persons WHERE person_id = 'P1'")).isEqualTo("64");
    }

    @Test
    void chineseHeadersAndEnumerationsAndBooleans() throws Exception {
        h.write("人员.csv", "人员编号,中文姓名,性别,最高学历\nP1,张三,男,硕士\nP2,李四,女,学士\n");
        h.write("enterprises.csv", "企业编号,企业名称,成立日期,区县代码,行业代码,园区\nE1,热像科技,2008-05-01,310104,C3976,漕河泾开发区\n");
        h.write("enterprise_years.csv", "企业编号,年度,年末从业人数,本地社保人数,营业收入,海外收入,海外市场,高新技术企业,净利润\n"
            + "E1,2020,50,40,1000000.5,200000,us; GB;us,是,-5000\nE1,2021,60,60,0,0,,否,\n");
        ImportHarness.Run r = h.importPaths(tmp);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(h.rows("SELECT person_id, gender, highest_degree FROM persons ORDER BY 1"))
            .containsExactly(List.of("P1", "M", "master"), List.of("P2", "F", "bachelor"));
        assertThat(h.rows("SELECT year, overseas_markets, CAST(high_tech AS VARCHAR), CAST(revenue AS VARCHAR), CAST(net_profit AS VARCHAR) FROM enterprise_years ORDER BY year"))
            .containsExactly(List.of("2020", "US;GB", "true", "1000000.50", "-5000.00"),
                java.util.Arrays.asList("2021", null, "false", "0.00", null));
    }

    /**
     * A key seen more than once, in one file or across two, and a composite key: the last occurrence
     * wins and each earlier one is rejected naming it; keys seen once are not touched.
     */
    @Test
    void keysSeenTwiceKeepTheLastOccurrence() throws Exception {
        h.write("a/persons.csv", ImportHarness.PERSONS_HEADER + "P1,,张三,,M,,,\nP2,,李四,,F,,,\nP1,,张三丰,,M,,,\n");
        h.write("b/persons.csv", ImportHarness.PERSONS_HEADER + "P1,,张三二,,M,,,\nP3,,王五,,M,,,\n");
        h.write("a/enterprises.csv", "enterprise_id,name_zh,founded_date,district,industry\nE1,热像科技,2008-05-01,310104,C3976\n");
        h.write("a/enterprise_years.csv", "enterprise_id,year,employees\nE1,2020,5\nE1,2021,6\nE1,2020,7\n");
        ImportHarness.Run r = h.importPaths(tmp.resolve("a"), tmp.resolve("b"));
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(h.rows("SELECT person_id, name_zh FROM persons ORDER BY 1"))
            .containsExactly(List.of("P1", "张三二"), List.of("P2", "李四"), List.of("P3", "王五"));
        assertThat(h.rows("SELECT CAST(year AS VARCHAR), CAST(employees AS VARCHAR) FROM enterprise_years ORDER BY 1"))
            .containsExactly(List.of("2020", "7"), List.of("2021", "6"));
        String persons = Files.readString(tmp.resolve("a/persons.rejected.csv"));
        assertThat(persons).contains("row 4: person_id 'P1': the same key appears again in persons.csv row 2, which replaces this row")
            .contains("row 2: person_id 'P1': the same key appears again in persons.csv row 2") // b/persons.csv, the last
            .contains("张三丰").contains("张三,");
        assertThat(Files.readString(tmp.resolve("a/enterprise_years.rejected.csv")))
            .contains("row 2: enterprise_id 'E1|2020': the same key appears again in enterprise_years.csv row 4, which replaces this row");
        assertThat(h.count("SELECT count(*) FROM quarantine")).isEqualTo(3);
    }

    /**
     * The merge reads the staged rows of a table with no stored rows through a view (every row is new)
     * and classifies them against the stored rows otherwise: the same files must give the same rows,
     * rejections, history and counts either way.
     */
    @Test
    void emptyAndStoredTablesMergeAlike() throws Exception {
        String persons = ImportHarness.PERSONS_HEADER + "P1,,张三,,M,,,\nP2,,李四,,X,,,\nP1,,张三丰,,M,,,\nP3,,王五,,F,,,\n";
        String enterprises = "enterprise_id,name_zh,founded_date,district,industry\nE1,热像科技,2008-05-01,310104,C3976\n";
        String years = "enterprise_id,year,employees\nE1,2020,5\nE1,2021,6\nE2,2021,1\n";
        ImportHarness empty = new ImportHarness(Files.createDirectories(tmp.resolve("empty")));
        ImportHarness stored = new ImportHarness(Files.createDirectories(tmp.resolve("stored")));
        for (ImportHarness x : List.of(empty, stored)) {
            x.write("f/persons.csv", persons);
            x.write("f/enterprises.csv", enterprises);
            x.write("f/enterprise_years.csv", years);
        }
        // the second store already holds a person and an enterprise (not enterprise years): two tables merge the classic way
        stored.write("pre/persons.csv", ImportHarness.PERSONS_HEADER + "P9,,赵六,,M,,,\n");
        stored.write("pre/enterprises.csv", "enterprise_id,name_zh,founded_date,district,industry\nE9,旧公司,2001-01-01,310104,C3976\n");
        assertThat(stored.importPaths(stored.dir.resolve("pre")).code()).isZero();
        ImportHarness.Run a = empty.importPaths(empty.dir.resolve("f"));
        ImportHarness.Run b = stored.importPaths(stored.dir.resolve("f"));
        assertThat(a.code()).as(a.out() + a.err()).isEqualTo(1);
        assertThat(b.code()).as(b.out() + b.err()).isEqualTo(1);
        assertThat(b.out().lines().filter(l -> l.matches("^(persons|enterprises|enterprise_years) .*")).toList())
            .isEqualTo(a.out().lines().filter(l -> l.matches("^(persons|enterprises|enterprise_years) .*")).toList())
            .hasSize(3);
        String notPre = " WHERE person_id <> 'P9'";
        assertThat(stored.rows("SELECT person_id, name_zh, gender FROM persons" + notPre + " ORDER BY 1"))
            .isEqualTo(empty.rows("SELECT person_id, name_zh, gender FROM persons ORDER BY 1"))
            .containsExactly(List.of("P1", "张三丰", "M"), List.of("P3", "王五", "F"));
        assertThat(stored.rows("SELECT enterprise_id, CAST(year AS VARCHAR) FROM enterprise_years ORDER BY 1, 2"))
            .isEqualTo(empty.rows("SELECT enterprise_id, CAST(year AS VARCHAR) FROM enterprise_years ORDER BY 1, 2"))
            .containsExactly(List.of("E1", "2020"), List.of("E1", "2021"));
        // the keys each batch inserted, as the history has them (what an undo removes)
        String inserted = "SELECT t.table_name, h.k FROM (SELECT change_batch, person_id AS k FROM "
            + Trail.rows(Schema.table("persons").orElseThrow()) + " WHERE op = 'i'"
            + " UNION ALL SELECT change_batch, enterprise_id FROM " + Trail.rows(Schema.table("enterprises").orElseThrow()) + " WHERE op = 'i'"
            + " UNION ALL SELECT change_batch, enterprise_id || '|' || CAST(year AS VARCHAR) FROM "
            + Trail.rows(Schema.table("enterprise_years").orElseThrow()) + " WHERE op = 'i') h"
            + " JOIN import_batches t ON t.batch_id = h.change_batch WHERE h.k NOT IN ('P9', 'E9') ORDER BY 1, 2";
        assertThat(stored.rows(inserted)).isEqualTo(empty.rows(inserted)).hasSize(5);
        String quarantined = "SELECT table_name, row_key FROM quarantine ORDER BY 1, 2";
        assertThat(stored.rows(quarantined)).isEqualTo(empty.rows(quarantined)).hasSize(3);
        // and the views are gone with the staging tables: a second import of the same files changes nothing
        ImportHarness.Run again = empty.importPaths(empty.dir.resolve("f"));
        assertThat(again.out()).doesNotContain("cls_");
        assertThat(empty.count("SELECT count(*) FROM persons")).isEqualTo(2);
    }

    @Test
    void typeErrorsAreListedEveryOneWithRowAndColumn() throws Exception {
        h.write("persons.csv", ImportHarness.PERSONS_HEADER + "P1,,张三,,X,1990-13-01,master,11\n");
        ImportHarness.Run r = h.importPaths(tmp.resolve("persons.csv"));
        assertThat(r.code()).isEqualTo(1);
        String rejected = errorsOf("persons");
        assertThat(rejected).contains("row 2: ")
            .contains("gender 'X': not one of M/男, F/女")
            .contains("birth_date '1990-13-01': not a real date")
            .contains("field '11': not an ISCED-F 2013 broad field");
        assertThat(h.count("SELECT count(*) FROM persons")).isZero();
        assertThat(h.count("SELECT count(*) FROM quarantine")).isEqualTo(1);
        assertThat(h.single("SELECT errors FROM quarantine")).contains("\"column\":\"birth_date\"");
    }

    @Test
    void requiredValuesAndAtLeastOneName() throws Exception {
        h.write("persons.csv", ImportHarness.PERSONS_HEADER + ",,,,,,,\nP2,,,,M,,,\n");
        h.importPaths(tmp.resolve("persons.csv"));
        // the first row is blank (skipped, counted); the second has no name
        assertThat(errorsOf("persons")).contains("row 3: name_zh: at least one of name_zh, name_en is required");
        h.write("overseas_episodes.csv", "episode_id,person_id,kind,institution,country,start_date\nE1,,study,,US,2010\n");
        ImportHarness.Run r = h.importPaths(tmp.resolve("overseas_episodes.csv"));
        assertThat(errorsOf("overseas_episodes")).contains("person_id: required value is missing")
            .contains("institution: required value is missing");
        assertThat(r.out()).contains("overseas_episodes");
    }

    @Test
    void datesPartialAndImpossible() throws Exception {
        h.write("persons.csv", PERSONS);
        h.write("overseas_episodes.csv", "episode_id,person_id,kind,institution,country,start_date,end_date,degree\n"
            + "E1,P1,study,MIT,US,2012-09,2014,master\n"
            + "E2,P1,work,Google,US,2021-02-30,,\n"
            + "E3,P1,work,Google,US,2015-06-01,2015-05-31,\n"
            + "E4,P1,work,Google,US,2015-06-01,2015-06-01,master\n"
            + "E5,P1,study,MIT,XX,2015/06/01,,\n");
        h.importPaths(tmp);
        String rej = errorsOf("overseas_episodes");
        assertThat(rej).contains("row 3: start_date '2021-02-30': not a real date");
        assertThat(rej).contains("row 4: end_date '2015-05-31': is before start_date (2015-06-01)");
        assertThat(rej).contains("row 5: degree 'master': only allowed when kind is study");
        assertThat(rej).contains("country 'XX': not an ISO 3166-1 alpha-2 country code")
            .contains("start_date '2015/06/01': not a date: expected YYYY-MM-DD, YYYY-MM or YYYY");
        assertThat(h.rows("SELECT episode_id, CAST(start_date AS VARCHAR), CAST(end_date AS VARCHAR) FROM overseas_episodes"))
            .containsExactly(List.of("E1", "2012-09-01", "2014-01-01"));
    }

    @Test
    void referencesWithinTheImportAndToStoredRows() throws Exception {
        h.write("a/persons.csv", PERSONS);
        assertThat(h.importPaths(tmp.resolve("a")).code()).isZero();
        // P1 is stored; P2 comes in the same import as the moves; P9 is nowhere
        h.write("b/persons.csv", ImportHarness.PERSONS_HEADER + "P4,,赵六,,,,,\n");
        h.write("b/city_moves.csv", "move_id,person_id,date,event,district\n"
            + "M1,P1,2020-01-01,arrive,310104\nM2,P4,2020-01-01,来沪,310115\nM3,P9,2020-01-01,arrive,310104\n"
            + "M4,P1,2020-02-01,leave,\nM5,P1,2020-03-01,arrive,\nM6,P1,2020-03-02,arrive,999999\n");
        ImportHarness.Run r = h.importPaths(tmp.resolve("b"));
        assertThat(r.code()).isEqualTo(1);
        String rej = Files.readString(tmp.resolve("b/city_moves.rejected.csv"));
        assertThat(rej).contains("row 4: person_id 'P9': no persons row with person_id = P9 in the store or in this import");
        assertThat(rej).contains("row 6: district: required when event is arrive");
        assertThat(rej).contains("row 7: district '999999': not a district code of shanghai");
        assertThat(h.rows("SELECT move_id FROM city_moves ORDER BY 1")).containsExactly(List.of("M1"), List.of("M2"), List.of("M4"));
    }

    @Test
    void aRowReferringToARejectedRowIsRejectedToo() throws Exception {
        h.write("persons.csv", ImportHarness.PERSONS_HEADER + "P1,11010119900307867X,张三,,,,,\n");
        h.write("city_moves.csv", "move_id,person_id,date,event,district\nM1,P1,2020-01-01,arrive,310104\n");
        h.importPaths(tmp);
        assertThat(errorsOf("city_moves")).contains("the persons row with person_id = P1 was rejected in this import (persons.csv row 2)");
    }

    @Test
    void enterpriseRules() throws Exception {
        h.write("enterprises.csv", "enterprise_id,credit_code,name_zh,founded_date,dissolved_date,district,industry\n"
            + "E1,91310115591693856A,甲,2010-01-01,,310115,C3976\n"
            + "E2,91310115591693856A,乙,2010-01-01,,310115,I65\n"
            + "E3,9111000060003IOZSV,丙,2010-01-01,2009-12-31,310115,C99\n"
            + "E4,91110000600037341N,丁,2010-01-01,,310115,Z1\n"
            + "E5,,戊,2012-06-01,,310104,M73\n");
        h.write("enterprise_years.csv", "enterprise_id,year,employees,local_employees,revenue,overseas_revenue\n"
            + "E5,2011,10,5,100,50\nE5,2012,10,11,100,50\nE5,2013,10,5,100,150\nE5,2014,-1,,1e5,\nE5,2015,\"1,000\",,12.345,\n");
        h.importPaths(tmp);
        String ent = errorsOf("enterprises");
        assertThat(ent).contains("row 3: credit_code '91310115591693856A': already used by enterprises E1");
        assertThat(ent).contains("credit_code '9111000060003IOZSV': credit code: character 14 'I' is not allowed");
        assertThat(ent).contains("dissolved_date '2009-12-31': is before founded_date");
        assertThat(ent).contains("industry 'C99': division 99 is not in section C");
        assertThat(ent).contains("credit_code '91110000600037341N': credit code: wrong check character")
            .contains("industry 'Z1': not a GB/T 4754-2017 code");
        String years = errorsOf("enterprise_years");
        assertThat(years).contains("row 2: year '2011': is before the founding year of enterprises E5 (2012)");
        assertThat(years).contains("row 3: local_employees '11': is more than employees (10)");
        assertThat(years).contains("row 4: overseas_revenue '150': is more than revenue (100)");
        assertThat(years).contains("employees '-1': must be 0 or more").contains("revenue '1e5': not a number");
        assertThat(years).contains("employees '1,000': not a number (no thousands separators, please)")
            .contains("revenue '12.345': more than 2 decimal places");
        // E1 keeps its code; E2, which reused it, is rejected (first come is not the rule: a stored or accepted holder wins)
        assertThat(h.rows("SELECT enterprise_id FROM enterprises ORDER BY 1")).containsExactly(List.of("E5"));
    }

    @Test
    void genderAndBirthDateMustAgreeWithTheIdentityNumber() throws Exception {
        h.write("persons.csv", ImportHarness.PERSONS_HEADER
            + "P1,110101199003078670,张三,,F,,,\n"
            + "P2,440308199901101512,李四,,M,1999-01-11,,\n"
            + "P3,33010219200403064x,王五,,,1920-04,,\n"
            + "P4,360426199101010071,赵六,,M,1991,,\n");
        h.importPaths(tmp.resolve("persons.csv"));
        String rej = errorsOf("persons");
        assertThat(rej).contains("row 2: gender 'F': does not agree with the identity number (which implies M)");
        assertThat(rej).contains("row 3: birth_date '1999-01-11': does not agree with the birth date in the identity number");
        assertThat(h.rows("SELECT person_id, gender, CAST(birth_date AS VARCHAR) FROM persons ORDER BY 1"))
            .containsExactly(List.of("P3", "F", "1920-04-01"), List.of("P4", "M", "1991-01-01"));
    }

    @Test
    void supportNeedsAnEnterpriseOrAPersonAndSurveyWeightsAgree() throws Exception {
        h.write("persons.csv", PERSONS);
        h.write("support.csv", "support_id,enterprise_id,person_id,program,year,amount\nS1,,,housing,2020,100\nS2,,P1,housing,2020,100\n");
        h.write("survey.csv", "respondent_id,question,answer,weight,person_id\n"
            + "R1,Q1,A;B,1.5,P1\nR1,Q2,C,1.5,P1\nR2,Q1,A,2,\nR2,Q2,B,,\nR3,Q1,A,0,\n");
        h.importPaths(tmp);
        assertThat(errorsOf("support")).contains("row 2: enterprise_id: at least one of enterprise_id, person_id is required");
        String survey = errorsOf("survey");
        assertThat(survey).contains("row 4: weight '2.000000': rows of respondent_id R2 have different weight values")
            .contains("row 5: weight '1.000000'");
        assertThat(survey).contains("row 6: weight '0': must be more than 0");
        assertThat(h.rows("SELECT respondent_id, question, answer FROM survey ORDER BY 1, 2"))
            .containsExactly(List.of("R1", "Q1", "A;B"), List.of("R1", "Q2", "C"));
    }

    @Test
    void enterprisePeopleAndEpisodesAgainstStoredParents() throws Exception {
        h.write("a/persons.csv", PERSONS);
        h.write("a/enterprises.csv", "enterprise_id,name_zh,founded_date,district,industry\nE1,甲,2010-01-01,310115,C3976\n");
        assertThat(h.importPaths(tmp.resolve("a")).code()).isZero();
        h.write("b/enterprise_people.csv", "enterprise_id,person_id,role,joined_date,left_date\n"
            + "E1,P1,创始人,,\nE1,P2,core,2011-03,2011-02\nE2,P3,founder,,\n");
        h.importPaths(tmp.resolve("b"));
        String rej = Files.readString(tmp.resolve("b/enterprise_people.rejected.csv"));
        assertThat(rej).contains("row 3: left_date '2011-02': is before joined_date (2011-03)");
        assertThat(rej).contains("row 4: enterprise_id 'E2': no enterprises row with enterprise_id = E2");
        assertThat(h.rows("SELECT enterprise_id, person_id, role FROM enterprise_people")).containsExactly(List.of("E1", "P1", "founder"));
    }
}
