package io.charmkit.ops.hooktools;

import java.util.Optional;

/**
 * What {@code secret-info-get} reports of a secret its owner holds.
 *
 * @param id the secret URI
 * @param revision the current revision
 * @param label the owner's label, if any
 * @param description the description, if any
 * @param expiry the expiry time (RFC 3339), if any
 * @param rotation the rotation policy, if any
 */
public record SecretInfo(
    String id,
    int revision,
    Optional<String> label,
    Optional<String> description,
    Optional<String> expiry,
    Optional<String> rotation) {}
