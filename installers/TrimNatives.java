import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Copies a jar without the native libraries of other platforms: sqlite-jdbc, zstd-jni and JNA carry one for every
 * operating system and processor they support, and an installer needs only its own.
 *
 * <p>Usage: {@code java TrimNatives.java IN.jar OUT.jar KEEP-REGEX}. An entry is a native library when its name ends
 * in .so, .dll, .dylib, .jnilib or .a; it is kept when its path matches KEEP-REGEX (a {@code find}, not a whole-path
 * match). Everything else is copied unchanged, in the same order and with the same times. Signed jars are refused:
 * removing entries would break their signature.
 */
public final class TrimNatives {
    private static final Pattern NATIVE = Pattern.compile("\\.(so|dll|dylib|jnilib|a)$");

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java TrimNatives.java IN.jar OUT.jar KEEP-REGEX");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Pattern keep = Pattern.compile(args[2]);
        int kept = 0;
        int dropped = 0;
        try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(in));
                ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e; (e = zin.getNextEntry()) != null; ) {
                String name = e.getName();
                String upper = name.toUpperCase(Locale.ROOT);
                if (upper.startsWith("META-INF/") && (upper.endsWith(".SF") || upper.endsWith(".RSA")
                        || upper.endsWith(".EC") || upper.endsWith(".DSA"))) {
                    throw new IOException(in + " is signed; its natives cannot be trimmed without breaking it");
                }
                if (!e.isDirectory() && NATIVE.matcher(name).find()) {
                    if (!keep.matcher(name).find()) {
                        dropped++;
                        continue;
                    }
                    kept++;
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(e.getTime());
                if (e.getComment() != null) {
                    copy.setComment(e.getComment());
                }
                zout.putNextEntry(copy);
                zin.transferTo(zout);
                zout.closeEntry();
            }
        }
        if (kept == 0 && dropped > 0) {
            Files.delete(out);
            throw new IOException(in + ": no native library matches " + keep + "; the app could not load it");
        }
        System.out.printf(
                "%s: kept %d native %s of %d, %.1f MB -> %.1f MB%n",
                in.getFileName(), kept, kept == 1 ? "library" : "libraries", kept + dropped,
                Files.size(in) / 1e6, Files.size(out) / 1e6);
    }
}
