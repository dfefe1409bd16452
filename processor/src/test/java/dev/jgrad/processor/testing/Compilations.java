package dev.jgrad.processor.testing;

import com.google.testing.compile.Compilation;

/**
 * Access to {@link Compiled} for callers that run the compiler themselves, such as tests that
 * compile many programs in one javac run and need the diagnostics of a failed run as well as the
 * classes of a successful one.
 */
public final class Compilations {
  private Compilations() {}

  /**
   * Loads the classes of a successful compilation.
   *
   * @throws IllegalArgumentException if {@code compilation} failed
   */
  public static Compiled load(Compilation compilation) {
    if (compilation.status() != Compilation.Status.SUCCESS) {
      throw new IllegalArgumentException("the compilation failed:\n"
          + InMemory.describe(compilation));
    }
    return new Compiled(compilation);
  }

  /** The diagnostics, then the generated sources with line numbers, as InMemory prints them. */
  public static String describe(Compilation compilation) {
    return InMemory.describe(compilation);
  }
}
