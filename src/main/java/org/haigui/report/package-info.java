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
 * <p>Known limits of the PDF: the charts are drawn by Batik, which does not get the embedded CJK font (its
 * {@code addFontFile} needs a resolver that exists only once the renderer has imported the document's {@code @font-face}
 * rules, and an {@code @font-face} of the subset font makes PDFBox fail re-subsetting it), so the charts' Chinese text
 * uses a CJK font of the system (e.g. WenQuanYi) and shows as boxes where there is none. The subsets carry no GSUB
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
