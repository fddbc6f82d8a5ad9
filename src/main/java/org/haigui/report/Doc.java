package org.haigui.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.haigui.indicators.IndicatorValue;

/** The report as content, before it is written as HTML, PDF or workbook sheets. */
final class Doc {

    private Doc() {
    }

    /** A section: an anchor id, a title, and its blocks in order. */
    record Section(String id, Text title, List<Block> blocks) {
    }

    sealed interface Block permits Para, Headline, Chart, Table {
    }

    /** A paragraph of explanation. */
    record Para(Text text) implements Block {
    }

    /** A sentence written from the data, citing the indicator it rests on. */
    record Headline(Text text, String indicator) implements Block {
    }

    /** A chart: its SVG in each language (title, units, source and as-of date are inside it). */
    record Chart(String id, Text title, Function<Lang, String> svg) implements Block {
    }

    /** How a number column is shown. */
    enum Style {
        COUNT, PERCENT, RATIO, MONEY, DECIMAL, YEAR_TEXT
    }

    /** A table column: header in both languages and, for numbers, the style. */
    record Column(Text header, Style style) {
    }

    /** A table cell: a label, a number, a withheld number, or nothing. */
    sealed interface Cell permits Label, Num, Withheld, Empty {
    }

    record Label(Text text) implements Cell {
    }

    /** Which figure of a published row a cell shows. */
    enum Field { VALUE, CI_LOW, CI_HIGH }

    /**
     * Where a cell's figure comes from: a published row (by its cell key) and the field shown. Every number read
     * from a row and every withheld mark carries it, so that a check can find, cell by cell, where a withheld figure
     * sits in each output (the HTML table, the workbook's sheet) and that it shows the mark there.
     */
    record Source(String indicator, String period, String group, String breakdown, String category, Field field) {

        static Source of(IndicatorValue v, Field f) {
            return new Source(v.indicator(), v.period(), v.group(), v.breakdown(), v.category(), f);
        }

        @Override
        public String toString() {
            return indicator + "[" + period + "|" + group + "|" + breakdown + "|" + category + "]." + field;
        }
    }

    /**
     * A number; {@code style} overrides the column's (null: the column's); {@code source} the published row it is read
     * from, null for a number worked out from several published figures (a share of their sum).
     */
    record Num(BigDecimal value, Style style, Source source) implements Cell {
    }

    /** Suppressed by disclosure control: shown as {@code x}; {@code source} the withheld row. */
    record Withheld(Source source) implements Cell {
    }

    record Empty() implements Cell {
    }

    /** A table: the sheet name is its id. */
    record Table(String id, Text title, List<Column> columns, List<List<Cell>> rows, Text note, String indicators) implements Block {
    }
}
