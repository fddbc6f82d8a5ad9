package org.haigui.report;

import org.haigui.blueprint.Blueprint;
import org.haigui.labels.CodeLabels;

/** Names of breakdown categories in both languages: the project's one list of labels ({@link CodeLabels}). */
final class Labels {

    private final CodeLabels labels;

    Labels(Blueprint blueprint) {
        this.labels = CodeLabels.of(blueprint, null);
    }

    static Text breakdown(String b) {
        CodeLabels.Name n = CodeLabels.of(null, null).breakdown(b);
        return Text.of(n.zh(), n.en());
    }

    Text category(String breakdown, String c) {
        CodeLabels.Name n = labels.category(breakdown, c);
        return Text.of(n.zh(), n.en());
    }
}
