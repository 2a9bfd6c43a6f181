package io.skyhop.runtime.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the value of a binary-mode CloudEvents header (HTTP binding 1.0.2, section 3.1.3.2): a
 * double-quoted string is unquoted (backslash escapes included), then one round of percent-decoding
 * is done; the bytes must be valid UTF-8.
 */
final class HeaderValues {
  private HeaderValues() {}

  /**
   * The attribute value of a header.
   *
   * @param header the header's name, for the message
   * @throws CloudEvent.Invalid (400) when the value is not valid percent-encoded UTF-8
   */
  static String decode(String header, String raw) throws CloudEvent.Invalid {
    String value = unquote(raw.strip());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        if (i + 2 >= value.length()) {
          throw invalid(header, raw);
        }
        int high = Character.digit(value.charAt(i + 1), 16);
        int low = Character.digit(value.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw invalid(header, raw);
        }
        bytes.write(high << 4 | low);
        i += 2;
      } else if (c <= 0xff) {
        bytes.write(c); // the server reads header bytes as ISO-8859-1: this is the raw byte
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw invalid(header, raw);
    }
  }

  private static String unquote(String value) {
    if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 1; i < value.length() - 1; i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length() - 1) {
        c = value.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }

  private static CloudEvent.Invalid invalid(String header, String raw) {
    return new CloudEvent.Invalid(
        400,
        "The header "
            + header
            + " = '"
            + raw
            + "' is not valid percent-encoded UTF-8 (CloudEvents HTTP binding, 3.1.3.2)");
  }
}
