package dev.jgrad.processor.random;

import java.util.List;
import java.util.stream.Collectors;

/** Writes switch statements and expressions for both {@link JavaText} and {@link OracleText}. */
final class SwitchText {
  /** How one writer prints expressions and blocks. */
  interface Writer {
    String expr(Expr e);

    /** A double arm's value, which must not leave the switch typed int in plain Java. */
    String value(Expr e);

    void block(List<Stmt> body, String indent, StringBuilder out);
  }

  private SwitchText() {}

  static void statement(Stmt.Switch s, String indent, StringBuilder out, Writer w) {
    out.append(indent).append("switch (").append(w.expr(s.selector())).append(") {\n");
    cases(s.cases(), s.arrow(), indent + "  ", out, w);
    out.append(indent).append("}\n");
  }

  /**
   * A switch expression. It spans lines inside whatever expression holds it; they are indented
   * by a fixed amount, since an expression does not know its statement's indentation.
   */
  static String expression(Expr.Switch s, Writer w) {
    StringBuilder out = new StringBuilder("switch (" + w.expr(s.selector()) + ") {\n");
    cases(s.cases(), s.arrow(), "      ", out, w);
    return out.append("    }").toString();
  }

  private static void cases(List<Case> cases, boolean arrow, String indent, StringBuilder out,
      Writer w) {
    for (Case c : cases) {
      if (arrow) {
        String head = c.isDefault() ? "default" : "case " + c.labels().stream()
            .map(String::valueOf).collect(Collectors.joining(", "));
        out.append(indent).append(head).append(" -> ");
        if (c.value() != null) {
          out.append(w.value(c.value())).append(";\n");
        } else if (c.body().size() == 1 && c.body().get(0) instanceof Stmt.Eval e) {
          out.append(w.expr(e.expr())).append(";\n");
        } else {
          out.append("{\n");
          w.block(c.body(), indent + "  ", out);
          out.append(indent).append("}\n");
        }
      } else {
        if (c.isDefault()) {
          out.append(indent).append("default:\n");
        }
        for (int label : c.labels()) {
          out.append(indent).append("case ").append(label).append(":\n");
        }
        w.block(c.body(), indent + "  ", out);
      }
    }
  }
}
