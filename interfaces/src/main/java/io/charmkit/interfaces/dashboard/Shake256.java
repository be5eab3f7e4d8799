package io.charmkit.interfaces.dashboard;

import java.nio.charset.StandardCharsets;

/**
 * SHAKE256 (FIPS 202), which Python's {@code hashlib.shake_256} computes and the JDK does not
 * offer: the dashboard library derives dashboard UIDs from it ({@code hexdigest(n)}), so the same
 * charm and file give the same UID whichever language wrote it.
 */
public final class Shake256 {
  private static final int RATE = 136; // bytes: 1600 - 2 * 256 bits
  private static final long[] ROUND_CONSTANTS = {
    0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
    0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
    0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
    0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
    0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
    0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L
  };
  private static final int[] ROTATIONS = {
    0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14
  };

  private Shake256() {}

  /**
   * Returns Python's {@code hashlib.shake_256(text.encode("utf-8")).hexdigest(length)}.
   *
   * @param text the input, hashed as UTF-8
   * @param length the number of output bytes (the result has twice as many hex digits)
   * @return lower-case hex
   */
  public static String hexdigest(String text, int length) {
    byte[] out = digest(text.getBytes(StandardCharsets.UTF_8), length);
    StringBuilder hex = new StringBuilder(length * 2);
    for (byte b : out) {
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return hex.toString();
  }

  /**
   * Returns {@code length} bytes of SHAKE256 output for {@code input}.
   *
   * @param input the message
   * @param length the output length in bytes
   * @return the output
   */
  public static byte[] digest(byte[] input, int length) {
    long[] state = new long[25];
    // Pad: the message, the SHAKE domain bits 1111 then pad10*1, to a multiple of the rate.
    int padded = (input.length / RATE + 1) * RATE;
    byte[] message = new byte[padded];
    System.arraycopy(input, 0, message, 0, input.length);
    message[input.length] ^= 0x1f;
    message[padded - 1] ^= (byte) 0x80;
    for (int offset = 0; offset < padded; offset += RATE) {
      for (int i = 0; i < RATE / 8; i++) {
        state[i] ^= littleEndian(message, offset + 8 * i);
      }
      permute(state);
    }
    byte[] out = new byte[length];
    int produced = 0;
    while (true) {
      for (int i = 0; i < RATE && produced < length; i++, produced++) {
        out[produced] = (byte) (state[i / 8] >>> (8 * (i % 8)));
      }
      if (produced == length) {
        return out;
      }
      permute(state);
    }
  }

  private static long littleEndian(byte[] bytes, int at) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (bytes[at + i] & 0xffL);
    }
    return value;
  }

  /** Keccak-f[1600]. */
  private static void permute(long[] a) {
    long[] b = new long[25];
    long[] c = new long[5];
    for (long roundConstant : ROUND_CONSTANTS) {
      for (int x = 0; x < 5; x++) {
        c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
      }
      for (int x = 0; x < 5; x++) {
        long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
        for (int y = 0; y < 25; y += 5) {
          a[y + x] ^= d;
        }
      }
      for (int x = 0; x < 5; x++) {
        for (int y = 0; y < 5; y++) {
          int from = x + 5 * y;
          b[y + 5 * ((2 * x + 3 * y) % 5)] = Long.rotateLeft(a[from], ROTATIONS[from]);
        }
      }
      for (int x = 0; x < 5; x++) {
        for (int y = 0; y < 25; y += 5) {
          a[y + x] = b[y + x] ^ (~b[y + (x + 1) % 5] & b[y + (x + 2) % 5]);
        }
      }
      a[0] ^= roundConstant;
    }
  }
}
