package org.haigui.blueprint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A survey's questionnaire (blueprint.md, "Survey definition"): its questions, each single or
 * multiple choice, with their options, in Chinese and English. Read one with {@link SurveyReader}.
 */
public record SurveyDefinition(String id, String nameZh, String nameEn, List<Question> questions) {

    /** Single choice (one option per answer) or multiple choice (options separated by {@code ;}). */
    public enum Type {
        SINGLE, MULTIPLE;

        /** As written in the file: {@code single} or {@code multiple}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A question; {@code id} is as in the survey table's {@code question} column. */
    public record Question(String id, Type type, String textZh, String textEn, List<Option> options) {

        public Question {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(textZh, "textZh");
            Objects.requireNonNull(textEn, "textEn");
            options = List.copyOf(options);
        }

        public Optional<Option> option(String id) {
            return options.stream().filter(o -> o.id().equals(id)).findFirst();
        }

        /**
         * What is wrong with an answer as the survey table holds it (options separated by
         * {@code ;}, each trimmed), or empty when it is valid: an option that is not one of this
         * question's, several options for a single-choice question, an empty answer.
         */
        public Optional<String> checkAnswer(String answer) {
            List<String> parts = split(answer);
            if (parts.isEmpty()) {
                return Optional.of("empty answer to question " + id);
            }
            if (type == Type.SINGLE && parts.size() > 1) {
                return Optional.of("question " + id + " is single choice but the answer has " + parts.size() + " options");
            }
            List<String> unknown = new ArrayList<>();
            for (String p : parts) {
                if (option(p).isEmpty()) {
                    unknown.add(p);
                }
            }
            if (!unknown.isEmpty()) {
                return Optional.of("not an option of question " + id + ": " + String.join(", ", unknown));
            }
            return Optional.empty();
        }

        /** The option ids of an answer as written: split on {@code ;}, trimmed, empty parts and repeats dropped. */
        public static List<String> split(String answer) {
            Set<String> out = new LinkedHashSet<>();
            if (answer != null) {
                for (String p : answer.split(";", -1)) {
                    String t = p.strip();
                    if (!t.isEmpty()) {
                        out.add(t);
                    }
                }
            }
            return List.copyOf(out);
        }
    }

    /** An option of a question; {@code id} is as written in the survey table's {@code answer} column. */
    public record Option(String id, String textZh, String textEn) {

        public Option {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(textZh, "textZh");
            Objects.requireNonNull(textEn, "textEn");
        }
    }

    public SurveyDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        questions = List.copyOf(questions);
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    /**
     * What is wrong with one answer row (question id and answer as the survey table holds them),
     * or empty when valid; a question that is not defined is an error.
     */
    public Optional<String> checkAnswer(String questionId, String answer) {
        Optional<Question> q = question(questionId == null ? null : questionId.strip());
        if (q.isEmpty()) {
            return Optional.of("question " + questionId + " is not in survey " + id);
        }
        return q.get().checkAnswer(answer);
    }
}
