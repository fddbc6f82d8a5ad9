package org.haigui.blueprint;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.haigui.core.HaiguiException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One YAML 1.2 file (JSON included) read as a node tree with line numbers, and the checks every
 * definition file shares: a mapping's keys (unknown, missing, duplicate), the type of each value
 * (mapping, list, text), each error recorded as {@code FILE:LINE: what is wrong} so that a reader
 * can report all the errors of a file at once.
 *
 * <p>Scalars are taken as written: {@code years: 2021-2025} or an unquoted {@code 06} are the text
 * {@code 2021-2025} and {@code 06} (the YAML type a schema would give them plays no part), so
 * quoting is never needed for codes; an empty value or {@code null} / {@code ~} is a missing value.
 */
final class YamlTree {

    /** Larger files are refused before parsing (a blueprint is a few hundred lines). */
    static final int MAX_CHARS = 4_000_000;

    final String file;
    private final List<String> errors = new ArrayList<>();

    YamlTree(String file) {
        this.file = file;
    }

    /** Decodes UTF-8 strictly (a byte-order mark is dropped). */
    static String decode(String file, byte[] bytes) {
        int off = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, off, bytes.length - off)).toString();
        } catch (CharacterCodingException e) {
            throw HaiguiException.input(file + ": not UTF-8 text (save the file as UTF-8)", e);
        }
    }

    /** The root node, or empty after recording a syntax error (or an empty file). */
    Optional<Node> parse(String text) {
        if (text.length() > MAX_CHARS) {
            errors.add(file + ": file too large for a definition file (" + text.length() + " characters)");
            return Optional.empty();
        }
        LoadSettings settings = LoadSettings.builder()
            .setLabel(file)
            .setUseMarks(true)
            .setAllowDuplicateKeys(true) // reported below with both lines
            .setMaxAliasesForCollections(50)
            .setAllowRecursiveKeys(false)
            .setCodePointLimit(MAX_CHARS * 2)
            .build();
        try {
            Optional<Node> root = new Compose(settings).composeReader(new StringReader(text));
            if (root.isEmpty()) {
                errors.add(file + ":1: the file is empty");
            }
            return root;
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().or(e::getContextMark).orElse(null);
            String what = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String ctx = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            errors.add(file + ":" + (m == null ? 1 : m.getLine() + 1) + ": YAML syntax error: " + oneLine(what) + oneLine(ctx));
            return Optional.empty();
        } catch (YamlEngineException e) {
            errors.add(file + ": YAML syntax error: " + oneLine(String.valueOf(e.getMessage())));
            return Optional.empty();
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\n\\s*", " ").strip();
    }

    static int line(Node n) {
        return n.getStartMark().map(m -> m.getLine() + 1).orElse(1);
    }

    void error(Node at, String what) {
        errors.add(file + ":" + line(at) + ": " + what);
    }

    List<String> errors() {
        return errors;
    }

    /** Throws the collected errors (one per line) as an INPUT error; does nothing when there are none. */
    void throwIfErrors(String kind) {
        if (errors.isEmpty()) {
            return;
        }
        String head = errors.size() == 1 ? "" : file + ": " + errors.size() + " errors in this " + kind + ":\n";
        throw HaiguiException.input(head + String.join("\n", errors));
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.isPlain() && Tag.NULL.equals(s.getTag());
    }

    static String describe(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(n)) {
            return "empty";
        }
        return "the text '" + ((ScalarNode) n).getValue() + "'";
    }

    /**
     * The keys of a mapping, in file order. Records an error for a value that is not a mapping,
     * for keys that are not text, for duplicate keys, for every key not in {@code required} or
     * {@code optional} (with the nearest known key as a hint) and for every missing required key
     * (a key whose value is empty counts as missing). Returns null when the node is not a mapping.
     */
    Map<String, Node> mapping(Node n, String what, List<String> required, List<String> optional) {
        if (!(n instanceof MappingNode m)) {
            error(n, what + " must be a mapping of keys to values, not " + describe(n));
            return null;
        }
        Map<String, Node> out = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode ks) || isNull(k)) {
                error(k, "a key in " + what + " must be a name, not " + describe(k));
                continue;
            }
            String key = ks.getValue();
            if (firstLine.containsKey(key)) {
                error(k, "duplicate key '" + key + "' in " + what + " (first at line " + firstLine.get(key) + ")");
                continue;
            }
            firstLine.put(key, line(k));
            if (!required.contains(key) && !optional.contains(key)) {
                List<String> known = new ArrayList<>(required);
                known.addAll(optional);
                // the hint prefers a key the mapping lacks: 'name_cn' beside name_en means name_zh
                List<String> absent = new ArrayList<>(known);
                for (NodeTuple o : m.getValue()) {
                    if (o.getKeyNode() instanceof ScalarNode os) {
                        absent.remove(os.getValue());
                    }
                }
                String near = nearest(key, absent);
                if (near == null) {
                    near = nearest(key, known);
                }
                error(k, "unknown key '" + key + "' in " + what
                    + (near == null ? "" : " (did you mean '" + near + "'?)")
                    + "; allowed: " + String.join(", ", known));
                continue;
            }
            if (isNull(t.getValueNode())) {
                if (required.contains(key)) {
                    error(k, "missing value for '" + key + "' in " + what);
                }
                continue; // an empty optional value is as if the key were left out
            }
            out.put(key, t.getValueNode());
        }
        for (String r : required) {
            if (!out.containsKey(r) && !firstLine.containsKey(r)) {
                error(n, "missing key '" + r + "' in " + what);
            }
        }
        return out;
    }

    /** The items of a list, or null (error recorded) when the node is not a list. */
    List<Node> sequence(Node n, String what) {
        if (!(n instanceof SequenceNode s)) {
            error(n, what + " must be a list, not " + describe(n));
            return null;
        }
        return s.getValue();
    }

    /** The text of a scalar as written (trimmed), or null (error recorded) for a list, mapping, empty value. */
    String text(Node n, String what) {
        if (!(n instanceof ScalarNode s) || isNull(n)) {
            error(n, what + " must be text, not " + describe(n));
            return null;
        }
        String v = s.getValue().strip();
        if (v.isEmpty()) {
            error(n, what + " must not be empty");
            return null;
        }
        return v;
    }

    /** A required text value of a mapping (its absence was recorded by {@link #mapping}). */
    String text(Map<String, Node> m, String key, String what) {
        Node n = m.get(key);
        return n == null ? null : text(n, "'" + key + "' of " + what);
    }

    /** A list of texts; null items are skipped after an error. Absent key = empty list. */
    List<String> texts(Map<String, Node> m, String key, String what) {
        Node n = m.get(key);
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        List<Node> items = sequence(n, "'" + key + "' of " + what);
        if (items == null) {
            return out;
        }
        for (Node item : items) {
            String t = text(item, "an item of '" + key + "' of " + what);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** Each item of a list of texts with its node, for checks that name the item's line. */
    <T> List<T> each(Map<String, Node> m, String key, String what, Function<Node, T> f) {
        Node n = m.get(key);
        List<T> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        List<Node> items = sequence(n, "'" + key + "' of " + what);
        if (items != null) {
            for (Node item : items) {
                T t = f.apply(item);
                if (t != null) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** The known key at edit distance at most 2 from an unknown one, for a "did you mean" hint. */
    static String nearest(String key, List<String> known) {
        String best = null;
        int bestD = 3;
        String k = key.toLowerCase(Locale.ROOT);
        for (String c : known) {
            int d = distance(k, c);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
