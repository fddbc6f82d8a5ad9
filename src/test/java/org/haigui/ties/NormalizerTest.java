package org.haigui.ties;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NormalizerTest {

    @Test
    void followsTheSpecOrder() {
        assertThat(Normalizer.normalise("  The University of Oxford ")).isEqualTo("universityofoxford");
        assertThat(Normalizer.normalise("Texas A&M University")).isEqualTo("texasaandmuniversity");
        assertThat(Normalizer.normalise("Texas A and M University")).isEqualTo("texasaandmuniversity");
        assertThat(Normalizer.normalise("University of California, Berkeley"))
            .isEqualTo(Normalizer.normalise("UNIVERSITY OF CALIFORNIA - BERKELEY"));
        // NFKC: full-width letters and the ideographic space
        assertThat(Normalizer.normalise("\uFF2D\uFF29\uFF34\u3000")).isEqualTo("mit");
        // a leading "the" only when followed by a space; never inside
        assertThat(Normalizer.normalise("Theatre Academy")).isEqualTo("theatreacademy");
        assertThat(Normalizer.normalise("Ecole of the Arts")).isEqualTo("ecoleofthearts");
        // "the" is dropped after trimming and case folding
        assertThat(Normalizer.normalise("THE Ohio State University")).isEqualTo("ohiostateuniversity");
    }

    @Test
    void unicodeLettersSurviveAndCaseFoldingIsFull() {
        assertThat(Normalizer.normalise("麻省理工学院（MIT）")).isEqualTo("麻省理工学院mit");
        assertThat(Normalizer.normalise("東京大学")).isEqualTo("東京大学");
        assertThat(Normalizer.normalise("Technische Universität Straße")).isEqualTo("technischeuniversitätstrasse");
        assertThat(Normalizer.normalise("Université de Montréal")).isEqualTo("universitédemontréal");
        // capital sharp s (what SQL upper() makes of ß) folds like ß
        assertThat(Normalizer.normalise("FACHHOCHSCHULE GIE\u1E9EEN")).isEqualTo(Normalizer.normalise("Fachhochschule Gießen"))
            .isEqualTo("fachhochschulegiessen");
        assertThat(Normalizer.normalise("ΠΑΝΕΠΙΣΤΗΜΙΟ ΑΘΗΝΑΣ")).isEqualTo(Normalizer.normalise("Πανεπιστημιο Αθηνας"))
            .isEqualTo("πανεπιστημιοαθηνασ");
    }

    @Test
    void nothingLeftIsEmpty() {
        assertThat(Normalizer.normalise(" -- ")).isEmpty();
        assertThat(Normalizer.normalise(null)).isEmpty();
    }

    @Test
    void washingtonsStayApart() {
        assertThat(Normalizer.normalise("University of Washington"))
            .isNotEqualTo(Normalizer.normalise("Washington University in St. Louis"));
    }
}
