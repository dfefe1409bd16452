package dev.jgrad.processor.lower;

import java.util.Set;
import java.util.TreeSet;

/**
 * How control can leave a piece of code: by completing normally, and through which exit codes
 * (a return, or a break or continue of some loop).
 */
record Flow(boolean mayComplete, Set<Integer> exits) {
  static final Flow NORMAL = new Flow(true, Set.of());
  static final Flow LEAVES = new Flow(false, Set.of());

  boolean mayExit() {
    return !exits.isEmpty();
  }

  /** This, then {@code next} if this completed normally. */
  Flow then(Flow next) {
    return new Flow(mayComplete && next.mayComplete, union(exits, next.exits));
  }

  /** Either this or {@code other}. */
  Flow or(Flow other) {
    return new Flow(mayComplete || other.mayComplete, union(exits, other.exits));
  }

  private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
    Set<Integer> s = new TreeSet<>(a);
    s.addAll(b);
    return Set.copyOf(s);
  }
}
