package dev.walrussync.engine.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * One compiled gitignore glob, matched against the names of a path split at {@code /}.
 *
 * <p>The pattern is cut into segments at unquoted slashes. A segment that is exactly {@code **}
 * (two or more stars) is a <em>globstar</em>: it matches zero or more whole names, or one or more
 * when it is the last segment. Every other segment matches exactly one name, with {@code *} for any
 * run of characters, {@code ?} for one character, {@code [...]} for one character of a set and
 * {@code \} quoting the next character. A pattern with an unclosed bracket, an unknown character
 * class or a trailing backslash matches nothing, as in git. Characters are Unicode code points.
 */
final class GlobPattern {
    /** A token that matches any run of characters within one name. */
    private static final int STAR = -1;
    /** A token that matches one character. */
    private static final int ANY = -2;
    /** Tokens at or below this value are brackets: {@code BRACKET - token} indexes {@link #brackets}. */
    private static final int BRACKET = -3;

    /** The segments; {@code null} marks a globstar, otherwise literal code points or the tokens above. */
    private final int[][] segments;

    private final CharSet[] brackets;
    private final boolean matchesNothing;

    private GlobPattern(int[][] segments, CharSet[] brackets, boolean matchesNothing) {
        this.segments = segments;
        this.brackets = brackets;
        this.matchesNothing = matchesNothing;
    }

    /** Compiles a pattern, with any leading slash already removed. */
    static GlobPattern compile(String pattern) {
        int[] p = pattern.codePoints().toArray();
        List<int[]> segments = new ArrayList<>();
        List<CharSet> brackets = new ArrayList<>();
        List<Integer> segment = new ArrayList<>();
        int i = 0;
        while (i <= p.length) {
            if (i == p.length || p[i] == '/') {
                segments.add(toSegment(segment));
                segment.clear();
                i++;
                continue;
            }
            int c = p[i];
            if (c == '\\') {
                if (i + 1 == p.length) {
                    return nothing();
                }
                if (p[i + 1] == '/') {
                    i++; // a quoted slash still separates names
                    continue;
                }
                segment.add(p[i + 1]);
                i += 2;
            } else if (c == '*') {
                int run = i;
                while (i < p.length && p[i] == '*') {
                    i++;
                }
                boolean alone = segment.isEmpty()
                        && (i == p.length || p[i] == '/' || (p[i] == '\\' && i + 1 < p.length && p[i + 1] == '/'));
                if (alone && i - run >= 2) {
                    segment.add(null); // a globstar, checked in toSegment
                } else {
                    segment.add(STAR);
                }
            } else if (c == '?') {
                segment.add(ANY);
                i++;
            } else if (c == '[') {
                CharSet.Parsed parsed = CharSet.parse(p, i);
                if (parsed == null) {
                    return nothing();
                }
                segment.add(BRACKET - brackets.size());
                brackets.add(parsed.set());
                i = parsed.end();
            } else {
                segment.add(c);
                i++;
            }
        }
        return new GlobPattern(segments.toArray(new int[0][]), brackets.toArray(new CharSet[0]), false);
    }

    private static GlobPattern nothing() {
        return new GlobPattern(new int[0][], new CharSet[0], true);
    }

    private static int[] toSegment(List<Integer> tokens) {
        if (tokens.size() == 1 && tokens.get(0) == null) {
            return null;
        }
        return tokens.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether the pattern matches exactly the names {@code names[from..]}. */
    boolean matches(int[][] names, int from) {
        if (matchesNothing) {
            return false;
        }
        int count = names.length - from;
        // reachable[k]: the segments so far can match names[from .. from + k).
        boolean[] reachable = new boolean[count + 1];
        reachable[0] = true;
        for (int s = 0; s < segments.length; s++) {
            int[] segment = segments[s];
            boolean[] next = new boolean[count + 1];
            boolean any = false;
            if (segment == null) {
                int minNames = s == segments.length - 1 ? 1 : 0;
                int first = firstTrue(reachable);
                for (int k = first + minNames; first >= 0 && k <= count; k++) {
                    next[k] = true;
                    any = true;
                }
            } else {
                for (int k = 0; k < count; k++) {
                    if (reachable[k] && matchesName(segment, names[from + k])) {
                        next[k + 1] = true;
                        any = true;
                    }
                }
            }
            if (!any) {
                return false;
            }
            reachable = next;
        }
        return reachable[count];
    }

    private static int firstTrue(boolean[] flags) {
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                return i;
            }
        }
        return -1;
    }

    /** Matches one segment against one name, backtracking only to the most recent star. */
    private boolean matchesName(int[] segment, int[] name) {
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = -1;
        while (t < name.length) {
            if (p < segment.length && segment[p] == STAR) {
                starP = p++;
                starT = t;
            } else if (p < segment.length && matchesChar(segment[p], name[t])) {
                p++;
                t++;
            } else if (starP >= 0) {
                p = starP + 1;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < segment.length && segment[p] == STAR) {
            p++;
        }
        return p == segment.length;
    }

    private boolean matchesChar(int token, int c) {
        if (token >= 0) {
            return token == c;
        }
        if (token == ANY) {
            return true;
        }
        return brackets[BRACKET - token].contains(c);
    }

    /** A bracket expression: members, ranges and POSIX classes, possibly complemented; never a slash. */
    private record CharSet(boolean negated, int[] singles, int[] rangeStarts, int[] rangeEnds, String[] classes) {
        /** A parsed bracket and the index just after its closing {@code ]}. */
        record Parsed(CharSet set, int end) {}

        boolean contains(int c) {
            if (c == '/') {
                return false;
            }
            return member(c) != negated;
        }

        private boolean member(int c) {
            for (int s : singles) {
                if (s == c) {
                    return true;
                }
            }
            for (int i = 0; i < rangeStarts.length; i++) {
                if (c >= rangeStarts[i] && c <= rangeEnds[i]) {
                    return true;
                }
            }
            for (String name : classes) {
                if (inClass(name, c)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Parses the bracket that opens at {@code p[open]}, or returns {@code null} if it is malformed.
         *
         * <p>As in git: {@code !} or {@code ^} first complements the set; a {@code ]} first is a
         * member; {@code \} quotes the next character; {@code a-z} is a range unless the {@code -}
         * comes first, follows a range or class, or comes last; {@code [:name:]} is a POSIX class,
         * and a {@code [:} without a matching {@code :]} is an ordinary {@code [}.
         */
        static Parsed parse(int[] p, int open) {
            int i = open + 1;
            boolean negated = i < p.length && (p[i] == '!' || p[i] == '^');
            if (negated) {
                i++;
            }
            List<Integer> singles = new ArrayList<>();
            List<Integer> rangeStarts = new ArrayList<>();
            List<Integer> rangeEnds = new ArrayList<>();
            List<String> classes = new ArrayList<>();
            int previous = -1; // the last single member, which may start a range
            for (boolean first = true; ; first = false) {
                if (i >= p.length) {
                    return null;
                }
                int c = p[i];
                if (c == ']' && !first) {
                    return new Parsed(
                            new CharSet(
                                    negated,
                                    toArray(singles),
                                    toArray(rangeStarts),
                                    toArray(rangeEnds),
                                    classes.toArray(new String[0])),
                            i + 1);
                }
                if (c == '\\') {
                    if (i + 1 >= p.length) {
                        return null;
                    }
                    previous = p[i + 1];
                    singles.add(previous);
                    i += 2;
                } else if (c == '-' && previous >= 0 && i + 1 < p.length && p[i + 1] != ']') {
                    int end = p[i + 1];
                    i += 2;
                    if (end == '\\') {
                        if (i >= p.length) {
                            return null;
                        }
                        end = p[i++];
                    }
                    rangeStarts.add(previous);
                    rangeEnds.add(end);
                    previous = -1;
                } else if (c == '[' && i + 1 < p.length && p[i + 1] == ':') {
                    int close = i + 2;
                    while (close < p.length && p[close] != ']') {
                        close++;
                    }
                    if (close == p.length) {
                        return null;
                    }
                    if (close - 1 < i + 2 || p[close - 1] != ':') {
                        previous = '[';
                        singles.add(previous);
                        i++;
                    } else {
                        String name = new String(p, i + 2, close - 1 - (i + 2));
                        if (!isClassName(name)) {
                            return null;
                        }
                        classes.add(name);
                        previous = -1;
                        i = close + 1;
                    }
                } else {
                    previous = c;
                    singles.add(previous);
                    i++;
                }
            }
        }

        private static int[] toArray(List<Integer> values) {
            return values.stream().mapToInt(Integer::intValue).toArray();
        }

        private static boolean isClassName(String name) {
            return switch (name) {
                case "alnum",
                        "alpha",
                        "blank",
                        "cntrl",
                        "digit",
                        "graph",
                        "lower",
                        "print",
                        "punct",
                        "space",
                        "upper",
                        "xdigit" -> true;
                default -> false;
            };
        }

        /** POSIX classes over ASCII, as in git. */
        private static boolean inClass(String name, int c) {
            boolean alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            boolean digit = c >= '0' && c <= '9';
            boolean graph = c > ' ' && c < 0x7F;
            return switch (name) {
                case "alnum" -> alpha || digit;
                case "alpha" -> alpha;
                case "blank" -> c == ' ' || c == '\t';
                case "cntrl" -> c < ' ' || c == 0x7F;
                case "digit" -> digit;
                case "graph" -> graph;
                case "lower" -> c >= 'a' && c <= 'z';
                case "print" -> graph || c == ' ';
                case "punct" -> graph && !alpha && !digit;
                case "space" -> c == ' ' || (c >= '\t' && c <= '\r');
                case "upper" -> c >= 'A' && c <= 'Z';
                case "xdigit" -> digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                default -> false;
            };
        }
    }
}
