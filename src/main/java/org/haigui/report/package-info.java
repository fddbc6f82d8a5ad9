/**
 * The report: the bilingual annual returnee report written from the published (protected) figures - one
 * self-contained {@code report.html} (SVG charts and styles inline, a subset of the CJK font inline, no network), the
 * same content as an A4 {@code report.pdf} (openhtmltopdf over PDFBox, page numbers, a table of contents, the CJK font
 * embedded and extractable), and {@code tables.xlsx} (every table of the report on its own sheet, Chinese and English
 * headers, numbers as numbers, suppressed cells marked, the disclosure rules and the run's metadata).
 *
 * <p>The entry point {@link org.haigui.report.Report#write} takes a {@link org.haigui.disclosure.ProtectedResult} and the
 * catalogue, never a raw result: nothing here can see a withheld figure. Headline sentences are chosen by the figures
 * (more than double / about equal / fewer; "higher" only when the difference's interval excludes zero), cite their
 * indicator id, and are left out for a withheld or missing figure. Numbers are formatted per language by
 * {@code Fmt}, never by the machine's locale.
 *
 * <p>The PDF's fonts: the text uses subsets of Noto Sans SC embedded by openhtmltopdf; the charts are drawn by
 * Batik, which finds fonts through Java's font system, where the whole Noto Sans SC is registered once per process
 * (so the charts' Chinese text needs no CJK font on the machine). The subsets carry no GSUB
 * table: PDFBox would otherwise apply the ligatures ({@code fi}, {@code fl}), whose glyphs a subset by characters
 * lacks.
 *
 * <p>Public surface: {@link org.haigui.report.Report}, {@link org.haigui.report.ReportOptions},
 * {@link org.haigui.report.Lang}; everything else is package-private.
 *
 * <p>May use: {@code indicators} (the catalogue, its definitions and the tidy value type), {@code disclosure}
 * ({@link org.haigui.disclosure.ProtectedResult} and the rules only), {@code blueprint} (names of districts, industries,
 * tiers; the survey's questions), {@code labels} (names of codes), {@code core}, the JDK, openhtmltopdf / PDFBox (the PDF and the font subset), fastexcel
 * (the workbook). Used by: {@code cli}.
 */
package org.haigui.report;
