package dev.jgrad.processor.lower;

import java.util.HashMap;
import java.util.Map;

/**
 * Hands out Java names that are unique within one generated method. User names are kept where
 * they are free; a second local with the same source name (sibling scopes) gets a numbered
 * suffix, and so does a generated name that would clash with a user's.
 */
public final class Names {
  private final Map<String, Integer> used = new HashMap<>();

  /** Returns {@code base} if unused, else {@code base2}, {@code base3}, ... */
  public String fresh(String base) {
    Integer count = used.get(base);
    if (count == null) {
      used.put(base, 1);
      return base;
    }
    int next = count + 1;
    String candidate = base + next;
    while (used.containsKey(candidate)) {
      next++;
      candidate = base + next;
    }
    used.put(base, next);
    used.put(candidate, 1);
    return candidate;
  }

  /** Marks a name as taken without handing it out (method parameters, buffers). */
  public void reserve(String name) {
    used.putIfAbsent(name, 1);
  }

  public boolean isUsed(String name) {
    return used.containsKey(name);
  }
}
