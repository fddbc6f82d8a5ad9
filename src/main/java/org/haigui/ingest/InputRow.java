package org.haigui.ingest;

/**
 * One non-blank row of an input, as the user wrote it.
 *
 * @param rowNumber the row number as the user counts it (spreadsheet numbering: header = row 1 in CSV)
 * @param cells     values by header position (null or "" = empty)
 * @param numeric   per header position: an Excel number cell (null for CSV)
 * @param error     a problem with the row as a whole (unclosed quote, undecodable bytes, too many fields), or null
 */
record InputRow(long rowNumber, String[] cells, boolean[] numeric, String error) {
}
