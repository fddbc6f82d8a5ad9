package org.haigui.blueprint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.haigui.core.HaiguiException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads a survey definition (blueprint.md, "Survey definition": YAML 1.2, JSON accepted, UTF-8)
 * and checks every rule: no unknown key anywhere, every key of the example present, the type of
 * every value, question ids unique, option ids unique within their question, {@code type} either
 * {@code single} or {@code multiple}, at least one question and one option per question, ids
 * being survey-table ids (1-64 characters, no control characters; an option id has no {@code ;},
 * which separates the options of a multiple-choice answer). A bad file is refused with an
 * {@code INPUT} {@link HaiguiException} listing every error as {@code FILE:LINE: what is wrong}.
 */
public final class SurveyReader {

    /**
     * What a {@code --survey} option names: a survey definition file, or a built-in name when no such
     * file exists; null = none. The one reading of the option (CLI and Spark).
     */
    public static SurveyDefinition resolve(String arg) {
        if (arg == null) {
            return null;
        }
        Path p = Path.of(arg);
        if (java.nio.file.Files.exists(p)) {
            return read(p);
        }
        if (BUILT_IN.contains(arg)) {
            return builtIn(arg);
        }
        throw org.haigui.core.HaiguiException.input("--survey " + arg + ": no such file (built in: "
            + String.join(", ", BUILT_IN) + ")");
    }

    /** The shipped definitions (resources {@code /survey/<name>.yaml}). */
    public static final List<String> BUILT_IN = List.of("entrepreneurs2021");

    private static final List<String> TOP = List.of("survey", "questions");
    private static final List<String> SURVEY = List.of("id", "name_zh", "name_en");
    private static final List<String> QUESTION = List.of("id", "type", "text_zh", "text_en", "options");
    private static final List<String> OPTION = List.of("id", "text_zh", "text_en");

    private SurveyReader() {
    }

    public static SurveyDefinition read(Path file) {
        return parse(file.toString(), BlueprintReader.readBytes(file));
    }

    public static SurveyDefinition parse(String name, byte[] utf8) {
        return parse(name, YamlTree.decode(name, utf8));
    }

    public static SurveyDefinition parse(String name, String text) {
        YamlTree y = new YamlTree(name);
        Optional<Node> root = y.parse(text);
        SurveyDefinition d = root.map(r -> definition(y, r)).orElse(null);
        y.throwIfErrors("survey definition");
        return d;
    }

    /** The definition of the synthetic city's survey of returnee entrepreneurs ({@code haigui synth}). */
    public static SurveyDefinition entrepreneurs2021() {
        return builtIn("entrepreneurs2021");
    }

    public static SurveyDefinition builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw HaiguiException.usage("no built-in survey definition '" + name + "' (built in: " + String.join(", ", BUILT_IN) + ")");
        }
        return parse("survey/" + name + ".yaml (built in)", BlueprintReader.resource("/survey/" + name + ".yaml"));
    }

    /**
     * Whether a file's top level looks like a survey definition (a {@code survey} or
     * {@code questions} key and no {@code city}) rather than a blueprint; false when it cannot be
     * parsed (the blueprint reader then reports why).
     */
    public static boolean looksLikeSurvey(String name, byte[] utf8) {
        try {
            YamlTree y = new YamlTree(name);
            Optional<Node> root = y.parse(YamlTree.decode(name, utf8));
            if (root.isEmpty() || !(root.get() instanceof MappingNode m)) {
                return false;
            }
            boolean survey = false;
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    if (k.getValue().equals("city")) {
                        return false;
                    }
                    survey |= k.getValue().equals("survey") || k.getValue().equals("questions");
                }
            }
            return survey;
        } catch (HaiguiException e) {
            return false;
        }
    }

    private static SurveyDefinition definition(YamlTree y, Node root) {
        Map<String, Node> top = y.mapping(root, "the survey definition", TOP, List.of());
        if (top == null) {
            return null;
        }
        String id = null;
        String zh = null;
        String en = null;
        if (top.containsKey("survey")) {
            Map<String, Node> s = y.mapping(top.get("survey"), "survey", SURVEY, List.of());
            if (s != null) {
                id = id(y, s, "survey", false);
                zh = y.text(s, "name_zh", "survey");
                en = y.text(s, "name_en", "survey");
            }
        }
        List<SurveyDefinition.Question> questions = new ArrayList<>();
        Node qn = top.get("questions");
        List<Node> items = qn == null ? null : y.sequence(qn, "questions");
        if (items != null && items.isEmpty()) {
            y.error(qn, "questions must list at least one question");
        }
        Map<String, Integer> qids = new HashMap<>();
        int index = 0;
        for (Node item : items == null ? List.<Node>of() : items) {
            index++;
            Map<String, Node> q = y.mapping(item, "question #" + index, QUESTION, List.of());
            if (q == null) {
                continue;
            }
            String qid = id(y, q, "question #" + index, false);
            String what = qid == null ? "question #" + index : "question '" + qid + "'";
            if (qid != null) {
                Integer first = qids.putIfAbsent(qid, YamlTree.line(q.get("id")));
                if (first != null) {
                    y.error(q.get("id"), "duplicate question id '" + qid + "' (first at line " + first + ")");
                }
            }
            SurveyDefinition.Type type = null;
            String t = y.text(q, "type", what);
            if (t != null) {
                switch (t) {
                    case "single" -> type = SurveyDefinition.Type.SINGLE;
                    case "multiple" -> type = SurveyDefinition.Type.MULTIPLE;
                    default -> y.error(q.get("type"), "bad type '" + t + "' of " + what + ": must be single or multiple");
                }
            }
            String tzh = y.text(q, "text_zh", what);
            String ten = y.text(q, "text_en", what);
            List<SurveyDefinition.Option> options = options(y, q.get("options"), what);
            if (qid != null && type != null && tzh != null && ten != null && options != null) {
                questions.add(new SurveyDefinition.Question(qid, type, tzh, ten, options));
            }
        }
        if (id == null || zh == null || en == null || !y.errors().isEmpty()) {
            return null;
        }
        return new SurveyDefinition(id, zh, en, questions);
    }

    private static List<SurveyDefinition.Option> options(YamlTree y, Node n, String what) {
        if (n == null) {
            return null;
        }
        List<Node> items = y.sequence(n, "'options' of " + what);
        if (items == null) {
            return null;
        }
        if (items.isEmpty()) {
            y.error(n, "'options' of " + what + " must list at least one option");
            return null;
        }
        List<SurveyDefinition.Option> out = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        boolean ok = true;
        int index = 0;
        for (Node item : items) {
            index++;
            Map<String, Node> o = y.mapping(item, "option #" + index + " of " + what, OPTION, List.of());
            if (o == null) {
                ok = false;
                continue;
            }
            String oid = id(y, o, "option #" + index + " of " + what, true);
            String ow = oid == null ? "option #" + index + " of " + what : "option '" + oid + "' of " + what;
            if (oid != null) {
                Integer first = ids.putIfAbsent(oid, YamlTree.line(o.get("id")));
                if (first != null) {
                    y.error(o.get("id"), "duplicate option id '" + oid + "' in " + what + " (first at line " + first + ")");
                }
            }
            String zh = y.text(o, "text_zh", ow);
            String en = y.text(o, "text_en", ow);
            if (oid == null || zh == null || en == null) {
                ok = false;
            } else {
                out.add(new SurveyDefinition.Option(oid, zh, en));
            }
        }
        return ok ? out : null;
    }

    /** An id as the survey table holds ids: 1-64 characters, no control characters (an option id: no {@code ;}). */
    private static String id(YamlTree y, Map<String, Node> m, String what, boolean option) {
        String id = y.text(m, "id", what);
        if (id == null) {
            return null;
        }
        Node at = m.get("id");
        if (id.codePointCount(0, id.length()) > 64 || id.codePoints().anyMatch(Character::isISOControl)) {
            y.error(at, "id of " + what + " must be 1-64 characters without control characters");
        }
        if (option && id.contains(";")) {
            y.error(at, "option id '" + id + "' of " + what.toLowerCase(Locale.ROOT)
                + " must not contain ';' (it separates the options of a multiple-choice answer)");
        }
        return id;
    }
}
