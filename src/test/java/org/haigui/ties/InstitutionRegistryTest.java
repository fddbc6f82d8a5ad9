package org.haigui.ties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.haigui.core.HaiguiException;
import org.haigui.core.NameNormalizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstitutionRegistryTest {

    static RegistryModel builtin;

    @BeforeAll
    static void loadBuiltin() {
        builtin = RegistryStore.builtinModel();
    }

    private static String key(String name) {
        return builtin.keyOf(NameNormalizer.normalise(name));
    }

    @Test
    void abbreviationsChineseAndFormerNamesResolveToTheirUniversity() {
        String mit = key("Massachusetts Institute of Technology");
        assertThat(mit).isNotNull();
        assertThat(key("MIT")).isEqualTo(mit);
        assertThat(key("麻省理工学院")).isEqualTo(mit);
        assertThat(key("the massachusetts institute of technology")).isEqualTo(mit);
        assertThat(key("UCL")).isNotNull().isEqualTo(key("University College London"))
            .isEqualTo(key("University College London, University of London")).isEqualTo(key("伦敦大学学院"));
        assertThat(key("NUS")).isNotNull().isEqualTo(key("National University of Singapore")).isEqualTo(key("新加坡国立大学"));
        // former names
        assertThat(key("UMIST")).isNotNull().isEqualTo(key("University of Manchester"));
        assertThat(key("Hong Kong Institute of Education")).isNotNull().isEqualTo(key("香港教育大学"));
    }

    @Test
    void commonEmployersAbroadHaveTheirChineseNames() {
        assertThat(key("Google")).isNotNull().isEqualTo(key("谷歌")).isEqualTo(key("Google LLC"));
        assertThat(key("HSBC")).isNotNull().isEqualTo(key("汇丰银行"));
        assertThat(key("HSBC")).isNotEqualTo(key("Google"));
    }

    @Test
    void theTwoWashingtonsAreDifferentInstitutions() {
        String uw = key("University of Washington");
        String washu = key("Washington University in St. Louis");
        assertThat(uw).isNotNull();
        assertThat(washu).isNotNull().isEqualTo(key("Washington University, Saint Louis")).isEqualTo(key("WashU"));
        assertThat(uw).isNotEqualTo(washu);
    }

    @Test
    void sharedNamesJoinOnlyFewInstitutions() {
        // equal normalised names match whatever the country ("Northeastern University" in the US and in
        // China); the groups this makes must stay small, or one alias would merge unrelated institutions
        assertThat(key("Northeastern University")).isEqualTo(key("美国东北大学"));
        System.out.println("largest group of the built-in registry: " + builtin.largestGroup());
        assertThat(builtin.largestGroup()).isLessThanOrEqualTo(8);
    }

    @Test
    void atLeast200InstitutionsHaveAChineseName() {
        Set<String> withChinese = new HashSet<>();
        for (RegistryModel.Alias a : builtin.aliases) {
            if (a.alias().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                withChinese.add(a.institutionId());
            }
        }
        assertThat(withChinese.size()).isGreaterThanOrEqualTo(200);
        assertThat(builtin.byId.size()).isGreaterThan(10_000);
    }

    @Test
    void loadsOnceIntoTheStore(@TempDir Path dir) throws Exception {
        try (Fixture f = new Fixture(dir)) {
            InstitutionRegistry.ensureLoaded(f.c);
            long[] first = InstitutionRegistry.size(f.c);
            InstitutionRegistry.ensureLoaded(f.c);
            assertThat(InstitutionRegistry.size(f.c)).containsExactly(first);
            assertThat(first[0]).isGreaterThan(10_000);
            assertThat(first[1]).isGreaterThan(500);
            assertThat(f.store.meta(InstitutionRegistry.META_VERSION)).isEqualTo(RegistryStore.builtinVersion());
            assertThat(RegistryStore.load(f.c).keyOf("mit")).isEqualTo(builtin.keyOf("mit"));
        }
    }

    @Test
    void importAddsUserInstitutionsAndAliasesIdempotently(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("mine.csv");
        Files.writeString(csv, "\uFEFF机构编号,机构名称,国家,别名,类型,note\n"
            + ",Acme Robotics,US,Acme Robotics Inc.;艾克米机器人,employer,x\n"
            + ",Massachusetts Institute of Technology,US,M.I.T. Cambridge,,\n"
            + "lab:bell,Bell Labs,US,Bell Telephone Laboratories,lab,\n"
            + ",,,,,\n"
            + ",Somewhere,USA,,,\n", StandardCharsets.UTF_8);
        try (Fixture f = new Fixture(dir)) {
            InstitutionRegistry.ImportResult r = InstitutionRegistry.importCsv(f.c, csv);
            assertThat(r.rowsRead()).isEqualTo(5);
            assertThat(r.institutionsAdded()).isEqualTo(2);
            assertThat(r.aliasesAdded()).isEqualTo(4);
            assertThat(r.rejected()).hasSize(2);
            assertThat(r.rejected().get(0)).contains("line 5").contains("neither institution_id nor name");
            assertThat(r.rejected().get(1)).contains("line 6").contains("USA");

            RegistryModel m = RegistryStore.load(f.c);
            assertThat(m.keyOf(NameNormalizer.normalise("艾克米机器人"))).isEqualTo("r:user:acmerobotics")
                .isEqualTo(m.keyOf(NameNormalizer.normalise("ACME ROBOTICS INC")));
            assertThat(m.keyOf(NameNormalizer.normalise("M.I.T. Cambridge"))).isEqualTo(builtin.keyOf("mit"));
            assertThat(m.keyOf(NameNormalizer.normalise("Bell Telephone Laboratories"))).isEqualTo("r:lab:bell");

            InstitutionRegistry.ImportResult again = InstitutionRegistry.importCsv(f.c, csv);
            assertThat(again.institutionsAdded()).isZero();
            assertThat(again.aliasesAdded()).isZero();
        }
    }

    @Test
    void aRowWithAnIdentityNumberIsRejectedAndNothingOfItStored(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("ids.csv");
        Files.writeString(csv, "institution_id,name,country,aliases\n"
            + "X1,Uni 310107199003070017,US,\n"
            + "X2,Uni Two,US,alias 110101 19900307 8670\n"
            + "X3,Uni Three,US,\n", StandardCharsets.UTF_8);
        try (Fixture f = new Fixture(dir)) {
            InstitutionRegistry.ImportResult r = InstitutionRegistry.importCsv(f.c, csv);
            assertThat(r.institutionsAdded()).isEqualTo(1);
            assertThat(r.rejected()).hasSize(2).allSatisfy(x -> assertThat(x).contains("looks like an identity number")
                .doesNotContain("310107199003070017").doesNotContain("19900307"));
            try (var st = f.c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*) FROM (SELECT name FROM institutions UNION ALL SELECT alias FROM institution_aliases) "
                    + "WHERE name LIKE '%19900307%'")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }

    private static String storedKey(Fixture f, String name) throws Exception {
        try (var ps = f.c.prepareStatement("SELECT name_key FROM institution_name_keys WHERE institution = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? (rs.getString(1) == null ? "NULL" : rs.getString(1)) : null;
            }
        }
    }

    @Test
    void nameKeysFollowNewEpisodesAndRegistryChanges(@TempDir Path dir) throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.person("p1");
            f.work("e1", "p1", "Acme Widgets", "DE", "2012-01-01", null);
            f.study("e2", "p1", "M.I.T.", "US", "2008-01-01", "2011-01-01", "master");
            f.study("e3", "p1", "(--)", "US", "2008-01-01", "2011-01-01", "master");
            InstitutionRegistry.refreshNameKeys(f.c);
            assertThat(storedKey(f, "Acme Widgets")).isEqualTo("n:acmewidgets");
            assertThat(storedKey(f, "M.I.T.")).isEqualTo(builtin.keyOf("mit"));
            assertThat(storedKey(f, "(--)")).isEqualTo("NULL");
            // a name that arrives later is keyed on the next refresh
            f.work("e4", "p1", "ACME WIDGETS GMBH", "DE", "2013-01-01", null);
            assertThat(storedKey(f, "ACME WIDGETS GMBH")).isNull();
            InstitutionRegistry.refreshNameKeys(f.c);
            assertThat(storedKey(f, "ACME WIDGETS GMBH")).isEqualTo("n:acmewidgetsgmbh");
            // a registry change rekeys every name
            Path csv = dir.resolve("acme.csv");
            Files.writeString(csv, "name,aliases\nAcme Widgets,Acme Widgets GmbH\n", StandardCharsets.UTF_8);
            InstitutionRegistry.importCsv(f.c, csv);
            InstitutionRegistry.refreshNameKeys(f.c);
            assertThat(storedKey(f, "ACME WIDGETS GMBH")).isEqualTo("r:user:acmewidgets").isEqualTo(storedKey(f, "Acme Widgets"));
            try (Statement st = f.c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT institution) FROM institution_name_keys")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(4).isEqualTo(rs.getLong(2));
            }
        }
    }

    @Test
    void importWithoutANameColumnIsAnInputError(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "foo,bar\n1,2\n", StandardCharsets.UTF_8);
        try (Fixture f = new Fixture(dir)) {
            assertThatThrownBy(() -> InstitutionRegistry.importCsv(f.c, csv))
                .isInstanceOf(HaiguiException.class).hasMessageContaining("bad.csv").hasMessageContaining("name");
        }
    }

    @Test
    void unmatchedListsNamesMostFrequentFirstWithCandidates(@TempDir Path dir) throws Exception {
        try (Fixture f = new Fixture(dir)) {
            f.person("p1").person("p2").person("p3");
            f.study("e1", "p1", "Stanfrod University", "US", "2010-01-01", "2011-01-01", "master");
            f.study("e2", "p2", "Stanfrod  University", "US", "2010-01-01", "2011-01-01", "master");
            f.study("e3", "p3", "stanfrod university", "US", "2010-01-01", "2011-01-01", "master");
            f.work("e4", "p1", "Acme Widgets GmbH", "DE", "2012-01-01", null);
            f.work("e5", "p2", "MIT", "US", "2012-01-01", null); // matched through an alias
            f.episode("e6", "p3", "work", "Unknown Lab", "ror:123", "US", "2012-01-01", null, null); // has an id
            List<InstitutionRegistry.Unmatched> u = InstitutionRegistry.unmatched(f.c, 10, 3);
            assertThat(u).extracting(InstitutionRegistry.Unmatched::normalised)
                .containsExactly("stanfroduniversity", "acmewidgetsgmbh");
            assertThat(u.get(0).episodes()).isEqualTo(3);
            assertThat(u.get(0).name()).isIn("Stanfrod University", "Stanfrod  University", "stanfrod university");
            assertThat(u.get(0).candidates()).isNotEmpty();
            assertThat(u.get(0).candidates().get(0).name()).isEqualTo("Stanford University");
            assertThat(u.get(0).candidates().get(0).similarity()).isBetween(0.5, 1.0);
            // suggestions are never applied
            try (Statement st = f.c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM institution_aliases WHERE alias LIKE 'Stanfrod%'")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }
}
