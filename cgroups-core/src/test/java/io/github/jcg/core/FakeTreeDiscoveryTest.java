package io.github.jcg.core;

import io.github.jcg.testing.FakeHost;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static io.github.jcg.core.fake.FakeHosts.discover;
import static io.github.jcg.core.fake.FakeHosts.layout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FakeTreeDiscoveryTest {
    @TempDir
    Path tmp;

    /** A systemd host in legacy mode: cpu and cpuacct co-mounted, as Debian and RHEL 7 did. */
    private static final String LEGACY_MOUNTS = """
            26 25 0:24 / /sys/fs/cgroup/systemd rw,nosuid,nodev,noexec,relatime shared:5 - cgroup cgroup rw,xattr,name=systemd
            27 25 0:25 / /sys/fs/cgroup/cpuset rw,nosuid,nodev,noexec,relatime shared:6 - cgroup cgroup rw,cpuset
            28 25 0:26 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:7 - cgroup cgroup rw,cpu,cpuacct
            29 25 0:27 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:8 - cgroup cgroup rw,memory
            30 25 0:28 / /sys/fs/cgroup/net_cls,net_prio rw,nosuid,nodev,noexec,relatime shared:9 - cgroup cgroup rw,net_cls,net_prio
            31 25 0:29 / /sys/fs/cgroup/pids rw,nosuid,nodev,noexec,relatime shared:10 - cgroup cgroup rw,pids
            """;
    private static final String LEGACY_PROC_CGROUPS = """
            cpuset\t2\t1\t1
            cpu\t3\t60\t1
            cpuacct\t3\t60\t1
            memory\t4\t90\t1
            net_cls\t5\t1\t1
            perf_event\t0\t1\t1
            net_prio\t5\t1\t1
            hugetlb\t0\t1\t1
            pids\t6\t70\t1
            """;
    private static final String LEGACY_SELF = """
            6:pids:/user.slice/user-1000.slice/session-2.scope
            5:net_cls,net_prio:/
            4:memory:/user.slice/user-1000.slice/session-2.scope
            3:cpu,cpuacct:/user.slice
            2:cpuset:/
            1:name=systemd:/user.slice/user-1000.slice/session-2.scope
            """;

    private FakeHost legacy() {
        return FakeHost.at(tmp).mountinfo(LEGACY_MOUNTS).controllers(LEGACY_PROC_CGROUPS).selfCgroup(LEGACY_SELF);
    }

    @Test
    void modeLinesAreLibcgroupsByteForByte() {
        assertThat(HierarchyMode.LEGACY.libcgroupModeLine()).isEqualTo("Legacy Mode (Cgroup v1 only).");
        assertThat(HierarchyMode.HYBRID.libcgroupModeLine()).isEqualTo("Hybrid mode (Cgroup v1/v2).");
        assertThat(HierarchyMode.UNIFIED.libcgroupModeLine()).isEqualTo("Unified Mode (Cgroup v2 only).");
    }

    @Test
    void hostPathsReRootMountPoints() {
        HostPaths paths = HostPaths.under(tmp);

        assertThat(paths.procRoot()).isEqualTo(tmp.resolve("proc"));
        assertThat(paths.resolveMountPoint("/sys/fs/cgroup/cpu")).isEqualTo(tmp.resolve("sys/fs/cgroup/cpu"));
        assertThat(paths.resolveMountPoint("/")).isEqualTo(tmp);
        assertThat(HostPaths.system().resolveMountPoint("/sys/fs/cgroup")).isEqualTo(Path.of("/sys/fs/cgroup"));
    }

    @Nested
    class Legacy {
        @Test
        void onlyV1MountsMakeLegacyMode() {
            HostLayout layout = layout(legacy());

            assertThat(layout.mode()).isEqualTo(HierarchyMode.LEGACY);
            assertThat(layout.unified()).isEmpty();
            assertThat(layout.v1Hierarchies()).hasSize(6);
        }

        @Test
        void coMountedControllersShareOneHierarchy() {
            HostLayout layout = layout(legacy());

            Hierarchy cpu = layout.hierarchyOf(Controller.CPU).orElseThrow();
            assertThat(layout.hierarchyOf(Controller.CPUACCT)).contains(cpu);
            assertThat(cpu.controllers()).containsExactlyInAnyOrder(Controller.CPU, Controller.CPUACCT);
            assertThat(cpu.label()).isEqualTo("cpu,cpuacct");
            assertThat(cpu.version()).isEqualTo(CgroupVersion.V1);
            assertThat(cpu.id()).isEqualTo(3);
            assertThat(cpu.mountedAt()).isEqualTo("/sys/fs/cgroup/cpu,cpuacct");
            assertThat(cpu.mountPoint()).isEqualTo(tmp.resolve("sys/fs/cgroup/cpu,cpuacct"));
            assertThat(cpu.mountRoot()).isEqualTo("/");
            assertThat(layout.hierarchyOf(Controller.NET_PRIO).orElseThrow().label()).isEqualTo("net_cls,net_prio");
        }

        @Test
        void ownGroupsComeFromProcSelfCgroupPerHierarchy() {
            HostLayout layout = layout(legacy());

            Hierarchy cpu = layout.hierarchyOf(Controller.CPU).orElseThrow();
            Hierarchy memory = layout.hierarchyOf(Controller.MEMORY).orElseThrow();
            assertThat(cpu.ownGroup()).contains("/user.slice");
            assertThat(cpu.ownGroupOnMount()).contains(CgroupPath.of("/user.slice"));
            assertThat(memory.ownGroupOnMount()).contains(CgroupPath.of("/user.slice/user-1000.slice/session-2.scope"));
            assertThat(layout.hierarchyOf(Controller.CPUSET).orElseThrow().ownGroupOnMount()).contains(CgroupPath.root());
        }

        @Test
        void aCoMountIsLabelledInTheKernelsOrderNotTheOrderGiven() {
            Hierarchy h = new Hierarchy(4, CgroupVersion.V1, tmp, "/sys/fs/cgroup/cpuset,cpu", "/",
                    java.util.EnumSet.of(Controller.CPU, Controller.CPUSET), Optional.empty(), Optional.empty(), Optional.empty(), List.of());

            assertThat(h.label()).isEqualTo("cpuset,cpu");
            assertThat(h.has(Controller.CPU)).isTrue();
            assertThat(h.has(Controller.MEMORY)).isFalse();
        }

        @Test
        void theNamedSystemdHierarchyIsFoundByName() {
            Hierarchy systemd = layout(legacy()).namedHierarchy("systemd").orElseThrow();

            assertThat(systemd.controllers()).isEmpty();
            assertThat(systemd.label()).isEqualTo("name=systemd");
            assertThat(systemd.id()).isEqualTo(1);
            assertThat(systemd.ownGroup()).contains("/user.slice/user-1000.slice/session-2.scope");
        }

        @Test
        void availableControllersAreTheMountedOnesInEnumOrder() {
            HostLayout layout = layout(legacy());

            assertThat(layout.availableControllers()).containsExactly(Controller.CPU, Controller.CPUACCT, Controller.CPUSET,
                    Controller.MEMORY, Controller.NET_CLS, Controller.NET_PRIO, Controller.PIDS);
            assertThat(layout.describeAvailable()).isEqualTo("cpu, cpuacct, cpuset, memory, net_cls, net_prio, pids");
            assertThat(layout.hierarchyOf(Controller.IO)).isEmpty();
        }

        @Test
        void theHierarchyIdFallsBackToProcCgroupsWithoutAnOwnLine() {
            Hierarchy pids = layout(legacy().selfCgroup("3:cpu,cpuacct:/\n")).hierarchyOf(Controller.PIDS).orElseThrow();

            assertThat(pids.id()).isEqualTo(6);
            assertThat(pids.ownGroup()).isEmpty();
            assertThat(pids.ownGroupOnMount()).isEmpty();
        }

        @Test
        void allControllersMeansEveryControllerHierarchyButNotNamedOnes() {
            CgroupHost host = discover(legacy());

            List<Hierarchy> all = host.hierarchiesFor(ControllerSelection.all());

            assertThat(all).extracting(Hierarchy::label)
                    .containsExactly("cpuset", "cpu,cpuacct", "memory", "net_cls,net_prio", "pids");
        }

        @Test
        void withoutAV2HierarchyAGroupNeedsAController() {
            CgroupHost host = discover(legacy());

            assertThatThrownBy(() -> host.hierarchiesFor(ControllerSelection.none()))
                    .isInstanceOf(ControllerNotAvailableException.class).hasMessageContaining("no cgroup v2 hierarchy");
        }
    }

    @Nested
    class Hybrid {
        @Test
        void v1ControllersAndAV2MountMakeHybridMode() {
            HostLayout layout = layout(FakeHost.hybridFixture(tmp));

            assertThat(layout.mode()).isEqualTo(HierarchyMode.HYBRID);
            assertThat(layout.mode().libcgroupModeLine()).isEqualTo("Hybrid mode (Cgroup v1/v2).");
            assertThat(layout.hierarchies()).hasSize(10);
        }

        @ParameterizedTest
        @CsvSource({"CPU, 1", "CPUACCT, 2", "CPUSET, 3", "MEMORY, 4", "DEVICES, 5", "FREEZER, 6", "BLKIO, 7", "PIDS, 8"})
        void eachV1ControllerHasItsOwnMountAndId(Controller controller, int id) {
            Hierarchy h = layout(FakeHost.hybridFixture(tmp)).hierarchyOf(controller).orElseThrow();

            assertThat(h.version()).isEqualTo(CgroupVersion.V1);
            assertThat(h.id()).isEqualTo(id);
            assertThat(h.controllers()).containsExactly(controller);
            assertThat(h.mountedAt()).isEqualTo("/sys/fs/cgroup/" + controller.kernelName());
            assertThat(h.mountPoint()).isEqualTo(tmp.resolve("sys/fs/cgroup/" + controller.kernelName()));
        }

        @Test
        void theV2MountOffersOnlyWhatNoV1HierarchyHolds() {
            HostLayout layout = layout(FakeHost.hybridFixture(tmp));

            Hierarchy v2 = layout.unified().orElseThrow();
            assertThat(v2.version()).isEqualTo(CgroupVersion.V2);
            assertThat(v2.id()).isZero();
            assertThat(v2.mountedAt()).isEqualTo("/sys/fs/cgroup/unified");
            // the real host's cgroup.controllers: hugetlb is on hierarchy 0 in /proc/cgroups
            assertThat(v2.controllers()).containsExactly(Controller.HUGETLB);
            assertThat(layout.hierarchyOf(Controller.HUGETLB)).contains(v2);
            assertThat(v2.ownGroupOnMount()).contains(CgroupPath.root());
            assertThat(layout.hierarchyOf(Controller.NET_CLS)).isEmpty();
        }

        @Test
        void ownMemoryGroupIsTheOneTheRealHostShowed() {
            Hierarchy memory = layout(FakeHost.hybridFixture(tmp)).hierarchyOf(Controller.MEMORY).orElseThrow();

            assertThat(memory.ownGroupOnMount()).contains(CgroupPath.of("/process_api/3465720c12a7cdfc371a8fedfab30b3a"));
        }

        @Test
        void theReportListsEveryKnownControllerAndWhereItIs() {
            HostReport report = discover(FakeHost.hybridFixture(tmp)).report();

            assertThat(report.mode()).isEqualTo(HierarchyMode.HYBRID);
            assertThat(report.hierarchies()).hasSize(10);
            assertThat(report.controllers()).extracting(ControllerReport::name).containsExactly("cpuset", "cpu", "cpuacct",
                    "blkio", "memory", "devices", "freezer", "net_cls", "perf_event", "net_prio", "hugetlb", "pids");
            ControllerReport cpu = report.controllers().get(1);
            assertThat(cpu.available()).isTrue();
            assertThat(cpu.hierarchy().orElseThrow().mountedAt()).isEqualTo("/sys/fs/cgroup/cpu");
            ControllerReport netCls = report.controllers().get(7);
            assertThat(netCls.enabled()).isTrue();
            assertThat(netCls.available()).isFalse();
            ControllerReport hugetlb = report.controllers().get(10);
            assertThat(hugetlb.hierarchy().orElseThrow().version()).isEqualTo(CgroupVersion.V2);
        }

        @Test
        void allControllersAreTheV1OnesPlusTheV2Mount() {
            List<Hierarchy> all = discover(FakeHost.hybridFixture(tmp)).hierarchiesFor(ControllerSelection.all());

            assertThat(all).hasSize(9);
            assertThat(all).filteredOn(h -> h.version() == CgroupVersion.V2).hasSize(1);
            assertThat(all).noneMatch(h -> h.name().isPresent());
        }
    }

    @Nested
    class Unified {
        @Test
        void oneCgroup2MountMakesUnifiedMode() {
            HostLayout layout = layout(FakeHost.unified(tmp, "cpuset cpu io memory hugetlb pids rdma misc"));

            assertThat(layout.mode()).isEqualTo(HierarchyMode.UNIFIED);
            assertThat(layout.v1Hierarchies()).isEmpty();
            Hierarchy v2 = layout.unified().orElseThrow();
            assertThat(layout.hierarchies()).containsExactly(v2);
            assertThat(v2.mountedAt()).isEqualTo("/sys/fs/cgroup");
            assertThat(v2.mountPoint()).isEqualTo(tmp.resolve("sys/fs/cgroup"));
            assertThat(v2.controllers()).containsExactlyInAnyOrder(Controller.CPUSET, Controller.CPU, Controller.IO,
                    Controller.MEMORY, Controller.HUGETLB, Controller.PIDS, Controller.RDMA, Controller.MISC);
        }

        @Test
        void controllersAndTheLabelFollowTheKernelsOrderAsLibcgroupPrintsThem() {
            // lscgroup (2.0.2 and 3.x) on the VM lane's v2 kernel: "cpuset,cpu,io,memory,hugetlb,pids,rdma,misc:/g"
            Hierarchy v2 = layout(FakeHost.unified(tmp, "cpuset cpu io memory hugetlb pids rdma misc")).unified().orElseThrow();

            assertThat(v2.label()).isEqualTo("cpuset,cpu,io,memory,hugetlb,pids,rdma,misc");
            assertThat(v2.controllers()).containsExactly(Controller.CPUSET, Controller.CPU, Controller.IO, Controller.MEMORY,
                    Controller.HUGETLB, Controller.PIDS, Controller.RDMA, Controller.MISC);
        }

        @Test
        void everyOfferedControllerLivesInTheOneHierarchy() {
            HostLayout layout = layout(FakeHost.unified(tmp, "cpu io memory pids"));
            Hierarchy v2 = layout.unified().orElseThrow();

            assertThat(layout.hierarchyOf(Controller.CPU)).contains(v2);
            assertThat(layout.hierarchyOf(Controller.IO)).contains(v2);
            assertThat(layout.hierarchyOf(Controller.CPUACCT)).isEmpty();
            assertThat(layout.hierarchyOf(Controller.CPUSET)).isEmpty();
        }

        @Test
        void ownGroupIsTheV2Line() {
            Hierarchy v2 = layout(FakeHost.unified(tmp, "cpu memory")).unified().orElseThrow();

            assertThat(v2.ownGroup()).contains("/user.slice/user-1000.slice/session-3.scope");
            assertThat(v2.ownGroupOnMount()).contains(CgroupPath.of("/user.slice/user-1000.slice/session-3.scope"));
        }

        @Test
        void theReportShowsBlkioAsTheIoControllerItIsOnV2() {
            // /proc/cgroups names the io controller by its v1 name, blkio, also on v2-only hosts
            HostReport report = discover(FakeHost.unified(tmp, "cpu io memory pids")).report();

            ControllerReport blkio = report.controllers().stream().filter(c -> c.name().equals("blkio")).findFirst().orElseThrow();
            assertThat(blkio.enabled()).isTrue();
            assertThat(blkio.available()).as("blkio, offered by the v2 root as io").isTrue();
        }

        @Test
        void allControllersOnAUnifiedHostIsTheOneHierarchy() {
            CgroupHost host = discover(FakeHost.unified(tmp, "cpu memory"));

            assertThat(host.hierarchiesFor(ControllerSelection.all())).containsExactly(host.layout().unified().orElseThrow());
            assertThat(host.hierarchiesFor(ControllerSelection.none())).containsExactly(host.layout().unified().orElseThrow());
        }
    }

    @Nested
    class ContainerViews {
        private FakeHost v2MountedFrom(String mountRoot, String ownPath) {
            return FakeHost.at(tmp).mount("0:38", mountRoot, "/sys/fs/cgroup", "cgroup2", "rw,nsdelegate")
                    .file("/sys/fs/cgroup/cgroup.controllers", "cpu memory pids\n")
                    .selfCgroup("0::" + ownPath + "\n");
        }

        @Test
        void ownGroupIsTranslatedAgainstAMountRootThatIsNotSlash() {
            Hierarchy v2 = layout(v2MountedFrom("/docker/abc", "/docker/abc/sub")).unified().orElseThrow();

            assertThat(v2.mountRoot()).isEqualTo("/docker/abc");
            assertThat(v2.ownGroup()).contains("/docker/abc/sub");
            assertThat(v2.ownGroupOnMount()).contains(CgroupPath.of("/sub"));
        }

        @Test
        void ownGroupAtTheMountRootIsTheRootOfTheMount() {
            Hierarchy v2 = layout(v2MountedFrom("/docker/abc", "/docker/abc")).unified().orElseThrow();

            assertThat(v2.ownGroupOnMount()).contains(CgroupPath.root());
        }

        @Test
        void aGroupOutsideTheMountedSubtreeCannotBeReachedThroughIt() {
            Hierarchy v2 = layout(v2MountedFrom("/docker/abc", "/docker/other")).unified().orElseThrow();

            assertThat(v2.ownGroup()).contains("/docker/other");
            assertThat(v2.ownGroupOnMount()).isEmpty();
        }

        @Test
        void aSiblingWhoseNameStartsLikeTheRootIsOutsideToo() {
            Hierarchy v2 = layout(v2MountedFrom("/docker/abc", "/docker/abcdef")).unified().orElseThrow();

            assertThat(v2.ownGroupOnMount()).isEmpty();
        }

        @Test
        void aGroupAboveTheCgroupNamespaceRootIsOutside() {
            // a process moved out of its namespace's subtree sees a path climbing above "/"
            Hierarchy v2 = layout(v2MountedFrom("/", "/../../system.slice/other.service")).unified().orElseThrow();

            assertThat(v2.ownGroupOnMount()).isEmpty();
        }

        @Test
        void aDeletedGroupIsStillTranslated() {
            Hierarchy v2 = layout(v2MountedFrom("/docker/abc", "/docker/abc/gone (deleted)")).unified().orElseThrow();

            assertThat(v2.ownGroupOnMount()).contains(CgroupPath.of("/gone"));
        }

        @Test
        void anEscapedMountRootIsDecodedBeforeTranslating() {
            // mountinfo escapes the root field; /proc/self/cgroup does not escape paths
            Hierarchy v2 = layout(v2MountedFrom("/docker/my app", "/docker/my app/sub")).unified().orElseThrow();

            assertThat(v2.mountRoot()).isEqualTo("/docker/my app");
            assertThat(v2.ownGroupOnMount()).contains(CgroupPath.of("/sub"));
        }

        @Test
        void aV1BindMountIsTranslatedTheSameWay() {
            Hierarchy cpu = layout(FakeHost.at(tmp)
                    .mount("0:26", "/docker/abc", "/sys/fs/cgroup/cpu,cpuacct", "cgroup", "rw,cpu,cpuacct")
                    .selfCgroup("3:cpu,cpuacct:/docker/abc/sub\n")).hierarchyOf(Controller.CPUACCT).orElseThrow();

            assertThat(cpu.id()).isEqualTo(3);
            assertThat(cpu.mountRoot()).isEqualTo("/docker/abc");
            assertThat(cpu.ownGroupOnMount()).contains(CgroupPath.of("/sub"));
            assertThat(cpu.translate("/docker/abc/sub/x")).contains(CgroupPath.of("/sub/x"));
            assertThat(cpu.translate("/elsewhere")).isEmpty();
        }
    }

    @Nested
    class DuplicateMounts {
        @Test
        void twoMountsOfOneV1HierarchyAreOneHierarchyPreferringTheWholeOne() {
            HostLayout layout = layout(FakeHost.at(tmp)
                    .mount("0:29", "/docker/abc", "/container/cpu", "cgroup", "rw,cpu")
                    .mount("0:29", "/", "/sys/fs/cgroup/cpu", "cgroup", "rw,cpu")
                    .selfCgroup("1:cpu:/docker/abc\n"));

            assertThat(layout.hierarchies()).hasSize(1);
            Hierarchy cpu = layout.hierarchyOf(Controller.CPU).orElseThrow();
            assertThat(cpu.mountedAt()).isEqualTo("/sys/fs/cgroup/cpu");
            assertThat(cpu.mountRoot()).isEqualTo("/");
            assertThat(cpu.otherMountPoints()).containsExactly("/container/cpu");
            assertThat(cpu.ownGroupOnMount()).contains(CgroupPath.of("/docker/abc"));
        }

        @Test
        void twoMountsOfTheV2HierarchyPreferTheWholeOneToo() {
            HostLayout layout = layout(FakeHost.at(tmp)
                    .mount("0:38", "/system.slice", "/run/cg", "cgroup2", "rw")
                    .mount("0:38", "/", "/sys/fs/cgroup", "cgroup2", "rw")
                    .file("/sys/fs/cgroup/cgroup.controllers", "cpu memory\n")
                    .selfCgroup("0::/system.slice/x.service\n"));

            Hierarchy v2 = layout.unified().orElseThrow();
            assertThat(layout.hierarchies()).hasSize(1);
            assertThat(v2.mountedAt()).isEqualTo("/sys/fs/cgroup");
            assertThat(v2.controllers()).containsExactlyInAnyOrder(Controller.CPU, Controller.MEMORY);
            assertThat(v2.otherMountPoints()).containsExactly("/run/cg");
        }

        @Test
        void withoutAWholeMountTheOneHoldingOurGroupIsChosen() {
            Hierarchy cpu = layout(FakeHost.at(tmp)
                    .mount("0:29", "/a", "/m1", "cgroup", "rw,cpu")
                    .mount("0:29", "/b", "/m2", "cgroup", "rw,cpu")
                    .selfCgroup("1:cpu:/b/c\n")).hierarchyOf(Controller.CPU).orElseThrow();

            assertThat(cpu.mountedAt()).isEqualTo("/m2");
            assertThat(cpu.ownGroupOnMount()).contains(CgroupPath.of("/c"));
            assertThat(cpu.otherMountPoints()).containsExactly("/m1");
        }
    }

    @Nested
    class Escapes {
        @Test
        void mountPointsWithSpacesAreDecodedAndUsed() {
            FakeHost fake = FakeHost.at(tmp)
                    .mount("0:32", "/", "/sys/fs/cgroup/my memory", "cgroup", "rw,memory")
                    .v2("/sys/fs/cgroup/my v2", "cpu io")
                    .file("/sys/fs/cgroup/my memory/web/memory.limit_in_bytes", "268435456\n");
            CgroupHost host = discover(fake);

            // the kernel's escape really is in the file the parser reads
            assertThat(fake.read("/proc/self/mountinfo")).contains("/sys/fs/cgroup/my\\040memory");
            Hierarchy memory = host.layout().hierarchyOf(Controller.MEMORY).orElseThrow();
            assertThat(memory.mountedAt()).isEqualTo("/sys/fs/cgroup/my memory");
            assertThat(memory.mountPoint()).isEqualTo(tmp.resolve("sys/fs/cgroup/my memory"));
            // the v2 root's cgroup.controllers was found in the decoded directory
            assertThat(host.layout().hierarchyOf(Controller.CPU).orElseThrow().mountedAt()).isEqualTo("/sys/fs/cgroup/my v2");
            assertThat(host.group("web", ControllerSelection.of(Controller.MEMORY)).read("memory.limit_in_bytes"))
                    .isEqualTo("268435456\n");
        }

        @Test
        void groupPathsMayContainColons() {
            HostLayout layout = layout(FakeHost.at(tmp)
                    .mount("0:32", "/", "/sys/fs/cgroup/memory", "cgroup", "rw,memory")
                    .v2("/sys/fs/cgroup/unified", "")
                    .selfCgroup("4:memory:/a:b/c\n0::/machine.slice/libpod-1:2.scope\n"));

            assertThat(layout.hierarchyOf(Controller.MEMORY).orElseThrow().ownGroupOnMount())
                    .contains(CgroupPath.of("/a:b/c"));
            assertThat(layout.unified().orElseThrow().ownGroupOnMount().orElseThrow().segments())
                    .containsExactly("machine.slice", "libpod-1:2.scope");
        }
    }

    @Nested
    class MissingControllers {
        private FakeHost withMemoryDisabled() {
            return FakeHost.at(tmp)
                    .mount("0:26", "/", "/sys/fs/cgroup/cpu,cpuacct", "cgroup", "rw,cpu,cpuacct")
                    .controllers("cpu\t3\t1\t1\ncpuacct\t3\t1\t1\nmemory\t0\t1\t0\nhugetlb\t0\t1\t1\n")
                    .selfCgroup("3:cpu,cpuacct:/\n");
        }

        @Test
        void aDisabledControllerIsReportedButNowhere() {
            CgroupHost host = discover(withMemoryDisabled());

            assertThat(host.layout().hierarchyOf(Controller.MEMORY)).isEmpty();
            ControllerReport memory = host.report().controllers().stream().filter(c -> c.name().equals("memory"))
                    .findFirst().orElseThrow();
            assertThat(memory.enabled()).isFalse();
            assertThat(memory.available()).isFalse();
            assertThat(memory.hierarchy()).isEqualTo(Optional.empty());
        }

        @Test
        void askingForADisabledControllerSaysItWasDisabledAtBoot() {
            CgroupHost host = discover(withMemoryDisabled());

            assertThatThrownBy(() -> host.group("web", ControllerSelection.of(Controller.MEMORY)))
                    .isInstanceOf(ControllerNotAvailableException.class)
                    .hasMessageContaining("cgroup_disable=memory")
                    .hasMessageContaining("available: cpu, cpuacct");
        }

        @Test
        void askingForAnUnmountedControllerSaysItIsNotMounted() {
            CgroupHost host = discover(withMemoryDisabled());

            assertThatThrownBy(() -> host.group("web", ControllerSelection.of(Controller.HUGETLB)))
                    .isInstanceOf(ControllerNotAvailableException.class)
                    .hasMessageContaining("hugetlb controller is not mounted");
        }

        @Test
        void noCgroupMountAtAllIsAClearError() {
            FakeHost fake = FakeHost.at(tmp);

            assertThatThrownBy(() -> discover(fake)).isInstanceOf(CgroupException.class)
                    .hasMessageContaining("no cgroup filesystem is mounted")
                    .hasMessageContaining("mount -t cgroup2");
        }

        @Test
        void noMountinfoAtAllIsAClearErrorWithErrno() {
            assertThatThrownBy(() -> CgroupHost.discover(HostPaths.under(tmp)))
                    .isInstanceOf(CgroupException.class)
                    .hasMessageContaining("cannot read " + tmp.resolve("proc/self/mountinfo"))
                    .satisfies(e -> assertThat(((CgroupException) e).errno()).contains(Errno.ENOENT));
        }
    }
}
