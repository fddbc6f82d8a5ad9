package org.haigui.cli;

import java.util.List;
import java.util.function.Function;
import org.haigui.core.HaiguiException;
import org.haigui.indicators.IndicatorDefinition;
import org.haigui.indicators.IndicatorValue;
import org.haigui.indicators.IndicatorWriter;
import org.haigui.labels.CodeLabels;
import org.haigui.labels.Language;

/**
 * The label columns of {@code haigui indicators --labels zh|en}: the indicator's title and the
 * names of the group, the breakdown and the category, in one language, after the tidy columns
 * (which keep their codes, so that a labelled file still joins with an unlabelled one).
 */
final class LabelColumns implements IndicatorWriter.Labeller {

    static final List<String> COLUMNS = List.of("indicator_label", "group_label", "breakdown_label", "category_label");

    private final Language language;
    private final CodeLabels labels;
    private final Function<String, java.util.Optional<IndicatorDefinition>> catalogue;

    private LabelColumns(Language language, CodeLabels labels, Function<String, java.util.Optional<IndicatorDefinition>> catalogue) {
        this.language = language;
        this.labels = labels;
        this.catalogue = catalogue;
    }

    /** The labeller for {@code --labels VALUE}; null when the option is not given. */
    static LabelColumns of(String value, CodeLabels labels, Function<String, java.util.Optional<IndicatorDefinition>> catalogue) {
        return value == null ? null : new LabelColumns(language(value), labels, catalogue);
    }

    /** Checks the value of {@code --labels} before any work. */
    static void check(String value) {
        if (value != null) {
            language(value);
        }
    }

    private static Language language(String value) {
        return Language.parse(value).orElseThrow(() -> HaiguiException.usage(
            "--labels must be zh or en, not '" + value + "' (--labels 取值为 zh 或 en)"));
    }

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public List<String> labels(IndicatorValue v) {
        String title = catalogue.apply(v.indicator())
            .map(d -> language == Language.ZH ? d.titleZh() : d.titleEn()).orElse(v.indicator());
        return List.of(title, labels.group(v.group()).in(language), labels.breakdown(v.breakdown()).in(language),
            labels.category(v.breakdown(), v.category()).in(language));
    }
}
