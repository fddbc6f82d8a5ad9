package org.haigui.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.haigui.blueprint.Blueprint;
import org.haigui.blueprint.SurveyDefinition;

/**
 * What to write and where.
 *
 * @param out       the folder (created when missing)
 * @param languages one language: {@code report.html}, {@code report.pdf}; both: {@code report.zh.html},
 *                  {@code report.en.html}, {@code report.zh.pdf}, {@code report.en.pdf}; {@code tables.xlsx} is
 *                  bilingual either way
 * @param blueprint the city's blueprint (names of districts and priority industries, tiers), or null
 * @param survey    the survey definition (question and option texts), or null (ids are shown)
 * @param force     overwrite existing report files; without it an existing file is an error and nothing is written
 * @param pdf       also write the PDF (true by default)
 */
public record ReportOptions(Path out, List<Lang> languages, Blueprint blueprint, SurveyDefinition survey, boolean force, boolean pdf) {

    public ReportOptions {
        Objects.requireNonNull(out, "out");
        languages = List.copyOf(languages);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("no language");
        }
    }

    public static ReportOptions of(Path out, List<Lang> languages) {
        return new ReportOptions(out, languages, null, null, false, true);
    }

    public ReportOptions withBlueprint(Blueprint b) {
        return new ReportOptions(out, languages, b, survey, force, pdf);
    }

    public ReportOptions withSurvey(SurveyDefinition s) {
        return new ReportOptions(out, languages, blueprint, s, force, pdf);
    }

    public ReportOptions withForce(boolean f) {
        return new ReportOptions(out, languages, blueprint, survey, f, pdf);
    }

    public ReportOptions withPdf(boolean p) {
        return new ReportOptions(out, languages, blueprint, survey, force, p);
    }
}
