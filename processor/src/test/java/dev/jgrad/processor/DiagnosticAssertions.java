package dev.jgrad.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles small sources with {@link JgradProcessor} and checks where its errors land.
 *
 * <p>Expected lines are found by a marker comment in the source (such as {@code // <- here}),
 * never by number, so that editing a test source cannot silently shift what is checked. Every
 * check also refuses an internal error (JG900), errors that are not jgrad's (which would mean
 * the test source itself is not valid Java, so the test would prove nothing), and errors
 * reported inside generated code.
 */
final class DiagnosticAssertions {
  /** The default marker for the line an error must point at. */
  static final String HERE = "// <- here";

  private static final Pattern ID = Pattern.compile("^\\[(JG\\d{3})\\] ");
  private static final Pattern REPEATED_WORD =
      Pattern.compile("\\b(\\w+) \\1\\b", Pattern.CASE_INSENSITIVE);

  private DiagnosticAssertions() {}

  /** A source file named by its class, from a text block. */
  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /** A compilation, and the sources jgrad wrote while running it. */
  record Outcome(Compilation compilation, Set<String> generated) {}

  /**
   * Compiles with jgrad through Compile Testing, whose diagnostics the tests check, and once
   * more with the JDK's compiler writing into a temporary directory, to learn which sources
   * jgrad wrote. The second run is needed because Compile Testing hides generated files when a
   * compilation fails, and javac stops before compiling them once any error is reported; a
   * failing compilation is exactly where the tests must see which classes got code.
   */
  static Outcome compile(JavaFileObject... files) {
    Compilation c = Compiler.javac().withProcessors(new JgradProcessor()).compile(files);
    return new Outcome(c, writtenSources(files));
  }

  private static Set<String> writtenSources(JavaFileObject... files) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path dir = null;
    try {
      dir = Files.createTempDirectory("jgrad-diagnostics");
      Path sources = Files.createDirectory(dir.resolve("sources"));
      Path classes = Files.createDirectory(dir.resolve("classes"));
      try (StandardJavaFileManager fm =
          javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
        fm.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(sources));
        fm.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
        // Diagnostics are collected only to keep them off stderr; the first run checks them.
        DiagnosticCollector<JavaFileObject> ignored = new DiagnosticCollector<>();
        JavaCompiler.CompilationTask task =
            javac.getTask(null, fm, ignored, List.of(), null, List.of(files));
        task.setProcessors(List.of(new JgradProcessor()));
        task.call();
      }
      Set<String> names = new TreeSet<>();
      try (Stream<Path> walk = Files.walk(sources)) {
        walk.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
          String relative = sources.relativize(f).toString();
          names.add(relative.substring(0, relative.length() - ".java".length())
              .replace(File.separatorChar, '.'));
        });
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // Only a temporary directory is left behind; the test's verdict does not depend on it.
    }
  }

  /**
   * The common case: {@code pkg.Foo} fails with an error {@code id} on the line marked
   * {@link #HERE}, whose message contains every keyword, and no {@code pkg.FooGrad} is written.
   * Returns the outcome for further checks.
   */
  static Outcome expectError(String id, String text, String... keywords) {
    JavaFileObject file = source("pkg.Foo", text);
    Outcome o = compile(file);
    assertFailedCleanly(o.compilation());
    assertNoGenerated(o, "pkg.FooGrad");
    assertErrorAt(o.compilation(), file, HERE, id, keywords);
    return o;
  }

  /**
   * Asserts that the compilation failed, and only with jgrad's own errors, none of them
   * internal, none of them inside generated code.
   */
  static void assertFailedCleanly(Compilation c) {
    assertEquals(Compilation.Status.FAILURE, c.status(),
        "the compilation should fail\n" + describe(c));
    assertNoInternalError(c);
    for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
      assertTrue(d.getSource() == null || !name(d.getSource()).endsWith("Grad.java"),
          "an error inside generated code means jgrad wrote code that does not compile:\n  "
              + format(d) + "\n" + describe(c));
      assertTrue(ID.matcher(message(d)).find(),
          "every error should be jgrad's, with an id; this one is not:\n  " + format(d)
              + "\n" + describe(c));
    }
  }

  /**
   * For code jgrad may either support or refuse: if the compilation fails, it must fail only
   * with jgrad's own errors, never inside generated code and never internally.
   */
  static void assertRefusedCleanlyOrCompiled(Outcome o) {
    if (o.compilation().status() == Compilation.Status.FAILURE) {
      assertFailedCleanly(o.compilation());
    }
    assertNoInternalError(o.compilation());
  }

  /**
   * Asserts that some jgrad error, whatever its id, points at the line holding {@code marker}:
   * for constructs that must be refused but that no message is specific to yet.
   */
  static void assertSomeErrorAt(Compilation c, JavaFileObject file, String marker) {
    long line = lineOf(file, marker);
    for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
      if (ID.matcher(message(d)).find() && d.getSource() != null
          && name(d.getSource()).equals(name(file)) && d.getLineNumber() == line) {
        return;
      }
    }
    fail("no jgrad error on line " + line + " (" + marker + ")\n" + describe(c));
  }

  /** No diagnostic of any kind is JG900: an internal error is always a jgrad bug. */
  static void assertNoInternalError(Compilation c) {
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      assertTrue(!message(d).contains("JG900"), "internal error reported:\n  " + format(d));
    }
  }

  static void assertNoGenerated(Outcome o, String qualifiedName) {
    assertTrue(!o.generated().contains(qualifiedName),
        qualifiedName + " should not be generated for a class with errors");
  }

  static void assertGenerated(Outcome o, String qualifiedName) {
    assertTrue(o.generated().contains(qualifiedName),
        qualifiedName + " should be generated; generated: " + o.generated() + "\n"
            + describe(o.compilation()));
  }

  /**
   * Asserts that an error {@code id} points at the only line of {@code file} holding
   * {@code marker} and that its message contains each keyword; returns that error.
   */
  static Diagnostic<? extends JavaFileObject> assertErrorAt(Compilation c, JavaFileObject file,
      String marker, String id, String... keywords) {
    long line = lineOf(file, marker);
    List<Diagnostic<? extends JavaFileObject>> withId = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
      if (message(d).startsWith("[" + id + "] ")) {
        withId.add(d);
      }
    }
    if (withId.isEmpty()) {
      fail("no error " + id + " was reported; expected one on line " + line + " ("
          + marker + ")\n" + describe(c));
    }
    List<Diagnostic<? extends JavaFileObject>> onLine = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : withId) {
      if (d.getSource() != null && name(d.getSource()).equals(name(file))
          && d.getLineNumber() == line) {
        onLine.add(d);
      }
    }
    if (onLine.isEmpty()) {
      fail(id + " was reported, but not on line " + line + " (" + marker + ") of "
          + name(file) + "\n" + describe(c));
    }
    // Several errors with the id may share the line; one of them must name the construct.
    Diagnostic<? extends JavaFileObject> found = null;
    for (Diagnostic<? extends JavaFileObject> d : onLine) {
      if (found == null && containsAll(message(d), keywords)) {
        found = d;
      }
    }
    if (found == null) {
      fail("no " + id + " message on line " + line + " names the construct with all of "
          + List.of(keywords) + "\n" + describe(c));
    }
    String message = message(found);
    // javac prints a message as given: a line break (say from a comment inside quoted source)
    // splits it and pushes the caret line away from the message.
    assertTrue(!message.contains("\n"), "the " + id + " message spans lines:\n  " + message);
    // A doubled word is the usual sign of a template filled with the wrong arguments.
    Matcher repeated = REPEATED_WORD.matcher(message);
    if (repeated.find()) {
      fail("the " + id + " message repeats a word ('" + repeated.group() + "'):\n  " + message);
    }
    if (Boolean.getBoolean("jgrad.showDiagnostics")) {
      // Lets a person read the exact texts without a debugger; off by default to keep logs calm.
      System.out.println("diagnostic " + format(found));
    }
    return found;
  }

  /** Asserts that no error has the given id (for follow-on errors that should not appear). */
  static void assertNoErrorWithId(Compilation c, String id, String why) {
    for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
      assertTrue(!message(d).startsWith("[" + id + "] "), why + ":\n  " + format(d));
    }
  }

  private static boolean containsAll(String message, String... keywords) {
    for (String k : keywords) {
      if (!message.contains(k)) {
        return false;
      }
    }
    return true;
  }

  /** Asserts that no error message contains {@code text} (a follow-on that should not appear). */
  static void assertNoErrorContaining(Compilation c, String text, String why) {
    for (Diagnostic<? extends JavaFileObject> d : c.errors()) {
      assertTrue(!message(d).contains(text), why + ":\n  " + format(d));
    }
  }

  /** The 1-based number of the single line holding {@code marker}. */
  static long lineOf(JavaFileObject file, String marker) {
    String[] lines = content(file).split("\n", -1);
    long at = -1;
    for (int k = 0; k < lines.length; k++) {
      if (lines[k].contains(marker)) {
        assertEquals(-1, at, "marker '" + marker + "' appears twice in " + name(file));
        at = k + 1;
      }
    }
    assertTrue(at > 0, "marker '" + marker + "' not found in " + name(file));
    return at;
  }

  /** All diagnostics, one a line, for failure messages. */
  static String describe(Compilation c) {
    StringBuilder b = new StringBuilder("diagnostics:");
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      b.append("\n  ").append(format(d));
    }
    return b.toString();
  }

  private static String format(Diagnostic<? extends JavaFileObject> d) {
    String where = d.getSource() == null ? "(no file)" : name(d.getSource());
    return d.getKind() + " " + where + ":" + d.getLineNumber() + ": " + message(d);
  }

  private static String message(Diagnostic<? extends JavaFileObject> d) {
    return d.getMessage(Locale.ROOT);
  }

  private static String name(JavaFileObject f) {
    String path = f.toUri().getPath();
    return path == null ? f.getName() : path.substring(path.lastIndexOf('/') + 1);
  }

  private static String content(JavaFileObject f) {
    try {
      return f.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
