package io.github.jcg.it.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CapabilitiesTest {
    /** This CI host's status: everything up to CHECKPOINT_RESTORE (40) except SYS_RESOURCE (24). */
    private static final String STATUS = """
            Name:\tcat
            CapInh:\t0000000000000000
            CapPrm:\t000001fffeffffff
            CapEff:\t000001fffeffffff
            CapBnd:\t000001fffeffffff
            CapAmb:\t0000000000000000
            """;

    @Test
    void decodesTheBoundingSetOfAHostWithoutSysResource() {
        Capabilities.Decoded set = Capabilities.decode(Capabilities.field(STATUS, "CapBnd"));

        assertThat(set.names()).hasSize(40).doesNotContain("SYS_RESOURCE")
                .startsWith("CHOWN", "DAC_OVERRIDE").endsWith("PERFMON", "BPF", "CHECKPOINT_RESTORE");
        assertThat(set.names().get(23)).isEqualTo("SYS_NICE");
        assertThat(set.names().get(24)).isEqualTo("SYS_TIME");
        assertThat(set.unknownBits()).isEmpty();
    }

    @Test
    void docker2010sDefaultSetDecodesToItsFourteenCapabilities() {
        // CapBnd inside a plain `docker run` on Docker 20.10
        assertThat(Capabilities.decode(0xa80425fbL).names()).containsExactly("CHOWN", "DAC_OVERRIDE", "FOWNER",
                "FSETID", "KILL", "SETGID", "SETUID", "SETPCAP", "NET_BIND_SERVICE", "NET_RAW", "SYS_CHROOT",
                "MKNOD", "AUDIT_WRITE", "SETFCAP");
    }

    @Test
    void bitsNewerThanTheNameListAreReportedNotDropped() {
        Capabilities.Decoded set = Capabilities.decode((1L << 41) | 1L);

        assertThat(set.names()).containsExactly("CHOWN");
        assertThat(set.unknownBits()).containsExactly(41);
    }
}
