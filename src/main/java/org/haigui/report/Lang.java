package org.haigui.report;

/** A language of the report. */
public enum Lang {
    ZH("zh", "zh-Hans"), EN("en", "en");

    private final String code;
    private final String htmlLang;

    Lang(String code, String htmlLang) {
        this.code = code;
        this.htmlLang = htmlLang;
    }

    /** {@code zh} or {@code en}, as in file names ({@code report.zh.html}). */
    public String code() {
        return code;
    }

    String htmlLang() {
        return htmlLang;
    }
}
