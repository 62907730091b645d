/**
 * Group events pushed as they happen: {@link io.github.jcg.core.event.GroupWatcher} watches
 * groups and delivers {@link io.github.jcg.core.event.GroupEvent}s (OOM kills, memory and pids
 * limit hits, populated and empty, frozen and thawed, PSI triggers firing, removal), waking on
 * the kernel's notifications where it sends them and polling where it does not.
 */
package io.github.jcg.core.event;
