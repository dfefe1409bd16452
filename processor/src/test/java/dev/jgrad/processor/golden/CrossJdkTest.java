package dev.jgrad.processor.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same sources give byte-identical generated files under another JDK's javac (the machine's
 * JDK 25 when the tests run on 17, and the other way round). Skipped where there is no second
 * JDK; {@code -Djgrad.otherJdk=/path/to/jdk} names one explicitly.
 */
class CrossJdkTest {
  @Test
  void anotherJdkGeneratesTheSameBytes(@TempDir Path dir) throws Exception {
    Path javac = otherJavac();
    assumeTrue(javac != null, "no second JDK found");
    Path src = dir.resolve("src/golden");
    Files.createDirectories(src);
    Files.writeString(src.resolve("Gates.java"), GoldenTest.GATES_SOURCE, StandardCharsets.UTF_8);
    Path generated = dir.resolve("generated");
    Files.createDirectories(generated);
    List<String> command = new ArrayList<>(List.of(javac.toString(), "--release", "17",
        "-proc:only", "-processor", "dev.jgrad.processor.JgradProcessor",
        "-processorpath", System.getProperty("java.class.path"),
        "-cp", System.getProperty("java.class.path"),
        "-s", generated.toString(), "-d", dir.resolve("classes").toString(),
        src.resolve("Gates.java").toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(p.waitFor(2, TimeUnit.MINUTES), "the other javac did not finish");
    assertEquals(0, p.exitValue(), log);
    String theirs = Files.readString(generated.resolve("golden/GatesGrad.java"));
    assertEquals(GoldenTest.generate(GoldenTest.GATES_SOURCE), theirs);
  }

  /** A javac from a JDK other than the one running the tests, or null. */
  private static Path otherJavac() throws IOException {
    String named = System.getProperty("jgrad.otherJdk");
    if (named != null && !named.isEmpty()) {
      return Path.of(named, "bin", "javac");
    }
    Path home = Path.of(System.getProperty("java.home")).toRealPath();
    Path jvms = Path.of(File.separator, "usr", "lib", "jvm");
    if (!Files.isDirectory(jvms)) {
      return null;
    }
    int running = Runtime.version().feature();
    try (Stream<Path> jdks = Files.list(jvms)) {
      for (Path jdk : (Iterable<Path>) jdks.sorted()::iterator) {
        Path javac = jdk.resolve("bin/javac");
        if (!Files.isExecutable(javac) || jdk.toRealPath().equals(home)) {
          continue;
        }
        boolean other = running == 17 ? jdk.toString().contains("25")
            : jdk.toString().contains("17");
        if (other) {
          return javac;
        }
      }
    }
    return null;
  }
}
