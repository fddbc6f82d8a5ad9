package org.haigui.ids;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The test vectors of facts.md, and properties of the check characters. */
class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"110101199003078670", "440308199901101512", "33010219200403064X", "360426199101010071",
        "44011320141005001X"})
    void validIdentityNumbers(String id) {
        IdentityNumber.Result r = IdentityNumber.parse(id);
        assertThat(r.error()).isNull();
        assertThat(r.number()).isPresent();
    }

    @ParameterizedTest
    @CsvSource({
        "11010119900307867X, wrong check character",
        "440308199902301512, birth date is not a real date",
        "360426199113010079, birth date is not a real date",
        "990426199112010074, no such area code",
    })
    void invalidIdentityNumbers(String id, String reason) {
        IdentityNumber.Result r = IdentityNumber.parse(id);
        assertThat(r.ok()).isFalse();
        assertThat(r.error()).contains(reason);
        assertThat(r.error()).doesNotContain(id);
    }

    @org.junit.jupiter.api.Test
    void impliedFieldsAndNormalisation() {
        IdentityNumber n = IdentityNumber.parse("33010219200403064x").number().orElseThrow();
        assertThat(n.value()).isEqualTo("33010219200403064X");
        assertThat(n.areaCode()).isEqualTo("330102");
        assertThat(n.birthDate()).isEqualTo(java.time.LocalDate.of(1920, 4, 3));
        assertThat(n.gender()).isEqualTo('F'); // sequence 064: even
        IdentityNumber m = IdentityNumber.parse("１１０１０１１９９００３０７８６７０").number().orElseThrow();
        assertThat(m.value()).isEqualTo("110101199003078670");
        assertThat(m.gender()).isEqualTo('M'); // 867: odd
        assertThat(m.toString()).doesNotContain("110101199003078670");
    }

    @ParameterizedTest
    @ValueSource(strings = {"91310115591693856A", "91310110666007217T", "91110000600037341L", "91310115MA1K3BTP2B"})
    void validCreditCodes(String code) {
        assertThat(CreditCode.validate(code)).isNull();
    }

    @org.junit.jupiter.api.Test
    void invalidCreditCodes() {
        assertThat(CreditCode.validate("91110000600037341N")).contains("wrong check character");
        assertThat(CreditCode.validate("9111000060003IOZSV")).contains("'I' is not allowed");
        assertThat(CreditCode.validate("91110000600037341")).contains("18 characters");
        assertThat(CreditCode.validate(CreditCode.normalise(" ９１１１００００６０００３７３４１ｌ "))).isNull();
    }

    @Property(tries = 300)
    void everySingleDigitChangeBreaksTheIdentityCheck(@ForAll @IntRange(min = 0, max = 16) int pos,
                                                      @ForAll @IntRange(min = 1, max = 9) int delta) {
        String valid = "110101199003078670";
        char[] c = valid.toCharArray();
        c[pos] = (char) ('0' + (c[pos] - '0' + delta) % 10);
        String changed = new String(c);
        // the MOD 11-2 weights are all non-zero mod 11, so any single substitution changes the check character
        assertThat(IdentityNumber.checkCharacter(changed)).isNotEqualTo(valid.charAt(17));
    }

    @Property(tries = 300)
    void creditCodeCheckCharacterRoundTrips(@ForAll("codes") String first17) {
        String code = first17 + CreditCode.checkCharacter(first17);
        assertThat(CreditCode.validate(code)).isNull();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> codes() {
        return net.jqwik.api.Arbitraries.strings().withChars(CreditCode.CHARSET.toCharArray()).ofLength(17);
    }

    /** The hasher's HMAC, written out over SHA-256, gives the bytes of the JDK's Mac, for keys shorter and longer than a block. */
    @Property(tries = 200)
    void hasherIsHmacSha256(@ForAll @IntRange(min = 1, max = 150) int keyLength, @ForAll String text) throws Exception {
        byte[] key = new byte[keyLength];
        new java.util.Random(keyLength * 31L + text.length()).nextBytes(key);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        IdHasher h = new IdHasher(key);
        assertThat(h.hash(text)).isEqualTo(expected);
        assertThat(h.hash(text)).isEqualTo(expected); // again: the hasher keeps no state between numbers
        assertThat(h.copy().hash(text)).isEqualTo(expected);
    }

    /**
     * Plain ASCII skips NFKC (it leaves ASCII as it is): a number written in ASCII and the same in
     * full-width characters (which go through NFKC) parse alike, valid or not, with the same error.
     */
    @Property(tries = 500)
    void asciiAndFullWidthParseAlike(@ForAll @IntRange(min = 0, max = 999_999) int area, @ForAll @IntRange(min = 0, max = 99_999_999) int date,
                                     @ForAll @IntRange(min = 0, max = 999) int seq, @ForAll boolean validCheck, @ForAll boolean lowerX) {
        String first17 = String.format(java.util.Locale.ROOT, "%06d%08d%03d", area, date, seq);
        char check = validCheck ? IdentityNumber.checkCharacter(first17) : 'X';
        String ascii = " " + first17 + (lowerX && check == 'X' ? 'x' : check) + " ";
        StringBuilder wide = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            wide.append(c == ' ' ? '\u3000' : (char) (c - 0x21 + 0xFF01));
        }
        IdentityNumber.Result a = IdentityNumber.parse(ascii);
        IdentityNumber.Result w = IdentityNumber.parse(wide.toString());
        assertThat(a.error()).isEqualTo(w.error());
        assertThat(a.number()).isEqualTo(w.number());
    }
}
