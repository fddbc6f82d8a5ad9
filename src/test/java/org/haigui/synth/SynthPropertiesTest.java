package org.haigui.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.haigui.core.Progress;

/** For any seed and size, clean output follows every rule and the damage list is exactly what a strict reader rejects. */
class SynthPropertiesTest {

    @Property(tries = 30)
    void anySeedGivesValidRecordsAndAnHonestDamageList(@ForAll long seed, @ForAll @IntRange(min = 1, max = 1_200) int persons,
                                                       @ForAll @DoubleRange(min = 0.0, max = 0.2) double rate) throws Exception {
        Path dir = Files.createTempDirectory("synth-prop");
        try {
            SynthResult r = Synthesizer.generate(new SynthOptions(dir, persons, seed, SynthOptions.Format.CSV, rate, 2), Progress.NONE);
            assertThat(r.rows().get("persons")).isEqualTo(persons);
            Set<String> expected = new TreeSet<>();
            Path list = dir.resolve(Synthesizer.DIRTY_FILE);
            if (Files.exists(list)) {
                List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
                for (String l : lines.subList(1, lines.size())) {
                    String[] f = l.split(",");
                    if (f[4].equals("rejected")) {
                        expected.add(f[0] + ":" + f[1]);
                    }
                }
            }
            assertThat(new TreeSet<>(RuleCheck.check(dir).rejected.keySet())).isEqualTo(expected);
        } finally {
            try (var s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
