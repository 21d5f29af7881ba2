package io.tacit.inference.candidates;

/**
 * The hash codes ({@link String#hashCode}) of a set of names, in one open-addressed array of ints: whether a
 * name may be in the set is answered from a few kilobytes that stay in the processor's cache, without
 * building the name ({@link Names#compactHash}). Most names a column tries (its name completed by its table's
 * words, its tails and substrings) name nothing; only those whose hash is here are built and looked up.
 * A hash here may belong to another name: the lookup that follows decides.
 */
final class NameHashes {
    private int[] slots = new int[16];
    private int size;
    /** 0 marks an empty slot, so the hash 0 is kept apart. */
    private boolean zero;

    void add(String name) {
        add(name.hashCode());
    }

    void add(int hash) {
        if (hash == 0) {
            zero = true;
            return;
        }
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == hash) {
                return;
            }
            if (slots[i] == 0) {
                slots[i] = hash;
                size++;
                return;
            }
        }
    }

    /** False when no name of the set has this hash; true when one may. */
    boolean mightContain(int hash) {
        if (hash == 0) {
            return zero;
        }
        int mask = slots.length - 1;
        for (int i = mix(hash) & mask; ; i = (i + 1) & mask) {
            int slot = slots[i];
            if (slot == hash) {
                return true;
            }
            if (slot == 0) {
                return false;
            }
        }
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        size = 0;
        for (int hash : old) {
            if (hash != 0) {
                add(hash);
            }
        }
    }

    /** Spreads the bits: string hashes of similar names differ mostly in their low bits. */
    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
