package org.haigui.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.haigui.ids.CreditCode;
import org.haigui.ids.IdHasher;
import org.haigui.ids.IdText;
import org.haigui.ids.IdentityNumber;
import org.haigui.schema.City;
import org.haigui.schema.Column;
import org.haigui.schema.ColumnType;
import org.haigui.schema.Rule;
import org.haigui.schema.Table;

/**
 * Checks one row of one table against every row-level rule of the schema and turns it into
 * store values (in {@link Table#storeColumns()} order). Rules that need other rows or the store
 * (references, unique values, keys seen twice) are checked in SQL by the {@link Importer}.
 */
final class RowValidator {

    /** The outcome: store values (null where missing or invalid) and every error. */
    record Checked(Object[] values, List<FieldError> errors) {
        boolean ok() {
            return errors.isEmpty();
        }
    }

    private final Table table;
    private final List<Column> columns;
    private final String[] headerNames; // per schema column: the header as the user wrote it (or canonical name)
    private final int[] storeIndex;    // per schema column: index of its first store column
    private final int storeWidth;
    private final City city;
    private final Supplier<IdHasher> hasher;
    private IdHasher idHasher;

    private final SurveyCheck survey;
    /*
     * Per-row costs paid once (this runs for every row of every file, and the profile of an import
     * showed the list iterators, the scans of col() and enumCode's alias loop): the columns and rules
     * as arrays, the columns by name, and per enumeration column the codes of the raw values seen
     * (enumCode is a pure function of the value; bounded, so memory stays flat).
     */
    private final Column[] cols;
    private final Rule[] rules;
    private final java.util.Map<String, Integer> byName = new java.util.HashMap<>();
    private final java.util.Map<String, String>[] enumCodes;
    /** Raw values remembered per enumeration column: enough for any code list with its aliases and spellings. */
    private static final int ENUM_CACHE = 256;

    RowValidator(Table table, String[] headerNames, City city, Supplier<IdHasher> hasher) {
        this(table, headerNames, city, hasher, SurveyCheck.NONE);
    }

    RowValidator(Table table, String[] headerNames, City city, Supplier<IdHasher> hasher, SurveyCheck survey) {
        this.survey = survey;
        this.table = table;
        this.columns = table.columns();
        this.headerNames = headerNames;
        this.city = city;
        this.hasher = hasher;
        this.storeIndex = new int[columns.size()];
        int idx = 0;
        for (int i = 0; i < columns.size(); i++) {
            storeIndex[i] = idx;
            idx += columns.get(i).storeColumns().size();
        }
        this.storeWidth = idx;
        this.cols = columns.toArray(new Column[0]);
        this.rules = table.rules().toArray(new Rule[0]);
        for (int i = 0; i < cols.length; i++) {
            byName.putIfAbsent(cols[i].name(), i);
        }
        @SuppressWarnings("unchecked")
        java.util.Map<String, String>[] codes = new java.util.Map[cols.length];
        for (int i = 0; i < cols.length; i++) {
            if (cols[i].type() == ColumnType.ENUM) {
                codes[i] = new java.util.HashMap<>();
            }
        }
        this.enumCodes = codes;
    }

    int storeWidth() {
        return storeWidth;
    }

    /** Raw cell values per schema column (null = column absent or cell empty); {@code numeric} marks Excel number cells. */
    Checked check(String[] raw, boolean[] numeric) {
        Object[] out = new Object[storeWidth];
        List<FieldError> errors = new ArrayList<>(0);
        IdentityNumber idNumber = null;
        String[] normalised = new String[cols.length];
        for (int i = 0; i < cols.length; i++) {
            Column c = cols[i];
            String v = raw[i];
            if (v != null) {
                v = c.type() == ColumnType.TEXT ? v.trim() : Values.normalise(v);
            }
            if (v == null || v.isEmpty()) {
                if (c.required()) {
                    errors.add(new FieldError(headerNames[i], "", "required value is missing"));
                }
                continue;
            }
            normalised[i] = v;
            try {
                if (c.type() != ColumnType.ID_NUMBER && IdText.containsValid(v)) {
                    // in an id column, a number column or inside text alike: it would be stored in clear
                    throw new Values.Bad("looks like an identity number; identity numbers belong in id_number only");
                }
                Object value = parse(c, i, v, numeric != null && numeric[i]);
                if (c.type() == ColumnType.ID_NUMBER) {
                    idNumber = (IdentityNumber) value;
                    if (idHasher == null) {
                        idHasher = hasher.get();
                    }
                    out[storeIndex[i]] = idHasher.hash(idNumber.value());
                    out[storeIndex[i] + 1] = idNumber.areaCode();
                } else {
                    out[storeIndex[i]] = value;
                }
            } catch (Values.Bad bad) {
                String shown = Masking.value(c.type() == ColumnType.ID_NUMBER, v);
                errors.add(new FieldError(headerNames[i], shown, bad.getMessage()));
            }
        }
        for (Rule r : rules) {
            applyRowRule(r, out, normalised, idNumber, errors);
        }
        if (survey != SurveyCheck.NONE && table.name().equals("survey")) {
            checkAnswer(normalised, errors);
        }
        return new Checked(out, errors);
    }

    /** The survey definition's checks (blueprint.md): the question must be defined, the answer one of its options. */
    private void checkAnswer(String[] norm, List<FieldError> errors) {
        int q = col("question");
        int a = col("answer");
        if (norm[q] == null) {
            return; // already an error: required value is missing
        }
        String why = survey.unknownQuestion(norm[q]);
        if (why != null) {
            errors.add(new FieldError(header("question"), norm[q], why));
        } else if (norm[a] != null) {
            why = survey.badAnswer(norm[q], norm[a]);
            if (why != null) {
                errors.add(new FieldError(header("answer"), norm[a], why));
            }
        }
    }

    private Object parse(Column c, int i, String v, boolean numeric) throws Values.Bad {
        Object value = switch (c.type()) {
            case ID -> Values.id(v);
            case TEXT -> text(v);
            case DATE -> Values.date(v, false, numeric);
            case PARTIAL_DATE -> Values.date(v, true, numeric);
            case INT -> Values.integer(v);
            case MONEY -> Values.decimal(v, 2);
            case DECIMAL -> Values.decimal(v, 6);
            case BOOL -> Values.bool(v);
            case COUNTRY -> Values.country(v);
            case COUNTRY_LIST -> Values.countryList(v);
            case ENUM -> enumCode(c, i, v);
            case DISTRICT -> {
                if (!city.isDistrict(v)) {
                    throw new Values.Bad("not a district code of " + city.name() + " (6 digits, e.g. "
                        + city.districts().keySet().iterator().next() + ")");
                }
                yield v;
            }
            case INDUSTRY -> Values.industry(v);
            case FIELD -> Values.field(v);
            case ID_NUMBER -> {
                if (numeric && v.replaceAll("[^0-9]", "").length() > 15) {
                    // Excel keeps 15 significant digits: an 18-digit number typed into a General cell has lost its last ones
                    throw new Values.Bad("the cell is an Excel number, and Excel keeps only 15 digits, so the last digits of this "
                        + "identity number are lost: format the column as text (设置单元格格式为“文本”) and type or paste the numbers "
                        + "again (身份证号被 Excel 存为数字，末几位已丢失)");
                }
                IdentityNumber.Result r = IdentityNumber.parse(v);
                if (!r.ok()) {
                    throw new Values.Bad(r.error());
                }
                yield r.number().get();
            }
            case CREDIT_CODE -> {
                String code = CreditCode.normalise(v);
                String err = CreditCode.validate(code);
                if (err != null) {
                    throw new Values.Bad(err);
                }
                yield code;
            }
        };
        if (value instanceof Long l) {
            if (c.nonNegative() && l < 0) {
                throw new Values.Bad("must be 0 or more");
            }
            if (c.positive() && l <= 0) {
                throw new Values.Bad("must be more than 0");
            }
        } else if (value instanceof BigDecimal d) {
            if (c.nonNegative() && d.signum() < 0) {
                throw new Values.Bad("must be 0 or more");
            }
            if (c.positive() && d.signum() <= 0) {
                throw new Values.Bad("must be more than 0");
            }
        }
        return value;
    }

    /**
     * Free text is kept as written (a leading '=' stays text: nothing is ever evaluated), except
     * that control characters other than tab and line breaks are refused. A value that holds a
     * valid identity number, alone or inside text, is refused outside the id_number column (see
     * {@link #check}), so that an identity number cannot reach the store in clear.
     */
    private static String text(String v) throws Values.Bad {
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0x7f) {
                throw new Values.Bad(String.format(java.util.Locale.ROOT,
                    "holds the control character U+%04X at position %d (text may not hold control characters)", (int) ch, i + 1));
            }
        }
        return v;
    }

    /** {@link Column#enumCode}, remembered per raw value (up to {@value #ENUM_CACHE} values per column). */
    private String enumCode(Column c, int i, String v) throws Values.Bad {
        java.util.Map<String, String> seen = enumCodes[i];
        String code = seen.get(v);
        if (code != null) {
            return code;
        }
        code = c.enumCode(v).orElseThrow(() -> new Values.Bad("not one of " + allowed(c)));
        if (seen.size() < ENUM_CACHE) {
            seen.put(v, code);
        }
        return code;
    }

    private static String allowed(Column c) {
        StringBuilder sb = new StringBuilder();
        for (var ev : c.values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(ev.code());
            if (!ev.aliases().isEmpty()) {
                sb.append('/').append(ev.aliases().get(0));
            }
        }
        return sb.toString();
    }

    private void applyRowRule(Rule r, Object[] out, String[] norm, IdentityNumber id, List<FieldError> errors) {
        if (r instanceof Rule.NotBefore nb) {
            Object a = value(out, nb.column());
            Object b = value(out, nb.other());
            if (a instanceof LocalDate da && b instanceof LocalDate db && da.isBefore(db)) {
                errors.add(new FieldError(header(nb.column()), norm[col(nb.column())],
                    "is before " + header(nb.other()) + " (" + norm[col(nb.other())] + ")"));
            }
        } else if (r instanceof Rule.AtMost am) {
            Object a = value(out, am.column());
            Object b = value(out, am.other());
            if (a != null && b != null && compare(a, b) > 0) {
                errors.add(new FieldError(header(am.column()), norm[col(am.column())],
                    "is more than " + header(am.other()) + " (" + norm[col(am.other())] + ")"));
            }
        } else if (r instanceof Rule.AtLeastOneOf one) {
            boolean any = false;
            for (String name : one.columns()) {
                any |= norm[col(name)] != null;
            }
            if (!any) {
                errors.add(new FieldError(header(one.columns().get(0)), "",
                    "at least one of " + String.join(", ", one.columns()) + " is required"));
            }
        } else if (r instanceof Rule.RequiredWhen rw) {
            if (rw.value().equals(value(out, rw.other())) && norm[col(rw.column())] == null) {
                errors.add(new FieldError(header(rw.column()), "", "required when " + rw.other() + " is " + rw.value()));
            }
        } else if (r instanceof Rule.OnlyWhen ow) {
            Object v = value(out, ow.column());
            Object other = value(out, ow.other());
            if (v != null && !v.equals(ow.allowedAlways()) && other != null && !ow.value().equals(other)) {
                errors.add(new FieldError(header(ow.column()), norm[col(ow.column())],
                    "only allowed when " + ow.other() + " is " + ow.value()));
            }
        } else if (r instanceof Rule.AgreesWithIdNumber ag) {
            if (id == null) {
                return;
            }
            int gi = storeIndex[col(ag.genderColumn())];
            int bi = storeIndex[col(ag.birthDateColumn())];
            String g = (String) out[gi];
            String implied = String.valueOf(id.gender());
            if (g == null && norm[col(ag.genderColumn())] == null) {
                out[gi] = implied; // implied by the identity number
            } else if (g != null && !g.equals(implied)) {
                errors.add(new FieldError(header(ag.genderColumn()), norm[col(ag.genderColumn())],
                    "does not agree with the identity number (which implies " + implied + ")"));
            }
            LocalDate b = (LocalDate) out[bi];
            String rawBirth = norm[col(ag.birthDateColumn())];
            if (b == null && rawBirth == null) {
                out[bi] = id.birthDate();
            } else if (b != null && !agrees(rawBirth, b, id.birthDate())) {
                errors.add(new FieldError(header(ag.birthDateColumn()), rawBirth,
                    "does not agree with the birth date in the identity number"));
            }
        }
        // YearNotBeforeReferenced, Unique and SameWithin need other rows: the Importer checks them in SQL.
    }

    /** A partial birth date agrees when the identity number's date falls in it (same year, or same month). */
    private static boolean agrees(String raw, LocalDate given, LocalDate fromId) {
        int len = raw == null ? 10 : raw.length();
        if (len == 4) {
            return given.getYear() == fromId.getYear();
        }
        if (len == 7) {
            return given.getYear() == fromId.getYear() && given.getMonth() == fromId.getMonth();
        }
        return given.equals(fromId);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Long la && b instanceof Long lb) {
            return Long.compare(la, lb);
        }
        return ((Comparable) a).compareTo(b);
    }

    private int col(String name) {
        Integer i = byName.get(name);
        if (i == null) {
            throw new IllegalArgumentException(table.name() + "." + name);
        }
        return i;
    }

    private Object value(Object[] out, String name) {
        return out[storeIndex[col(name)]];
    }

    private String header(String name) {
        return headerNames[col(name)];
    }
}
