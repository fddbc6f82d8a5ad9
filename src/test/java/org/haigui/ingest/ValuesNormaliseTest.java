package org.haigui.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Values#normalise}'s fast path for printable ASCII and CJK ideographs gives what the full path gives. */
class ValuesNormaliseTest {

    /** The full path for every string with a character beyond ASCII (the definition before the fast path). */
    private static String reference(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7e) {
                return Values.nfkc(Values.stripInvisible(s));
            }
        }
        return s.trim();
    }

    @Test
    void theFastPathAgreesWithTheFullOne() {
        // ASCII, spaces and tabs, the ideographs, the ends of their block, and what must not take the fast path:
        // full-width forms, compatibility ideographs, combining marks, invisible characters, the ideographic space
        String alphabet = "aZ09 -_.,'\"\t\u4e00\u9fff\u5f20\u4e09\u674e\u56db\u00b7\uff10\uff21\uf900\u0301\u200b\ufeff\u3000\u2460\u3400\ua000";
        SplittableRandom r = new SplittableRandom(20261203);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(0, 8);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            assertThat(Values.normalise(s)).as("normalise(%s)", s.codePoints().mapToObj(Integer::toHexString).toList()).isEqualTo(reference(s));
        }
        assertThat(Values.normalise(" 张三 ")).isEqualTo("张三");
        assertThat(Values.normalise("张\u200b三")).isEqualTo("张三");
        assertThat(Values.normalise("\uff10\uff14")).isEqualTo("04");
    }
}
