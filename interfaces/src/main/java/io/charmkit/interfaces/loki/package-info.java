/**
 * The loki_push_api interface on the requirer side: the Loki units' push URLs, checked, and Pebble
 * log forwarding to them, as the Python {@code LogForwarder} does it.
 */
package io.charmkit.interfaces.loki;
