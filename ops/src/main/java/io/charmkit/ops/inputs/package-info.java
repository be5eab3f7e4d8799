/**
 * The inputs of a dispatch, as read: a journal of every hook-tool and Pebble read (request and raw
 * answer) and the steady-state fast path built on it, which skips a reconcile whose every input
 * hashes to the value recorded after the last quiet, committed dispatch.
 */
package io.charmkit.ops.inputs;
