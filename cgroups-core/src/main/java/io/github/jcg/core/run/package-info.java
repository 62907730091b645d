/**
 * Running a command in a group and accounting for it: {@link io.github.jcg.core.run.GroupProcess}
 * starts a command that is inside its group before it runs one instruction, and
 * {@link io.github.jcg.core.run.GroupProcess#await(RunLimits)} enforces CPU-time and wall-time
 * limits on the whole group, kills what the command left running, and returns a
 * {@link io.github.jcg.core.run.RunResult}: why it stopped, and what the whole tree used.
 */
package io.github.jcg.core.run;
