package org.haigui.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Charts as inline SVG, written in Java (no script): vertical bars (years, with the five-year windows shaded) and
 * horizontal bars (one or two series, optional interval whiskers). Every chart carries its title, units, source line
 * and as-of date inside the image. Withheld values draw no bar and are labelled {@code x}. Coordinates are written
 * with {@link Locale#ROOT}.
 */
final class Svg {

    static final String FONT = "'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
    static final String[] COLORS = {"#1f5f99", "#e08a2c"};
    private static final int W = 680;

    private Svg() {
    }

    /** Title, units, source and date, in both languages. */
    record Frame(Text title, Text units, Text source, String asOf) {
    }

    /** One bar: label, value (null = withheld), interval (nullable). */
    record Bar(Text label, BigDecimal value, BigDecimal low, BigDecimal high) {
    }

    record Series(Text name, List<Bar> bars) {
    }

    /** A shaded band over the bars from index {@code from} to {@code to} inclusive, labelled. */
    record Band(int from, int to, String label) {
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static StringBuilder open(int h, Lang l, Frame f) {
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(h)
            .append("\" viewBox=\"0 0 ").append(W).append(' ').append(h).append("\" font-family=\"").append(FONT).append("\" role=\"img\">");
        s.append("<rect x=\"0\" y=\"0\" width=\"").append(W).append("\" height=\"").append(h).append("\" fill=\"#ffffff\"/>");
        s.append(text(8, 18, 14, "bold", "start", "#222222", f.title().in(l)));
        s.append(text(8, 34, 11, "normal", "start", "#555555", f.units().in(l)));
        String foot = f.source().in(l) + (l == Lang.ZH ? "；数据截至 " : "; as of ") + f.asOf();
        s.append(text(8, h - 6, 10, "normal", "start", "#666666", foot));
        return s;
    }

    private static String text(double x, double y, int size, String weight, String anchor, String fill, String t) {
        return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" font-size=\"" + size + "\" font-weight=\"" + weight + "\" text-anchor=\""
            + anchor + "\" fill=\"" + fill + "\">" + esc(t) + "</text>";
    }

    /** A round step for an axis up to {@code max} in about four steps. */
    static double step(double max) {
        if (max <= 0) {
            return 1;
        }
        double raw = max / 4;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / mag;
        return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10) * mag;
    }

    /** Vertical bars, one per category (years), with shaded bands; {@code partialLast} draws the last bar lighter. */
    static String vertical(Lang l, Frame f, List<Bar> bars, List<Band> bands, Doc.Style style, boolean partialLast, Text partialNote) {
        int h = 320;
        double top = 60;
        double bottom = h - 52;
        double left = 56;
        double right = W - 12;
        double max = 0;
        for (Bar b : bars) {
            if (b.value() != null) {
                max = Math.max(max, b.value().doubleValue());
            }
        }
        double st = step(max);
        double axisMax = Math.max(st, Math.ceil(max / st) * st);
        StringBuilder s = open(h, l, f);
        double slot = (right - left) / Math.max(1, bars.size());
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            double x0 = left + b.from() * slot;
            double x1 = left + (b.to() + 1) * slot;
            s.append("<rect x=\"").append(n(x0)).append("\" y=\"").append(n(top - 12)).append("\" width=\"").append(n(x1 - x0))
                .append("\" height=\"").append(n(bottom - top + 12)).append("\" fill=\"").append(i % 2 == 0 ? "#eef3f8" : "#f7f1e8")
                .append("\"/>");
            s.append(text((x0 + x1) / 2, top - 2, 10, "normal", "middle", "#444444", b.label()));
        }
        for (double v = 0; v <= axisMax + st / 2; v += st) {
            double y = bottom - (bottom - top) * v / axisMax;
            s.append("<line x1=\"").append(n(left)).append("\" x2=\"").append(n(right)).append("\" y1=\"").append(n(y)).append("\" y2=\"")
                .append(n(y)).append("\" stroke=\"#dddddd\" stroke-width=\"0.6\"/>");
            s.append(text(left - 4, y + 3, 9, "normal", "end", "#555555", Fmt.cell(l, style, BigDecimal.valueOf(v))));
        }
        int every = bars.size() > 24 ? 5 : bars.size() > 12 ? 2 : 1;
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double x = left + i * slot + slot * 0.15;
            double w = slot * 0.7;
            if (b.value() == null) {
                s.append(text(x + w / 2, bottom - 3, 9, "normal", "middle", "#990000", "x"));
            } else {
                double bh = (bottom - top) * b.value().doubleValue() / axisMax;
                boolean partial = partialLast && i == bars.size() - 1;
                s.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(bottom - bh)).append("\" width=\"").append(n(w))
                    .append("\" height=\"").append(n(bh)).append("\" fill=\"").append(partial ? "#8fb3d6" : COLORS[0]).append("\"/>");
            }
            String label = b.label().in(l);
            if (i % every == 0 || i == bars.size() - 1) {
                s.append(text(x + w / 2, bottom + 13, 9, "normal", "middle", "#333333", label));
            }
        }
        s.append("<line x1=\"").append(n(left)).append("\" x2=\"").append(n(right)).append("\" y1=\"").append(n(bottom)).append("\" y2=\"")
            .append(n(bottom)).append("\" stroke=\"#333333\" stroke-width=\"0.8\"/>");
        if (partialLast && partialNote != null) {
            s.append(text(right, bottom + 28, 9, "normal", "end", "#555555", partialNote.in(l)));
        }
        return s.append("</svg>").toString();
    }

    /** Horizontal bars: one row per category, one bar per series, with whiskers where an interval is given. */
    static String horizontal(Lang l, Frame f, List<Series> series, Doc.Style style, boolean fromZero) {
        int cats = series.get(0).bars().size();
        double rowH = series.size() == 1 ? 20 : 30;
        double top = series.size() > 1 ? 62 : 48;
        int h = (int) (top + cats * rowH + 44);
        double left = 210;
        double right = W - 60;
        double max = 0;
        double min = 0;
        for (Series se : series) {
            for (Bar b : se.bars()) {
                for (BigDecimal v : new BigDecimal[] {b.value(), b.high(), b.low()}) {
                    if (v != null) {
                        max = Math.max(max, v.doubleValue());
                        min = Math.min(min, v.doubleValue());
                    }
                }
            }
        }
        double st = step(Math.max(max, -min));
        double axisMax = Math.max(st, Math.ceil(max / st) * st);
        double axisMin = fromZero ? 0 : Math.floor(min / st) * st;
        double span = axisMax - axisMin;
        StringBuilder s = open(h, l, f);
        if (series.size() > 1) {
            double lx = left;
            for (int k = 0; k < series.size(); k++) {
                s.append("<rect x=\"").append(n(lx)).append("\" y=\"42\" width=\"10\" height=\"10\" fill=\"").append(COLORS[k]).append("\"/>");
                s.append(text(lx + 14, 51, 10, "normal", "start", "#333333", series.get(k).name().in(l)));
                lx += 24 + 7.5 * series.get(k).name().in(l).length() * (l == Lang.ZH ? 1.5 : 1);
            }
        }
        double bottom = top + cats * rowH;
        for (double v = axisMin; v <= axisMax + st / 2; v += st) {
            double x = left + (right - left) * (v - axisMin) / span;
            s.append("<line x1=\"").append(n(x)).append("\" x2=\"").append(n(x)).append("\" y1=\"").append(n(top)).append("\" y2=\"")
                .append(n(bottom)).append("\" stroke=\"").append(Math.abs(v) < 1e-12 ? "#333333" : "#dddddd").append("\" stroke-width=\"0.6\"/>");
            s.append(text(x, bottom + 12, 9, "normal", "middle", "#555555", Fmt.cell(l, style, BigDecimal.valueOf(v))));
        }
        double zero = left + (right - left) * (0 - axisMin) / span;
        for (int i = 0; i < cats; i++) {
            double y0 = top + i * rowH;
            s.append(text(left - 6, y0 + rowH / 2 + 4, 10, "normal", "end", "#222222", series.get(0).bars().get(i).label().in(l)));
            double bh = (rowH - 6) / series.size();
            for (int k = 0; k < series.size(); k++) {
                Bar b = series.get(k).bars().get(i);
                double y = y0 + 3 + k * bh;
                if (b.value() == null) {
                    s.append(text(zero + 4, y + bh - 2, 9, "normal", "start", "#990000", "x"));
                    continue;
                }
                double x = left + (right - left) * (b.value().doubleValue() - axisMin) / span;
                s.append("<rect x=\"").append(n(Math.min(zero, x))).append("\" y=\"").append(n(y)).append("\" width=\"")
                    .append(n(Math.abs(x - zero))).append("\" height=\"").append(n(bh - 1)).append("\" fill=\"").append(COLORS[k])
                    .append("\"/>");
                double end = x;
                if (b.low() != null && b.high() != null) {
                    double xl = left + (right - left) * (b.low().doubleValue() - axisMin) / span;
                    double xh = left + (right - left) * (b.high().doubleValue() - axisMin) / span;
                    double ym = y + (bh - 1) / 2;
                    s.append("<path d=\"M").append(n(xl)).append(' ').append(n(ym)).append("H").append(n(xh)).append("M").append(n(xl))
                        .append(' ').append(n(ym - 3)).append("V").append(n(ym + 3)).append("M").append(n(xh)).append(' ').append(n(ym - 3))
                        .append("V").append(n(ym + 3)).append("\" stroke=\"#222222\" stroke-width=\"1\" fill=\"none\"/>");
                    end = Math.max(x, xh);
                }
                s.append(text(end + 4, y + bh - 3, 9, "normal", "start", "#333333", Fmt.cell(l, style, b.value())));
            }
        }
        return s.append("</svg>").toString();
    }

    /** One district's tile: its label, value (null = withheld) and place in the grid. */
    record Tile(Text label, BigDecimal value, int col, int row) {
    }

    /** The least of 1, 2, 2.5, 5 times a power of ten that is at least x (1 for x <= 0). */
    static double niceCeil(double x) {
        if (x <= 0) {
            return 1;
        }
        double mag = Math.pow(10, Math.floor(Math.log10(x)));
        double r = x / mag;
        return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 2.5 ? 2.5 : r <= 5 ? 5 : 10) * mag;
    }

    /** Sequential blues, light to dark: the five classes of a tile map. */
    private static final String[] BLUES = {"#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"};

    /**
     * A tile map: each district a square in a grid that keeps the districts' rough positions (north
     * up), shaded by its value in five classes of equal width from 0 to the largest value, labelled
     * with its name and value; a withheld value is a grey tile marked x. A legend of the classes, and
     * {@code note} (e.g. persons whose district is unknown) under the map.
     */
    static String tileMap(Lang l, Frame f, List<Tile> tiles, Doc.Style style, String note) {
        int cols = 1;
        int rows = 1;
        double max = 0;
        for (Tile t : tiles) {
            cols = Math.max(cols, t.col() + 1);
            rows = Math.max(rows, t.row() + 1);
            if (t.value() != null) {
                max = Math.max(max, t.value().doubleValue());
            }
        }
        // five classes of a round width (10,000 rather than 9,933) that cover the largest value
        double width = niceCeil(max / 5);
        double tw = Math.min(104, (W - 16.0) / cols);
        double th = 58;
        double left = (W - cols * tw) / 2;
        double top = 46;
        int h = (int) (top + rows * th + 70);
        StringBuilder s = open(h, l, f);
        for (Tile t : tiles) {
            double x = left + t.col() * tw;
            double y = top + t.row() * th;
            int cls = t.value() == null || max <= 0 ? -1 : Math.min(4, (int) Math.floor(t.value().doubleValue() / width));
            String fill = cls < 0 ? "#eeeeee" : BLUES[cls];
            String ink = cls >= 3 ? "#ffffff" : "#222222";
            s.append("<rect x=\"").append(n(x + 2)).append("\" y=\"").append(n(y + 2)).append("\" width=\"").append(n(tw - 4))
                .append("\" height=\"").append(n(th - 4)).append("\" rx=\"3\" fill=\"").append(fill).append("\"/>");
            String name = t.label().in(l);
            s.append(text(x + tw / 2, y + 23, name.length() > 14 ? 9 : 10, "normal", "middle", ink, name));
            s.append(text(x + tw / 2, y + 41, 12, "bold", "middle", t.value() == null ? "#990000" : ink,
                t.value() == null ? "x" : Fmt.cell(l, style, t.value())));
        }
        double ly = top + rows * th + 14;
        double lx = left;
        double step = width;
        for (int k = 0; k < 5 && max > 0; k++) {
            s.append("<rect x=\"").append(n(lx)).append("\" y=\"").append(n(ly)).append("\" width=\"14\" height=\"10\" fill=\"")
                .append(BLUES[k]).append("\"/>");
            String range = Fmt.cell(l, style, BigDecimal.valueOf(Math.round(k * step))) + "-"
                + Fmt.cell(l, style, BigDecimal.valueOf(Math.round((k + 1) * step)));
            s.append(text(lx + 18, ly + 9, 9, "normal", "start", "#444444", range));
            lx += 22 + 6.2 * range.length();
        }
        s.append("<rect x=\"").append(n(lx)).append("\" y=\"").append(n(ly)).append("\" width=\"14\" height=\"10\" fill=\"#eeeeee\"/>");
        s.append(text(lx + 18, ly + 9, 9, "normal", "start", "#444444", l == Lang.ZH ? "x 不予公布" : "x withheld"));
        if (note != null && !note.isEmpty()) {
            s.append(text(left, ly + 28, 10, "normal", "start", "#444444", note));
        }
        return s.append("</svg>").toString();
    }
}
