package io.skyhop.tooling.cost;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One JSON object of a price table, read field by field. Each getter names the field's dotted path
 * and a fix in the {@link PriceTableException} it throws when the field is missing or wrong.
 */
final class JsonFields {

  private final String file;
  private final String path;
  private final JsonObject object;

  private JsonFields(String file, String path, JsonObject object) {
    this.file = file;
    this.path = path;
    this.object = object;
  }

  /** The document's root object. */
  static JsonFields root(String file, JsonObject object) {
    return new JsonFields(file, "", object);
  }

  /** The keys of this object, in file order. */
  Set<String> keys() {
    return object.keySet();
  }

  /** An error about {@code key} of this object. */
  PriceTableException error(String key, String problem, String fix) {
    return new PriceTableException(file, pathOf(key), problem, fix, null);
  }

  /** A nested object. */
  JsonFields object(String key, String fix) {
    JsonElement value = required(key, fix);
    if (!value.isJsonObject()) {
      throw error(key, "is " + describe(value) + ", not an object", fix);
    }
    return new JsonFields(file, pathOf(key), value.getAsJsonObject());
  }

  /** A non-blank string. */
  String text(String key, String fix) {
    JsonElement value = required(key, fix);
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw error(key, "is " + describe(value) + ", not a string", fix);
    }
    if (value.getAsString().isBlank()) {
      throw error(key, "is blank", fix);
    }
    return value.getAsString();
  }

  /** A string if present, else empty. */
  Optional<String> optionalText(String key) {
    JsonElement value = object.get(key);
    return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
        ? Optional.of(value.getAsString())
        : Optional.empty();
  }

  /** An array of strings, possibly empty. */
  List<String> textList(String key, String fix) {
    JsonElement value = required(key, fix);
    if (!value.isJsonArray()) {
      throw error(key, "is " + describe(value) + ", not a list", fix);
    }
    List<String> texts = new ArrayList<>();
    JsonArray array = value.getAsJsonArray();
    for (int i = 0; i < array.size(); i++) {
      JsonElement item = array.get(i);
      if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
        throw error(key + "[" + i + "]", "is " + describe(item) + ", not a string", fix);
      }
      texts.add(item.getAsString());
    }
    return texts;
  }

  /** A true/false flag. */
  boolean flag(String key, String fix) {
    JsonElement value = required(key, fix);
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
      throw error(key, "is " + describe(value) + ", not true or false", fix);
    }
    return value.getAsBoolean();
  }

  /** A number that is not negative: an amount of money or of free usage. */
  BigDecimal amount(String key, String fix) {
    return amount(key, required(key, fix), fix);
  }

  /** A whole number that is not negative. */
  long count(String key, String fix) {
    BigDecimal value = amount(key, fix);
    if (value.stripTrailingZeros().scale() > 0) {
      throw error(key, "is " + value.toPlainString() + ", not a whole number", fix);
    }
    try {
      return value.longValueExact();
    } catch (ArithmeticException tooLarge) {
      throw error(key, "is " + value.toPlainString() + ", too large", fix);
    }
  }

  /** A whole number from 0 to {@link Integer#MAX_VALUE}. */
  int whole(String key, String fix) {
    long value = count(key, fix);
    if (value > Integer.MAX_VALUE) {
      throw error(key, "is " + value + ", too large", fix);
    }
    return (int) value;
  }

  /** A whole number greater than zero. */
  int positive(String key, String fix) {
    int value = whole(key, fix);
    if (value == 0) {
      throw error(key, "is 0, must be greater than 0", fix);
    }
    return value;
  }

  /** A non-empty array of whole numbers greater than zero. */
  List<Integer> positiveList(String key, String fix) {
    JsonElement value = required(key, fix);
    if (!value.isJsonArray() || value.getAsJsonArray().isEmpty()) {
      throw error(key, "is " + describe(value) + ", not a list of sizes", fix);
    }
    JsonArray array = value.getAsJsonArray();
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      BigDecimal size = amount(key + "[" + i + "]", array.get(i), fix);
      if (size.signum() <= 0 || size.stripTrailingZeros().scale() > 0 || size.intValue() <= 0) {
        throw error(key + "[" + i + "]", "is " + size.toPlainString() + ", not a size", fix);
      }
      sizes.add(size.intValueExact());
    }
    return sizes;
  }

  private BigDecimal amount(String key, JsonElement value, String fix) {
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
      throw error(key, "is " + describe(value) + ", not a number", fix);
    }
    BigDecimal number;
    try {
      number = value.getAsBigDecimal();
    } catch (NumberFormatException notANumber) {
      throw error(key, "is " + describe(value) + ", not a number", fix);
    }
    if (number.signum() < 0) {
      throw error(key, "is " + number.toPlainString() + ", must not be negative", fix);
    }
    return number;
  }

  private JsonElement required(String key, String fix) {
    JsonElement value = object.get(key);
    if (value == null || value.isJsonNull()) {
      throw error(key, "is missing", fix);
    }
    return value;
  }

  private String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String describe(JsonElement value) {
    String text = value.toString();
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
