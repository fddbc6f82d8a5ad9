package org.haigui.disclosure;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.haigui.indicators.Catalogue;
import org.haigui.indicators.IndicatorEngine;
import org.haigui.indicators.IndicatorRequest;
import org.haigui.indicators.RawResult;

/**
 * Benchmark (not a unit test): protects the real engine's output of a store (e.g. the default synthetic city, 300,000
 * persons) and audits what would be published, ROUNDS times, printing the times and the suppression counts against the
 * baseline (the whole linked group of every primary cell). The engine runs once (its time is not counted); its raw
 * result is kept in CACHE (a binary dump, raw figures: keep it out of the repository) so the next invocation skips it.
 *
 * <pre>java -Xmx4g -cp target/haigui.jar:target/test-classes org.haigui.disclosure.RealOutputBenchmark STORE [CACHE] [ROUNDS] [AS_OF]</pre>
 */
public final class RealOutputBenchmark {

    private RealOutputBenchmark() {
    }

    /** CPU time of the whole process (all threads, the JIT and the collector included). */
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Primary cells by the rule that makes them sensitive, and secondary cells by what they are. */
    static void reasons(RawResult raw, Catalogue cat) {
        java.util.List<org.haigui.indicators.IndicatorValue> values = new java.util.ArrayList<>();
        java.util.List<org.haigui.indicators.Contributors> contributors = new java.util.ArrayList<>();
        raw.cells().forEach(c -> {
            values.add(c.value());
            contributors.add(c.contributors());
        });
        Model m = new Model(values, contributors, raw.relations(), cat::find);
        Protector p = new Protector(m, DisclosureRules.DEFAULTS);
        p.primary();
        p.components();
        p.protectAll();
        java.util.Map<String, Integer> count = new java.util.TreeMap<>();
        int minimum = DisclosureRules.DEFAULTS.minFrequency();
        for (int i = 0; i < m.n; i++) {
            if (!p.suppressed[i]) {
                continue;
            }
            String reason;
            if (p.primary[i]) {
                long units = m.contributors[i].units();
                reason = Model.DIFFERENCE.equals(m.keys[i].group()) ? "primary: difference row of a primary cell"
                    : units > 0 && units < minimum ? "primary: fewer than " + minimum + " contributors (" + m.kind[i] + ")"
                    : "primary: dominance (" + m.kind[i] + ")";
            } else {
                boolean zero = !(Math.abs(m.num[3 * i]) > 0) && !(Math.abs(m.num[3 * i + 2]) > 0);
                reason = Model.DIFFERENCE.equals(m.keys[i].group()) ? "secondary: difference row"
                    : zero ? "secondary: cell of value 0 (or 0 contributors)" : "secondary: other cell";
            }
            count.merge(reason, 1, Integer::sum);
        }
        count.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %,8d %s%n", v, k));
        System.out.printf(Locale.ROOT, "  secondary cells published again by the release pass: %,d%n", p.released);
    }

    public static void main(String[] args) {
        Path store = Path.of(args[0]);
        Path cache = args.length > 1 && !args[1].equals("-") ? Path.of(args[1]) : null;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        LocalDate asOf = args.length > 3 ? LocalDate.parse(args[3]) : LocalDate.of(2021, 9, 30);
        long t0 = System.nanoTime();
        RawResult raw = RealOutput.load(store, asOf, cache);
        Catalogue cat = new IndicatorEngine().catalogue(IndicatorRequest.of(asOf).context());
        System.out.printf(Locale.ROOT, "raw result: %,d cells, %,d relations (%.1f s to compute or load)%n", raw.cells().size(),
            raw.relations().size(), (System.nanoTime() - t0) / 1e9);
        for (int run = 0; run < rounds; run++) {
            long c1 = cpu();
            long t1 = System.nanoTime();
            ProtectedResult p = Disclosure.protect(raw, DisclosureRules.DEFAULTS, cat::find);
            long t2 = System.nanoTime();
            long c2 = cpu();
            AuditReport a = Audit.run(p.values(), cat::find, DisclosureRules.DEFAULTS);
            long t3 = System.nanoTime();
            long c3 = cpu();
            ProtectedResult.Stats s = p.stats();
            System.out.printf(Locale.ROOT,
                "protect %.2f s (cpu %.2f s): %,d cells, %,d primary, %,d secondary (baseline: %,d beyond primary), %,d linked groups, %,d audit rounds;"
                    + " audit %.2f s (cpu %.2f s): %,d suppressed, %,d exposed%n",
                (t2 - t1) / 1e9, (c2 - c1) / 1e9, s.cells(), s.primary(), s.secondary(), s.baseline() - s.primary(), s.linkedGroups(), s.auditRounds(),
                (t3 - t2) / 1e9, (c3 - c2) / 1e9, a.cells().size(), a.exposed().size());
            System.out.println("  left exposed by protection: " + s.exposed());
            if (run == 0) {
                reasons(raw, cat);
            }
            a.exposed().stream().limit(10).forEach(c -> System.out.println("  exposed: " + c));
        }
    }
}
