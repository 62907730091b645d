package io.github.jcg.cli.options;

import io.github.jcg.core.Ownership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OwnersTest {
    @TempDir
    Path etc;
    private Owners owners;

    @BeforeEach
    void setUp() throws IOException {
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\nweb:x:1001:1002::/home/web:/bin/sh\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\nstaff:x:50:web\n");
        owners = new Owners(etc, 7, 8);
    }

    @Test
    void namesAreLookedUp() {
        assertThat(owners.parse("web:staff")).isEqualTo(new Ownership(1001, 50));
    }

    @Test
    void numbersAreTakenAsTheyAre() {
        assertThat(owners.parse("1000:1000")).isEqualTo(new Ownership(1000, 1000));
    }

    @Test
    void aPartLeftOutKeepsThisProcesssId() {
        assertThat(owners.parse("web")).isEqualTo(new Ownership(1001, 8));
        assertThat(owners.parse(":staff")).isEqualTo(new Ownership(7, 50));
    }

    @Test
    void unknownNamesAreNamedInTheMessage() {
        assertThatThrownBy(() -> owners.parse("nobodyhere:staff")).hasMessageContaining("user 'nobodyhere'")
                .hasMessageContaining("passwd");
        assertThatThrownBy(() -> owners.parse("web:nogroup")).hasMessageContaining("group 'nogroup'");
        assertThatThrownBy(() -> owners.parse(":")).hasMessageContaining("names no owner");
    }
}
