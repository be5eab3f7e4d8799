package io.charmkit.ops.hooktools;

/**
 * An opened port or range, as {@code open-port} takes it and {@code opened-ports} lists it.
 *
 * @param protocol {@code tcp}, {@code udp} or {@code icmp}
 * @param from the first port (ignored for icmp)
 * @param to the last port of a range; equal to {@code from} for a single port
 */
public record Port(String protocol, int from, int to) {

  /** A single TCP port. */
  public static Port tcp(int port) {
    return new Port("tcp", port, port);
  }

  /** A single UDP port. */
  public static Port udp(int port) {
    return new Port("udp", port, port);
  }

  /** ICMP. */
  public static Port icmp() {
    return new Port("icmp", 0, 0);
  }

  /**
   * Parses the forms {@code opened-ports} prints: {@code 80/tcp}, {@code 8000-8999/udp}, {@code
   * icmp}, and {@code 80} (tcp implied).
   *
   * @throws IllegalArgumentException on anything else
   */
  public static Port parse(String text) {
    String t = text.trim();
    int space = t.indexOf(' '); // "80/tcp (ep1,ep2)" with --endpoints
    if (space > 0) {
      t = t.substring(0, space);
    }
    if (t.equals("icmp")) {
      return icmp();
    }
    String protocol = "tcp";
    int slash = t.indexOf('/');
    if (slash >= 0) {
      protocol = t.substring(slash + 1);
      t = t.substring(0, slash);
    }
    try {
      int dash = t.indexOf('-');
      int from = Integer.parseInt(dash < 0 ? t : t.substring(0, dash));
      int to = dash < 0 ? from : Integer.parseInt(t.substring(dash + 1));
      return new Port(protocol, from, to);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a port: '" + text + "'", e);
    }
  }

  /** The tool argument: {@code 8080/tcp}, {@code 8000-8999/udp} or {@code icmp}. */
  public String argument() {
    if (protocol.equals("icmp")) {
      return "icmp";
    }
    return (from == to ? Integer.toString(from) : from + "-" + to) + "/" + protocol;
  }
}
