/**
 * The coordinator's nginx reverse proxy: upstreams by role, locations by port, the rendered file.
 */
package io.charmkit.coordinator.nginx;
