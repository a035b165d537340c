package dev.walrussync.engine.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Exclude rules in gitignore syntax, from {@code --exclude} options and {@code .walrusignore} files; immutable.
 *
 * <p>The syntax and precedence are those of gitignore(5):
 *
 * <ul>
 *   <li>Blank lines and lines starting with {@code #} are ignored; {@code \#} starts a pattern with
 *       a hash. Trailing spaces are removed unless escaped with a backslash. A trailing carriage
 *       return and a leading byte order mark are removed too.
 *   <li>A leading {@code !} negates the pattern, re-including what an earlier pattern excluded;
 *       {@code \!} starts a pattern with an exclamation mark.
 *   <li>A trailing {@code /} makes the pattern match directories only.
 *   <li>A pattern with a slash at the start or in the middle is anchored: it is matched against the
 *       path relative to the directory of its ignore file. Otherwise it is matched against the last
 *       name of the path, at any depth below that directory.
 *   <li>{@code *} matches anything except a slash, {@code ?} one character except a slash, and
 *       {@code [...]} one character of a set, with ranges, {@code [!...]} or {@code [^...]} for the
 *       complement and POSIX classes such as {@code [[:digit:]]}. A backslash quotes the next character.
 *   <li>A leading {@code **}{@code /} matches in all directories, a trailing {@code /**} matches
 *       everything inside, and {@code /**}{@code /} in the middle matches zero or more directories.
 *       Other {@code **} are like {@code *}.
 *   <li>The last matching pattern decides. Patterns in a deeper ignore file come after those of
 *       shallower ones, so they win; {@code --exclude} patterns act as the first lines of a
 *       root-level ignore file, so the root {@code .walrusignore} and deeper ones can override them.
 * </ul>
 *
 * <p>Matching is case-sensitive. It differs from git's implementation in two corner cases, where it
 * follows gitignore(5) instead: wildcards match Unicode code points, not bytes of UTF-8 (so {@code
 * caf?} matches {@code café}); and a {@code **} that is not between slashes is always an ordinary
 * {@code *} (git compares the literal prefix of an anchored pattern separately, so that a {@code
 * **} right after it, as in {@code a/x**}{@code /b}, acts as a leading one and matches {@code
 * a/x/y/b}).
 *
 * <p>Only the given path itself is tested, never its parents. As in git, a file cannot be
 * re-included if one of its parent directories is excluded: the folder walker gets this behaviour
 * by not descending into an excluded directory, so it never asks about the paths inside.
 */
public final class ExcludeRules {
    /** The name of the per-directory ignore file. */
    public static final String IGNORE_FILE_NAME = ".walrusignore";

    private static final ExcludeRules NONE = new ExcludeRules(new Rule[0]);

    /** The rules ordered from the shallowest ignore file to the deepest, lines in file order. */
    private final Rule[] rules;

    private ExcludeRules(Rule[] rules) {
        this.rules = rules;
    }

    /** Rules that exclude nothing. */
    public static ExcludeRules none() {
        return NONE;
    }

    /** Rules from {@code --exclude} patterns, which apply relative to each backed-up root. */
    public static ExcludeRules of(List<String> patterns) {
        return NONE.withIgnoreFile("", patterns);
    }

    /**
     * Returns these rules plus the lines of an ignore file in the directory {@code dirRelPath}.
     *
     * @param dirRelPath the directory relative to the root, with {@code /} separators and no leading
     *     or trailing slash; {@code ""} for the root
     * @param lines the file's lines, without line terminators
     */
    public ExcludeRules withIgnoreFile(String dirRelPath, List<String> lines) {
        checkRelativePath(dirRelPath, true);
        List<Rule> added = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Rule rule = Rule.parse(dirRelPath, lines.get(i), i == 0);
            if (rule != null) {
                added.add(rule);
            }
        }
        if (added.isEmpty()) {
            return this;
        }
        int depth = added.get(0).depth;
        // Keep the order by depth: a file's rules go after those of every file as shallow or shallower.
        int at = rules.length;
        while (at > 0 && rules[at - 1].depth > depth) {
            at--;
        }
        Rule[] merged = new Rule[rules.length + added.size()];
        System.arraycopy(rules, 0, merged, 0, at);
        for (int i = 0; i < added.size(); i++) {
            merged[at + i] = added.get(i);
        }
        System.arraycopy(rules, at, merged, at + added.size(), rules.length - at);
        return new ExcludeRules(merged);
    }

    /**
     * Whether the last rule that matches the path excludes it.
     *
     * @param relPath the path relative to the root, with {@code /} separators and no leading or
     *     trailing slash
     * @param isDirectory whether the path is a directory, for patterns ending in {@code /}
     */
    public boolean isExcluded(String relPath, boolean isDirectory) {
        checkRelativePath(relPath, false);
        if (rules.length == 0) {
            return false;
        }
        int[][] names = Arrays.stream(relPath.split("/", -1))
                .map(name -> name.codePoints().toArray())
                .toArray(int[][]::new);
        for (int i = rules.length - 1; i >= 0; i--) {
            Rule rule = rules[i];
            if (rule.matches(relPath, names, isDirectory)) {
                return !rule.negated;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "ExcludeRules" + Arrays.toString(rules);
    }

    private static void checkRelativePath(String path, boolean emptyAllowed) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() ? !emptyAllowed : path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
            throw new IllegalArgumentException("not a relative path: \"" + path + "\"");
        }
    }

    /** One pattern line of one ignore file. */
    private static final class Rule {
        final String baseDir;
        final String basePrefix;
        final int depth;
        final String source;
        final GlobPattern pattern;
        final boolean negated;
        final boolean directoryOnly;
        final boolean anchored;

        private Rule(String baseDir, String source, String pattern, boolean negated, boolean directoryOnly) {
            this.baseDir = baseDir;
            this.basePrefix = baseDir.isEmpty() ? "" : baseDir + "/";
            this.depth = baseDir.isEmpty()
                    ? 0
                    : (int) baseDir.chars().filter(c -> c == '/').count() + 1;
            this.source = source;
            this.negated = negated;
            this.directoryOnly = directoryOnly;
            this.anchored = pattern.indexOf('/') >= 0;
            // An anchored pattern is matched against the path below the base, without its leading slash.
            this.pattern = GlobPattern.compile(pattern.startsWith("/") ? pattern.substring(1) : pattern);
        }

        /** Parses one line as git does, or returns {@code null} for a blank line or comment. */
        static Rule parse(String baseDir, String line, boolean firstLine) {
            String text = line;
            if (firstLine && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.endsWith("\r")) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.isEmpty() || text.charAt(0) == '#') {
                return null;
            }
            text = trimTrailingSpaces(text);
            boolean negated = text.startsWith("!");
            if (negated) {
                text = text.substring(1);
            }
            boolean directoryOnly = text.endsWith("/");
            if (directoryOnly) {
                text = text.substring(0, text.length() - 1);
            }
            if (text.isEmpty()) {
                return null; // "", "!" or "/" match nothing
            }
            return new Rule(baseDir, line, text, negated, directoryOnly);
        }

        /** Removes trailing spaces that are not escaped by a backslash, like git's trim_trailing_spaces. */
        private static String trimTrailingSpaces(String s) {
            int lastSpace = -1;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == ' ') {
                    if (lastSpace < 0) {
                        lastSpace = i;
                    }
                } else if (c == '\\') {
                    i++;
                    if (i == s.length()) {
                        return s;
                    }
                    lastSpace = -1;
                } else {
                    lastSpace = -1;
                }
            }
            return lastSpace < 0 ? s : s.substring(0, lastSpace);
        }

        /** Whether this rule matches the path, given as a string and as its names' code points. */
        boolean matches(String relPath, int[][] names, boolean isDirectory) {
            if (directoryOnly && !isDirectory) {
                return false;
            }
            if (!relPath.startsWith(basePrefix)) {
                return false;
            }
            // An anchored pattern spans the names below the base; any other pattern the last name.
            return pattern.matches(names, anchored ? depth : names.length - 1);
        }

        @Override
        public String toString() {
            return (baseDir.isEmpty() ? "" : baseDir + ":") + source;
        }
    }
}
