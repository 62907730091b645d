package io.github.jcg.it.support;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which answers to {@code jcg <command> --help} mean "not built yet" (skip) and which mean "run". */
class CommandGateTest {
    private static Result help(int exit, String out, String err) {
        return new Result(List.of("jcg", "x", "--help"), exit, out, err);
    }

    @Test
    void theCommandsOwnUsageMeansItIsBuilt() {
        assertThat(CommandGate.isBuilt("create", a -> help(0, "Usage: jcg create [-h] [--debug] -g=<ctrls>:<path>\n", ""))).isTrue();
        assertThat(CommandGate.isBuilt("top", a -> help(0, "Usage: jcg top\n", ""))).isTrue();
    }

    @Test
    void jcgsOwnUsageWithStatusZeroMeansNotBuilt() {
        // picocli today: the help request wins over the unknown subcommand
        assertThat(CommandGate.isBuilt("create", a -> help(0, "Usage: jcg [-hV] [COMMAND]\nControl and account …\n", ""))).isFalse();
    }

    @Test
    void anUnmatchedArgumentErrorMeansNotBuilt() {
        assertThat(CommandGate.isBuilt("create", a -> help(129, "",
                "jcg: Unmatched argument at index 0: 'create'\nWrong input parameters, try jcg -h' for more information.\n"))).isFalse();
    }

    @Test
    void aCommandThatExistsButWhoseHelpFailsIsNotSkipped() {
        assertThatThrownBy(() -> CommandGate.isBuilt("create", a -> help(1, "", "Exception in thread \"main\" java.lang.NoClassDefFoundError\n")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("neither");
        // a prefix of another command's name is not that command, and such an answer is odd enough to fail on
        assertThatThrownBy(() -> CommandGate.isBuilt("ls", a -> help(0, "Usage: jcg lssubsys [-h]\n", "")))
                .isInstanceOf(AssertionError.class);
    }
}
