package org.haigui.report;

/** A piece of text in both languages. */
record Text(String zh, String en) {

    static Text of(String zh, String en) {
        return new Text(zh, en);
    }

    String in(Lang l) {
        return l == Lang.ZH ? zh : en;
    }
}
