package dev.jgrad.processor.lower;

import dev.jgrad.processor.ir.Type;
import java.util.List;
import java.util.Map;

/**
 * The {@code Math} functions jgrad knows, with their arity. Each has a derivative rule in
 * {@code dev.jgrad.processor.reverse.Rules}; adding a function means adding it in both places.
 */
final class MathFunctions {
  private static final Map<String, Integer> ARITY = Map.ofEntries(
      Map.entry("exp", 1), Map.entry("log", 1), Map.entry("log10", 1), Map.entry("log1p", 1),
      Map.entry("expm1", 1), Map.entry("sqrt", 1), Map.entry("cbrt", 1), Map.entry("pow", 2),
      Map.entry("sin", 1), Map.entry("cos", 1), Map.entry("tan", 1), Map.entry("asin", 1),
      Map.entry("acos", 1), Map.entry("atan", 1), Map.entry("atan2", 2), Map.entry("sinh", 1),
      Map.entry("cosh", 1), Map.entry("tanh", 1), Map.entry("abs", 1), Map.entry("max", 2),
      Map.entry("min", 2), Map.entry("hypot", 2), Map.entry("floor", 1), Map.entry("ceil", 1),
      Map.entry("rint", 1), Map.entry("signum", 1), Map.entry("toRadians", 1),
      Map.entry("toDegrees", 1));

  /** Functions that keep int arguments as int (Java overloads them). */
  private static final List<String> INT_PRESERVING = List.of("abs", "max", "min");

  boolean knows(String function) {
    return ARITY.containsKey(function);
  }

  int arity(String function) {
    return ARITY.get(function);
  }

  Type resultType(String function, List<Type> args) {
    if (INT_PRESERVING.contains(function) && args.stream().allMatch(t -> t == Type.INT)) {
      return Type.INT;
    }
    return Type.DOUBLE;
  }

  static String hint(String function) {
    switch (function) {
      case "round":
        return "it returns a long; use Math.floor(x + 0.5) or Math.rint(x), whose gradient is 0.";
      case "random":
        return "a random number has no derivative; draw it outside and pass it in.";
      default:
        return "use the supported functions (exp, log, log10, log1p, expm1, sqrt, cbrt, pow, sin,"
            + " cos, tan, asin, acos, atan, atan2, sinh, cosh, tanh, abs, max, min, hypot, floor,"
            + " ceil, rint, signum, toRadians, toDegrees), or write it as a @Differentiable"
            + " method.";
    }
  }
}
