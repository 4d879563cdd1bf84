package io.github.d365bridge.sandbox.d365.seed;

/** Zero padding without {@link String#format}, which dominated the cost of generating 100,000 rows. */
final class Padding {

    private Padding() {
    }

    static String zeros(long value, int width) {
        String digits = Long.toString(value);
        if (digits.length() >= width) {
            return digits;
        }
        StringBuilder text = new StringBuilder(width);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits).toString();
    }
}
