package org.haigui.ingest;

/**
 * How import checks the survey table's answers against a survey definition (blueprint.md: an
 * answer that is not an option of its question, several options for a single-choice question, or a
 * question that is not defined is an error of that row). The command line adapts the blueprint
 * package's survey definition to this; without one ({@link #NONE}) answers are stored as given.
 */
public interface SurveyCheck {

    /** Accepts every answer. */
    SurveyCheck NONE = new SurveyCheck() {
        @Override
        public String unknownQuestion(String question) {
            return null;
        }

        @Override
        public String badAnswer(String question, String answer) {
            return null;
        }
    };

    /** Why the question is not accepted (it is not defined), or null when it is defined. */
    String unknownQuestion(String question);

    /** What is wrong with the answer to a defined question, or null when it is valid. */
    String badAnswer(String question, String answer);
}
