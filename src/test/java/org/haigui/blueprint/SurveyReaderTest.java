package org.haigui.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.haigui.core.HaiguiException;
import org.junit.jupiter.api.Test;

class SurveyReaderTest {

    static String refused(String name) {
        Path p = BlueprintReaderTest.fixture(name);
        try {
            SurveyReader.read(p);
        } catch (HaiguiException e) {
            assertThat(e.kind()).isEqualTo(HaiguiException.Kind.INPUT);
            return e.getMessage().replace(p.toString(), name);
        }
        throw new AssertionError(name + " was accepted");
    }

    @Test
    void readsAValidDefinition() {
        SurveyDefinition d = SurveyReader.read(BlueprintReaderTest.fixture("survey-valid.yaml"));
        assertThat(d.id()).isEqualTo("test_survey");
        assertThat(d.questions()).extracting(SurveyDefinition.Question::id).containsExactly("Q1", "Q2");
        SurveyDefinition.Question q2 = d.question("Q2").orElseThrow();
        assertThat(q2.type()).isEqualTo(SurveyDefinition.Type.SINGLE);
        assertThat(q2.options()).extracting(SurveyDefinition.Option::id).containsExactly("1", "2");
        assertThat(d.checkAnswer("Q1", "technology;team")).isEmpty();
        assertThat(d.checkAnswer("Q1", "technology; money")).contains("not an option of question Q1: money");
        assertThat(d.checkAnswer("Q2", "1;2")).contains("question Q2 is single choice but the answer has 2 options");
        assertThat(d.checkAnswer("Q9", "1")).contains("question Q9 is not in survey test_survey");
        assertThat(d.checkAnswer("Q2", " ")).contains("empty answer to question Q2");
    }

    @Test
    void errorsNameFileAndLine() {
        assertThat(refused("survey-unknown-key.yaml"))
            .contains("survey-unknown-key.yaml:6: unknown key 'txt_en' in question #1 (did you mean 'text_en'?)")
            .contains("survey-unknown-key.yaml:3: missing key 'text_en' in question #1");
        assertThat(refused("survey-duplicate-question.yaml"))
            .isEqualTo("survey-duplicate-question.yaml:10: duplicate question id 'Q1' (first at line 3)");
        assertThat(refused("survey-duplicate-option.yaml"))
            .isEqualTo("survey-duplicate-option.yaml:10: duplicate option id 'a' in question 'Q1' (first at line 8)");
        assertThat(refused("survey-bad-type.yaml"))
            .isEqualTo("survey-bad-type.yaml:4: bad type 'multi' of question 'Q1': must be single or multiple");
        assertThat(refused("survey-semicolon-option.yaml"))
            .startsWith("survey-semicolon-option.yaml:9: option id 'b;c'").contains("must not contain ';'");
        assertThat(refused("survey-missing-options.yaml"))
            .isEqualTo("survey-missing-options.yaml:3: missing key 'options' in question #1");
        assertThat(refused("survey-missing-id.yaml"))
            .isEqualTo("survey-missing-id.yaml:1: missing key 'id' in survey");
    }

    @Test
    void aBlueprintIsNotASurvey() {
        assertThat(refused("valid.yaml")).contains("unknown key 'city' in the survey definition");
        assertThat(SurveyReader.looksLikeSurvey("valid.yaml", "city: {id: x}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isFalse();
        assertThat(SurveyReader.looksLikeSurvey("s.yaml", "questions: []\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void theSyntheticSurveyDefinitionLoads() {
        SurveyDefinition d = SurveyReader.entrepreneurs2021();
        assertThat(d.questions()).extracting(SurveyDefinition.Question::id).containsExactly("overseas_resources",
            "senior_position_abroad", "founded_business_abroad", "motivation", "main_difficulty", "support_satisfaction");
        assertThat(d.question("overseas_resources").orElseThrow().type()).isEqualTo(SurveyDefinition.Type.MULTIPLE);
        assertThat(d.question("motivation").orElseThrow().type()).isEqualTo(SurveyDefinition.Type.MULTIPLE);
        assertThat(d.question("main_difficulty").orElseThrow().options()).extracting(SurveyDefinition.Option::id)
            .containsExactly("financing", "talent", "market_access", "costs", "policy");
        assertThat(d.question("support_satisfaction").orElseThrow().options()).extracting(SurveyDefinition.Option::id)
            .containsExactly("1", "2", "3", "4", "5");
        assertThat(d.checkAnswer("overseas_resources", "tech_advantage;form_team;business_contacts")).isEmpty();
        assertThat(d.checkAnswer("senior_position_abroad", "yes")).isEmpty();
    }
}
