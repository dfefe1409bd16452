package dev.jgrad.processor.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.lang.reflect.Array;
import java.util.HashSet;
import java.util.List;

/**
 * Turns JSON values into Java arguments of a method's declared parameter types, and copies
 * argument lists deeply, since some methods under test write into their array arguments.
 */
public final class JsonArgs {
  private JsonArgs() {}

  /**
   * The arguments for {@code method}, in parameter order, taken by name from {@code args}.
   *
   * @throws AssertionError if a parameter has no value or a value has a name no parameter has
   */
  public static Object[] arguments(JsonObject args, Differentiated method) {
    List<String> names = method.parameterNames();
    Class<?>[] types = method.plainMethod().getParameterTypes();
    if (!args.keySet().equals(new HashSet<>(names))) {
      throw new AssertionError("arguments " + args.keySet() + " do not match parameters " + names);
    }
    Object[] out = new Object[names.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = convert(args.get(names.get(i)), types[i], names.get(i));
    }
    return out;
  }

  /**
   * One value as {@code type}: a boxed {@code Double}, {@code Integer} or {@code Boolean} for a
   * primitive, or an array of the primitive element type.
   */
  public static Object convert(JsonElement value, Class<?> type, String name) {
    if (type.isArray()) {
      JsonArray items = value.getAsJsonArray();
      Object array = Array.newInstance(type.getComponentType(), items.size());
      for (int i = 0; i < items.size(); i++) {
        Array.set(array, i, convert(items.get(i), type.getComponentType(), name + "[" + i + "]"));
      }
      return array;
    }
    if (type == double.class) {
      return value.getAsDouble();
    }
    if (type == int.class) {
      double d = value.getAsDouble();
      if (d != (int) d) {
        throw new AssertionError(name + " is an int parameter but the case gives " + value);
      }
      return (int) d;
    }
    if (type == boolean.class) {
      return value.getAsBoolean();
    }
    throw new AssertionError(name + " has type " + type + ", which the cases do not use");
  }

  /** A copy of {@code args} in which every array, at every depth, is fresh. */
  public static Object[] copy(Object[] args) {
    Object[] out = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      out[i] = copyOf(args[i]);
    }
    return out;
  }

  private static Object copyOf(Object value) {
    if (value == null || !value.getClass().isArray()) {
      return value;
    }
    int length = Array.getLength(value);
    Object out = Array.newInstance(value.getClass().getComponentType(), length);
    for (int i = 0; i < length; i++) {
      Array.set(out, i, copyOf(Array.get(value, i)));
    }
    return out;
  }
}
