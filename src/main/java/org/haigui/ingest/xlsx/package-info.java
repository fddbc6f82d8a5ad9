/**
 * A streaming, hardened reader of .xlsx workbooks for the import: one sheet at a time, row by
 * row, with bounded memory. It reads the zip container with the JDK's {@code java.util.zip.ZipFile}
 * behind its own bounds (entry count, declared sizes, duplicate names, and a counting stream over
 * each entry that refuses zip bombs), parses every XML part with StAX with DTDs
 * and external entities disabled - except the rows of a sheet and the shared strings in the usual
 * form, which {@code SheetBytes} reads straight from the bytes (falling back to StAX for anything
 * else) -
 * takes cached formula values (never evaluates), turns
 * date-formatted numbers into ISO dates (1900 and 1904 systems), fills merged ranges with their
 * top-left value, and keeps Excel's row numbers.
 *
 * <p>Public surface: {@link org.haigui.ingest.xlsx.XlsxWorkbook}, {@link
 * org.haigui.ingest.xlsx.XlsxSheetReader}, {@link org.haigui.ingest.xlsx.XlsxRow}, {@link
 * org.haigui.ingest.xlsx.XlsxCell}, {@link org.haigui.ingest.xlsx.XlsxLimits}; everything else is
 * package-private.
 *
 * <p>May use: {@code core} and the JDK ({@code java.util.zip}, {@code javax.xml.stream}) only.
 */
package org.haigui.ingest.xlsx;
