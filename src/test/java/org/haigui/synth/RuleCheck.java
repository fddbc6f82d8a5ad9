package org.haigui.synth;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.haigui.ids.CreditCode;
import org.haigui.ids.IdentityNumber;
import org.haigui.schema.Column;
import org.haigui.schema.ColumnType;
import org.haigui.schema.Rule;
import org.haigui.schema.Schema;
import org.haigui.schema.Table;

/**
 * An independent reading of data-format.md's rules, applied to generated CSV files: which rows an
 * import must reject ("table:row" with the header as row 1) and why. A row that refers to a
 * rejected row is rejected too (its reference is in neither the store nor the import).
 */
final class RuleCheck {

    private static final Set<String> COUNTRIES = new HashSet<>(Arrays.asList(Locale.getISOCountries()));
    private static final Set<String> DISTRICTS = new HashSet<>(Arrays.asList(Ref.DISTRICTS));
    private static final Pattern INDUSTRY = Pattern.compile("[A-T][0-9]{0,4}");
    private static final Pattern PARTIAL = Pattern.compile("[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?");
    private static final Pattern FULL = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern INT = Pattern.compile("-?[0-9]+");
    private static final Pattern MONEY = Pattern.compile("-?[0-9]+(\\.[0-9]{1,2})?");
    private static final Pattern DEC = Pattern.compile("-?[0-9]+(\\.[0-9]{1,6})?");

    /** Rejected rows: "table:row" to the reasons. */
    final Map<String, List<String>> rejected = new LinkedHashMap<>();
    final Map<String, Long> rows = new LinkedHashMap<>();
    final Map<String, Long> duplicateIdNumbers = new HashMap<>();

    static RuleCheck check(Path dir) throws IOException {
        RuleCheck rc = new RuleCheck();
        Map<String, Map<String, LocalDate>> validKeys = new HashMap<>(); // table -> single key -> founded (enterprises) or null
        Set<String> creditCodes = new HashSet<>();
        Set<String> idNumbers = new HashSet<>();
        for (Table t : Schema.tables()) {
            Map<String, LocalDate> valid = new HashMap<>();
            validKeys.put(t.name(), valid);
            Set<String> keys = new HashSet<>();
            Map<String, String> weights = new HashMap<>();
            long n = 0;
            try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(dir.resolve(t.name() + ".csv"))) {
                List<String> header = null;
                for (CsvRecord rec : reader) {
                    if (header == null) {
                        header = rec.getFields();
                        continue;
                    }
                    n++;
                    long rowNo = rec.getStartingLineNumber();
                    Map<String, String> v = new HashMap<>();
                    for (int i = 0; i < header.size(); i++) {
                        String x = rec.getField(i);
                        v.put(header.get(i), x.isEmpty() ? null : x);
                    }
                    List<String> errs = new ArrayList<>();
                    for (Column c : t.columns()) {
                        String x = v.get(c.name());
                        if (x == null) {
                            if (c.required()) {
                                errs.add(c.name() + " missing");
                            }
                            continue;
                        }
                        String e = type(c, x);
                        if (e != null) {
                            errs.add(c.name() + ": " + e);
                            continue;
                        }
                        if (c.references() != null && !validKeys.get(c.references()).containsKey(x)) {
                            errs.add(c.name() + ": dangling " + x);
                        }
                    }
                    if (errs.isEmpty()) {
                        for (Rule r : t.rules()) {
                            String e = rule(r, v, validKeys);
                            if (e != null) {
                                errs.add(e);
                            }
                        }
                        if (t.name().equals("city_moves") && "arrive".equals(v.get("event")) && v.get("district") == null) {
                            errs.add("district required for arrive");
                        }
                    }
                    String key = String.join("|", t.keyNames().stream().map(v::get).map(String::valueOf).toList());
                    if (!keys.add(key)) {
                        errs.add("duplicate key " + key);
                    }
                    if (t.name().equals("enterprises") && v.get("credit_code") != null && !creditCodes.add(v.get("credit_code"))) {
                        errs.add("duplicate credit code");
                    }
                    if (t.name().equals("survey")) {
                        String w = v.get("weight") == null ? "1" : v.get("weight");
                        String prev = weights.putIfAbsent(v.get("respondent_id"), w);
                        if (prev != null && !prev.equals(w)) {
                            errs.add("weight differs within respondent");
                        }
                    }
                    if (errs.isEmpty()) {
                        if (t.keyNames().size() == 1) {
                            valid.put(v.get(t.keyNames().get(0)),
                                t.name().equals("enterprises") ? LocalDate.parse(v.get("founded_date")) : LocalDate.MIN);
                        }
                        if (t.name().equals("persons") && v.get("id_number") != null) {
                            String id = IdentityNumber.parse(v.get("id_number")).number().get().value();
                            if (!idNumbers.add(id)) {
                                rc.duplicateIdNumbers.merge("persons", 1L, Long::sum);
                            }
                        }
                    } else {
                        rc.rejected.put(t.name() + ":" + rowNo, errs);
                    }
                }
            }
            rc.rows.put(t.name(), n);
        }
        return rc;
    }

    static LocalDate partial(String x) {
        return switch (x.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(x), 1, 1);
            case 7 -> LocalDate.parse(x + "-01");
            default -> LocalDate.parse(x);
        };
    }

    private static String type(Column c, String x) {
        ColumnType ty = c.type();
        try {
            switch (ty) {
                case ID -> {
                    if (x.length() > 64 || x.chars().anyMatch(Character::isISOControl)) {
                        return "bad id";
                    }
                }
                case TEXT -> {
                }
                case DATE -> {
                    if (!FULL.matcher(x).matches()) {
                        return "not a date";
                    }
                    LocalDate.parse(x);
                }
                case PARTIAL_DATE -> {
                    if (!PARTIAL.matcher(x).matches()) {
                        return "not a date";
                    }
                    partial(x);
                }
                case INT -> {
                    if (!INT.matcher(x).matches()) {
                        return "not an int";
                    }
                    if (c.nonNegative() && x.startsWith("-")) {
                        return "negative";
                    }
                }
                case MONEY, DECIMAL -> {
                    if (!(ty == ColumnType.MONEY ? MONEY : DEC).matcher(x).matches()) {
                        return "not a number";
                    }
                    double d = Double.parseDouble(x);
                    if (c.nonNegative() && d < 0 || c.positive() && d <= 0) {
                        return "out of range";
                    }
                }
                case BOOL -> {
                    if (!Set.of("true", "false", "1", "0", "yes", "no", "是", "否").contains(x.toLowerCase(Locale.ROOT))) {
                        return "not a bool";
                    }
                }
                case COUNTRY -> {
                    if (!COUNTRIES.contains(x)) {
                        return "not a country";
                    }
                }
                case COUNTRY_LIST -> {
                    for (String p : x.split(";")) {
                        if (!COUNTRIES.contains(p)) {
                            return "not a country list";
                        }
                    }
                }
                case ENUM -> {
                    if (c.enumCode(x).isEmpty()) {
                        return "not one of the values";
                    }
                }
                case DISTRICT -> {
                    if (!DISTRICTS.contains(x)) {
                        return "not a district";
                    }
                }
                case INDUSTRY -> {
                    if (!INDUSTRY.matcher(x).matches()) {
                        return "not an industry code";
                    }
                }
                case FIELD -> {
                    if (!x.matches("0[0-9]|10")) {
                        return "not a field";
                    }
                }
                case ID_NUMBER -> {
                    IdentityNumber.Result r = IdentityNumber.parse(x);
                    if (!r.ok()) {
                        return r.error();
                    }
                }
                case CREDIT_CODE -> {
                    String e = CreditCode.validate(CreditCode.normalise(x));
                    if (e != null) {
                        return e;
                    }
                }
                default -> {
                    return "unknown type";
                }
            }
        } catch (RuntimeException e) {
            return "unparseable: " + e.getMessage();
        }
        return null;
    }

    private static String rule(Rule r, Map<String, String> v, Map<String, Map<String, LocalDate>> validKeys) {
        if (r instanceof Rule.NotBefore nb) {
            String a = v.get(nb.column());
            String b = v.get(nb.other());
            if (a != null && b != null && partial(a).isBefore(partial(b))) {
                return nb.column() + " before " + nb.other();
            }
        } else if (r instanceof Rule.AtMost am) {
            String a = v.get(am.column());
            String b = v.get(am.other());
            if (a != null && b != null && new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b)) > 0) {
                return am.column() + " above " + am.other();
            }
        } else if (r instanceof Rule.AtLeastOneOf al) {
            if (al.columns().stream().allMatch(c -> v.get(c) == null)) {
                return "none of " + al.columns();
            }
        } else if (r instanceof Rule.AgreesWithIdNumber ag) {
            String id = v.get(ag.idColumn());
            if (id != null) {
                IdentityNumber n = IdentityNumber.parse(id).number().get();
                String g = v.get(ag.genderColumn());
                if (g != null) {
                    String code = Schema.table("persons").get().column("gender").get().enumCode(g).get();
                    if (code.charAt(0) != n.gender()) {
                        return "gender disagrees with id number";
                    }
                }
                String b = v.get(ag.birthDateColumn());
                if (b != null && !partial(b).equals(n.birthDate())) {
                    return "birth date disagrees with id number";
                }
            }
        } else if (r instanceof Rule.YearNotBeforeReferenced yr) {
            LocalDate f = validKeys.get(yr.referencedTable()).get(v.get(yr.referenceColumn()));
            if (f != null && Integer.parseInt(v.get(yr.yearColumn())) < f.getYear()) {
                return "year before founding";
            }
        }
        return null;
    }
}
