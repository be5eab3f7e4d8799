/** JSON text written byte for byte as Python's {@code json} module writes it. */
package io.charmkit.pythonjson;
