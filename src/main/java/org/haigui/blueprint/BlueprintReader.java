package org.haigui.blueprint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.haigui.core.HaiguiException;
import org.haigui.core.NameNormalizer;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads a blueprint file (blueprint.md: YAML 1.2, JSON accepted, UTF-8) and checks every rule of
 * the format: no unknown key anywhere, every required key, the type of every value, ids
 * ({@code [a-z0-9_]+}) unique within their list, district codes of six digits and unique, code
 * prefixes {@code ^[A-T][0-9]{0,4}$}, fields {@code 00}-{@code 10}, every zone district among the
 * districts, at least one industry, and no zone name or alias (normalised) naming two zones. A bad
 * file is refused with an {@code INPUT} {@link HaiguiException} listing every error as
 * {@code FILE:LINE: what is wrong}.
 *
 * <p>Choices where blueprint.md leaves room: every key shown in its example is required except a
 * zone's {@code aliases}; {@code zones} may be an empty list; an industry needs at least one code
 * and one field, a zone at least one district; {@code plan.years} is {@code YYYY-YYYY}; an entry
 * listed twice in one list (a code, field, district or alias) is an error (it is almost always a
 * typo for another one).
 */
public final class BlueprintReader {

    /** The shipped blueprints (resources {@code /blueprint/<name>.yaml}); the first is the default. */
    public static final List<String> BUILT_IN = List.of("shanghai", "shenzhen");

    static final Pattern ID = Pattern.compile("[a-z0-9_]+");
    static final Pattern CODE_PREFIX = Pattern.compile("^[A-T][0-9]{0,4}$");
    static final Pattern FIELD = Pattern.compile("^(0[0-9]|10)$");
    static final Pattern DISTRICT = Pattern.compile("^[0-9]{6}$");
    static final Pattern YEARS = Pattern.compile("^([0-9]{4})-([0-9]{4})$");

    private static final List<String> TOP = List.of("city", "plan", "districts", "industries", "zones");
    private static final List<String> CITY = List.of("id", "name_zh", "name_en");
    private static final List<String> PLAN = List.of("name_zh", "name_en", "years", "source");
    private static final List<String> DISTRICT_KEYS = List.of("code", "name_zh", "name_en");
    /** A district's tile on the report's map: [column, row], whole numbers 0..MAX_TILE. */
    private static final List<String> DISTRICT_OPTIONAL = List.of("tile");
    private static final int MAX_TILE = 20;
    private static final List<String> INDUSTRY = List.of("id", "name_zh", "name_en", "tier", "codes", "fields", "source");
    private static final List<String> ZONE = List.of("id", "name_zh", "name_en", "districts", "source");
    private static final List<String> ZONE_OPTIONAL = List.of("aliases");

    private BlueprintReader() {
    }

    /**
     * What a {@code --blueprint} option names: a blueprint file, or a built-in name when no such file
     * exists; null = Shanghai's; {@code none} (when no file has that name) = no blueprint, so the
     * blueprint's indicators are not available. The one reading of the option (CLI and Spark).
     */
    public static Blueprint resolve(String arg) {
        if (arg == null) {
            return shanghai();
        }
        Path p = Path.of(arg);
        if (Files.exists(p)) {
            return read(p);
        }
        if (arg.equals("none")) {
            return null;
        }
        if (BUILT_IN.contains(arg)) {
            return builtIn(arg);
        }
        throw HaiguiException.input("--blueprint " + arg + ": no such file (built in: " + String.join(", ", BUILT_IN) + ")");
    }

    /** Reads and checks a blueprint file. */
    public static Blueprint read(Path file) {
        return parse(file.toString(), readBytes(file));
    }

    /** Reads and checks a blueprint given as bytes; {@code name} is how errors name the file. */
    public static Blueprint parse(String name, byte[] utf8) {
        return parse(name, YamlTree.decode(name, utf8));
    }

    /** Reads and checks a blueprint given as text; {@code name} is how errors name the file. */
    public static Blueprint parse(String name, String text) {
        YamlTree y = new YamlTree(name);
        Optional<Node> root = y.parse(text);
        Blueprint b = root.map(r -> new BlueprintReader.Checker(y).blueprint(r)).orElse(null);
        y.throwIfErrors("blueprint");
        return b;
    }

    /** Shanghai's 2021-2025 blueprint, the default. */
    public static Blueprint shanghai() {
        return builtIn("shanghai");
    }

    /**
     * The shipped blueprints, each read once per process: a {@link Blueprint} is immutable (records of
     * copied lists), and a process that serves or runs many commands (the server, the tests and benchmarks)
     * read the same file for each (measured: 5-15 ms each warm, 126 ms the first time).
     */
    private static final java.util.concurrent.ConcurrentMap<String, Blueprint> SHIPPED = new java.util.concurrent.ConcurrentHashMap<>();

    /** A shipped blueprint by name ({@link #BUILT_IN}); an unknown name is a usage error. */
    public static Blueprint builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw HaiguiException.usage("no built-in blueprint '" + name + "' (built in: " + String.join(", ", BUILT_IN) + ")");
        }
        return SHIPPED.computeIfAbsent(name, n -> parse("blueprint/" + n + ".yaml (built in)", resource("/blueprint/" + n + ".yaml")));
    }

    static byte[] resource(String path) {
        try (InputStream in = BlueprintReader.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new HaiguiException(HaiguiException.Kind.INTERNAL, "resource " + path + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new HaiguiException(HaiguiException.Kind.INTERNAL, "cannot read resource " + path, e);
        }
    }

    static byte[] readBytes(Path file) {
        try {
            if (Files.size(file) > YamlTree.MAX_CHARS * 4L) {
                throw HaiguiException.input(file + ": file too large for a definition file");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw HaiguiException.input(file + ": no such file", e);
        } catch (IOException e) {
            throw HaiguiException.input(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The checks of one file; every error goes to the tree's list, nothing stops at the first. */
    private static final class Checker {

        private final YamlTree y;

        Checker(YamlTree y) {
            this.y = y;
        }

        Blueprint blueprint(Node root) {
            Map<String, Node> top = y.mapping(root, "the blueprint", TOP, List.of());
            if (top == null) {
                return null;
            }
            Blueprint.City city = top.containsKey("city") ? city(top.get("city")) : null;
            Blueprint.Plan plan = top.containsKey("plan") ? plan(top.get("plan")) : null;
            List<District> districts = districts(top.get("districts"));
            Set<String> codes = new HashSet<>();
            districts.forEach(d -> codes.add(d.code()));
            List<Industry> industries = industries(top.get("industries"));
            List<Zone> zones = zones(top.get("zones"), codes);
            if (city == null || plan == null || !y.errors().isEmpty()) {
                return null;
            }
            return new Blueprint(city, plan, districts, industries, zones);
        }

        private Blueprint.City city(Node n) {
            Map<String, Node> m = y.mapping(n, "city", CITY, List.of());
            if (m == null) {
                return null;
            }
            String id = y.text(m, "id", "city");
            if (id != null && !ID.matcher(id).matches()) {
                y.error(m.get("id"), "city id '" + id + "' must be lower-case letters, digits and _ ([a-z0-9_]+)");
            }
            String zh = y.text(m, "name_zh", "city");
            String en = y.text(m, "name_en", "city");
            return id == null || zh == null || en == null ? null : new Blueprint.City(id, zh, en);
        }

        private Blueprint.Plan plan(Node n) {
            Map<String, Node> m = y.mapping(n, "plan", PLAN, List.of());
            if (m == null) {
                return null;
            }
            String zh = y.text(m, "name_zh", "plan");
            String en = y.text(m, "name_en", "plan");
            String years = y.text(m, "years", "plan");
            if (years != null) {
                var mm = YEARS.matcher(years);
                if (!mm.matches() || Integer.parseInt(mm.group(1)) > Integer.parseInt(mm.group(2))) {
                    y.error(m.get("years"), "plan years '" + years + "' must be first-last year, e.g. 2021-2025");
                }
            }
            String source = y.text(m, "source", "plan");
            return zh == null || en == null || years == null || source == null ? null : new Blueprint.Plan(zh, en, years, source);
        }

        private List<District> districts(Node n) {
            List<District> out = new ArrayList<>();
            if (n == null) {
                return out;
            }
            List<Node> items = y.sequence(n, "districts");
            if (items == null) {
                return out;
            }
            if (items.isEmpty()) {
                y.error(n, "districts must list at least one district");
            }
            Map<String, Integer> seen = new HashMap<>();
            Map<String, String> tiles = new HashMap<>();
            List<String> untiled = new ArrayList<>();
            boolean tiled = false;
            for (Node item : items) {
                Map<String, Node> m = y.mapping(item, "a district", DISTRICT_KEYS, DISTRICT_OPTIONAL);
                if (m == null) {
                    continue;
                }
                String code = y.text(m, "code", "a district");
                String what = code == null ? "a district" : "district " + code;
                if (code != null && !DISTRICT.matcher(code).matches()) {
                    y.error(m.get("code"), "district code '" + code + "' must be a six-digit GB/T 2260 code (310101)");
                }
                if (code != null && seen.containsKey(code)) {
                    y.error(m.get("code"), "duplicate district code " + code + " (first at line " + seen.get(code) + ")");
                } else if (code != null) {
                    seen.put(code, YamlTree.line(m.get("code")));
                }
                String zh = y.text(m, "name_zh", what);
                String en = y.text(m, "name_en", what);
                Node tileNode = m.get("tile");
                if (tileNode == null || YamlTree.isNull(tileNode)) {
                    untiled.add(code == null ? what : code);
                } else {
                    tiled = true;
                }
                int[] tile = tile(tileNode, what, tiles);
                if (code != null && zh != null && en != null) {
                    out.add(new District(code, zh, en, tile == null ? -1 : tile[0], tile == null ? -1 : tile[1]));
                }
            }
            // the map is drawn only when every district has its tile: some without would leave holes in it
            // (a tile given but wrong has its own error above)
            if (tiled && !untiled.isEmpty()) {
                y.error(n, "districts: a tile is given for some districts but not for " + String.join(", ", untiled)
                    + "; give every district its tile (for the report's map) or none");
            }
            return out;
        }

        /** The [column, row] of a district's tile, or null when not given (or wrong: then an error is noted). */
        private int[] tile(Node n, String what, Map<String, String> tiles) {
            if (n == null || YamlTree.isNull(n)) {
                return null;
            }
            String rule = what + ": tile must be [column, row], two whole numbers from 0 to " + MAX_TILE + " (e.g. tile: [3, 0])";
            List<Node> items = y.sequence(n, what + " tile");
            if (items == null) {
                return null;
            }
            if (items.size() != 2) {
                y.error(n, rule);
                return null;
            }
            int[] t = new int[2];
            for (int i = 0; i < 2; i++) {
                String v = items.get(i) instanceof ScalarNode s ? s.getValue().strip() : "";
                if (!v.matches("\\d{1,2}") || Integer.parseInt(v) > MAX_TILE) {
                    y.error(n, rule);
                    return null;
                }
                t[i] = Integer.parseInt(v);
            }
            String at = t[0] + "," + t[1];
            String other = tiles.putIfAbsent(at, what);
            if (other != null) {
                y.error(n, what + ": tile [" + t[0] + ", " + t[1] + "] is already " + other + "'s; each district has a tile of its own");
                return null;
            }
            return t;
        }

        private List<Industry> industries(Node n) {
            List<Industry> out = new ArrayList<>();
            if (n == null) {
                return out;
            }
            List<Node> items = y.sequence(n, "industries");
            if (items == null) {
                return out;
            }
            if (items.isEmpty()) {
                y.error(n, "industries must list at least one priority industry");
            }
            Map<String, Integer> ids = new HashMap<>();
            int index = 0;
            for (Node item : items) {
                index++;
                Map<String, Node> m = y.mapping(item, "industry #" + index, INDUSTRY, List.of());
                if (m == null) {
                    continue;
                }
                String id = id(m, "industry #" + index, ids, "industry");
                String what = id == null ? "industry #" + index : "industry '" + id + "'";
                String zh = y.text(m, "name_zh", what);
                String en = y.text(m, "name_en", what);
                String tier = y.text(m, "tier", what);
                List<String> codes = list(m, "codes", what, "code", CODE_PREFIX,
                    "must be a GB/T 4754-2017 code prefix: a section letter A-T and 0-4 digits (C3973, I65)");
                List<String> fields = list(m, "fields", what, "field", FIELD,
                    "must be an ISCED-F 2013 broad field \"00\"-\"10\" (two digits)");
                String source = y.text(m, "source", what);
                if (id != null && zh != null && en != null && tier != null && codes != null && fields != null && source != null) {
                    out.add(new Industry(id, zh, en, tier, codes, fields, source));
                }
            }
            return out;
        }

        private List<Zone> zones(Node n, Set<String> districtCodes) {
            List<Zone> out = new ArrayList<>();
            if (n == null) {
                return out;
            }
            List<Node> items = y.sequence(n, "zones");
            if (items == null) {
                return out;
            }
            Map<String, Integer> ids = new HashMap<>();
            Map<String, String> keyOwner = new LinkedHashMap<>(); // normalised name -> "zone 'x' (line n)"
            int index = 0;
            for (Node item : items) {
                index++;
                Map<String, Node> m = y.mapping(item, "zone #" + index, ZONE, ZONE_OPTIONAL);
                if (m == null) {
                    continue;
                }
                String id = id(m, "zone #" + index, ids, "zone");
                String what = id == null ? "zone #" + index : "zone '" + id + "'";
                String zh = y.text(m, "name_zh", what);
                String en = y.text(m, "name_en", what);
                List<String> aliases = m.containsKey("aliases") ? list(m, "aliases", what, "alias", null, null) : List.of();
                List<String> districts = list(m, "districts", what, "district", null, null);
                if (districts != null) {
                    for (Node d : y.sequence(m.get("districts"), "districts")) {
                        String code = ((ScalarNode) d).getValue().strip();
                        if (!districtCodes.contains(code)) {
                            y.error(d, "district " + code + " of " + what + " is not one of the blueprint's districts");
                        }
                    }
                }
                String source = y.text(m, "source", what);
                // every name and alias must name this zone only
                String owner = what + " (line " + YamlTree.line(item) + ")";
                checkName(m.get("name_zh"), zh, owner, keyOwner);
                checkName(m.get("name_en"), en, owner, keyOwner);
                if (aliases != null && m.containsKey("aliases")) {
                    for (Node a : y.sequence(m.get("aliases"), "aliases")) {
                        if (a instanceof ScalarNode s && !YamlTree.isNull(a)) {
                            checkName(a, s.getValue().strip(), owner, keyOwner);
                        }
                    }
                }
                if (id != null && zh != null && en != null && aliases != null && districts != null && source != null) {
                    out.add(new Zone(id, zh, en, aliases, districts, source));
                }
            }
            return out;
        }

        private void checkName(Node at, String name, String owner, Map<String, String> keyOwner) {
            if (name == null || at == null) {
                return;
            }
            String key = NameNormalizer.normalise(name);
            if (key.isEmpty()) {
                y.error(at, "zone name '" + name + "' has no letter or digit, so it can match nothing");
                return;
            }
            String prev = keyOwner.putIfAbsent(key, owner);
            if (prev != null && !prev.equals(owner)) {
                y.error(at, "zone name '" + name + "' of " + owner.substring(0, owner.indexOf(" (line"))
                    + " also names " + prev + " after normalisation ('" + key + "'): a name must name one zone");
            }
        }

        /** The item's id: checked for form and uniqueness within its list. */
        private String id(Map<String, Node> m, String what, Map<String, Integer> ids, String kind) {
            String id = y.text(m, "id", what);
            if (id == null) {
                return null;
            }
            Node at = m.get("id");
            if (!ID.matcher(id).matches()) {
                y.error(at, kind + " id '" + id + "' must be lower-case letters, digits and _ ([a-z0-9_]+)");
            }
            Integer first = ids.putIfAbsent(id, YamlTree.line(at));
            if (first != null) {
                y.error(at, "duplicate " + kind + " id '" + id + "' (first at line " + first + ")");
            }
            return id;
        }

        /**
         * A required or optional non-empty list of texts, each matching {@code form} when given and
         * none listed twice; null after an error in the list itself.
         */
        private List<String> list(Map<String, Node> m, String key, String what, String item, Pattern form, String rule) {
            Node n = m.get(key);
            if (n == null) {
                return null; // missing: recorded by mapping()
            }
            List<Node> items = y.sequence(n, "'" + key + "' of " + what);
            if (items == null) {
                return null;
            }
            if (items.isEmpty()) {
                y.error(n, "'" + key + "' of " + what + " must list at least one " + item);
                return null;
            }
            List<String> out = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            boolean ok = true;
            for (Node i : items) {
                String t = y.text(i, "an item of '" + key + "' of " + what);
                if (t == null) {
                    ok = false;
                    continue;
                }
                if (form != null && !form.matcher(t).matches()) {
                    y.error(i, "bad " + item + " '" + t + "' in " + what + ": " + rule);
                    ok = false;
                }
                Integer first = seen.putIfAbsent(t, YamlTree.line(i));
                if (first != null) {
                    y.error(i, item + " '" + t + "' is listed twice in " + what + " (first at line " + first + ")");
                    ok = false;
                }
                out.add(t);
            }
            return ok ? out : null;
        }
    }
}
