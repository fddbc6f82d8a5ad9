package org.haigui.core;

/**
 * CSV cells that a spreadsheet opens safely. A cell that starts with {@code = + - @}, a tab or a
 * carriage return is read by Excel, LibreOffice and WPS as a formula ({@code =cmd|' /C calc'!A0}),
 * so every CSV file written for people to open (rejected rows, {@code institutions unmatched
 * --csv}) passes its cells through {@link #neutralise}: such a cell gets a leading apostrophe,
 * which spreadsheets show as text. Plain numbers ({@code -12.5}) are left alone. Reading a CSV
 * back, {@link #restore} removes that apostrophe again, so a corrected file imports as written.
 */
public final class SpreadsheetCells {

    private SpreadsheetCells() {
    }

    /** The cell with a leading apostrophe when a spreadsheet would take it for a formula. */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty() || !isTrigger(cell.charAt(0)) || isPlainNumber(cell)) {
            return cell;
        }
        return "'" + cell;
    }

    /** Undoes {@link #neutralise}: an apostrophe followed by a formula character is dropped. */
    public static String restore(String cell) {
        if (cell != null && cell.length() >= 2 && cell.charAt(0) == '\'' && isTrigger(cell.charAt(1))
            && !isPlainNumber(cell.substring(1))) {
            return cell.substring(1);
        }
        return cell;
    }

    private static boolean isTrigger(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    private static boolean isPlainNumber(String s) {
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (i == s.length()) {
            return false;
        }
        boolean dot = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' && !dot) {
                dot = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return s.charAt(s.length() - 1) != '.';
    }
}
