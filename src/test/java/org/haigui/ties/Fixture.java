package org.haigui.ties;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import org.haigui.store.Store;

/** Hand-built records written straight into a real store (batch 0). */
final class Fixture implements AutoCloseable {

    final Store store;
    final Connection c;

    Fixture(Path dir) {
        store = Store.open(dir.resolve("t.duckdb"));
        c = store.connection();
    }

    private void exec(String sql, Object... args) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    ps.setObject(i + 1, LocalDate.parse(s));
                } else {
                    ps.setObject(i + 1, a);
                }
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Fixture person(String id) {
        exec("INSERT INTO persons (person_id, name_en, batch_id) VALUES (?, ?, 0)", id, "Person " + id);
        return this;
    }

    /** An episode; {@code end} and {@code iid} and {@code degree} may be null. */
    Fixture episode(String id, String person, String kind, String institution, String iid, String country, String start,
                    String end, String degree) {
        exec("INSERT INTO overseas_episodes (episode_id, person_id, kind, institution, institution_id, country, start_date, "
            + "end_date, degree, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
            id, person, kind, institution, iid, country, start, end, degree);
        return this;
    }

    Fixture study(String id, String person, String institution, String country, String start, String end, String degree) {
        return episode(id, person, "study", institution, null, country, start, end, degree);
    }

    Fixture work(String id, String person, String institution, String country, String start, String end) {
        return episode(id, person, "work", institution, null, country, start, end, null);
    }

    Fixture enterprise(String id, String founded, String dissolved) {
        exec("INSERT INTO enterprises (enterprise_id, name_zh, founded_date, dissolved_date, district, industry, batch_id) "
            + "VALUES (?, ?, ?, ?, '310104', 'I65', 0)", id, "企业" + id, founded, dissolved);
        return this;
    }

    Fixture member(String enterprise, String person, String role, String joined) {
        exec("INSERT INTO enterprise_people (enterprise_id, person_id, role, joined_date, batch_id) VALUES (?, ?, ?, ?, 0)",
            enterprise, person, role, joined);
        return this;
    }

    Fixture year(String enterprise, int year, String markets) {
        exec("INSERT INTO enterprise_years (enterprise_id, year, overseas_markets, batch_id) VALUES (?, ?, ?, 0)",
            enterprise, (long) year, markets);
        return this;
    }

    @Override
    public void close() {
        store.close();
    }
}
