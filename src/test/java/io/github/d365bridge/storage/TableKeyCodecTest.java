package io.github.d365bridge.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Table key encoding with hostile text: nothing forbidden survives, everything comes back. */
class TableKeyCodecTest {

    /** What Azure Table refuses in PartitionKey and RowKey. */
    private static List<Character> forbidden() {
        List<Character> chars = new ArrayList<>(List.of('/', '\\', '#', '?'));
        for (char c = 0; c <= 0x1F; c++) {
            chars.add(c);
        }
        for (char c = 0x7F; c <= 0x9F; c++) {
            chars.add(c);
        }
        return chars;
    }

    @Test
    void everyForbiddenCharacterIsEscapedAndComesBack() {
        for (char c : forbidden()) {
            String text = "A" + c + "B";
            String key = TableKeyCodec.encode(text);
            assertThat(key).as("U+%04X", (int) c).doesNotContain(String.valueOf(c))
                    .isEqualTo("A%" + String.format("%02X", (int) c) + "B");
            assertThat(TableKeyCodec.decode(key)).isEqualTo(text);
        }
    }

    @Test
    void theEscapeCharacterItselfIsEscaped() {
        assertThat(TableKeyCodec.encode("100%")).isEqualTo("100%25");
        assertThat(TableKeyCodec.encode("%2F")).isEqualTo("%252F");
        assertThat(TableKeyCodec.decode("%252F")).isEqualTo("%2F");
        assertThat(TableKeyCodec.decode(TableKeyCodec.encode("%%25%2F%"))).isEqualTo("%%25%2F%");
    }

    @ParameterizedTest
    @ValueSource(strings = {"000000042", "eu_en", "R-2024-0001", "Bestellung-ÄÖÜß", "注文-１２", "it's", "a b", "",
            "emoji-\uD83D\uDE00", "\u00A0nbsp", "+=&;:@$,"})
    void keysWithoutForbiddenCharactersAreStoredUnchanged(String text) {
        assertThat(TableKeyCodec.encode(text)).isSameAs(text);
        assertThat(TableKeyCodec.decode(text)).isEqualTo(text);
    }

    @Test
    void olderKeysWithALiteralPercentReadAsTheyWereWritten() {
        // escapes the encoder never writes: lower-case hex, characters it does not escape, non-ASCII digits
        for (String older : List.of("10%", "%", "%2", "%2f", "%41", "%zz", "%\u0662\u0663", "50%-off")) {
            assertThat(TableKeyCodec.decode(older)).as(older).isEqualTo(older);
        }
    }

    @Test
    void randomHostileTextRoundTripsAndNeverHoldsAForbiddenCharacter() {
        Random random = new Random(20240611L);
        String alphabet = "%/\\#?:'\" \u0000\u0001\u001F\u007F\u0085\u009F\u00A0Aa09é漢\uD83D\uDE00";
        for (int n = 0; n < 5000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String key = TableKeyCodec.encode(text.toString());
            assertThat(key.chars().filter(c -> c != '%' && TableKeyCodec.mustEscape((char) c))).isEmpty();
            assertThat(TableKeyCodec.decode(key)).isEqualTo(text.toString());
        }
    }
}
