package org.haigui.ids;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Identity numbers inside free text: found and masked, written in one run or in groups. */
class IdTextTest {

    private static final String ID = "310107199003070017"; // valid check character
    private static final String LOOKALIKE = "310107199003070018"; // wrong check character

    @Test
    void aNumberInOneRunIsFoundAndMasked() {
        assertThat(IdText.containsValid("ID " + ID + " given")).isTrue();
        assertThat(IdText.containsValid("ID " + LOOKALIKE)).isFalse();
        assertThat(IdText.maskAll("ID " + ID + "号")).isEqualTo("ID 3101**************号");
        assertThat(IdText.maskAll("ID " + LOOKALIKE)).isEqualTo("ID 3101**************"); // shaped like one: masked
        assertThat(IdText.maskAll("1" + ID)).isEqualTo("1" + ID); // 19 digits: some other number
    }

    @Test
    void aValidNumberWrittenInGroupsIsFoundAndMaskedKeepingTheSeparators() {
        for (String grouped : new String[] {"310107 19900307 0017", "310107-19900307-0017", "3101 0719 9003 0700 17"}) {
            assertThat(IdText.containsValid("A " + grouped + " B")).as(grouped).isTrue();
            String masked = IdText.maskAll("A " + grouped + " B");
            assertThat(masked).as(grouped).startsWith("A 3101").endsWith(" B").doesNotContain("0017").doesNotContain("19900307");
            assertThat(masked.replaceAll("[^*]", "")).hasSize(14);
        }
        // after a date, in the same chain of groups
        assertThat(IdText.maskAll("2021-09-30 310107 19900307 0017")).isEqualTo("2021-09-30 3101** ******** ****");
    }

    @Test
    void groupedDigitsThatAreNotAValidNumberAreLeftAlone() {
        String phone = "021-6432-1234, 138 0013 8000";
        assertThat(IdText.containsValid(phone)).isFalse();
        assertThat(IdText.maskAll(phone)).isEqualTo(phone);
        String lookalike = "310107 19900307 0018";
        assertThat(IdText.containsValid(lookalike)).isFalse();
        assertThat(IdText.maskAll(lookalike)).isEqualTo(lookalike);
        assertThat(IdText.maskAll("2021-09-30 12:00")).isEqualTo("2021-09-30 12:00");
    }
}
