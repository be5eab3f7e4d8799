/**
 * Benchmarks of charmkit: JMH benchmarks of the pure code a hook runs (databag codecs, config
 * rendering, cluster gathering) and a process-level benchmark of packaged charms' hooks ({@link
 * io.charmkit.bench.HookBench}). Run by {@code bin/bench}, never by the build; results in {@code
 * BENCHMARKS.md}.
 */
package io.charmkit.bench;
