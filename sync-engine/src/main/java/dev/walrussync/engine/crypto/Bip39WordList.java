package dev.walrussync.engine.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The 2048-word BIP-39 English word list, loaded once from {@code bip39-english.txt} next to this class. */
final class Bip39WordList {
    static final int SIZE = 2048;
    static final String RESOURCE = "bip39-english.txt";

    private static final List<String> WORDS = load();
    private static final Map<String, Integer> INDEX = index(WORDS);

    private Bip39WordList() {}

    /** Returns the word at {@code index}, 0 to 2047. */
    static String word(int index) {
        return WORDS.get(index);
    }

    /** Returns the index of a lower-case word, or -1 when it is not in the list. */
    static int indexOf(String word) {
        return INDEX.getOrDefault(word, -1);
    }

    private static List<String> load() {
        String text;
        try (InputStream in = Bip39WordList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        List<String> words = text.lines().toList();
        if (words.size() != SIZE) {
            throw new IllegalStateException(RESOURCE + " has " + words.size() + " words, expected " + SIZE);
        }
        return words;
    }

    private static Map<String, Integer> index(List<String> words) {
        Map<String, Integer> index = new HashMap<>(SIZE * 2);
        for (int i = 0; i < words.size(); i++) {
            if (index.put(words.get(i), i) != null) {
                throw new IllegalStateException(RESOURCE + " lists '" + words.get(i) + "' twice");
            }
        }
        return Map.copyOf(index);
    }
}
