package io.charmkit.interfaces.dashboard;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.UnsupportedOptionsException;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * cosl's {@code LZMABase64}: text as UTF-8, compressed as Python's {@code lzma.compress} does by
 * default (the xz container, one LZMA2 block, preset 6, a CRC64 check), then base64-encoded.
 * Python's {@code lzma.decompress} reads what {@link #compress} writes and {@link #decompress}
 * reads what Python writes.
 *
 * <p>One setting differs, on purpose: the dictionary is the smallest power of two that holds the
 * text (4 KiB to preset 6's 8 MiB) rather than always 8 MiB. Preset 6's encoder needs about 93 MiB
 * for its 8 MiB dictionary, far more than a hook's whole heap; sized to a 90 KiB dashboard it needs
 * 2.4 MiB. A dictionary at least as large as the text finds the same matches, so the compressed
 * data is the same as with 8 MiB; only the block header's dictionary-size byte (and its CRC32)
 * differ. (liblzma and xz-java are different encoders: Python's bytes and ours are equally valid,
 * not identical.)
 */
public final class LzmaBase64 {
  /** The largest decompressed text accepted, so that a hostile bag cannot fill the heap. */
  public static final int MAX_TEXT_BYTES = 16 * 1024 * 1024;

  private LzmaBase64() {}

  /**
   * Compresses and encodes.
   *
   * @param text the text
   * @return base64 of the xz stream
   */
  public static String compress(String text) {
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (XZOutputStream xz = new XZOutputStream(bytes, options(raw.length), XZ.CHECK_CRC64)) {
      xz.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException("xz cannot fail writing to memory", e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  /**
   * Returns preset 6 with its dictionary sized to {@code length} bytes of input.
   *
   * @param length the input's length
   * @return the options
   */
  static LZMA2Options options(int length) {
    try {
      LZMA2Options options = new LZMA2Options(LZMA2Options.PRESET_DEFAULT);
      int preset = options.getDictSize();
      int dict = LZMA2Options.DICT_SIZE_MIN;
      while (dict < length && dict < preset) {
        dict <<= 1;
      }
      options.setDictSize(Math.min(dict, preset));
      return options;
    } catch (UnsupportedOptionsException e) {
      throw new IllegalStateException("preset 6 and a dictionary of 4 KiB to 8 MiB are valid", e);
    }
  }

  /**
   * Decodes and decompresses.
   *
   * @param encoded base64 of an xz stream
   * @return the text
   * @throws IllegalArgumentException when the value is not base64 of an xz stream holding UTF-8
   *     text of at most {@link #MAX_TEXT_BYTES}
   */
  public static String decompress(String encoded) {
    byte[] compressed;
    try {
      compressed = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("is not base64: " + e.getMessage(), e);
    }
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    // A memory limit in KiB: a stream asking for a larger dictionary than preset 9's is refused.
    try (InputStream xz = new XZInputStream(new ByteArrayInputStream(compressed), 65 * 1024)) {
      byte[] buffer = new byte[8192];
      int n;
      while ((n = xz.read(buffer)) > 0) {
        if (text.size() + n > MAX_TEXT_BYTES) {
          throw new IllegalArgumentException(
              "decompresses to more than " + MAX_TEXT_BYTES + " bytes");
        }
        text.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("is not an xz stream: " + e.getMessage(), e);
    }
    return text.toString(StandardCharsets.UTF_8);
  }
}
