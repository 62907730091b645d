package io.github.jcg.cli;

import io.github.jcg.core.ControllerNotAvailableException;
import io.github.jcg.core.Errno;
import io.github.jcg.core.GroupNotFoundException;
import io.github.jcg.core.InvalidValueException;
import io.github.jcg.core.KernelRefusedException;
import io.github.jcg.core.UnmappableSettingException.Reason;
import io.github.jcg.core.UnmappableSettingException;
import org.junit.jupiter.api.Test;

import static io.github.jcg.cli.ExitCodes.Tool.CGCREATE;
import static io.github.jcg.cli.ExitCodes.Tool.CGDELETE;
import static io.github.jcg.cli.ExitCodes.Tool.CGGET;
import static io.github.jcg.cli.ExitCodes.Tool.CGSET;
import static org.assertj.core.api.Assertions.assertThat;

class ExitCodesTest {
    private static final GroupNotFoundException MISSING = new GroupNotFoundException("g", "the cpu hierarchy");
    private static final KernelRefusedException EINVAL = new KernelRefusedException("refused", "g", "cpu.shares", "x", Errno.EINVAL, null);

    @Test
    void ecgCodesModulo256() {
        assertThat(ExitCodes.GROUP_NOT_FOUND).isEqualTo(82);
        assertThat(ExitCodes.CONTROLLER_NOT_MOUNTED).isEqualTo(84);
        assertThat(ExitCodes.INVALID).isEqualTo(91);
        assertThat(ExitCodes.VALUE_NOT_FOUND).isEqualTo(95);
        assertThat(ExitCodes.OTHER).isEqualTo(96);
        assertThat(ExitCodes.NO_VERSION_CONVERT).isEqualTo(111);
    }

    @Test
    void theSameFailureHasEachToolsOwnCode() {
        assertThat(ExitCodes.of(MISSING, CGSET)).isEqualTo(95);
        assertThat(ExitCodes.of(MISSING, CGGET)).isEqualTo(96);
        assertThat(ExitCodes.of(MISSING, CGDELETE)).isEqualTo(96);
        assertThat(ExitCodes.of(MISSING, null)).isEqualTo(82);
        assertThat(ExitCodes.of(new ControllerNotAvailableException("x"), CGCREATE)).isEqualTo(84);
        assertThat(ExitCodes.of(new InvalidValueException("cpu.shares", "1", "range"), CGSET)).isEqualTo(96);
        assertThat(ExitCodes.of(EINVAL, CGSET)).isEqualTo(96);
    }

    @Test
    void aSettingTheCoreCannotTranslateHasCgxsetsCodeInEveryTool() {
        for (ExitCodes.Tool tool : new ExitCodes.Tool[] {CGSET, CGGET, null}) {
            assertThat(ExitCodes.of(new UnmappableSettingException("x", "freezer.state", null, Reason.UNKNOWN_NAME), tool))
                    .isEqualTo(ExitCodes.INVALID);
            assertThat(ExitCodes.of(new UnmappableSettingException("x", "cpu.stat", null, Reason.NO_EQUIVALENT), tool))
                    .isEqualTo(ExitCodes.NO_VERSION_CONVERT);
            assertThat(ExitCodes.of(new UnmappableSettingException("x", "cpu.weight", "lots", Reason.UNCONVERTIBLE_VALUE), tool))
                    .isEqualTo(ExitCodes.FAIL);
        }
    }

    @Test
    void permissionDeniedAsANonRootUserSeesIt() {
        KernelRefusedException eacces = new KernelRefusedException("denied", "g", "cpu.shares", "512", Errno.EACCES, null);
        KernelRefusedException eperm = new KernelRefusedException("denied", "g", null, null, Errno.EPERM, null);
        assertThat(ExitCodes.of(eacces, CGSET)).isEqualTo(95);
        assertThat(ExitCodes.of(eacces, CGCREATE)).isEqualTo(87);
        assertThat(ExitCodes.of(eperm, CGCREATE)).isEqualTo(85);
        assertThat(ExitCodes.of(eacces, CGDELETE)).isEqualTo(96);
    }

    @Test
    void aWriteTheKernelRefusesIsEcgotherWhateverTheErrno() {
        // libcgroup 3.x src/api.c cg_set_control_value: open() failing is ECGROUPVALUENOTEXIST
        // (or, for EPERM, ECGROUPNOTALLOWED), write() failing is ECGOTHER
        for (Errno errno : new Errno[] {Errno.ENOENT, Errno.EACCES, Errno.EPERM, Errno.EBUSY, Errno.EINVAL}) {
            KernelRefusedException written = new KernelRefusedException("refused", "g", "cgroup.subtree_control", "+memory",
                    errno, null, true);
            assertThat(ExitCodes.of(written, CGSET)).as("cgset, write refused with %s", errno).isEqualTo(96);
            assertThat(ExitCodes.of(written, CGCREATE)).as("cgcreate, write refused with %s", errno).isEqualTo(96);
        }
        KernelRefusedException notOpened = new KernelRefusedException("missing", "g", "cpu.shares", "512", Errno.ENOENT, null);
        assertThat(ExitCodes.of(notOpened, CGSET)).isEqualTo(95);
    }

    @Test
    void aCommandsOwnStatusWins() {
        assertThat(ExitCodes.of(new ToolException(90, "twice"), CGGET)).isEqualTo(90);
    }
}
