package dev.jgrad.processor.random;

import static org.junit.jupiter.api.Assertions.fail;

import dev.jgrad.processor.testing.Compiled;
import dev.jgrad.processor.testing.InMemory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random-program differential testing: generated {@code @Differentiable} programs, each checked
 * against its plain value, a forward-mode oracle over Hipparchus, its own pullback and finite
 * differences (see {@link Check}).
 *
 * <p>System properties, passed through by surefire from the mvn command line:
 *
 * <ul>
 *   <li>{@code jgrad.random.programs}: how many programs (500 by default; 10000 for a long run)
 *   <li>{@code jgrad.random.seed}: the campaign's seed
 *   <li>{@code jgrad.random.from}: the first program index (0), to rerun one failure alone
 *   <li>{@code jgrad.random.shrinkSeconds}: time to shrink each failure (60)
 *   <li>{@code jgrad.random.threads}: javac runs at once (the cores, at most 4)
 *   <li>{@code jgrad.random.timing}: {@code true} prints the time of each javac run
 * </ul>
 *
 * <p>For example {@code mvn -B -pl processor test -Dtest='Random*' -Djgrad.random.programs=10000
 * -Djgrad.random.seed=42}.
 *
 * <p>A failure prints the seed, the program's index, a command that reruns it, and the program
 * shrunk to a small one that fails the same way, with its input and generated code.
 */
class RandomProgramsTest {
  static final long DEFAULT_SEED = 20240611L;
  static final int DEFAULT_PROGRAMS = 500;
  /** Failures shrunk and printed in full; the others are listed by index. */
  private static final int SHRUNK_FAILURES = 3;

  @Test
  void generatedProgramsAgreeWithTheOracleAndFiniteDifferences() {
    long seed = longProperty("jgrad.random.seed", DEFAULT_SEED);
    int programs = (int) longProperty("jgrad.random.programs", DEFAULT_PROGRAMS);
    int from = (int) longProperty("jgrad.random.from", 0);
    long shrinkMillis = 1000 * longProperty("jgrad.random.shrinkSeconds", 60);
    long start = System.nanoTime();
    Campaign.Stats stats = new Campaign(seed).run(from, programs);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("random programs, seed %d, indices %d..%d: %s; %.1f s%n", seed, from,
        from + programs - 1, stats, seconds);
    if (stats.failures.isEmpty()) {
      return;
    }
    StringBuilder report = new StringBuilder();
    List<Failure> shown = new ArrayList<>();
    for (Campaign.Found found : stats.failures) {
      boolean again = shown.stream().anyMatch(f -> f.sameAs(found.failure()));
      report.append(String.format("%nprogram %d of seed %d: %s%n", found.index(), seed,
          firstLine(found.failure().toString())));
      if (again || shown.size() >= SHRUNK_FAILURES) {
        continue;
      }
      shown.add(found.failure());
      report.append(describe(seed, found, shrinkMillis));
    }
    fail(stats.failures.size() + " of " + stats.generated + " random programs failed" + report);
  }

  private static String describe(long seed, Campaign.Found found, long shrinkMillis) {
    Shrinker.Shrunk s = Shrinker.shrink(found.program(), found.args(), found.failure(),
        shrinkMillis);
    StringBuilder out = new StringBuilder();
    out.append("  rerun: mvn -B -pl processor test -Dtest=RandomProgramsTest")
        .append(" -Djgrad.random.seed=").append(seed)
        .append(" -Djgrad.random.from=").append(found.index())
        .append(" -Djgrad.random.programs=1\n");
    out.append("  shrunk in ").append(s.steps()).append(" steps to:\n")
        .append(JavaText.methods(s.program()).indent(4))
        .append("  at f(").append(Inputs.text(s.args())).append(")\n")
        .append("  ").append(s.failure().toString().replace("\n", "\n    ")).append('\n');
    String generated = generated(s.program());
    if (generated != null) {
      out.append("  generated:\n").append(generated.indent(4));
    }
    return out.toString();
  }

  /** The generated source of a program that compiles, or null. */
  private static String generated(Program program) {
    try {
      Compiled c = InMemory.compile(InMemory.source(JavaText.PACKAGE + ".Shrunk",
          JavaText.unit("Shrunk", program)));
      return c.numberedSource(JavaText.PACKAGE + ".ShrunkGrad");
    } catch (AssertionError | IllegalStateException e) {
      // InMemory.compile throws IllegalStateException, not AssertionError, when the generated
      // code does not compile: compile-testing withholds generated files after a failure.
      return null;
    }
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl) + " ...";
  }

  private static long longProperty(String name, long fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
  }
}
