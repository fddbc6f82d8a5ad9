package org.haigui.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, defect 13: categories in their natural order (age bands by age, unknown last), not as text. */
class CategoryOrderTest {

    @TempDir
    Path dir;

    @Test
    void ageBandsSortByAgeWithUnknownLast() {
        try (Fixture f = new Fixture(dir)) {
            String[][] people = {{"a", "1950-01-01"}, {"b", "1985-01-01"}, {"c", "1975-01-01"}, {"d", "1995-01-01"}, {"e", null}};
            for (String[] p : people) {
                f.person(p[0], "M", p[1], "master", "06").episode(p[0] + "-deg", p[0], "study", "2008-09-01", "2010-06-30", "master")
                    .move(p[0] + "-m", p[0], "2011-01-01", "arrive", "310104");
            }
            List<String> bands = f.compute("2020-12-31", "stock").stream()
                .filter(v -> v.indicator().equals("stock") && v.breakdown().equals("age_band")).map(IndicatorValue::category).toList();
            assertThat(bands).containsExactly("<30", "30-39", "40-49", "50+", "unknown");
        }
    }
}
