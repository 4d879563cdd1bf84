package io.github.d365bridge.client.d365.pkg;

/**
 * Checks for text that goes into the manifest. XML 1.0 cannot carry most control characters at all
 * (not even escaped), and a StAX writer would emit them anyway, giving a manifest D365 rejects
 * as a whole; failing while the package is defined names the culprit instead.
 */
final class XmlText {

    private XmlText() {
    }

    static String requireLegal(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean legal = c == '\t' || c == '\n' || c == '\r'
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(++i)));
            if (!legal) {
                throw new IllegalArgumentException(what + " contains a character XML cannot carry (U+"
                        + String.format("%04X", (int) c) + ") at index " + i + ": " + value);
            }
        }
        return value;
    }

    static String requireName(String value, String what) {
        requireLegal(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
