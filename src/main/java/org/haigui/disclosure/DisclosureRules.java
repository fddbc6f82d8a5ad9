package org.haigui.disclosure;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.haigui.core.HaiguiException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The parameters of disclosure control, recorded with every protected output.
 *
 * @param minFrequency    a count, or the number of contributors behind any other figure, that is at least 1 and
 *                        below this is suppressed (minimum-frequency rule)
 * @param rule            the magnitude rule applied to sums of enterprise amounts
 * @param dominanceN      n of the (n,k) dominance rule: 1 or 2 (the engine carries the two largest contributions)
 * @param dominanceK      k of the (n,k) dominance rule, in percent: sensitive when the n largest make more than k% of the sum
 * @param pPercent        p of the p% rule: sensitive when the sum minus the two largest is less than p% of the largest
 *                        (the second largest contributor could then estimate the largest within p%)
 * @param exposureMargin  a suppressed cell is exposed when an intruder can name a number within this fraction of its
 *                        true value, whatever the true value inside the interval the published cells leave (0.10)
 */
public record DisclosureRules(int minFrequency, MagnitudeRule rule, int dominanceN, double dominanceK, double pPercent,
                              double exposureMargin) {

    /** Which rule decides whether a sum of enterprise amounts is sensitive. */
    public enum MagnitudeRule {
        DOMINANCE, P_PERCENT;

        String yaml() {
            return this == DOMINANCE ? "dominance" : "p-percent";
        }
    }

    /** min frequency 5, (2,85) dominance, p% 10 as the alternative, exposure margin 10%. */
    public static final DisclosureRules DEFAULTS = new DisclosureRules(5, MagnitudeRule.DOMINANCE, 2, 85, 10, 0.10);

    /** The keys of the configuration file. */
    static final java.util.List<String> KEYS = java.util.List.of("min_frequency", "rule", "dominance_n", "dominance_k",
        "p_percent", "exposure_margin");

    public DisclosureRules {
        if (minFrequency < 1) {
            throw new IllegalArgumentException("min_frequency must be at least 1, not " + minFrequency);
        }
        if (dominanceN != 1 && dominanceN != 2) {
            throw new IllegalArgumentException("dominance_n must be 1 or 2, not " + dominanceN);
        }
        if (!(dominanceK > 0 && dominanceK <= 100)) {
            throw new IllegalArgumentException("dominance_k must be in (0, 100], not " + dominanceK);
        }
        if (!(pPercent > 0 && pPercent <= 100)) {
            throw new IllegalArgumentException("p_percent must be in (0, 100], not " + pPercent);
        }
        if (!(exposureMargin >= 0 && exposureMargin < 1)) {
            throw new IllegalArgumentException("exposure_margin must be in [0, 1), not " + exposureMargin);
        }
        java.util.Objects.requireNonNull(rule, "rule");
    }

    /** The parameters as recorded with an output (the configuration file's keys, in order). */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min_frequency", minFrequency);
        m.put("rule", rule.yaml());
        m.put("dominance_n", dominanceN);
        m.put("dominance_k", dominanceK);
        m.put("p_percent", pPercent);
        m.put("exposure_margin", exposureMargin);
        return m;
    }

    /** The parameters as one line of text, e.g. for a log. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        asMap().forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return b.toString();
    }

    /** The rules of a YAML file; keys not given keep their default. */
    public static DisclosureRules read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(r, file.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw HaiguiException.input(file + ": no such file");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw HaiguiException.input(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw HaiguiException.input(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * The rules of YAML text ({@code name} names it in messages). Every error names the file and line: an unknown
     * key, a value of the wrong type or out of range, a key given twice, anything that is not a mapping of scalars.
     */
    public static DisclosureRules parse(Reader yaml, String name) {
        LoadSettings settings = LoadSettings.builder().setLabel(name).setAllowDuplicateKeys(true).build();
        Node root;
        try {
            root = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, yaml))).getSingleNode().orElse(null);
        } catch (YamlEngineException e) {
            throw HaiguiException.input(name + ": not valid YAML: " + e.getMessage().replace('\n', ' '), e);
        }
        Map<String, Object> v = new LinkedHashMap<>(DEFAULTS.asMap());
        if (root == null) {
            return DEFAULTS;
        }
        if (!(root instanceof MappingNode map)) {
            throw HaiguiException.input(name + ", line " + line(root) + ": expected a mapping of keys "
                + String.join(", ", KEYS));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (NodeTuple t : map.getValue()) {
            String where = name + ", line " + line(t.getKeyNode());
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw HaiguiException.input(where + ": a key must be a plain word");
            }
            String key = k.getValue();
            if (!KEYS.contains(key)) {
                throw HaiguiException.input(where + ": unknown key '" + key + "' (known: " + String.join(", ", KEYS) + ")");
            }
            if (!seen.add(key)) {
                throw HaiguiException.input(where + ": key '" + key + "' given twice");
            }
            if (!(t.getValueNode() instanceof ScalarNode s)) {
                throw HaiguiException.input(where + ": " + key + " must be a single value");
            }
            String text = s.getValue().trim();
            try {
                switch (key) {
                    case "min_frequency", "dominance_n" -> v.put(key, Integer.parseInt(text));
                    case "rule" -> v.put(key, switch (text.toLowerCase(Locale.ROOT)) {
                        case "dominance", "nk", "n,k" -> "dominance";
                        case "p-percent", "p%", "ppercent", "p_percent" -> "p-percent";
                        default -> throw HaiguiException.input(where + ": rule must be dominance or p-percent, not '" + text + "'");
                    });
                    default -> {
                        String num = text.endsWith("%") && key.equals("exposure_margin") ? text.substring(0, text.length() - 1) : text;
                        double d = Double.parseDouble(num);
                        if (!Double.isFinite(d)) {
                            throw new NumberFormatException();
                        }
                        v.put(key, text.endsWith("%") && key.equals("exposure_margin") ? d / 100 : d);
                    }
                }
            } catch (NumberFormatException e) {
                throw HaiguiException.input(where + ": " + key + " must be a number, not '" + text + "'");
            }
        }
        try {
            return new DisclosureRules((Integer) v.get("min_frequency"),
                "dominance".equals(v.get("rule")) ? MagnitudeRule.DOMINANCE : MagnitudeRule.P_PERCENT,
                (Integer) v.get("dominance_n"), ((Number) v.get("dominance_k")).doubleValue(),
                ((Number) v.get("p_percent")).doubleValue(), ((Number) v.get("exposure_margin")).doubleValue());
        } catch (IllegalArgumentException e) {
            throw HaiguiException.input(name + ": " + e.getMessage());
        }
    }

    private static int line(Node n) {
        return n.getStartMark().map(Mark::getLine).orElse(0) + 1;
    }
}
