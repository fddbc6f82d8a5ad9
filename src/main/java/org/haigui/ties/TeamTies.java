package org.haigui.ties;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.haigui.core.HaiguiException;
import org.haigui.core.NameNormalizer;

/** Initial core teams and their overseas ties. */
public final class TeamTies {

    private TeamTies() {
    }

    /**
     * The initial core team of one enterprise as of {@code asOf}, each member's overseas episodes,
     * and every tie. Unknown enterprise (or one founded after {@code asOf}): NOT_FOUND. Keys the
     * episodes' institution names not keyed yet first ({@link InstitutionRegistry#refreshNameKeys}),
     * so it writes the store when there are any.
     */
    public static TeamReport team(Connection c, String enterpriseId, LocalDate asOf) {
        try {
            String name;
            LocalDate founded;
            LocalDate dissolved;
            try (var ps = c.prepareStatement(
                "SELECT name_zh, founded_date, dissolved_date FROM enterprises WHERE enterprise_id = ?")) {
                ps.setString(1, enterpriseId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new HaiguiException(HaiguiException.Kind.NOT_FOUND, "no enterprise with enterprise_id '"
                            + enterpriseId + "' in the store");
                    }
                    name = rs.getString(1);
                    founded = date(rs, 2);
                    dissolved = date(rs, 3);
                }
            }
            if (founded.isAfter(asOf)) {
                throw new HaiguiException(HaiguiException.Kind.NOT_FOUND, "enterprise '" + enterpriseId + "' was founded on "
                    + founded + ", after the as-of date " + asOf + ", so as of that date it does not exist yet");
            }
            InstitutionRegistry.refreshNameKeys(c);
            RegistryModel model = RegistryStore.load(c);
            prepare(c, asOf, enterpriseId);
            boolean rf;
            Set<String> returnees = new HashSet<>();
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM tie_rf")) {
                    rs.next();
                    rf = rs.getLong(1) > 0;
                }
                try (ResultSet rs = st.executeQuery("SELECT person_id FROM tie_returnee")) {
                    while (rs.next()) {
                        returnees.add(rs.getString(1));
                    }
                }
            }
            LocalDate dissolvedAsOf = dissolved != null && !dissolved.isAfter(asOf) ? dissolved : null;
            boolean active = dissolvedAsOf == null || dissolvedAsOf.getYear() >= asOf.getYear();

            Map<String, List<TeamReport.Episode>> episodes = new LinkedHashMap<>();
            Map<String, TeamReport.Episode> episodeById = new LinkedHashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT ep.person_id, ep.episode_id, o.kind, o.institution, ep.iid, ep.name_key, o.country, ep.s, o.end_date "
                    + "FROM tie_ep ep JOIN overseas_episodes o ON o.episode_id = ep.episode_id "
                    + "ORDER BY ep.person_id, ep.s, ep.episode_id")) {
                while (rs.next()) {
                    String key = rs.getString(6);
                    String regId = null;
                    String regName = null;
                    if (key != null && key.startsWith("r:")) {
                        regId = key.substring(2);
                        RegistryModel.Institution inst = model.byId.get(regId);
                        regName = inst == null ? null : inst.name();
                    }
                    LocalDate end = date(rs, 9);
                    if (end != null && end.isAfter(asOf)) {
                        end = null; // not yet known as of the date: still abroad then
                    }
                    TeamReport.Episode ep = new TeamReport.Episode(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), regId, regName, rs.getString(7), date(rs, 8), end);
                    episodes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(ep);
                    episodeById.put(ep.episodeId(), ep);
                }
            }
            List<TeamReport.Tie> ties = new ArrayList<>();
            Set<String> school = new HashSet<>();
            Set<String> colleague = new HashSet<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT person_a, person_b, kc, episode_a, episode_b, matched_by, overlap_start, overlap_end FROM tie_pairs "
                    + "ORDER BY person_a, person_b, overlap_start, episode_a, episode_b")) {
                while (rs.next()) {
                    String a = rs.getString(1);
                    String b = rs.getString(2);
                    boolean isSchool = "S".equals(rs.getString(3));
                    (isSchool ? school : colleague).add(a);
                    if (a.compareTo(b) > 0) {
                        continue; // each unordered pair once
                    }
                    TeamReport.Episode ea = episodeById.get(rs.getString(4));
                    TeamReport.Episode eb = episodeById.get(rs.getString(5));
                    String matchedBy = "institution_id".equals(rs.getString(6)) ? "institution_id"
                        : NameNormalizer.normalise(ea.institution()).equals(NameNormalizer.normalise(eb.institution()))
                            ? "same name after normalisation" : "registry alias";
                    LocalDate os = date(rs, 7);
                    LocalDate oe = date(rs, 8);
                    ties.add(new TeamReport.Tie(isSchool ? "schoolmate" : "colleague", a, ea.episodeId(), ea.institution(),
                        b, eb.episodeId(), eb.institution(), matchedBy, os, oe, ChronoUnit.DAYS.between(os, oe) + 1));
                }
            }
            List<TeamReport.Member> members = new ArrayList<>();
            Set<String> inTeam = new HashSet<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT person_id, role, joined_date FROM tie_team "
                    + "ORDER BY CASE WHEN role = 'founder' THEN 0 ELSE 1 END, person_id")) {
                while (rs.next()) {
                    String p = rs.getString(1);
                    inTeam.add(p);
                    members.add(new TeamReport.Member(p, rs.getString(2), date(rs, 3), returnees.contains(p),
                        school.contains(p), colleague.contains(p), episodes.getOrDefault(p, List.of())));
                }
            }
            List<String> notInTeam = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT person_id, role, joined_date FROM enterprise_people "
                + "WHERE enterprise_id = ? ORDER BY person_id")) {
                ps.setString(1, enterpriseId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String p = rs.getString(1);
                        if (inTeam.contains(p)) {
                            continue;
                        }
                        LocalDate joined = date(rs, 3);
                        String why;
                        if (joined != null && joined.isAfter(asOf)) {
                            why = "joined " + joined + ", after the as-of date";
                        } else if (joined == null) {
                            why = "core member without joined_date";
                        } else {
                            why = "core member joined " + joined + ", more than 365 days after founding";
                        }
                        notInTeam.add(p + " (" + rs.getString(2) + "): " + why);
                    }
                }
            }
            dropTemp(c);
            return new TeamReport(enterpriseId, name, founded, dissolvedAsOf, asOf, rf, active, members, notInTeam, ties);
        } catch (SQLException e) {
            throw HaiguiException.store("cannot compute the team of enterprise '" + enterpriseId + "': " + e.getMessage(), e);
        }
    }

    /** Builds the temp tables of {@link TieSql} up to {@code tie_pairs} for one enterprise. */
    private static void prepare(Connection c, LocalDate asOf, String enterpriseId) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(TieSql.ent(asOf, enterpriseId));
            st.execute(TieSql.team(asOf));
            st.execute(TieSql.founderEpisodes(asOf));
            st.execute(TieSql.returnees(asOf));
            st.execute(TieSql.RETURNEE_FOUNDED);
            st.execute(TieSql.episodes(asOf));
            st.execute(TieSql.PAIRS);
        }
    }

    private static void dropTemp(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String t : TieSql.TEMP_TABLES) {
                st.execute("DROP TABLE IF EXISTS " + t);
            }
        }
    }

    /** A DATE column as a LocalDate, independent of the JVM's time zone. */
    static LocalDate date(ResultSet rs, int col) throws SQLException {
        return rs.getObject(col, LocalDate.class);
    }
}
