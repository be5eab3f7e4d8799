/** Loki's workload process, shared by the Loki worker and the Loki coordinator. */
package io.charmkit.examples.loki.process;
