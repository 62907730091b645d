package io.github.jcg.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CpuEmulationTest {
    /** The first lines of /proc/cpuinfo in the VM lane's guest (QEMU 7.2, TCG, default CPU model). */
    private static final String TCG = """
            processor\t: 0
            vendor_id\t: AuthenticAMD
            cpu family\t: 15
            model\t\t: 107
            model name\t: QEMU Virtual CPU version 2.5+
            stepping\t: 1
            flags\t\t: fpu de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 syscall nx lm nopl cpuid pni cx16 x2apic hypervisor lahf_lm svm 3dnowprefetch vmmcall
            """;
    /** This project's machines: a cloud VM on the real CPU (hypervisor flag, real model). */
    private static final String CLOUD_VM = """
            processor\t: 0
            vendor_id\t: AuthenticAMD
            model name\t: AMD EPYC
            flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep hypervisor
            """;

    @Test
    void qemusOwnModelsAreEmulated() {
        assertThat(CpuEmulation.emulatedModel(TCG)).contains("QEMU Virtual CPU version 2.5+");
        assertThat(CpuEmulation.emulatedModel("model name\t: QEMU TCG CPU version 2.5+\n")).contains("QEMU TCG CPU version 2.5+");
    }

    @Test
    void aRealModelIsNotEvenInAVirtualMachine() {
        assertThat(CpuEmulation.emulatedModel(CLOUD_VM)).isEmpty();
        assertThat(CpuEmulation.emulatedModel("model name\t: Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz\n")).isEmpty();
        assertThat(CpuEmulation.emulatedModel("processor\t: 0\n")).isEmpty();
    }
}
