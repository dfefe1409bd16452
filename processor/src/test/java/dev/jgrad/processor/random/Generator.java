package dev.jgrad.processor.random;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws a random program: up to two helpers, possibly a recursive one, and the entry method
 * {@code f}. The same seed always gives the same program.
 *
 * <p>Every loop is bounded whatever the data: {@code for} loops count to an int with a small
 * known range (often computed from the data by a cast), {@code while} and {@code do} loops carry a
 * guard counter next to their data-dependent condition. Indices are constants, counters known to
 * fit, or folded into range. Break, continue and return appear only as the last statement of a
 * block, so javac never sees unreachable code.
 */
final class Generator {
  /** The length of every array parameter of {@code f}. */
  static final int ARRAY_LENGTH = 3;
  /** The range of {@code f}'s int parameter {@code n}. */
  static final IntRange N_RANGE = new IntRange(0, 3);
  /** The length of {@code f}'s index array {@code idx}, and the values of its elements. */
  static final int INDEX_LENGTH = 3;
  static final IntRange INDEX_VALUES = new IntRange(0, ARRAY_LENGTH - 1);
  /** The shape of {@code f}'s matrix parameter {@code m}. */
  static final int MATRIX_ROWS = 2;
  static final int MATRIX_COLS = 3;
  /** How often {@code f} returns a double[], differentiated as a vector-Jacobian product. */
  static final double ARRAY_RESULTS = 0.2;
  /** How often a program has a helper with a hand-written backward rule. */
  static final double RULES = 0.2;
  /** How often a statement is a switch statement. */
  static final double SWITCHES = 0.02;
  /** How often a loop is a refill of a local array, when the scope has one. */
  static final double REFILLS = 0.3;

  private final SplittableRandom rnd;
  private final List<Callee> callees = new ArrayList<>();
  private final List<Constant> constants = new ArrayList<>();
  /** The helper with a hand-written rule, or null. */
  private Fn ruleHelper;
  private Scope scope;
  private ExprGen gen;
  /** The result type of the method being drawn, for its returns. */
  private Ty returns;
  /** How many switch expressions enclose the statements being drawn (they yield, not return). */
  private int yielding;

  private Generator(SplittableRandom rnd) {
    this.rnd = rnd;
  }

  /** The program of {@code seed}. */
  static Program program(long seed) {
    return new Generator(new SplittableRandom(seed)).program();
  }

  private boolean chance(double p) {
    return rnd.nextDouble() < p;
  }

  private Program program() {
    if (chance(0.35)) {
      int count = 1 + rnd.nextInt(3);
      for (int i = 0; i < count; i++) {
        constants.add(constant(i));
      }
    }
    List<Fn> fns = new ArrayList<>();
    if (chance(RULES)) {
      ruleHelper = Rule.values()[rnd.nextInt(Rule.values().length)].helper("s0");
      fns.add(ruleHelper);
      callees.add(new Callee(ruleHelper, false, false));
    }
    int helpers = chance(0.4) ? 0 : chance(0.55) ? 1 : 2;
    for (int i = 0; i < helpers; i++) {
      Fn h = helper("h" + i);
      fns.add(h);
    }
    if (chance(0.25)) {
      fns.add(recursive("r0"));
    }
    fns.add(entry());
    return new Program(fns, constants);
  }

  /**
   * {@code K0 = 1.25}, {@code K1 = Math.sqrt(3.0)} (not a compile-time constant) or {@code N2 =
   * 2}.
   */
  private Constant constant(int i) {
    if (chance(0.25)) {
      return new Constant("N" + i, Ty.INT, new Expr.Int(rnd.nextInt(4)));
    }
    double[] values = {0.5, 1.25, 2.0, -0.75, 3.0, 0.1, -1.5};
    Expr.Num literal = new Expr.Num(values[rnd.nextInt(values.length)]);
    if (chance(0.4)) {
      String fn = new String[] {"sqrt", "exp", "cbrt"}[rnd.nextInt(3)];
      Expr.Num positive = new Expr.Num(Math.abs(literal.value()));
      return new Constant("K" + i, Ty.DOUBLE, new Expr.MathCall(fn, List.of(positive),
          Ty.DOUBLE));
    }
    return new Constant("K" + i, Ty.DOUBLE, literal);
  }

  // ---- methods ----------------------------------------------------------------------------

  /** The entry method {@code f}, which returns a double or a new double[]. */
  private Fn entry() {
    List<Fn.Param> params = new ArrayList<>();
    int doubles = 1 + rnd.nextInt(3);
    for (int i = 0; i < doubles; i++) {
      params.add(new Fn.Param(new String[] {"x", "y", "z"}[i], Ty.DOUBLE));
    }
    int arrays = chance(0.5) ? 0 : chance(0.7) ? 1 : 2;
    for (int i = 0; i < arrays; i++) {
      params.add(new Fn.Param(new String[] {"a", "b"}[i], Ty.ARRAY));
    }
    if (chance(0.2)) {
      params.add(new Fn.Param("m", Ty.MATRIX));
    }
    if (chance(0.5)) {
      params.add(new Fn.Param("n", Ty.INT));
    }
    if (chance(0.2)) {
      params.add(new Fn.Param("idx", Ty.INTS));
    }
    if (chance(0.3)) {
      params.add(new Fn.Param("flag", Ty.BOOL));
    }
    List<String> wrt = new ArrayList<>();
    if (chance(0.2) && params.stream().filter(p -> p.ty().differentiable()).count() > 1) {
      for (Fn.Param p : params) {
        if (p.ty().differentiable() && rnd.nextBoolean()) {
          wrt.add(p.name());
        }
      }
      if (wrt.isEmpty()) {
        wrt.add(params.get(0).name());
      }
    }
    Ty result = chance(ARRAY_RESULTS) ? Ty.ARRAY : Ty.DOUBLE;
    begin(params, wrt, ARRAY_LENGTH, true, result);
    List<Stmt> body = block(5, 0, false);
    Expr last = result == Ty.ARRAY ? arrayResult(3, true) : result(3);
    if (ruleHelper != null && chance(0.6)) {
      // Calls elsewhere often feed only decisions or dead values: make the rule count.
      last = plusRule(last);
    }
    body.add(new Stmt.Return(last));
    return new Fn("f", params, wrt, body, result);
  }

  private Fn helper(String name) {
    List<Fn.Param> params = new ArrayList<>();
    params.add(new Fn.Param("p", Ty.DOUBLE));
    if (chance(0.5)) {
      params.add(new Fn.Param("q", Ty.DOUBLE));
    }
    boolean array = chance(0.4);
    if (array) {
      params.add(new Fn.Param("u", Ty.ARRAY));
      if (chance(0.35)) {
        // Callers pick each array argument on its own, so u and v are often the same array.
        params.add(new Fn.Param("v", Ty.ARRAY));
      }
    }
    if (chance(0.3)) {
      params.add(new Fn.Param("m", Ty.INT));
    }
    boolean writes = array && chance(0.5);
    begin(params, List.of(), 0, writes, Ty.DOUBLE);
    List<Stmt> body = block(3, 1, false);
    body.add(new Stmt.Return(result(2)));
    Fn fn = new Fn(name, params, List.of(), body);
    callees.add(new Callee(fn, writes, false));
    return fn;
  }

  /** {@code r(p, d)}: returns at {@code d <= 0}, else combines itself at {@code d - 1}. */
  private Fn recursive(String name) {
    List<Fn.Param> params = List.of(new Fn.Param("p", Ty.DOUBLE), new Fn.Param("d", Ty.INT));
    begin(params, List.of(), 0, false, Ty.DOUBLE);
    List<Stmt> body = new ArrayList<>();
    Expr depth = new Expr.Var("d", Ty.INT);
    body.add(new Stmt.If(new Expr.Bin("<=", depth, new Expr.Int(0), Ty.BOOL),
        List.of(new Stmt.Return(gen.dbl(2, false))), null));
    body.addAll(block(2, 1, false));
    Expr self = new Expr.Invoke(name, List.of(gen.dbl(1, false),
        new Expr.Bin("-", depth, new Expr.Int(1), Ty.INT)));
    Expr combined = switch (rnd.nextInt(3)) {
      case 0 -> new Expr.Bin("+", gen.dbl(2, false), self, Ty.DOUBLE);
      case 1 -> new Expr.Bin("*", gen.dbl(1, false),
          new Expr.MathCall("tanh", List.of(self), Ty.DOUBLE), Ty.DOUBLE);
      default -> new Expr.MathCall("sin", List.of(new Expr.Bin("-", self, gen.dbl(1, false),
          Ty.DOUBLE)), Ty.DOUBLE);
    };
    body.add(new Stmt.Return(combined));
    Fn fn = new Fn(name, params, List.of(), body);
    callees.add(new Callee(fn, false, true));
    return fn;
  }

  /**
   * A method's final result: drawn again a few times if it reads no double variable or array,
   * since a constant result would leave the whole method without a gradient to check.
   */
  private Expr result(int depth) {
    Expr e = gen.dbl(depth, true);
    for (int i = 0; i < 4 && !readsDoubles(e); i++) {
      e = gen.dbl(depth, true);
    }
    return e;
  }

  /** {@code e + s0(...)}, or that in the first element of a returned array initialiser. */
  private Expr plusRule(Expr e) {
    List<Expr> args = new ArrayList<>();
    for (int i = 0; i < ruleHelper.params().size(); i++) {
      args.add(result(2));
    }
    Expr call = new Expr.Invoke(ruleHelper.name(), args);
    if (e instanceof Expr.ArrayInit a) {
      List<Expr> elements = new ArrayList<>(a.elements());
      elements.set(0, new Expr.Bin("+", elements.get(0), call, Ty.DOUBLE));
      return new Expr.ArrayInit(elements);
    }
    return e.ty() == Ty.DOUBLE ? new Expr.Bin("+", e, call, Ty.DOUBLE) : e;
  }

  /**
   * What an array-valued method returns: a new array of a few doubles, or now and then (not as
   * the final result, which should depend on the inputs) an array the method created.
   */
  private Expr arrayResult(int depth, boolean last) {
    List<Scope.Local> fresh = scope.find(l -> l.ty() == Ty.ARRAY && l.fresh());
    if (!fresh.isEmpty() && chance(last ? 0.25 : 0.4)) {
      return new Expr.Var(fresh.get(rnd.nextInt(fresh.size())).name(), Ty.ARRAY);
    }
    List<Expr> elements = new ArrayList<>();
    int length = 1 + rnd.nextInt(3);
    for (int i = 0; i < length; i++) {
      elements.add(last ? result(depth) : gen.dbl(depth, true));
    }
    return new Expr.ArrayInit(elements);
  }

  private static boolean readsDoubles(Expr e) {
    boolean[] found = {false};
    Walk.exprs(new Program(List.of(new Fn("t", List.of(), List.of(),
        List.of(new Stmt.Return(e))))), (x, fixed) -> {
          if (x instanceof Expr.Elem || x instanceof Expr.Elem2
              || x instanceof Expr.Var v && v.ty() == Ty.DOUBLE) {
            found[0] = true;
          }
          return null;
        });
    return found[0];
  }

  /** A fresh scope with the parameters of a method in it. */
  private void begin(List<Fn.Param> params, List<String> wrt, int arrayLength,
      boolean arraysWritable, Ty result) {
    scope = new Scope();
    returns = result;
    gen = new ExprGen(rnd, scope, callees, constants);
    gen.switches(this::switchExpression);
    for (Fn.Param p : params) {
      boolean differentiated = wrt.isEmpty() || wrt.contains(p.name());
      switch (p.ty()) {
        case DOUBLE -> scope.add(Scope.Local.of(p.name(), Ty.DOUBLE));
        case ARRAY -> scope.add(Scope.Local.array(p.name(), arrayLength,
            arraysWritable && differentiated, false));
        case INT -> scope.add(Scope.Local.counter(p.name(),
            arrayLength == 0 ? new IntRange(-3, 3) : N_RANGE, null));
        case BOOL -> scope.add(Scope.Local.of(p.name(), Ty.BOOL));
        // Parameters: jgrad need not put back what the method writes into an int[].
        case INTS -> scope.add(Scope.Local.ints(p.name(), INDEX_LENGTH, INDEX_VALUES, false));
        case MATRIX -> scope.add(Scope.Local.matrix(p.name(), MATRIX_ROWS, MATRIX_COLS,
            arraysWritable && differentiated));
        default -> throw new IllegalStateException();
      }
    }
  }

  // ---- statements -------------------------------------------------------------------------

  /**
   * Up to {@code budget} statements at nesting {@code nest}; a jump ends the block. When {@code
   * mayJump}, the block may end with break or continue (an if's then-branch inside a loop).
   */
  private List<Stmt> block(int budget, int nest, boolean mayJump) {
    int mark = scope.mark();
    List<Stmt> out = new ArrayList<>();
    int count = 1 + rnd.nextInt(Math.max(1, budget));
    for (int i = 0; i < count; i++) {
      Stmt s = stmt(nest);
      out.add(s);
      if (s instanceof Stmt.Return) {
        break;
      }
    }
    if (mayJump && scope.inLoop() && !(out.get(out.size() - 1) instanceof Stmt.Return)
        && chance(0.3)) {
      out.add(jump());
    }
    scope.leave(mark);
    return out;
  }

  private Stmt jump() {
    List<String> labels = scope.labels();
    String label = !labels.isEmpty() && chance(0.5)
        ? labels.get(rnd.nextInt(labels.size())) : null;
    return rnd.nextBoolean() ? new Stmt.Break(label) : new Stmt.Continue(label);
  }

  private Stmt stmt(int nest) {
    if (nest < 3 && chance(SWITCHES)) {
      return switchStatement(nest);
    }
    int choice = rnd.nextInt(100);
    if (choice < 20) {
      String name = scope.fresh("v");
      Expr init = gen.dbl(3, true);
      scope.add(Scope.Local.of(name, Ty.DOUBLE));
      return new Stmt.Decl(Ty.DOUBLE, name, init);
    } else if (choice < 25) {
      String name = scope.fresh("k");
      Expr init = gen.anyInt(2, true);
      scope.add(Scope.Local.of(name, Ty.INT));
      return new Stmt.Decl(Ty.INT, name, init);
    } else if (choice < 28) {
      String name = scope.fresh("c");
      Expr init = gen.bool(2, true);
      scope.add(Scope.Local.of(name, Ty.BOOL));
      return new Stmt.Decl(Ty.BOOL, name, init);
    } else if (choice < 35) {
      return arrayDecl();
    } else if (choice < 52) {
      Expr e = gen.doubleEffect(2);
      if (e != null) {
        return new Stmt.Eval(e);
      }
    } else if (choice < 56) {
      Expr e = gen.intEffect(1);
      if (e != null) {
        return new Stmt.Eval(e);
      }
    } else if (choice < 68 && nest < 3) {
      Expr c = gen.bool(2, true);
      List<Stmt> then = block(2, nest + 1, true);
      List<Stmt> otherwise = chance(0.4) ? block(2, nest + 1, false) : null;
      return new Stmt.If(c, then, otherwise);
    } else if (choice < 82 && nest < 3 && scope.loopDepth() < 3) {
      return loop(nest);
    } else if (choice < 86 && !callees.isEmpty()) {
      Expr call = gen.call(2, true);
      if (call instanceof Expr.Invoke) {
        return new Stmt.Eval(call);
      }
    } else if (choice < 92 && scope.inLoop()) {
      return new Stmt.If(gen.bool(2, false), List.of(jump()), null);
    } else if (choice < 96 && yielding > 0) {
      return new Stmt.If(gen.bool(2, false), List.of(new Stmt.Yield(gen.dbl(2, true))), null);
    } else if (choice < 96) {
      Expr value = returns == Ty.ARRAY ? arrayResult(2, false) : gen.dbl(2, true);
      return new Stmt.If(gen.bool(2, false), List.of(new Stmt.Return(value)), null);
    }
    String name = scope.fresh("v");
    Expr init = gen.dbl(2, true);
    scope.add(Scope.Local.of(name, Ty.DOUBLE));
    return new Stmt.Decl(Ty.DOUBLE, name, init);
  }

  // ---- switches -------------------------------------------------------------------------

  /**
   * A switch statement: old-style groups, each ending with break or falling through into the
   * next, or arrow cases; a default or not, anywhere.
   */
  private Stmt switchStatement(int nest) {
    boolean arrow = rnd.nextBoolean();
    Expr selector = selector(true);
    List<List<Integer>> labels = labels(2 + rnd.nextInt(3), chance(0.6));
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      List<Stmt> body = block(2, nest + 1, false);
      boolean last = i == labels.size() - 1;
      if (!arrow && chance(last ? 0.2 : 0.65)) {
        body.add(new Stmt.Break(null));
      }
      cases.add(new Case(labels.get(i), body, null));
    }
    return new Stmt.Switch(selector, arrow, cases);
  }

  /**
   * A switch expression, or null inside another one (to keep programs small). Its cases yield
   * a value, early in an if now and then; old-style groups may fall through. No jump leaves it.
   */
  private Expr switchExpression(int depth) {
    if (yielding > 0) {
      return null;
    }
    boolean arrow = chance(0.7);
    Expr selector = selector(true);
    List<List<Integer>> labels = labels(2 + rnd.nextInt(2), true);
    List<String> outer = scope.hideLoops();
    yielding++;
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      boolean last = i == labels.size() - 1;
      if (arrow && chance(0.5)) {
        cases.add(new Case(labels.get(i), List.of(), gen.dbl(Math.max(depth, 1), true)));
        continue;
      }
      List<Stmt> body = block(2, 2, false);
      if (arrow || last || chance(0.6)) {
        body.add(new Stmt.Yield(gen.dbl(Math.max(depth, 1), true)));
      }
      cases.add(new Case(labels.get(i), body, null));
    }
    yielding--;
    scope.restoreLoops(outer);
    return new Expr.Switch(selector, arrow, cases);
  }

  /** What a switch switches on: mostly a small int that hits the labels, often data-dependent. */
  private Expr selector(boolean effects) {
    return chance(0.65) ? gen.boundedInt(4).expr() : gen.anyInt(2, effects);
  }

  /**
   * The labels of {@code groups} cases, distinct, from -1 to 4, one or two each; with a
   * default, one group (anywhere) is the default.
   */
  private List<List<Integer>> labels(int groups, boolean withDefault) {
    List<Integer> pool = new ArrayList<>(List.of(-1, 0, 1, 2, 3, 4));
    int defaultAt = withDefault ? rnd.nextInt(groups) : -1;
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i < groups; i++) {
      List<Integer> mine = new ArrayList<>();
      if (i != defaultAt) {
        // Two labels only while enough are left for one each of the rest.
        int count = chance(0.3) && pool.size() > groups - i ? 2 : 1;
        for (int k = 0; k < count; k++) {
          mine.add(pool.remove(rnd.nextInt(pool.size())));
        }
        mine.sort(null);
      }
      out.add(mine);
    }
    return out;
  }

  private Stmt arrayDecl() {
    List<Scope.Local> matrices = scope.find(l -> l.ty() == Ty.MATRIX);
    if (chance(0.15)) {
      return indexArrayDecl();
    }
    String name = scope.fresh("w");
    List<Scope.Local> arrays = scope.find(l -> l.ty() == Ty.ARRAY);
    int choice = rnd.nextInt(10);
    Expr init;
    Scope.Local local;
    if (!matrices.isEmpty() && chance(0.3)) {
      // A row of a matrix: writes through it reach the matrix, and so must their gradient.
      Scope.Local m = matrices.get(rnd.nextInt(matrices.size()));
      init = new Expr.Row(m.name(), gen.index(m));
      local = Scope.Local.array(name, m.cols(), m.mutable(), false);
    } else if (choice < 2 && !arrays.isEmpty()) {
      // An alias: writes through it reach the original, and so must its gradient.
      Scope.Local of = arrays.get(rnd.nextInt(arrays.size()));
      init = new Expr.Var(of.name(), Ty.ARRAY);
      local = Scope.Local.array(name, of.length(), of.mutable(), of.fresh());
    } else if (choice < 6) {
      int length = 2 + rnd.nextInt(3);
      init = new Expr.NewArray(length);
      local = Scope.Local.array(name, length, true, true);
    } else {
      int length = 2 + rnd.nextInt(3);
      List<Expr> elements = new ArrayList<>();
      for (int i = 0; i < length; i++) {
        elements.add(gen.dbl(2, true));
      }
      init = new Expr.ArrayInit(elements);
      local = Scope.Local.array(name, length, true, true);
    }
    scope.add(local);
    return new Stmt.Decl(Ty.ARRAY, name, init);
  }

  /** {@code int[] ks = {2, 0};}: an index array, whose values the generator knows. */
  private Stmt indexArrayDecl() {
    String name = scope.fresh("ks");
    int length = 2 + rnd.nextInt(2);
    int hi = 1 + rnd.nextInt(ARRAY_LENGTH - 1);
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      values.add(rnd.nextInt(hi + 1));
    }
    scope.add(Scope.Local.ints(name, length, new IntRange(0, hi), true));
    return new Stmt.Decl(Ty.INTS, name, new Expr.IntArrayInit(values));
  }

  private Stmt loop(int nest) {
    String label = chance(0.3) ? scope.fresh("L") : null;
    int kind = rnd.nextInt(10);
    List<Scope.Local> arrays = scope.find(l -> l.ty() == Ty.ARRAY);
    List<Scope.Local> bounding = scope.find(l -> l.ty() == Ty.ARRAY || l.ty() == Ty.INTS
        || l.ty() == Ty.MATRIX);
    int mark = scope.mark();
    Stmt loop;
    List<Scope.Local> scratch = scope.find(l -> l.ty() == Ty.ARRAY && l.fresh() && l.mutable());
    if (!scratch.isEmpty() && chance(REFILLS)) {
      // A refill: each element of a local array written first thing in the body, as scratch
      // vectors are (the save analysis has a rule of its own for such loops).
      Scope.Local a = scratch.get(rnd.nextInt(scratch.size()));
      String counter = scope.fresh("i");
      scope.add(Scope.Local.counter(counter, new IntRange(0, a.length() - 1), a.name()));
      scope.enterLoop(label);
      List<Stmt> body = new ArrayList<>();
      body.add(new Stmt.Eval(new Expr.Assign(new Expr.Elem(a.name(),
          new Expr.Var(counter, Ty.INT)), "=", gen.dbl(2, true))));
      body.addAll(block(2, nest + 1, false));
      scope.leaveLoop();
      loop = new Stmt.For(label, counter, new Expr.Length(a.name()), false, body);
    } else if (kind < 4) {
      String counter = scope.fresh("i");
      Expr bound;
      Scope.Local local;
      if (!bounding.isEmpty() && chance(0.3)) {
        Scope.Local a = bounding.get(rnd.nextInt(bounding.size()));
        bound = new Expr.Length(a.name());
        IntRange r = a.length() == 0 ? null : new IntRange(0, a.length() - 1);
        local = Scope.Local.counter(counter, r, a.name());
      } else {
        gen.loopHeader(true);
        ExprGen.Ranged b = gen.boundedInt(4);
        gen.loopHeader(false);
        bound = b.expr();
        local = Scope.Local.counter(counter, new IntRange(0, Math.max(0, b.range().hi() - 1)),
            null);
      }
      scope.add(local);
      scope.enterLoop(label);
      List<Stmt> body = block(3, nest + 1, false);
      scope.leaveLoop();
      loop = new Stmt.For(label, counter, bound, chance(0.3), body);
    } else if (kind < 6 && !arrays.isEmpty()) {
      Scope.Local a = arrays.get(rnd.nextInt(arrays.size()));
      String element = scope.fresh("e");
      scope.add(Scope.Local.element(element));
      scope.enterLoop(label);
      List<Stmt> body = block(3, nest + 1, false);
      scope.leaveLoop();
      loop = new Stmt.ForEach(label, element, a.name(), body);
    } else {
      String guard = scope.fresh("g");
      int max = 2 + rnd.nextInt(4);
      scope.add(Scope.Local.counter(guard, new IntRange(0, max), null));
      // The condition is read before the first trip of a while: it may not use the body's
      // locals, and it must be free of side effects (jgrad reads it twice).
      gen.loopHeader(true);
      Expr condition = gen.bool(1, false);
      gen.loopHeader(false);
      scope.enterLoop(label);
      List<Stmt> body = block(3, nest + 1, false);
      scope.leaveLoop();
      loop = new Stmt.While(label, guard, max, condition, body, chance(0.4));
    }
    scope.leave(mark);
    return loop;
  }
}
