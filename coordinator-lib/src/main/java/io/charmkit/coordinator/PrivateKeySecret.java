package io.charmkit.coordinator;

import io.charmkit.ops.hooktools.SecretNotFoundException;
import io.charmkit.ops.hooktools.SecretOptions;
import io.charmkit.ops.model.Model;
import io.charmkit.ops.model.Secret;
import java.util.Map;

/**
 * The Juju secret that carries the TLS private key to the workers (WIRE.md §3.5): content key
 * {@code private-key}, label {@code afd8c2bccf834997afce12c2706d2ede-private-key-<leader unit
 * number>-<certificates endpoint>} as the Python TLS library names it. It is created once by the
 * leader, updated only when the key changes, and never written to a databag.
 *
 * <p>Unlike the Python library's unit-owned secret, this one is owned by the application (the
 * leader creates and updates it), so any later leader can update it; its label still carries the
 * creating leader's number, so a new leader publishes its own secret as the Python coordinator
 * does.
 */
final class PrivateKeySecret {

  /** The content key workers read. */
  static final String KEY = "private-key";

  private static final String LABEL_PREFIX = "afd8c2bccf834997afce12c2706d2ede-private-key-";

  private PrivateKeySecret() {}

  /** The label of this unit's key secret. */
  static String label(Model model, String certificatesEndpoint) {
    return LABEL_PREFIX + model.unit().number() + "-" + certificatesEndpoint;
  }

  /** Returns the secret holding {@code privateKey}, creating or updating it (leader only). */
  static Secret ensure(Model model, String certificatesEndpoint, String privateKey) {
    String label = label(model, certificatesEndpoint);
    Secret secret;
    try {
      secret = model.secretByLabel(label);
    } catch (SecretNotFoundException e) {
      return model
          .app()
          .addSecret(Map.of(KEY, privateKey), SecretOptions.application().withLabel(label));
    }
    if (!privateKey.equals(secret.content().get(KEY))) {
      secret.setContent(Map.of(KEY, privateKey));
    }
    return secret;
  }
}
