package io.github.jcg.core.internal.controller;

/**
 * One group's read in progress, as a module sees it: which metrics are wanted, its files by
 * slot (loaded into a shared buffer), and where the values go.
 */
public interface SampleReading {
}
