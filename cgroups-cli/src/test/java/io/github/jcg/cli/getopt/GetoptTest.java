package io.github.jcg.cli.getopt;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GNU getopt_long behaviour, checked against what glibc does for the libcgroup tools. */
class GetoptTest {
    private static final List<LongOption> CGGET_LONG = List.of(
            LongOption.withValue("variable", 'r'), LongOption.flag("values-only", 'v'),
            LongOption.flag("all", 'a'), LongOption.flag("help", 'h'));
    private final Getopt cgget = new Getopt("r:hnvg:am", CGGET_LONG);

    @Test
    void shortOptionsClusterAndTakeAttachedOrSeparateArguments() {
        Getopt.Parsed p = cgget.parse(new String[] {"-nv", "-rcpu.shares", "-r", "cpu.cfs_quota_us", "grp"});

        assertThat(p.has('n')).isTrue();
        assertThat(p.has('v')).isTrue();
        assertThat(p.values('r')).containsExactly("cpu.shares", "cpu.cfs_quota_us");
        assertThat(p.operands()).containsExactly("grp");
    }

    @Test
    void anArgumentMayStartWithADash() {
        Getopt set = new Getopt("r:", List.of());
        assertThat(set.parse(new String[] {"-r", "-1", "g"}).values('r')).containsExactly("-1");
    }

    @Test
    void optionsMayFollowOperandsUnlessThePlusModeStopsAtTheFirst() {
        assertThat(cgget.parse(new String[] {"grp", "-n", "-r", "x"}).operands()).containsExactly("grp");

        Getopt exec = new Getopt("+g:sh", List.of(LongOption.flag("sticky", 's'), LongOption.flag("help", 'h')));
        Getopt.Parsed p = exec.parse(new String[] {"-g", "cpu:a", "ls", "-l", "-g"});
        assertThat(p.values('g')).containsExactly("cpu:a");
        assertThat(p.operands()).containsExactly("ls", "-l", "-g");
    }

    @Test
    void doubleDashEndsOptionsAndALoneDashIsAnOperand() {
        Getopt.Parsed p = cgget.parse(new String[] {"-n", "--", "-v", "-"});
        assertThat(p.has('v')).isFalse();
        assertThat(p.operands()).containsExactly("-v", "-");
        assertThat(cgget.parse(new String[] {"-"}).operands()).containsExactly("-");
    }

    @Test
    void longOptionsTakeEqualsOrTheNextWordAndMayBeAbbreviated() {
        assertThat(cgget.parse(new String[] {"--variable=cpu.shares"}).values('r')).containsExactly("cpu.shares");
        assertThat(cgget.parse(new String[] {"--variable", "cpu.shares"}).values('r')).containsExactly("cpu.shares");
        assertThat(cgget.parse(new String[] {"--var", "x"}).values('r')).containsExactly("x");
        assertThat(cgget.parse(new String[] {"--values"}).has('v')).isTrue();
    }

    @Test
    void errorsAreWordedAsGlibcWordsThem() {
        assertThatThrownBy(() -> cgget.parse(new String[] {"-x"})).isInstanceOf(UsageException.class)
                .hasMessage("invalid option -- 'x'");
        assertThatThrownBy(() -> cgget.parse(new String[] {"g", "-r"})).hasMessage("option requires an argument -- 'r'");
        assertThatThrownBy(() -> cgget.parse(new String[] {"--bogus"})).hasMessage("unrecognized option '--bogus'");
        assertThatThrownBy(() -> cgget.parse(new String[] {"--variable"})).hasMessage("option '--variable' requires an argument");
        assertThatThrownBy(() -> cgget.parse(new String[] {"--all=yes"})).hasMessage("option '--all' doesn't allow an argument");
        assertThatCode(() -> cgget.parse(new String[] {"--"})).doesNotThrowAnyException();
        Getopt ambiguous = new Getopt("", List.of(LongOption.flag("verbose", 'v'), LongOption.flag("version", 'V')));
        assertThatThrownBy(() -> ambiguous.parse(new String[] {"--ver"}))
                .hasMessage("option '--ver' is ambiguous; possibilities: '--verbose' '--version'");
    }

    @Test
    void anExactLongNameWinsOverLongerOnesItPrefixes() {
        Getopt g = new Getopt("", List.of(LongOption.flag("all", 'a'), LongOption.flag("all-hierarchies", 'A')));
        assertThat(g.parse(new String[] {"--all"}).has('a')).isTrue();
        assertThat(g.parse(new String[] {"--all"}).has('A')).isFalse();
    }

    @Test
    void optionalArgumentsAreOnlyTakenWhenAttached() {
        Getopt g = new Getopt("o::", List.of());
        assertThat(g.parse(new String[] {"-ojson"}).values('o')).containsExactly("json");
        Getopt.Parsed separate = g.parse(new String[] {"-o", "json"});
        assertThat(separate.values('o')).containsExactly((String) null);
        assertThat(separate.operands()).containsExactly("json");
    }
}
