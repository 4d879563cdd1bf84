package io.github.d365bridge.sandbox.d365.seed;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * Where the rows of each owner start when owners have different numbers of rows (4–9 variants per master,
 * 1–3 relations per product): one int per owner, computed once from the counts, so a row is still found
 * from its index alone and no row is ever stored.
 */
final class Offsets {

    private final int[] starts;

    /** @param count rows of owner {@code i}, for {@code i} in {@code [0, owners)} */
    Offsets(int owners, IntUnaryOperator count) {
        starts = new int[owners + 1];
        for (int i = 0; i < owners; i++) {
            starts[i + 1] = Math.addExact(starts[i], count.applyAsInt(i));
        }
    }

    int total() {
        return starts[starts.length - 1];
    }

    int start(int owner) {
        return starts[owner];
    }

    int count(int owner) {
        return starts[owner + 1] - starts[owner];
    }

    /** The owner of row {@code index} ({@code 0 <= index < total()}). */
    int ownerOf(int index) {
        int found = Arrays.binarySearch(starts, index);
        // equal starts belong to owners without rows: the owner is the last one starting there
        int owner = found >= 0 ? found : -found - 2;
        while (owner + 1 < starts.length - 1 && starts[owner + 1] == index) {
            owner++;
        }
        return owner;
    }
}
