package dev.walrussync.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Gitignore semantics of {@link ExcludeRules}, mostly from the examples in gitignore(5). */
class ExcludeRulesTest {
    /**
     * One ignore file at the root: its lines separated by {@code ;}, a path, whether the path is a
     * file or a directory, and the expected outcome. Most rows come from the examples in gitignore(5);
     * every row agrees with {@code git check-ignore} (git 2.39) except the two deviations noted in
     * the table and in {@link ExcludeRules}.
     */
    @ParameterizedTest(name = "[{index}] {0} / {1} ({2}) -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # Plain names and globs match at any depth.
            *.log                              | debug.log                          | file | excluded
            *.log                              | logs/debug.log                     | file | excluded
            *.log                              | debug.log.txt                      | file | included
            hello.*                            | hello.c                            | file | excluded
            hello.*                            | src/hello.txt                      | dir  | excluded
            hello.*                            | hello                              | file | included
            *~                                 | notes.txt~                         | file | excluded
            # Blank lines and comments are ignored; \\# and \\! escape the first character.
            ''                                 | a                                  | file | included
            '  ;#a;   '                        | a                                  | file | included
            '#foo'                             | '#foo'                             | file | included
            '\\#foo'                           | '#foo'                             | file | excluded
            '\\!important!.txt'                | '!important!.txt'                  | file | excluded
            # Trailing spaces are trimmed unless escaped.
            'foo   '                           | foo                                | file | excluded
            'foo   '                           | 'foo   '                           | file | included
            'foo\\ '                           | 'foo '                             | file | excluded
            'foo\\ '                           | foo                                | file | included
            'foo\\   '                         | 'foo '                             | file | excluded
            # Negation: the last matching pattern wins.
            *.log;!important.log               | important.log                      | file | included
            *.log;!important.log               | logs/important.log                 | file | included
            *.log;!important.log               | debug.log                          | file | excluded
            !important.log;*.log               | important.log                      | file | excluded
            *.html;!foo.html                   | foo.html                           | file | included
            *.html;!foo.html                   | bar.html                           | file | excluded
            # A trailing slash matches directories only.
            foo/                               | foo                                | dir  | excluded
            foo/                               | foo                                | file | included
            frotz/                             | frotz                              | dir  | excluded
            frotz/                             | a/frotz                            | dir  | excluded
            doc/frotz/                         | doc/frotz                          | dir  | excluded
            doc/frotz/                         | doc/frotz                          | file | included
            doc/frotz/                         | a/doc/frotz                        | dir  | included
            # A slash at the start or in the middle anchors the pattern.
            doc/frotz                          | doc/frotz                          | file | excluded
            /doc/frotz                         | doc/frotz                          | file | excluded
            /doc/frotz                         | a/doc/frotz                        | file | included
            /*.c                               | cat-file.c                         | file | excluded
            /*.c                               | mozilla-sha1/sha1.c                | file | included
            *.c                                | mozilla-sha1/sha1.c                | file | excluded
            Documentation/*.html               | Documentation/git.html             | file | excluded
            Documentation/*.html               | Documentation/ppc/ppc.html         | file | included
            Documentation/*.html               | tools/perf/Documentation/perf.html | file | included
            # * and ? do not match a slash.
            foo/*                              | foo/test.json                      | file | excluded
            foo/*                              | foo/bar                            | dir  | excluded
            foo/*                              | foo                                | dir  | included
            /a*c                               | abbc                               | file | excluded
            /a*c                               | ab/c                               | file | included
            /a?c                               | abc                                | file | excluded
            /a?c                               | a/c                                | file | included
            /a?c                               | ac                                 | file | included
            # Deviation: they match one Unicode code point where git matches one byte of UTF-8.
            /caf?                              | café                               | file | excluded
            /?.txt                             | 😀.txt                             | file | excluded
            # Bracket expressions: sets, ranges, complements, classes; never a slash.
            *.[oa]                             | x.o                                | file | excluded
            *.[oa]                             | lib/x.a                            | file | excluded
            *.[oa]                             | x.c                                | file | included
            file[0-9].txt                      | file5.txt                          | file | excluded
            file[0-9].txt                      | filex.txt                          | file | included
            file[!0-9].txt                     | filex.txt                          | file | excluded
            file[!0-9].txt                     | file5.txt                          | file | included
            file[^0-9].txt                     | filex.txt                          | file | excluded
            file[a-cx-z].txt                   | filey.txt                          | file | excluded
            file[a-cx-z].txt                   | filem.txt                          | file | included
            x[]]y                              | x]y                                | file | excluded
            x[!]]y                             | x]y                                | file | included
            [[:digit:]]*                       | 1abc                               | file | excluded
            [[:upper:]]*.md                    | README.md                          | file | excluded
            [[:upper:]]*.md                    | readme.md                          | file | included
            /a[/]b                             | a/b                                | file | included
            a[b                                | a[b                                | file | included
            \\[abc\\]                          | [abc]                              | file | excluded
            \\[abc\\]                          | a                                  | file | included
            # A leading **/ matches in all directories.
            **/foo                             | foo                                | file | excluded
            **/foo                             | a/b/foo                            | dir  | excluded
            **/foo/bar                         | foo/bar                            | file | excluded
            **/foo/bar                         | x/y/foo/bar                        | file | excluded
            **/foo/bar                         | x/foo/y/bar                        | file | included
            # A trailing /** matches everything inside, but not the directory itself.
            abc/**                             | abc/x                              | file | excluded
            abc/**                             | abc/x/y/z                          | file | excluded
            abc/**                             | abc                                | dir  | included
            abc/**                             | x/abc/y                            | file | included
            # /**/ in the middle matches zero or more directories.
            a/**/b                             | a/b                                | file | excluded
            a/**/b                             | a/x/b                              | file | excluded
            a/**/b                             | a/x/y/b                            | dir  | excluded
            a/**/b                             | a/x/c                              | file | included
            a/**/b                             | x/a/b                              | file | included
            # Other ** are ordinary stars, as gitignore(5) says.
            a**b                               | axyb                               | file | excluded
            /a/x**/b                           | a/xyz/b                            | file | excluded
            # Deviation: git matches this one, as it compares the literal prefix a/x separately
            # and the rest of the pattern then starts with **.
            /a/x**/b                           | a/x/y/b                            | file | included
            **                                 | a/b/c                              | file | excluded
            # gitignore(5): exclude everything except directory foo/bar.
            /*;!/foo;/foo/*;!/foo/bar          | foo                                | dir  | included
            /*;!/foo;/foo/*;!/foo/bar          | foo/bar                            | dir  | included
            /*;!/foo;/foo/*;!/foo/bar          | foo/baz                            | file | excluded
            /*;!/foo;/foo/*;!/foo/bar          | other                              | dir  | excluded
            abc/**;!abc/keep                   | abc/keep                           | file | included
            abc/**;!abc/keep                   | abc/drop                           | file | excluded
            """)
    void matchesLikeGitignore(String lines, String path, String kind, String expected) {
        ExcludeRules rules = ExcludeRules.of(Arrays.asList(lines.split(";", -1)));
        assertThat(rules.isExcluded(path, kind.equals("dir"))).isEqualTo(expected.equals("excluded"));
    }

    /**
     * Rules from {@code --exclude} and from ignore files at three depths: the root ({@code ""}),
     * {@code src} and {@code src/deep}; each row names the path, its kind and the outcome.
     */
    @ParameterizedTest(name = "[{index}] {0} ({1}) -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # --exclude patterns apply below the root like a root-level ignore file.
            x.tmp             | file | excluded
            src/x.tmp         | file | excluded
            build             | dir  | excluded
            src/build         | dir  | excluded
            build             | file | included
            # The root ignore file comes after --exclude, so it can re-include.
            keep.tmp          | file | included
            src/keep.tmp      | file | included
            # Patterns are anchored to their own file's directory.
            local             | dir  | excluded
            src/local         | dir  | included
            src/gen           | dir  | excluded
            gen               | dir  | included
            src/x/gen         | dir  | included
            src/docs/a.md     | file | excluded
            docs/a.md         | file | included
            src/deep/docs/a.md | file | included
            # Non-anchored patterns match at any depth below their file's directory only.
            a.log             | file | excluded
            lib/a.log         | file | excluded
            src/a.log         | file | included
            src/x/a.log       | file | included
            src/deep/a.log    | file | excluded
            src/deep/y/a.log  | file | excluded
            src/deep/debug.log | file | included
            # A deeper file overrides a shallower one in both directions.
            src/deep/keep.tmp | file | excluded
            src/deep/x.tmp    | file | excluded
            src/deep/x.java   | file | excluded
            src/x.java        | file | included
            """)
    void deeperIgnoreFilesOverrideShallowerOnes(String path, String kind, String expected) {
        ExcludeRules rules = ExcludeRules.of(List.of("*.tmp", "build/"))
                .withIgnoreFile("", List.of("!keep.tmp", "/local/", "*.log"))
                .withIgnoreFile("src", List.of("# sources", "!*.log", "/gen", "docs/*.md"))
                .withIgnoreFile("src/deep", List.of("*.log", "!debug.log", "keep.tmp", "*.java"));
        // The same files added deepest first give the same rules: precedence follows depth.
        ExcludeRules reversed = ExcludeRules.none()
                .withIgnoreFile("src/deep", List.of("*.log", "!debug.log", "keep.tmp", "*.java"))
                .withIgnoreFile("src", List.of("# sources", "!*.log", "/gen", "docs/*.md"))
                .withIgnoreFile("", List.of("*.tmp", "build/"))
                .withIgnoreFile("", List.of("!keep.tmp", "/local/", "*.log"));
        boolean isDirectory = kind.equals("dir");
        boolean excluded = expected.equals("excluded");
        assertThat(rules.isExcluded(path, isDirectory)).isEqualTo(excluded);
        assertThat(reversed.isExcluded(path, isDirectory)).isEqualTo(excluded);
    }

    @Test
    void ignoreFileIsNamedDotWalrusignore() {
        assertThat(ExcludeRules.IGNORE_FILE_NAME).isEqualTo(".walrusignore");
    }

    @Test
    void noRulesExcludeNothing() {
        assertThat(ExcludeRules.none().isExcluded("a", false)).isFalse();
        assertThat(ExcludeRules.of(List.of()).isExcluded("a/b", true)).isFalse();
    }

    @Test
    void ignoreFileRulesDoNotApplyToItsOwnDirectory() {
        ExcludeRules rules = ExcludeRules.none().withIgnoreFile("src", List.of("src", "*"));
        assertThat(rules.isExcluded("src", true)).isFalse();
        assertThat(rules.isExcluded("src/a", false)).isTrue();
        assertThat(rules.isExcluded("srcx/a", false)).isFalse();
    }

    /** The walker does not descend into excluded directories; rules only look at the path itself. */
    @Test
    void onlyThePathItselfIsTestedNotItsParents() {
        ExcludeRules rules = ExcludeRules.of(List.of("build/", "!build/keep.txt"));
        assertThat(rules.isExcluded("build", true)).isTrue();
        assertThat(rules.isExcluded("build/other.txt", false)).isFalse();
    }

    @Test
    void byteOrderMarkAndCarriageReturnsAreRemoved() {
        ExcludeRules rules = ExcludeRules.none().withIgnoreFile("", List.of("\uFEFF*.bak\r", "!a.bak \r"));
        assertThat(rules.isExcluded("x.bak", false)).isTrue();
        assertThat(rules.isExcluded("a.bak", false)).isFalse();
    }

    @Test
    void addingAnEmptyIgnoreFileKeepsTheSameRules() {
        ExcludeRules rules = ExcludeRules.of(List.of("*.o"));
        assertThat(rules.withIgnoreFile("a", List.of("", "# nothing"))).isSameAs(rules);
    }

    @Test
    void rejectsPathsThatAreNotRelative() {
        ExcludeRules rules = ExcludeRules.of(List.of("*.o"));
        assertThatIllegalArgumentException().isThrownBy(() -> rules.isExcluded("", false));
        assertThatIllegalArgumentException().isThrownBy(() -> rules.isExcluded("/a.o", false));
        assertThatIllegalArgumentException().isThrownBy(() -> rules.isExcluded("a/", true));
        assertThatIllegalArgumentException().isThrownBy(() -> rules.withIgnoreFile("/src", List.of("x")));
        assertThatIllegalArgumentException().isThrownBy(() -> rules.withIgnoreFile("src/", List.of("x")));
    }
}
