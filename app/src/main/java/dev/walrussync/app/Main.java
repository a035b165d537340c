package dev.walrussync.app;

/** Entry point of Walrus Sync. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("Walrus Sync");
    }
}
