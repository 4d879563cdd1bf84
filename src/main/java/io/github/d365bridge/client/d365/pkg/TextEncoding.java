package io.github.d365bridge.client.d365.pkg;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds how a file inside a package is encoded from its first bytes. D365 writes UTF-16 LE with a
 * byte-order mark; files edited by hand or by other tools arrive as UTF-8, with or without one.
 *
 * @param charset   the encoding found
 * @param bomLength bytes of byte-order mark to skip (0 when there was none)
 */
record TextEncoding(Charset charset, int bomLength) {

    /** The encoding announced by a byte-order mark, if the bytes start with one. */
    static Optional<TextEncoding> fromBom(byte[] head) {
        int length = head.length;
        if (length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return Optional.of(new TextEncoding(StandardCharsets.UTF_8, 3));
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return Optional.of(new TextEncoding(StandardCharsets.UTF_16LE, 2));
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return Optional.of(new TextEncoding(StandardCharsets.UTF_16BE, 2));
        }
        return Optional.empty();
    }

    /**
     * For XML, which must start with {@code <} (or white space): a zero byte beside it gives UTF-16
     * away even without a mark. Anything else is read as UTF-8, XML's default.
     */
    static TextEncoding sniffXml(byte[] head) {
        int length = head.length;
        return fromBom(head).orElseGet(() -> {
            if (length >= 2 && head[0] != 0 && head[1] == 0) {
                return new TextEncoding(StandardCharsets.UTF_16LE, 0);
            }
            if (length >= 2 && head[0] == 0 && head[1] != 0) {
                return new TextEncoding(StandardCharsets.UTF_16BE, 0);
            }
            return new TextEncoding(StandardCharsets.UTF_8, 0);
        });
    }

    /** Reads up to four bytes without consuming them; {@code in} must support mark/reset. */
    static byte[] peek(BufferedInputStream in) throws IOException {
        in.mark(4);
        byte[] head = new byte[4];
        int length = in.readNBytes(head, 0, 4);
        in.reset();
        return length == 4 ? head : Arrays.copyOf(head, length);
    }

    /**
     * A reader past the byte-order mark that fails on bytes that are not valid in the charset, instead
     * of silently turning them into U+FFFD and importing garbage.
     */
    Reader open(BufferedInputStream in) throws IOException {
        in.skipNBytes(bomLength);
        return new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
