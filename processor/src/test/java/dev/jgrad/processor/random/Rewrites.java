package dev.jgrad.processor.random;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one-step simplifications of a program that the shrinker tries, roughly largest first:
 * drop an unused helper or parameter, reduce a method to one of its returns, delete a statement,
 * replace a statement by the block inside it, drop an else or a wrt list, then replace an
 * expression by a constant, a parameter or one of its own subexpressions of the same type. Only
 * well-formed candidates with a shorter text are returned, each text once.
 */
final class Rewrites {
  /** A smaller program with the arguments that go with it. */
  record Candidate(Program program, Object[] args) {}

  private Rewrites() {}

  /**
   * The candidates, built lazily in order: a shrinking step usually takes one of the first, so
   * most are never built.
   */
  static Iterator<Candidate> of(Program p, Object[] args) {
    Iterator<Supplier<Candidate>> all = all(p, args).iterator();
    Set<String> seen = new HashSet<>();
    int size = JavaText.methods(p).length();
    return new Iterator<>() {
      private Candidate next;

      @Override
      public boolean hasNext() {
        while (next == null && all.hasNext()) {
          Candidate c = all.next().get();
          String text = JavaText.methods(c.program());
          // Only strictly shorter texts, so that shrinking ends (x for 0.5 and back would not);
          // rewrites often coincide, and each text is compiled once.
          if (text.length() < size && seen.add(text) && WellFormed.check(c.program())) {
            next = c;
          }
        }
        return next != null;
      }

      @Override
      public Candidate next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Candidate c = next;
        next = null;
        return c;
      }
    };
  }

  private static List<Supplier<Candidate>> all(Program p, Object[] args) {
    List<Supplier<Candidate>> out = new ArrayList<>();
    unusedHelpers(p, args, out);
    unusedConstants(p, args, out);
    unusedParameters(p, args, out);
    List<Supplier<Program>> programs = new ArrayList<>();
    earlyReturns(p, programs);
    statements(p, programs);
    if (!p.entry().wrt().isEmpty()) {
      programs.add(() -> {
        List<Fn> fns = new ArrayList<>(p.fns());
        Fn e = p.entry();
        fns.set(fns.size() - 1, e.withParams(e.params(), List.of()));
        return p.withFns(fns);
      });
    }
    expressions(p, programs);
    for (Supplier<Program> q : programs) {
      out.add(() -> new Candidate(q.get(), args));
    }
    return out;
  }

  private static void unusedHelpers(Program p, Object[] args, List<Supplier<Candidate>> out) {
    for (Fn fn : p.fns()) {
      if (fn != p.entry() && !calledElsewhere(p, fn.name())) {
        List<Fn> fns = new ArrayList<>(p.fns());
        fns.remove(fn);
        out.add(() -> new Candidate(p.withFns(fns), args));
      }
    }
  }

  private static void unusedConstants(Program p, Object[] args, List<Supplier<Candidate>> out) {
    for (Constant c : p.constants()) {
      boolean[] read = {false};
      Walk.exprs(p, (e, fixed) -> {
        read[0] |= e instanceof Expr.Field f && f.name().equals(c.name());
        return null;
      });
      if (!read[0]) {
        List<Constant> rest = new ArrayList<>(p.constants());
        rest.remove(c);
        out.add(() -> new Candidate(new Program(p.fns(), rest), args));
      }
    }
  }

  private static boolean calledElsewhere(Program p, String name) {
    boolean[] called = {false};
    for (Fn fn : p.fns()) {
      if (fn.name().equals(name)) {
        continue;
      }
      Walk.exprs(new Program(List.of(fn)), (e, fixed) -> {
        if (e instanceof Expr.Invoke c && c.method().equals(name)) {
          called[0] = true;
        }
        return null;
      });
    }
    return called[0];
  }

  private static void unusedParameters(Program p, Object[] args,
      List<Supplier<Candidate>> out) {
    Fn e = p.entry();
    String text = JavaText.methods(new Program(List.of(e.withBody(e.body()))));
    String body = text.substring(text.indexOf('{'));
    for (int i = 0; i < e.params().size(); i++) {
      String name = e.params().get(i).name();
      if (body.matches("(?s).*\\b" + name + "\\b.*") || e.params().size() == 1) {
        continue;
      }
      List<Fn.Param> params = new ArrayList<>(e.params());
      params.remove(i);
      List<String> wrt = new ArrayList<>(e.wrt());
      wrt.remove(name);
      List<Object> rest = new ArrayList<>(List.of(args));
      rest.remove(i);
      List<Fn> fns = new ArrayList<>(p.fns());
      fns.set(fns.size() - 1, e.withParams(params, wrt));
      out.add(() -> new Candidate(p.withFns(fns), rest.toArray()));
    }
  }

  /** A method's whole body replaced by one of its returns, for results computed early. */
  private static void earlyReturns(Program p, List<Supplier<Program>> out) {
    for (int m = 0; m < p.fns().size(); m++) {
      int method = m;
      List<Expr> values = new ArrayList<>();
      Walk.blocks(new Program(List.of(p.fns().get(m))), block -> {
        for (Stmt s : block) {
          if (s instanceof Stmt.Return r) {
            values.add(r.value());
          }
        }
        return null;
      });
      for (Expr value : values) {
        out.add(() -> {
          List<Fn> fns = new ArrayList<>(p.fns());
          fns.set(method, fns.get(method).withBody(List.of(new Stmt.Return(value))));
          return p.withFns(fns);
        });
      }
    }
  }

  /** Deletions and unwrappings, one per statement of each block. */
  private static void statements(Program p, List<Supplier<Program>> out) {
    int blocks = count(p);
    for (int b = 0; b < blocks; b++) {
      int blockIndex = b;
      List<Stmt> block = nth(p, b);
      for (int i = 0; i < block.size(); i++) {
        int at = i;
        Stmt s = block.get(i);
        out.add(() -> {
          List<Stmt> without = new ArrayList<>(block);
          without.remove(at);
          return replaceBlock(p, blockIndex, without);
        });
        for (List<Stmt> inner : inside(s)) {
          out.add(() -> {
            List<Stmt> unwrapped = new ArrayList<>(block);
            unwrapped.remove(at);
            unwrapped.addAll(at, inner);
            return replaceBlock(p, blockIndex, unwrapped);
          });
        }
        for (Expr header : headers(s)) {
          // The statement reduced to its condition, bound or selector, kept in a local.
          Stmt.Decl kept = new Stmt.Decl(header.ty(), "t" + at + "x" + blockIndex, header);
          out.add(() -> {
            List<Stmt> reduced = new ArrayList<>(block);
            reduced.set(at, kept);
            return replaceBlock(p, blockIndex, reduced);
          });
        }
        if (s instanceof Stmt.If f && f.otherwise() != null) {
          out.add(() -> {
            List<Stmt> noElse = new ArrayList<>(block);
            noElse.set(at, new Stmt.If(f.condition(), f.then(), null));
            return replaceBlock(p, blockIndex, noElse);
          });
        }
        if (s instanceof Stmt.Switch w) {
          for (int c = 0; c < w.cases().size() && w.cases().size() > 1; c++) {
            List<Case> fewer = new ArrayList<>(w.cases());
            fewer.remove(c);
            out.add(() -> {
              List<Stmt> smaller = new ArrayList<>(block);
              smaller.set(at, new Stmt.Switch(w.selector(), w.arrow(), fewer));
              return replaceBlock(p, blockIndex, smaller);
            });
          }
        }
        if (s instanceof Stmt.While w && w.max() > 1) {
          out.add(() -> {
            List<Stmt> once = new ArrayList<>(block);
            once.set(at, new Stmt.While(w.label(), w.guard(), 1, w.condition(), w.body(),
                w.doWhile()));
            return replaceBlock(p, blockIndex, once);
          });
        }
      }
    }
  }

  /** The expressions that decide what a compound statement does. */
  private static List<Expr> headers(Stmt s) {
    if (s instanceof Stmt.If i) {
      return List.of(i.condition());
    } else if (s instanceof Stmt.For f) {
      return List.of(f.bound());
    } else if (s instanceof Stmt.While w) {
      return List.of(w.condition());
    } else if (s instanceof Stmt.Switch w) {
      return List.of(w.selector());
    }
    return List.of();
  }

  private static List<List<Stmt>> inside(Stmt s) {
    List<List<Stmt>> out = new ArrayList<>();
    if (s instanceof Stmt.If i) {
      out.add(i.then());
      if (i.otherwise() != null) {
        out.add(i.otherwise());
      }
    } else if (s instanceof Stmt.For f) {
      out.add(f.body());
    } else if (s instanceof Stmt.ForEach f) {
      out.add(f.body());
    } else if (s instanceof Stmt.Switch w) {
      for (Case c : w.cases()) {
        out.add(c.body());
      }
    } else if (s instanceof Stmt.While w) {
      // The guard is still declared, as the loop's rendering did.
      List<Stmt> body = new ArrayList<>();
      body.add(new Stmt.Decl(Ty.INT, w.guard(), new Expr.Int(1)));
      body.addAll(w.body());
      out.add(body);
    }
    return out;
  }

  private static int count(Program p) {
    int[] n = {0};
    Walk.blocks(p, block -> {
      n[0]++;
      return null;
    });
    return n[0];
  }

  private static List<Stmt> nth(Program p, int index) {
    int[] n = {0};
    List<List<Stmt>> found = new ArrayList<>();
    Walk.blocks(p, block -> {
      if (n[0]++ == index) {
        found.add(block);
      }
      return null;
    });
    return found.get(0);
  }

  private static Program replaceBlock(Program p, int index, List<Stmt> replacement) {
    int[] n = {0};
    return Walk.blocks(p, block -> n[0]++ == index ? replacement : null);
  }

  /** Each expression replaced, in turn, by each of its simpler stand-ins. */
  private static void expressions(Program p, List<Supplier<Program>> out) {
    List<Expr> nodes = new ArrayList<>();
    List<Boolean> fixed = new ArrayList<>();
    Walk.exprs(p, (e, isFixed) -> {
      nodes.add(e);
      fixed.add(isFixed);
      return null;
    });
    List<Expr> doubleParams = new ArrayList<>();
    for (Fn.Param param : p.entry().params()) {
      if (param.ty() == Ty.DOUBLE) {
        doubleParams.add(new Expr.Var(param.name(), Ty.DOUBLE));
      }
    }
    for (int k = 0; k < nodes.size(); k++) {
      if (fixed.get(k)) {
        continue;
      }
      for (Expr stand : standIns(nodes.get(k), doubleParams)) {
        int target = k;
        out.add(() -> {
          int[] n = {0};
          return Walk.exprs(p, (e, isFixed) -> n[0]++ == target ? stand : null);
        });
      }
    }
  }

  private static List<Expr> standIns(Expr e, List<Expr> doubleParams) {
    List<Expr> out = new ArrayList<>();
    if (e instanceof Expr.Switch w) {
      // The switch replaced by what one of its cases yields.
      for (Case c : w.cases()) {
        for (Stmt s : c.body()) {
          if (s instanceof Stmt.Yield y) {
            out.add(y.value());
          }
        }
      }
      for (int c = 0; c < w.cases().size(); c++) {
        if (!w.cases().get(c).isDefault()) {
          List<Case> fewer = new ArrayList<>(w.cases());
          fewer.remove(c);
          out.add(new Expr.Switch(w.selector(), w.arrow(), fewer));
        }
      }
    }
    descendants(e, e.ty(), out);
    switch (e.ty()) {
      case DOUBLE -> {
        out.add(new Expr.Num(0.5));
        out.addAll(doubleParams);
      }
      case INT -> {
        out.add(new Expr.Int(1));
        out.add(new Expr.Int(0));
      }
      case BOOL -> {
        out.add(new Expr.Bool(true));
        out.add(new Expr.Bool(false));
      }
      default -> { }
    }
    out.removeIf(stand -> stand.equals(e));
    return out;
  }

  /**
   * The subexpressions of {@code e} of type {@code ty}, nearest first: a double nested in an
   * int argument (cosh in {@code h(x, (int) Math.cosh(n))}) can replace the whole call.
   */
  private static void descendants(Expr e, Ty ty, List<Expr> out) {
    List<Expr> level = children(e);
    while (!level.isEmpty()) {
      List<Expr> next = new ArrayList<>();
      for (Expr child : level) {
        if (child.ty() == ty) {
          out.add(child);
        }
        next.addAll(children(child));
      }
      level = next;
    }
  }

  private static List<Expr> children(Expr e) {
    if (e instanceof Expr.Bin b) {
      return List.of(b.left(), b.right());
    } else if (e instanceof Expr.Neg n) {
      return List.of(n.operand());
    } else if (e instanceof Expr.Not n) {
      return List.of(n.operand());
    } else if (e instanceof Expr.MathCall m) {
      return m.args();
    } else if (e instanceof Expr.Cond c) {
      return List.of(c.whenTrue(), c.whenFalse(), c.condition());
    } else if (e instanceof Expr.ToInt t) {
      return List.of(t.operand());
    } else if (e instanceof Expr.ToDouble t) {
      return List.of(t.operand());
    } else if (e instanceof Expr.Elem a) {
      return List.of(a.index());
    } else if (e instanceof Expr.IntElem a) {
      return List.of(a.index());
    } else if (e instanceof Expr.Elem2 a) {
      return List.of(a.row(), a.col());
    } else if (e instanceof Expr.Row r) {
      return List.of(r.row());
    } else if (e instanceof Expr.Invoke c) {
      return c.args();
    } else if (e instanceof Expr.Assign a) {
      return List.of(a.value(), a.target());
    } else if (e instanceof Expr.Step s) {
      return List.of(s.target());
    } else if (e instanceof Expr.Switch w) {
      List<Expr> out = new ArrayList<>();
      w.cases().stream().filter(c -> c.value() != null).forEach(c -> out.add(c.value()));
      out.add(w.selector());
      return out;
    }
    return List.of();
  }
}
