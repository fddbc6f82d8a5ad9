package org.haigui.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameNormalizerTest {

    @Test
    void followsTheSpecOrder() {
        assertThat(NameNormalizer.normalise("  The University of Oxford ")).isEqualTo("universityofoxford");
        assertThat(NameNormalizer.normalise("Texas A&M University")).isEqualTo("texasaandmuniversity");
        assertThat(NameNormalizer.normalise("Texas A and M University")).isEqualTo("texasaandmuniversity");
        assertThat(NameNormalizer.normalise("University of California, Berkeley"))
            .isEqualTo(NameNormalizer.normalise("UNIVERSITY OF CALIFORNIA - BERKELEY"));
        // NFKC: full-width letters and the ideographic space
        assertThat(NameNormalizer.normalise("\uFF2D\uFF29\uFF34\u3000")).isEqualTo("mit");
        // a leading "the" only when followed by a space; never inside
        assertThat(NameNormalizer.normalise("Theatre Academy")).isEqualTo("theatreacademy");
        assertThat(NameNormalizer.normalise("Ecole of the Arts")).isEqualTo("ecoleofthearts");
        // "the" is dropped after trimming and case folding
        assertThat(NameNormalizer.normalise("THE Ohio State University")).isEqualTo("ohiostateuniversity");
    }

    @Test
    void unicodeLettersSurviveAndCaseFoldingIsFull() {
        assertThat(NameNormalizer.normalise("麻省理工学院（MIT）")).isEqualTo("麻省理工学院mit");
        assertThat(NameNormalizer.normalise("東京大学")).isEqualTo("東京大学");
        assertThat(NameNormalizer.normalise("Technische Universität Straße")).isEqualTo("technischeuniversitätstrasse");
        assertThat(NameNormalizer.normalise("Université de Montréal")).isEqualTo("universitédemontréal");
        // capital sharp s (what SQL upper() makes of ß) folds like ß
        assertThat(NameNormalizer.normalise("FACHHOCHSCHULE GIE\u1E9EEN")).isEqualTo(NameNormalizer.normalise("Fachhochschule Gießen"))
            .isEqualTo("fachhochschulegiessen");
        assertThat(NameNormalizer.normalise("ΠΑΝΕΠΙΣΤΗΜΙΟ ΑΘΗΝΑΣ")).isEqualTo(NameNormalizer.normalise("Πανεπιστημιο Αθηνας"))
            .isEqualTo("πανεπιστημιοαθηνασ");
    }

    @Test
    void nothingLeftIsEmpty() {
        assertThat(NameNormalizer.normalise(" -- ")).isEmpty();
        assertThat(NameNormalizer.normalise(null)).isEmpty();
    }

    @Test
    void washingtonsStayApart() {
        assertThat(NameNormalizer.normalise("University of Washington"))
            .isNotEqualTo(NameNormalizer.normalise("Washington University in St. Louis"));
    }
}
