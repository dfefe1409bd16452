package dev.jgrad.processor.random;

import java.util.List;

/**
 * A generated class body: its constants, helper methods, each calling only those before it (or
 * itself, with a depth bound), and the entry method {@code f} last.
 */
record Program(List<Fn> fns, List<Constant> constants) {
  /** A program without constants. */
  Program(List<Fn> fns) {
    this(fns, List.of());
  }

  Fn entry() {
    return fns.get(fns.size() - 1);
  }

  Fn fn(String name) {
    return fns.stream().filter(f -> f.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no method " + name));
  }

  /** The same constants with other methods. */
  Program withFns(List<Fn> newFns) {
    return new Program(newFns, constants);
  }
}
