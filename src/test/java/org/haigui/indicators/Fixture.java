package org.haigui.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.haigui.store.Store;

/** A real store in a temporary folder, filled row by row with SQL; helpers to read values back. */
final class Fixture implements AutoCloseable {

    final Store store;

    Fixture(Path dir) {
        store = Store.open(dir.resolve("t.duckdb"));
    }

    void sql(String s) {
        try (Statement st = store.connection().createStatement()) {
            st.execute(s);
        } catch (SQLException e) {
            throw new IllegalStateException(s, e);
        }
    }

    private static String q(String v) {
        return v == null ? "NULL" : "'" + v.replace("'", "''") + "'";
    }

    private static String d(String v) {
        return v == null ? "NULL" : "DATE '" + v + "'";
    }

    Fixture person(String id) {
        return person(id, "M", "1985-05-05", "master", "06");
    }

    Fixture person(String id, String gender, String birth, String degree, String field) {
        sql("INSERT INTO persons (person_id, name_zh, gender, birth_date, highest_degree, field, batch_id) VALUES ("
            + q(id) + ", 'x', " + q(gender) + ", " + d(birth) + ", " + q(degree) + ", " + q(field) + ", 1)");
        return this;
    }

    Fixture episode(String id, String person, String kind, String start, String end, String degree) {
        return episode(id, person, kind, "US", start, end, degree);
    }

    Fixture episode(String id, String person, String kind, String country, String start, String end, String degree) {
        sql("INSERT INTO overseas_episodes (episode_id, person_id, kind, institution, country, start_date, end_date, degree, batch_id)"
            + " VALUES (" + q(id) + ", " + q(person) + ", " + q(kind) + ", 'Uni', " + q(country) + ", " + d(start) + ", " + d(end)
            + ", " + q(degree) + ", 1)");
        return this;
    }

    /** A returnee since 2010-06-30 (a finished master's degree). */
    Fixture returnee(String id) {
        person(id);
        return episode(id + "-deg", id, "study", "2008-09-01", "2010-06-30", "master");
    }

    Fixture move(String id, String person, String date, String event, String district) {
        sql("INSERT INTO city_moves (move_id, person_id, \"date\", event, district, batch_id) VALUES (" + q(id) + ", " + q(person)
            + ", " + d(date) + ", " + q(event) + ", " + q(district) + ", 1)");
        return this;
    }

    Fixture enterprise(String id, String founded, String dissolved) {
        return enterprise(id, founded, dissolved, "310104", null, "C3976");
    }

    Fixture enterprise(String id, String founded, String dissolved, String district, String zone, String industry) {
        sql("INSERT INTO enterprises (enterprise_id, name_zh, founded_date, dissolved_date, district, zone, industry, batch_id) VALUES ("
            + q(id) + ", 'e', " + d(founded) + ", " + d(dissolved) + ", " + q(district) + ", " + q(zone) + ", " + q(industry) + ", 1)");
        return this;
    }

    Fixture founder(String enterprise, String person) {
        sql("INSERT INTO enterprise_people (enterprise_id, person_id, role, batch_id) VALUES (" + q(enterprise) + ", " + q(person)
            + ", 'founder', 1)");
        return this;
    }

    /** A returnee-founded enterprise (its founder a returnee since 2010). */
    Fixture returneeFirm(String id, String founded, String dissolved) {
        returnee(id + "-f");
        enterprise(id, founded, dissolved);
        return founder(id, id + "-f");
    }

    /** An enterprise of the other group (its founder never abroad). */
    Fixture otherFirm(String id, String founded, String dissolved) {
        person(id + "-f");
        enterprise(id, founded, dissolved);
        return founder(id, id + "-f");
    }

    /** One enterprise_years row; {@code cols} like {@code "employees = 10, revenue = 5.5"}. */
    Fixture year(String enterprise, int year, String cols) {
        StringBuilder names = new StringBuilder("enterprise_id, \"year\", batch_id");
        StringBuilder vals = new StringBuilder(q(enterprise) + ", " + year + ", 1");
        if (!cols.isBlank()) {
            for (String part : cols.split(",(?=\\s*[a-z_]+\\s*=)")) {
                String[] kv = part.split("=", 2);
                names.append(", ").append(kv[0].trim());
                vals.append(", ").append(kv[1].trim());
            }
        }
        sql("INSERT INTO enterprise_years (" + names + ") VALUES (" + vals + ")");
        return this;
    }

    List<IndicatorValue> compute(String asOf, String... ids) {
        return new IndicatorEngine(Catalogue.core()).run(store.connection(),
            IndicatorRequest.of(LocalDate.parse(asOf)).withOnly(Set.of(ids)).withBootstrap(7, 1000)).values();
    }

    static Optional<IndicatorValue> find(List<IndicatorValue> vs, String indicator, String period, String group, String breakdown,
                                         String category) {
        return vs.stream().filter(v -> v.indicator().equals(indicator) && v.period().equals(period) && v.group().equals(group)
            && v.breakdown().equals(breakdown) && v.category().equals(category)).findFirst();
    }

    /** The total's value (empty breakdown), asserting that the row exists. */
    static BigDecimal value(List<IndicatorValue> vs, String indicator, String period, String group) {
        Optional<IndicatorValue> v = find(vs, indicator, period, group, "", "");
        assertThat(v).as(indicator + " " + period + " " + group).isPresent();
        return v.get().value();
    }

    static IndicatorValue row(List<IndicatorValue> vs, String indicator, String period, String group) {
        Optional<IndicatorValue> v = find(vs, indicator, period, group, "", "");
        assertThat(v).as(indicator + " " + period + " " + group).isPresent();
        return v.get();
    }

    @Override
    public void close() {
        store.close();
    }
}
