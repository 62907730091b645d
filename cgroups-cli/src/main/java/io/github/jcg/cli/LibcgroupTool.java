package io.github.jcg.cli;

/** A command that stands in for a libcgroup tool, and so exits with that tool's codes. */
public interface LibcgroupTool {
    ExitCodes.Tool tool();
}
