package dotbar.tape;

import java.util.Arrays;
import java.util.function.IntConsumer;

/** A growable list of int pairs (the edges of a dependency graph), without boxing. */
final class IntPairs {
    private int[] data = new int[64];
    private int size;

    void add(int first, int second) {
        if (2 * size + 2 > data.length) data = Arrays.copyOf(data, 2 * data.length);
        data[2 * size] = first;
        data[2 * size + 1] = second;
        size++;
    }

    int size() { return size; }

    int first(int i) { return data[2 * i]; }

    int second(int i) { return data[2 * i + 1]; }

    /** One list of ints per key 0 … keys−1, as linked entries in shared arrays; clearing a list is O(1). */
    static final class Lists {
        private final int[] head;
        private final IntPairs entries = new IntPairs();  // (value, next entry)

        Lists(int keys) {
            head = new int[keys];
            Arrays.fill(head, -1);
        }

        void add(int key, int value) {
            entries.add(value, head[key]);
            head[key] = entries.size() - 1;
        }

        void forEach(int key, IntConsumer action) {
            for (int e = head[key]; e >= 0; e = entries.second(e)) action.accept(entries.first(e));
        }

        void clear(int key) {
            head[key] = -1;
        }
    }
}
