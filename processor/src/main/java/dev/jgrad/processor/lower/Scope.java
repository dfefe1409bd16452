package dev.jgrad.processor.lower;

import dev.jgrad.processor.ir.Var;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Block scoping of source names to variables while the body is lowered. */
final class Scope {
  private final Deque<Map<String, Var>> frames = new ArrayDeque<>();

  Scope() {
    push();
  }

  void push() {
    frames.push(new HashMap<>());
  }

  void pop() {
    frames.pop();
  }

  void declare(Var var) {
    frames.peek().put(var.sourceName(), var);
  }

  /** The innermost variable with that source name, or null. */
  Var lookup(String sourceName) {
    for (Map<String, Var> frame : frames) {
      Var v = frame.get(sourceName);
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
