package io.charmkit.ops.hooktools;

/**
 * What {@code storage-get} reports of one storage instance.
 *
 * @param kind {@code filesystem} or {@code block}
 * @param location the mount path or device
 */
public record StorageInfo(String kind, String location) {}
