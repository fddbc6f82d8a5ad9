package org.haigui.ids;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A PRC resident identity number (GB 11643-1999), validated: 18 characters, an area code, a real
 * birth date, and the ISO 7064 MOD 11-2 check character.
 *
 * <p>The area code is checked at province level (the first two digits must be a province-level
 * division of GB/T 2260): the full list of county codes, abolished ones included, is not
 * shipped, and abolished codes must be accepted anyway (facts.md).
 */
public record IdentityNumber(String value, String areaCode, LocalDate birthDate, char gender) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    /** Province-level divisions of GB/T 2260 (71 Taiwan, 81 Hong Kong, 82 Macao, 83 Taiwan residents' permits). */
    private static final Set<String> PROVINCES = Set.of(
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82", "83");

    /** Normalises (NFKC, trim, upper-case x) and validates; the error says exactly what is wrong. */
    public static Result parse(String raw) {
        // NFKC leaves ASCII as it is: skipped for plain ASCII (the import parses one number per person)
        String s = (ascii(raw) ? raw : java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC)).trim()
            .toUpperCase(java.util.Locale.ROOT);
        return parseNormalised(s);
    }

    /**
     * The checks of {@link #parse} on a value it would not change (NFKC, trimming and upper-casing leave
     * it as it is: 18 ASCII digits or upper-case X, say): the import's reader of plain files checks one
     * number per person and skips the normalisation's passes over it. {@code EnginePathTest} compares the
     * two on the same rows (the import's Java path calls {@link #parse}).
     */
    public static Result parseNormalised(String s) {
        if (s.length() != 18) {
            return Result.error("identity number must have 18 characters, has " + s.length());
        }
        for (int i = 0; i < 17; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return Result.error("identity number: character " + (i + 1) + " must be a digit");
            }
        }
        char last = s.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return Result.error("identity number: last character must be a digit or X");
        }
        String area = s.substring(0, 6);
        if (!PROVINCES.contains(area.substring(0, 2))) {
            return Result.error("identity number: no such area code " + area.substring(0, 2) + "****");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(digits(s, 6, 10), digits(s, 10, 12), digits(s, 12, 14)); // digits checked above
        } catch (DateTimeException e) {
            return Result.error("identity number: birth date is not a real date");
        }
        if (birth.getYear() < 1850) {
            return Result.error("identity number: birth year before 1850");
        }
        if (s.charAt(17) != checkCharacter(s)) {
            return Result.error("identity number: wrong check character");
        }
        int seq = s.charAt(16) - '0';
        return new Result(Optional.of(new IdentityNumber(s, area, birth, seq % 2 == 1 ? 'M' : 'F')), null);
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** The number written by the ASCII digits s[from, to). */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /** Quick test whether a string is a valid identity number (used to keep them out of other columns). */
    public static boolean looksValid(String s) {
        if (s == null) {
            return false;
        }
        String t = s.trim();
        if (t.length() != 18) {
            return false;
        }
        return parse(t).ok();
    }

    /** Masks a value that is or may be an identity number: keeps the first 4 characters. */
    public static String mask(String raw) {
        if (raw == null) {
            return null;
        }
        String t = raw.trim();
        if (t.length() <= 4) {
            return "*".repeat(t.length());
        }
        return t.substring(0, 4) + "*".repeat(t.length() - 4);
    }

    public record Result(Optional<IdentityNumber> number, String error) {
        static Result error(String message) {
            return new Result(Optional.empty(), message);
        }

        public boolean ok() {
            return number.isPresent();
        }
    }

    @Override
    public String toString() {
        return "IdentityNumber[" + mask(value) + "]";
    }
}
