package org.haigui.synth;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.haigui.ids.CreditCode;
import org.haigui.ids.IdentityNumber;

/**
 * Damages a share of the rows of a block the way real registry exports are damaged, and lists
 * what it did. A rejected persons or enterprises row makes every row that refers to it dangling:
 * those rows are listed too (kind {@code dangling_reference_cascade}), so that the list is exactly
 * the set of rows an import must reject. Full-width digits in an identity number are normalised
 * (NFKC) and accepted by the import: they are listed with {@code expected = accepted}.
 */
final class Dirt {

    static final String CASCADE = "dangling_reference_cascade";

    private Dirt() {
    }

    static void apply(Block b, long seed, double rate) {
        if (rate <= 0) {
            return;
        }
        Rng r = new Rng(seed, b.index, 0xD127L);
        Set<String> deadPersons = new HashSet<>();
        Set<String> deadFirms = new HashSet<>();
        Set<Long> damaged = new HashSet<>();
        for (int t = 0; t < T.COUNT; t++) {
            List<String[]> rows = b.rows.get(t);
            for (int i = 0; i < rows.size(); i++) {
                if (!r.p(rate)) {
                    continue;
                }
                String[] row = rows.get(i);
                String key = t == T.PERSONS ? row[T.P_ID] : t == T.ENTERPRISES ? row[T.F_ID] : null;
                Block.Damage d = null;
                for (int attempt = 0; attempt < 6 && d == null; attempt++) {
                    d = damage(r, t, i, row);
                }
                if (d == null) {
                    continue;
                }
                b.damages.add(d);
                if (d.rejected()) {
                    damaged.add(((long) t << 32) | i);
                    if (key != null) {
                        (t == T.PERSONS ? deadPersons : deadFirms).add(key);
                    }
                }
            }
        }
        if (deadPersons.isEmpty() && deadFirms.isEmpty()) {
            return;
        }
        int[][] personRefs = {{T.EPISODES, T.X_PERSON}, {T.MOVES, T.M_PERSON}, {T.PEOPLE, T.E_PERSON}, {T.SUPPORT, T.S_PERSON}, {T.SURVEY, T.Q_PERSON}};
        int[][] firmRefs = {{T.PEOPLE, T.E_FIRM}, {T.YEARS, T.Y_FIRM}, {T.SUPPORT, T.S_FIRM}, {T.SURVEY, T.Q_FIRM}};
        cascade(b, personRefs, deadPersons, damaged);
        cascade(b, firmRefs, deadFirms, damaged);
    }

    private static void cascade(Block b, int[][] refs, Set<String> dead, Set<Long> damaged) {
        if (dead.isEmpty()) {
            return;
        }
        for (int[] ref : refs) {
            List<String[]> rows = b.rows.get(ref[0]);
            for (int i = 0; i < rows.size(); i++) {
                String v = rows.get(i)[ref[1]];
                if (v != null && dead.contains(v) && damaged.add(((long) ref[0] << 32) | i)) {
                    b.damages.add(new Block.Damage(ref[0], i, T.column(ref[0], ref[1]), CASCADE, true));
                }
            }
        }
    }

    private static Block.Damage hit(int t, int i, int col, String kind) {
        return new Block.Damage(t, i, T.column(t, col), kind, true);
    }

    /** One damage to the row, or null when the drawn kind does not apply to it. */
    private static Block.Damage damage(Rng r, int t, int i, String[] row) {
        if (t == T.PERSONS) {
            String id = row[T.P_IDNO];
            switch (r.below(8)) {
                case 0:
                    if (id == null) {
                        return null;
                    }
                    row[T.P_IDNO] = id.substring(0, 17) + otherThan(r, id.charAt(17), "0123456789X");
                    return hit(t, i, T.P_IDNO, "bad_check_digit");
                case 1:
                    if (id == null) {
                        return null;
                    }
                    String first17 = id.substring(0, 10) + (r.p(0.5) ? "0230" : "1301") + id.substring(14, 17);
                    row[T.P_IDNO] = first17 + IdentityNumber.checkCharacter(first17);
                    return hit(t, i, T.P_IDNO, "impossible_birth_date_in_id_number");
                case 2:
                    if (id == null || row[T.P_GENDER] == null) {
                        return null;
                    }
                    boolean male = "M".equals(row[T.P_GENDER]) || "男".equals(row[T.P_GENDER]);
                    row[T.P_GENDER] = male ? "F" : "M";
                    return hit(t, i, T.P_GENDER, "gender_disagrees_with_id_number");
                case 3:
                    if (id == null) {
                        return null;
                    }
                    StringBuilder sb = new StringBuilder();
                    for (char c : id.toCharArray()) {
                        sb.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c);
                    }
                    row[T.P_IDNO] = sb.toString();
                    return new Block.Damage(t, i, "id_number", "fullwidth_digits_in_id_number", false);
                case 4:
                    row[T.P_ZH] = null;
                    row[T.P_EN] = null;
                    return hit(t, i, T.P_ZH, "no_name");
                case 5:
                    row[T.P_DEGREE] = "MSc";
                    return hit(t, i, T.P_DEGREE, "bad_enum_value");
                case 6:
                    row[T.P_FIELD] = "11";
                    return hit(t, i, T.P_FIELD, "bad_field_code");
                default:
                    if (row[T.P_GENDER] == null || row[T.P_BIRTH] == null) {
                        return null;
                    }
                    String g = row[T.P_GENDER];
                    row[T.P_GENDER] = row[T.P_BIRTH];
                    row[T.P_BIRTH] = g;
                    return hit(t, i, T.P_GENDER, "swapped_columns");
            }
        }
        if (t == T.EPISODES) {
            switch (r.below(6)) {
                case 0:
                    if (row[T.X_END] == null) {
                        return null;
                    }
                    row[T.X_END] = Formats.date(start(row[T.X_START]).minusDays(r.between(30, 400)));
                    return hit(t, i, T.X_END, "end_before_start");
                case 1:
                    row[T.X_START] = row[T.X_START].substring(0, 4) + "-02-30";
                    return hit(t, i, T.X_START, "impossible_date");
                case 2:
                    row[T.X_COUNTRY] = switch (row[T.X_COUNTRY]) {
                        case "US" -> "USA";
                        case "GB" -> "England";
                        default -> "XYZ";
                    };
                    return hit(t, i, T.X_COUNTRY, "bad_country_code");
                case 3:
                    row[T.X_PERSON] = "P9" + row[T.X_PERSON].substring(1);
                    return hit(t, i, T.X_PERSON, "dangling_reference");
                case 4:
                    row[T.X_INST] = null;
                    return hit(t, i, T.X_INST, "missing_required");
                default:
                    row[T.X_KIND] = "internship";
                    return hit(t, i, T.X_KIND, "bad_enum_value");
            }
        }
        if (t == T.MOVES) {
            boolean arrive = "arrive".equals(row[T.M_EVENT]);
            switch (r.below(5)) {
                case 0:
                    if (!arrive) {
                        return null;
                    }
                    row[T.M_DISTRICT] = null;
                    return hit(t, i, T.M_DISTRICT, "missing_district_on_arrive");
                case 1:
                    if (!arrive) {
                        return null;
                    }
                    row[T.M_DISTRICT] = "110101";
                    return hit(t, i, T.M_DISTRICT, "district_not_in_city");
                case 2:
                    row[T.M_DATE] = row[T.M_DATE].substring(0, 4) + "-04-31";
                    return hit(t, i, T.M_DATE, "impossible_date");
                case 3:
                    row[T.M_PERSON] = "P9" + row[T.M_PERSON].substring(1);
                    return hit(t, i, T.M_PERSON, "dangling_reference");
                default:
                    row[T.M_EVENT] = "moved";
                    return hit(t, i, T.M_EVENT, "bad_enum_value");
            }
        }
        if (t == T.ENTERPRISES) {
            switch (r.below(5)) {
                case 0:
                    String cc = row[T.F_CREDIT];
                    if (cc == null) {
                        return null;
                    }
                    row[T.F_CREDIT] = cc.substring(0, 17) + otherThan(r, cc.charAt(17), CreditCode.CHARSET);
                    return hit(t, i, T.F_CREDIT, "bad_check_character");
                case 1:
                    row[T.F_DISSOLVED] = Formats.date(LocalDate.parse(row[T.F_FOUNDED]).minusDays(r.between(1, 700)));
                    return hit(t, i, T.F_DISSOLVED, "dissolved_before_founded");
                case 2:
                    row[T.F_INDUSTRY] = "Z" + row[T.F_INDUSTRY].substring(1);
                    return hit(t, i, T.F_INDUSTRY, "bad_industry_code");
                case 3:
                    String f = row[T.F_FOUNDED];
                    row[T.F_FOUNDED] = row[T.F_DISTRICT];
                    row[T.F_DISTRICT] = f;
                    return hit(t, i, T.F_FOUNDED, "swapped_columns");
                default:
                    row[T.F_ZH] = null;
                    return hit(t, i, T.F_ZH, "missing_required");
            }
        }
        if (t == T.PEOPLE) {
            switch (r.below(3)) {
                case 0:
                    if (row[T.E_JOINED] == null) {
                        return null;
                    }
                    row[T.E_LEFT] = Formats.date(start(row[T.E_JOINED]).minusDays(r.between(20, 400)));
                    return hit(t, i, T.E_LEFT, "left_before_joined");
                case 1:
                    row[T.E_PERSON] = "P9" + row[T.E_PERSON].substring(1);
                    return hit(t, i, T.E_PERSON, "dangling_reference");
                default:
                    row[T.E_ROLE] = "CEO";
                    return hit(t, i, T.E_ROLE, "bad_enum_value");
            }
        }
        if (t == T.YEARS) {
            switch (r.below(7)) {
                case 0:
                    if (row[T.Y_EMP] == null || row[T.Y_LOCAL] == null || Long.parseLong(row[T.Y_LOCAL]) >= Long.parseLong(row[T.Y_EMP])) {
                        return null;
                    }
                    String e = row[T.Y_EMP];
                    row[T.Y_EMP] = row[T.Y_LOCAL];
                    row[T.Y_LOCAL] = e;
                    return hit(t, i, T.Y_LOCAL, "swapped_columns");
                case 1:
                    if (row[T.Y_REV] == null || row[T.Y_OREV] == null
                        || Double.parseDouble(row[T.Y_OREV]) >= Double.parseDouble(row[T.Y_REV])) {
                        return null;
                    }
                    String rev = row[T.Y_REV];
                    row[T.Y_REV] = row[T.Y_OREV];
                    row[T.Y_OREV] = rev;
                    return hit(t, i, T.Y_OREV, "swapped_columns");
                case 2:
                    // a year before the founding year (the key stays unique: no row of that year exists)
                    row[T.Y_YEAR] = Integer.toString(Integer.parseInt(row[T.Y_YEAR]) - 30);
                    return hit(t, i, T.Y_YEAR, "year_before_founding");
                case 3:
                    if (row[T.Y_EMP] == null) {
                        return null;
                    }
                    row[T.Y_EMP] = "-" + row[T.Y_EMP];
                    row[T.Y_LOCAL] = null;
                    if ("-0".equals(row[T.Y_EMP])) {
                        row[T.Y_EMP] = "-1";
                    }
                    return hit(t, i, T.Y_EMP, "negative_number");
                case 4:
                    if (row[T.Y_REV] == null || Double.parseDouble(row[T.Y_REV]) < 1000) {
                        return null;
                    }
                    row[T.Y_REV] = thousands(row[T.Y_REV]);
                    return hit(t, i, T.Y_REV, "thousands_separator");
                case 5:
                    row[T.Y_FIRM] = "F9" + row[T.Y_FIRM].substring(1);
                    return hit(t, i, T.Y_FIRM, "dangling_reference");
                default:
                    row[T.Y_HIGHTECH] = "maybe";
                    return hit(t, i, T.Y_HIGHTECH, "bad_boolean");
            }
        }
        if (t == T.SUPPORT) {
            switch (r.below(4)) {
                case 0:
                    if (row[T.S_FIRM] != null) {
                        row[T.S_FIRM] = "F9" + row[T.S_FIRM].substring(1);
                        return hit(t, i, T.S_FIRM, "dangling_reference");
                    }
                    row[T.S_PERSON] = "P9" + row[T.S_PERSON].substring(1);
                    return hit(t, i, T.S_PERSON, "dangling_reference");
                case 1:
                    row[T.S_AMOUNT] = "-5000.00";
                    return hit(t, i, T.S_AMOUNT, "negative_number");
                case 2:
                    row[T.S_PROGRAM] = null;
                    return hit(t, i, T.S_PROGRAM, "missing_required");
                default:
                    row[T.S_FIRM] = null;
                    row[T.S_PERSON] = null;
                    return hit(t, i, T.S_FIRM, "no_beneficiary");
            }
        }
        if (t == T.SURVEY) {
            if (r.p(0.5)) {
                row[T.Q_ANSWER] = null;
                return hit(t, i, T.Q_ANSWER, "missing_required");
            }
            row[T.Q_PERSON] = "P9" + row[T.Q_PERSON].substring(1);
            return hit(t, i, T.Q_PERSON, "dangling_reference");
        }
        return null;
    }

    private static LocalDate start(String partial) {
        return switch (partial.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(partial), 1, 1);
            case 7 -> LocalDate.parse(partial + "-01");
            default -> LocalDate.parse(partial);
        };
    }

    private static char otherThan(Rng r, char c, String set) {
        char o;
        do {
            o = set.charAt(r.below(set.length()));
        } while (o == c);
        return o;
    }

    private static String thousands(String money) {
        int dot = money.indexOf('.');
        String intPart = dot < 0 ? money : money.substring(0, dot);
        StringBuilder sb = new StringBuilder();
        int n = intPart.length();
        for (int k = 0; k < n; k++) {
            sb.append(intPart.charAt(k));
            int left = n - k - 1;
            if (left > 0 && left % 3 == 0) {
                sb.append(',');
            }
        }
        return sb.append(dot < 0 ? "" : money.substring(dot)).toString();
    }
}
