package org.haigui.report;

import java.util.List;
import org.haigui.report.Doc.Block;
import org.haigui.report.Doc.Cell;
import org.haigui.report.Doc.Section;

/**
 * The report as one XHTML document: self-contained (styles and SVG charts inline; for the browser also the CJK font,
 * subset to the characters used, as a data URL), well-formed so that the PDF renderer reads the same markup. The PDF
 * variant adds the page rules (A4, page numbers), page references in the table of contents and PDF bookmarks.
 */
final class Html {

    private Html() {
    }

    static String esc(String s) {
        return Svg.esc(s);
    }

    static String cellText(Lang l, Doc.Column c, Cell cell) {
        if (cell instanceof Doc.Label lb) {
            return lb.text().in(l);
        }
        if (cell instanceof Doc.Num n) {
            return Fmt.cell(l, n.style() == null ? c.style() : n.style(), n.value());
        }
        return cell instanceof Doc.Withheld ? "x" : "..";
    }

    /** The document; {@code fontCss} is an {@code @font-face} rule or empty; {@code pdf} adds the page rules. */
    static String render(Lang l, Text docTitle, Text subtitle, List<Section> sections, String fontCss, boolean pdf) {
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(l.htmlLang()).append("\">\n<head>\n")
            .append("<meta charset=\"UTF-8\"/>\n<title>").append(esc(docTitle.in(l))).append("</title>\n");
        if (pdf) {
            h.append("<bookmarks>");
            for (Section s : sections) {
                h.append("<bookmark name=\"").append(esc(s.title().in(l))).append("\" href=\"#").append(s.id()).append("\"/>");
            }
            h.append("</bookmarks>\n");
        }
        h.append("<style>\n").append(fontCss).append(css(pdf)).append("</style>\n</head>\n<body>\n");
        h.append("<div class=\"cover\"><h1>").append(esc(docTitle.in(l))).append("</h1><p class=\"sub\">").append(esc(subtitle.in(l)))
            .append("</p>");
        h.append("<p class=\"legend\">").append(esc(l == Lang.ZH ? "表中 x 表示因披露控制而隐去的数值，.. 表示无数据。方括号中为句子所依据的指标编号。"
            : "In the tables, x marks a value withheld by disclosure control and .. a value not available. Brackets give the indicator each sentence rests on."))
            .append("</p>");
        h.append("<div class=\"toc\"><h2 class=\"tocTitle\">").append(l == Lang.ZH ? "目录" : "Contents").append("</h2><ol>");
        for (Section s : sections) {
            h.append("<li><a class=\"toc\" href=\"#").append(s.id()).append("\">").append(esc(s.title().in(l))).append("</a></li>");
        }
        h.append("</ol></div></div>\n");
        int n = 0;
        for (Section s : sections) {
            n++;
            h.append("<div class=\"section\" id=\"").append(s.id()).append("\">\n<h2>").append(n).append(". ").append(esc(s.title().in(l)))
                .append("</h2>\n");
            for (Block b : s.blocks()) {
                block(h, l, b, s.id().equals("methods"));
            }
            h.append("</div>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void block(StringBuilder h, Lang l, Block b, boolean small) {
        if (b instanceof Doc.Para p) {
            h.append("<p").append(small ? " class=\"method\"" : "").append(">").append(esc(p.text().in(l))).append("</p>\n");
        } else if (b instanceof Doc.Headline hl) {
            h.append("<p class=\"headline\">").append(esc(hl.text().in(l))).append(" <span class=\"cite\">[")
                .append(esc(hl.indicator())).append("]</span></p>\n");
        } else if (b instanceof Doc.Chart c) {
            h.append("<div class=\"chart\" id=\"chart-").append(c.id()).append("\">").append(c.svg().apply(l)).append("</div>\n");
        } else if (b instanceof Doc.Table t) {
            table(h, l, t);
        }
    }

    private static void table(StringBuilder h, Lang l, Doc.Table t) {
        h.append("<table id=\"table-").append(t.id()).append("\"><caption>").append(esc(t.title().in(l))).append("</caption>\n<thead><tr>");
        for (Doc.Column c : t.columns()) {
            h.append("<th>").append(esc(c.header().in(l))).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (List<Cell> row : t.rows()) {
            h.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                Cell c = row.get(i);
                String cls = c instanceof Doc.Label ? "" : c instanceof Doc.Withheld ? " class=\"num withheld\"" : " class=\"num\"";
                h.append("<td").append(cls).append(">").append(esc(cellText(l, t.columns().get(i), c))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
        String src = (l == Lang.ZH ? "指标：" : "Indicators: ") + t.indicators() + (t.note() == null ? "" : (l == Lang.ZH ? "。" : ". ") + t.note().in(l));
        h.append("<p class=\"tnote\">").append(esc(src)).append("</p>\n");
    }

    private static String css(boolean pdf) {
        String base = """
            body { font-family: %s; color: #222; line-height: 1.55; margin: 0 auto; max-width: 760px; padding: 0 12px; font-size: 11pt; }
            h1 { font-size: 22pt; margin: 40px 0 8px 0; color: #1f3b57; }
            h2 { font-size: 15pt; color: #1f3b57; border-bottom: 1px solid #1f3b57; padding-bottom: 2px; margin-top: 28px; }
            .sub { color: #555; }
            .legend { font-size: 9pt; color: #555; }
            .headline { border-left: 3px solid #1f5f99; padding-left: 8px; margin: 8px 0; }
            .cite { color: #777; font-size: 8.5pt; }
            .method { font-size: 9pt; margin: 4px 0; }
            .chart { margin: 12px 0; }
            .chart svg { max-width: 100%%; height: auto; }
            table { border-collapse: collapse; margin: 12px 0 2px 0; font-size: 9pt; width: 100%%; }
            caption { text-align: left; font-weight: bold; padding-bottom: 4px; font-size: 10pt; }
            th { background: #eef3f8; text-align: left; padding: 3px 5px; border-bottom: 1px solid #888; }
            td { padding: 2px 5px; border-bottom: 1px solid #ddd; }
            td.num { text-align: right; white-space: nowrap; }
            td.withheld { color: #990000; }
            .tnote { font-size: 8pt; color: #666; margin-top: 0; }
            .toc ol { padding-left: 20px; }
            """.formatted(Svg.FONT);
        if (!pdf) {
            return base;
        }
        return base + """
            @page { size: A4; margin: 18mm 16mm 20mm 16mm;
                    @bottom-center { content: counter(page) " / " counter(pages); font-family: 'Noto Sans SC'; font-size: 9pt; color: #555; } }
            body { max-width: none; padding: 0; font-size: 10pt; }
            .section { page-break-before: always; }
            a.toc { color: #222; text-decoration: none; }
            a.toc::after { content: leader('.') target-counter(attr(href), page); }
            .toc li { margin: 3px 0; }
            table, .chart, .headline { page-break-inside: avoid; }
            tr { page-break-inside: avoid; }
            thead { display: table-header-group; }
            """;
    }
}
