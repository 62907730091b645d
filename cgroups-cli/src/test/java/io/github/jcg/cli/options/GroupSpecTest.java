package io.github.jcg.cli.options;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupSpecTest {
    @Test
    void splitsOnTheFirstColonOnly() {
        GroupSpec spec = GroupSpec.parse("cpu,memory:web/a:b");
        assertThat(spec.controllers()).isEqualTo("cpu,memory");
        assertThat(spec.path()).isEqualTo("web/a:b");
        assertThat(spec.controllerNames()).containsExactly("cpu", "memory");
    }

    @Test
    void emptyNamesAreSkippedAsStrtokSkipsThem() {
        assertThat(GroupSpec.parse("cpu,,pids,:g").controllerNames()).containsExactly("cpu", "pids");
    }

    @Test
    void starMeansAllAndNothingMeansNone() {
        assertThat(GroupSpec.parse("*:g").isAll()).isTrue();
        assertThat(GroupSpec.parse(":g").controllerNames()).isEmpty();
        assertThat(GroupSpec.parse(":g").isAll()).isFalse();
    }

    @Test
    void aSpecNeedsAColonAndAPath() {
        assertThatThrownBy(() -> GroupSpec.parse("web")).hasMessageContaining("no ':'");
        assertThatThrownBy(() -> GroupSpec.parse("cpu:")).hasMessageContaining("no path");
    }

    @Test
    void printsAsGiven() {
        assertThat(GroupSpec.parse("cpu:/a").toString()).isEqualTo("cpu:/a");
    }
}
