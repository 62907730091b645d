/**
 * The library example: javac compiles it against cgroups-core's exported packages only, so
 * anything it needs from {@code io.github.jcg.core.internal} would fail the build.
 */
module io.github.jcg.example {
    requires io.github.jcg.core;
}
