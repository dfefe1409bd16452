package dev.jgrad.processor.random;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws random well-typed expressions over the variables of a {@link Scope}.
 *
 * <p>Functions with a restricted domain or a fast-growing range appear only in safe forms
 * ({@code log(1 + u*u)}, {@code asin(0.9 * tanh(u))}, {@code exp(tanh(u))}, division by {@code 1
 * + u*u}...), so values stay finite and moderate for any input. Functions with kinks and jumps
 * (abs, max, floor, casts...) appear as they are: the oracle watches how close each comes to its
 * kink and the point is rejected if too close (see {@link OracleOps}). Where a form repeats a
 * subexpression, that subexpression is drawn without side effects.
 */
final class ExprGen {
  private static final double[] CONSTANTS =
      {0.5, 1.0, 1.5, 2.0, 0.25, 3.0, 0.1, 0.75, -0.5, -1.0, -2.0, 0.3};
  private static final String[] SAFE_DENOMINATORS = {"square", "sin", "cos", "tanh"};

  private final SplittableRandom rnd;
  private final Scope scope;
  private final List<Callee> callees;
  private final List<Constant> constants;
  /** Draws switch expressions, whose cases hold statements; null for none. */
  private Switches switches;

  /** What draws switch expressions: the generator, which draws statements. */
  interface Switches {
    /** A switch expression of about {@code depth} levels, or null where none may go. */
    Expr switchExpression(int depth);
  }
  /**
   * Set while drawing a loop condition or bound: jgrad refuses calls there (JG111, it reads the
   * condition twice), as it refuses assignments.
   */
  private boolean noCalls;

  ExprGen(SplittableRandom rnd, Scope scope, List<Callee> callees, List<Constant> constants) {
    this.rnd = rnd;
    this.scope = scope;
    this.callees = callees;
    this.constants = constants;
  }

  /** A field of the class of type {@code ty}, or null if there is none. */
  private Expr.Field field(Ty ty) {
    List<Constant> of = constants.stream().filter(c -> c.ty() == ty).toList();
    return of.isEmpty() ? null : new Expr.Field(pick(of).name(), ty);
  }

  void switches(Switches s) {
    switches = s;
  }

  /** Draws loop conditions and bounds from now on (true) or other expressions (false). */
  void loopHeader(boolean on) {
    noCalls = on;
  }

  private boolean chance(double p) {
    return rnd.nextDouble() < p;
  }

  private <T> T pick(List<T> items) {
    return items.get(rnd.nextInt(items.size()));
  }

  Expr.Num constant() {
    return new Expr.Num(CONSTANTS[rnd.nextInt(CONSTANTS.length)]);
  }

  // ---- doubles ----------------------------------------------------------------------------

  /** A double expression of at most {@code depth} levels; side effects only if allowed. */
  Expr dbl(int depth, boolean effects) {
    if (depth <= 0 || chance(0.25)) {
      return leaf();
    }
    int choice = rnd.nextInt(100);
    if (choice < 30) {
      String op = pick(List.of("+", "-", "*", "+", "*"));
      return new Expr.Bin(op, dbl(depth - 1, effects), dbl(depth - 1, effects), Ty.DOUBLE);
    } else if (choice < 36) {
      return new Expr.Bin("/", dbl(depth - 1, effects), denominator(depth - 1), Ty.DOUBLE);
    } else if (choice < 38) {
      return new Expr.Bin("%", dbl(depth - 1, effects), denominator(depth - 1), Ty.DOUBLE);
    } else if (choice < 41) {
      return new Expr.Neg(dbl(depth - 1, effects));
    } else if (choice < 70) {
      return math(depth - 1, effects);
    } else if (choice < 76) {
      return new Expr.Cond(bool(depth - 1, effects), dbl(depth - 1, effects),
          dbl(depth - 1, effects), Ty.DOUBLE);
    } else if (choice < 82 && !callees.isEmpty() && !noCalls) {
      return call(depth - 1, effects);
    } else if (choice < 86) {
      return new Expr.ToDouble(anyInt(depth - 1, false), chance(0.3));
    } else if (choice < 94 && effects) {
      Expr e = doubleEffect(depth - 1);
      if (e != null) {
        return e;
      }
    } else if (choice < 95 && effects && !noCalls && switches != null) {
      // Only where effects may go: its cases run statements.
      Expr e = switches.switchExpression(depth - 1);
      if (e != null) {
        return e;
      }
    }
    return leaf();
  }

  /** A variable, an array element, a constant or an int. */
  Expr leaf() {
    List<Scope.Local> doubles = scope.find(l -> l.ty() == Ty.DOUBLE);
    List<Scope.Local> arrays = scope.find(l -> l.ty() == Ty.ARRAY || l.ty() == Ty.MATRIX);
    int choice = rnd.nextInt(100);
    if (choice < 60 && !doubles.isEmpty()) {
      return new Expr.Var(pick(doubles).name(), Ty.DOUBLE);
    }
    if (choice < 85 && !arrays.isEmpty()) {
      return element(pick(arrays));
    }
    if (choice < 94 || doubles.isEmpty() && arrays.isEmpty()) {
      Expr.Field f = field(Ty.DOUBLE);
      return f != null && chance(0.4) ? f : constant();
    }
    return new Expr.ToDouble(intLeaf(), chance(0.5));
  }

  /** A denominator that stays at least 0.5 away from zero. */
  Expr denominator(int depth) {
    Expr u = dbl(depth, false);
    switch (SAFE_DENOMINATORS[rnd.nextInt(SAFE_DENOMINATORS.length)]) {
      case "square":
        return new Expr.Bin("+", new Expr.Num(1.0),
            new Expr.Bin("*", u, u, Ty.DOUBLE), Ty.DOUBLE);
      case "sin":
        return new Expr.Bin("+", new Expr.Num(2.0), call1("sin", u), Ty.DOUBLE);
      case "cos":
        return new Expr.Bin("+", new Expr.Num(1.5), call1("cos", u), Ty.DOUBLE);
      default:
        return new Expr.Bin("+", new Expr.Num(1.5), call1("tanh", u), Ty.DOUBLE);
    }
  }

  private static Expr.MathCall call1(String fn, Expr arg) {
    return new Expr.MathCall(fn, List.of(arg), Ty.DOUBLE);
  }

  private static Expr.MathCall call2(String fn, Expr a, Expr b) {
    return new Expr.MathCall(fn, List.of(a, b), Ty.DOUBLE);
  }

  private static Expr times(double c, Expr e) {
    return new Expr.Bin("*", new Expr.Num(c), e, Ty.DOUBLE);
  }

  private static Expr plus(double c, Expr e) {
    return new Expr.Bin("+", new Expr.Num(c), e, Ty.DOUBLE);
  }

  private static Expr square(Expr e) {
    return new Expr.Bin("*", e, e, Ty.DOUBLE);
  }

  /** One Math function in a form that is safe for any finite argument. */
  Expr math(int depth, boolean effects) {
    String fn = pick(List.of("exp", "log", "log10", "log1p", "expm1", "sqrt", "cbrt", "pow",
        "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "abs",
        "max", "min", "hypot", "floor", "ceil", "rint", "signum", "toRadians", "toDegrees"));
    boolean once = rnd.nextBoolean();
    switch (fn) {
      case "exp":
        return once ? call1(fn, call1("tanh", dbl(depth, effects)))
            : call1(fn, new Expr.Neg(square(dbl(depth, false))));
      case "log":
        return once ? call1(fn, plus(2.0, call1("sin", dbl(depth, effects))))
            : call1(fn, plus(1.0, square(dbl(depth, false))));
      case "log10":
        return once ? call1(fn, plus(1.5, call1("tanh", dbl(depth, effects))))
            : call1(fn, plus(1.0, square(dbl(depth, false))));
      case "log1p":
        return once ? call1(fn, times(0.5, call1("tanh", dbl(depth, effects))))
            : call1(fn, square(dbl(depth, false)));
      case "expm1":
        return call1(fn, call1(once ? "tanh" : "sin", dbl(depth, effects)));
      case "sqrt":
        return once ? call1(fn, plus(2.0, call1("cos", dbl(depth, effects))))
            : call1(fn, plus(1.0, square(dbl(depth, false))));
      case "cbrt":
        return once ? call1(fn, dbl(depth, effects))
            : call1(fn, plus(1.5, call1("tanh", dbl(depth, effects))));
      case "pow":
        return pow(depth, effects);
      case "tan":
        return call1(fn, times(0.7, call1("tanh", dbl(depth, effects))));
      case "asin":
      case "acos":
        return call1(fn, times(0.9, call1(once ? "tanh" : "sin", dbl(depth, effects))));
      case "atan2":
        return atan2(depth, effects);
      case "sinh":
        return call1(fn, times(2.0, call1("tanh", dbl(depth, effects))));
      case "cosh":
        return call1(fn, call1(once ? "tanh" : "sin", dbl(depth, effects)));
      case "max":
      case "min":
      case "hypot":
        return call2(fn, dbl(depth, effects), dbl(depth, effects));
      default:
        // sin cos atan tanh abs floor ceil rint signum toRadians toDegrees: any argument.
        return call1(fn, dbl(depth, effects));
    }
  }

  private Expr pow(int depth, boolean effects) {
    switch (rnd.nextInt(4)) {
      case 0:
        // A positive base with an exponent that carries a gradient.
        return call2("pow", plus(1.5, square(dbl(depth, false))),
            call1("tanh", dbl(depth, effects)));
      case 1:
        // Any base, a constant integral exponent (0 included: jgrad's rule has a case for it).
        return call2("pow", dbl(depth, effects),
            new Expr.Num(new double[] {0.0, 1.0, 2.0, 3.0}[rnd.nextInt(4)]));
      case 2:
        // Any base, an int exponent: integral, so a negative base is fine.
        return call2("pow", dbl(depth, effects),
            new Expr.ToDouble(boundedInt(3).expr(), rnd.nextBoolean()));
      default:
        return call2("pow", plus(1.0, square(dbl(depth, false))),
            new Expr.Num(new double[] {0.5, -1.0, 1.5, -0.5}[rnd.nextInt(4)]));
    }
  }

  private Expr atan2(int depth, boolean effects) {
    switch (rnd.nextInt(3)) {
      case 0:
        return call2("atan2", dbl(depth, effects), plus(1.0, square(dbl(depth, false))));
      case 1:
        return call2("atan2", plus(1.0, square(dbl(depth, false))), dbl(depth, effects));
      default:
        return call2("atan2", dbl(depth, effects), dbl(depth, effects));
    }
  }

  /** A call of an earlier generated method. */
  Expr call(int depth, boolean effects) {
    List<Callee> usable = callees.stream()
        .filter(c -> effects || !c.writesArrays())
        .filter(c -> c.fn().params().stream().noneMatch(p -> p.ty() == Ty.ARRAY)
            || !(c.writesArrays() ? writableArrays() : scope.find(l -> l.ty() == Ty.ARRAY))
                .isEmpty())
        .toList();
    if (usable.isEmpty()) {
      return leaf();
    }
    Callee callee = pick(usable);
    List<Expr> args = new ArrayList<>();
    List<Fn.Param> params = callee.fn().params();
    for (int i = 0; i < params.size(); i++) {
      Fn.Param p = params.get(i);
      if (p.ty() == Ty.DOUBLE) {
        args.add(dbl(depth, effects));
      } else if (p.ty() == Ty.ARRAY) {
        List<Scope.Local> arrays = callee.writesArrays() ? writableArrays()
            : scope.find(l -> l.ty() == Ty.ARRAY);
        List<Scope.Local> matrices = scope.find(l -> l.ty() == Ty.MATRIX
            && (l.mutable() || !callee.writesArrays()));
        if (!matrices.isEmpty() && chance(0.25)) {
          // A row shares storage, and so gradient, with its matrix.
          Scope.Local m = pick(matrices);
          args.add(new Expr.Row(m.name(), index(m)));
        } else {
          args.add(new Expr.Var(pick(arrays).name(), Ty.ARRAY));
        }
      } else if (p.ty() == Ty.INT) {
        // A recursive callee's depth, or any small int.
        args.add(boundedInt(3).expr());
      } else {
        args.add(bool(depth, effects));
      }
    }
    return new Expr.Invoke(callee.fn().name(), args);
  }

  List<Scope.Local> writableArrays() {
    return scope.find(l -> l.ty() == Ty.ARRAY && l.mutable());
  }

  /** An assignment, compound assignment or ++/-- of a double, as an expression. */
  Expr doubleEffect(int depth) {
    Expr target = doubleTarget();
    if (target == null) {
      return null;
    }
    int choice = rnd.nextInt(10);
    if (choice < 2) {
      return new Expr.Step(target, rnd.nextBoolean(), rnd.nextBoolean());
    }
    String op = pick(List.of("=", "+=", "-=", "*=", "/=", "+=", "%="));
    Expr value = op.equals("/=") || op.equals("%=") ? denominator(depth) : dbl(depth, true);
    return new Expr.Assign(target, op, value);
  }

  /** A double variable or an element of a writable array, or null if there is none. */
  Expr doubleTarget() {
    List<Scope.Local> doubles = scope.find(l -> l.ty() == Ty.DOUBLE && l.mutable());
    List<Scope.Local> arrays = scope.find(l -> (l.ty() == Ty.ARRAY || l.ty() == Ty.MATRIX)
        && l.mutable());
    if (!arrays.isEmpty() && (doubles.isEmpty() || rnd.nextBoolean())) {
      return element(pick(arrays));
    }
    return doubles.isEmpty() ? null : new Expr.Var(pick(doubles).name(), Ty.DOUBLE);
  }

  // ---- booleans ---------------------------------------------------------------------------

  Expr bool(int depth, boolean effects) {
    int choice = rnd.nextInt(100);
    List<Scope.Local> bools = scope.find(l -> l.ty() == Ty.BOOL);
    if (choice < 50 || depth <= 0) {
      String op = pick(List.of("<", "<=", ">", ">="));
      Expr left = dbl(Math.max(depth - 1, 0), effects);
      Expr right = dbl(Math.max(depth - 1, 0), effects);
      if (right.equals(left) && chance(0.8)) {
        // x < x is a fine test of ties, but with few variables it would be most comparisons.
        right = dbl(Math.max(depth - 1, 0), effects);
      }
      return new Expr.Bin(op, left, right, Ty.BOOL);
    } else if (choice < 65) {
      String op = pick(List.of("<", "<=", ">", ">=", "==", "!="));
      return new Expr.Bin(op, anyInt(depth - 1, effects), anyInt(depth - 1, effects), Ty.BOOL);
    } else if (choice < 77 && !bools.isEmpty()) {
      return new Expr.Var(pick(bools).name(), Ty.BOOL);
    } else if (choice < 82) {
      return new Expr.Not(bool(depth - 1, effects));
    } else {
      return new Expr.Bin(rnd.nextBoolean() ? "&&" : "||", bool(depth - 1, effects),
          bool(depth - 1, effects), Ty.BOOL);
    }
  }

  // ---- ints -------------------------------------------------------------------------------

  /** An int expression with an unknown range. */
  Expr anyInt(int depth, boolean effects) {
    if (depth <= 0 || chance(0.3)) {
      return intLeaf();
    }
    int choice = rnd.nextInt(100);
    if (choice < 30) {
      return new Expr.Bin(pick(List.of("+", "-", "*")), anyInt(depth - 1, effects),
          anyInt(depth - 1, effects), Ty.INT);
    } else if (choice < 40) {
      return new Expr.Bin(pick(List.of("/", "%")), anyInt(depth - 1, effects),
          new Expr.Int(2 + rnd.nextInt(2)), Ty.INT);
    } else if (choice < 60) {
      return toInt(depth - 1, effects);
    } else if (choice < 70) {
      String fn = pick(List.of("abs", "max", "min"));
      List<Expr> args = fn.equals("abs") ? List.of(anyInt(depth - 1, effects))
          : List.of(anyInt(depth - 1, effects), anyInt(depth - 1, effects));
      return new Expr.MathCall(fn, args, Ty.INT);
    } else if (choice < 78) {
      return new Expr.Cond(bool(depth - 1, effects), anyInt(depth - 1, effects),
          anyInt(depth - 1, effects), Ty.INT);
    } else if (choice < 88 && effects) {
      Expr e = intEffect(depth - 1);
      if (e != null) {
        return e;
      }
    }
    return intLeaf();
  }

  private Expr toInt(int depth, boolean effects) {
    switch (rnd.nextInt(3)) {
      case 0:
        return new Expr.ToInt(dbl(depth, effects));
      case 1:
        return new Expr.ToInt(call1("floor", dbl(depth, effects)));
      default:
        return boundedCast(depth, effects).expr();
    }
  }

  Expr intLeaf() {
    List<Scope.Local> ints = scope.find(l -> l.ty() == Ty.INT);
    List<Scope.Local> arrays = scope.find(l -> l.ty() == Ty.ARRAY || l.ty() == Ty.INTS
        || l.ty() == Ty.MATRIX);
    List<Scope.Local> indexArrays = scope.find(l -> l.ty() == Ty.INTS);
    int choice = rnd.nextInt(100);
    if (choice < 55 && !ints.isEmpty()) {
      return new Expr.Var(pick(ints).name(), Ty.INT);
    }
    if (choice < 63 && !indexArrays.isEmpty()) {
      Scope.Local a = pick(indexArrays);
      return new Expr.IntElem(a.name(), index(a));
    }
    if (choice < 70 && !arrays.isEmpty()) {
      return new Expr.Length(pick(arrays).name());
    }
    Expr.Field f = field(Ty.INT);
    return f != null && chance(0.3) ? f : new Expr.Int(rnd.nextInt(5));
  }

  /** {@code k += 2}, {@code k++} and so on, on a mutable int local; null if there is none. */
  Expr intEffect(int depth) {
    List<Scope.Local> indexArrays = scope.find(l -> l.ty() == Ty.INTS && l.mutable());
    if (!indexArrays.isEmpty() && chance(0.3)) {
      // Only values already in the array's range, which its index reads rely on.
      Scope.Local a = pick(indexArrays);
      IntRange r = a.range();
      return new Expr.Assign(new Expr.IntElem(a.name(), index(a)), "=",
          new Expr.Int(r.lo() + rnd.nextInt(r.hi() - r.lo() + 1)));
    }
    List<Scope.Local> ints = scope.find(l -> l.ty() == Ty.INT && l.mutable());
    if (ints.isEmpty()) {
      return null;
    }
    Expr target = new Expr.Var(pick(ints).name(), Ty.INT);
    if (rnd.nextBoolean()) {
      return new Expr.Step(target, rnd.nextBoolean(), rnd.nextBoolean());
    }
    String op = pick(List.of("=", "+=", "-=", "*="));
    return new Expr.Assign(target, op, op.equals("*=") ? new Expr.Int(rnd.nextInt(3))
        : anyInt(depth, false));
  }

  /** An int expression and the range it is known to stay in. */
  record Ranged(Expr expr, IntRange range) {}

  /**
   * A side-effect-free int expression whose values lie in {@code [lo, hi]} with {@code 0 <= hi
   * <= max}: loop bounds, recursion depths and exponents. It often depends on the data, through a
   * cast of a bounded double.
   */
  Ranged boundedInt(int max) {
    List<Scope.Local> known = scope.find(l -> l.ty() == Ty.INT && l.range() != null
        && l.range().hi() <= max && l.range().lo() >= -max);
    int choice = rnd.nextInt(100);
    if (choice < 30 && !known.isEmpty()) {
      Scope.Local l = pick(known);
      return new Ranged(new Expr.Var(l.name(), Ty.INT), l.range());
    }
    if (choice < 45) {
      List<Constant> fitting = constants.stream().filter(c -> c.ty() == Ty.INT
          && ((Expr.Int) c.init()).value() <= max && ((Expr.Int) c.init()).value() >= 0).toList();
      if (!fitting.isEmpty() && chance(0.3)) {
        Constant c = pick(fitting);
        return new Ranged(new Expr.Field(c.name(), Ty.INT),
            IntRange.of(((Expr.Int) c.init()).value()));
      }
      int c = rnd.nextInt(max + 1);
      return new Ranged(new Expr.Int(c), IntRange.of(c));
    }
    if (choice < 55 && !known.isEmpty()) {
      Scope.Local l = pick(known);
      IntRange r = l.range();
      if (r.hi() + 1 <= max) {
        return new Ranged(new Expr.Bin("+", new Expr.Var(l.name(), Ty.INT), new Expr.Int(1),
            Ty.INT), r.plus(IntRange.of(1)));
      }
    }
    Ranged cast = boundedCast(1, false);
    if (cast.range().hi() <= max) {
      return cast;
    }
    return new Ranged(new Expr.MathCall("min", List.of(cast.expr(), new Expr.Int(max)), Ty.INT),
        new IntRange(Math.min(cast.range().lo(), max), max));
  }

  /** {@code (int) (c + s * tanh(u))}: data-dependent, with range {@code [c - s, c + s]}. */
  private Ranged boundedCast(int depth, boolean effects) {
    double c = 1.5 + rnd.nextInt(3);
    double s = 1.0 + rnd.nextInt(2);
    Expr e = new Expr.ToInt(plus(c, times(s, call1("tanh", dbl(depth, effects)))));
    // (int) truncates towards zero; c - s >= -0.5 here, so the low end is 0 at worst.
    return new Ranged(e, new IntRange((int) Math.max(0, Math.floor(c - s)), (int) (c + s)));
  }

  /** An element of a double[] or double[][] variable, with indices in range. */
  Expr element(Scope.Local array) {
    if (array.ty() == Ty.MATRIX) {
      return new Expr.Elem2(array.name(), index(array), index(null, array.cols(), true));
    }
    return new Expr.Elem(array.name(), index(array));
  }

  /**
   * An index that is in range for {@code array} (the rows of a matrix): a small constant, a
   * counter known to fit, an element of an index array whose values fit, or any int folded into
   * range with {@code ((e % n) + n) % n}.
   */
  Expr index(Scope.Local array) {
    return index(array.name(), array.length(), true);
  }

  /**
   * An index below {@code length}, or below {@code array.length} when {@code length} is 0 (a
   * helper's parameter, at least {@link Scope#MIN_LENGTH} long). {@code array} may be null for
   * a matrix's columns.
   */
  private Expr index(String array, int length, boolean viaIndexArray) {
    int n = length == 0 ? Scope.MIN_LENGTH : length;
    List<Scope.Local> fitting = scope.find(l -> l.ty() == Ty.INT
        && (array != null && array.equals(l.indexes())
            || l.range() != null && l.range().within(0, n - 1)));
    List<Scope.Local> indexArrays = scope.find(l -> l.ty() == Ty.INTS && l.range() != null
        && l.range().within(0, n - 1));
    int choice = rnd.nextInt(100);
    if (choice < 40 && !fitting.isEmpty()) {
      return new Expr.Var(pick(fitting).name(), Ty.INT);
    }
    if (choice < 52 && viaIndexArray && !indexArrays.isEmpty()) {
      // a[idx[i]]; the inner index does not go through another index array.
      Scope.Local ia = pick(indexArrays);
      return new Expr.IntElem(ia.name(), index(ia.name(), ia.length(), false));
    }
    if (choice < 75) {
      return new Expr.Int(rnd.nextInt(n));
    }
    Expr size = length == 0 ? new Expr.Length(array) : new Expr.Int(n);
    Expr e = anyInt(1, false);
    return new Expr.Bin("%", new Expr.Bin("+", new Expr.Bin("%", e, size, Ty.INT), size, Ty.INT),
        size, Ty.INT);
  }
}
