package io.charmkit.testing.juju;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;

/**
 * Writes the hook-tool executables: one small bash script per tool name, each forwarding its argv,
 * {@code JUJU_CONTEXT_ID} and (for {@code --file -}) its stdin to the {@link ToolServer} over
 * 127.0.0.1, then printing the answer and exiting with its code. This is what the real tools do
 * (they are links to the agent binary that call the unit agent); bash's {@code /dev/tcp} and {@code
 * cat} are all it needs, so it runs on any Debian or Ubuntu machine.
 */
final class ToolShim {
  private ToolShim() {}

  /**
   * Writes one executable per tool into {@code dir}, all talking to {@code port}; a tool left out
   * is missing from {@code PATH}, as on an agent that does not have it.
   */
  static void install(Path dir, int port, Collection<String> tools) throws IOException {
    Files.createDirectories(dir);
    String script = script(port);
    for (String tool : tools) {
      Path file = dir.resolve(tool);
      Files.writeString(file, script);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  static String script(int port) {
    // The C locale makes ${#input} and `read -N` count bytes, matching the lengths on the wire.
    // bash reads a socket one byte at a time, so `read` never swallows what `cat` must print.
    return """
        #!/bin/bash
        # charmkit embedded Juju hook tool: forwards argv (and stdin for --file -) to the model.
        LC_ALL=C
        want_stdin=0
        prev=
        for a in "$@"; do
          if { [ "$prev" = --file ] && [ "$a" = - ]; } || [ "$a" = --file=- ]; then want_stdin=1; fi
          prev=$a
        done
        input=
        if [ "$want_stdin" = 1 ]; then input=$(cat; printf x); input=${input%x}; fi
        if ! exec 3<>/dev/tcp/127.0.0.1/@PORT@; then
          echo "ERROR cannot reach the embedded Juju on 127.0.0.1:@PORT@" >&2
          exit 1
        fi
        printf '%s\\0' "${JUJU_CONTEXT_ID-}" "${0##*/}" "$#" "$@" "${#input}" >&3
        printf '%s' "$input" >&3
        IFS= read -r -d '' code <&3 || { echo "ERROR the embedded Juju closed the connection" >&2; exit 1; }
        IFS= read -r -d '' errlen <&3
        IFS= read -r -d '' outlen <&3
        if [ "$errlen" -gt 0 ]; then
          IFS= read -r -d '' -N "$errlen" err <&3
          printf '%s' "$err" >&2
        fi
        if [ "$outlen" -gt 0 ]; then cat <&3; fi
        exit "$code"
        """
        .replace("@PORT@", Integer.toString(port));
  }
}
