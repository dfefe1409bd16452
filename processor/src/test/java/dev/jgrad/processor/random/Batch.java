package dev.jgrad.processor.random;

import com.google.testing.compile.Compilation;
import dev.jgrad.processor.testing.Compilations;
import dev.jgrad.processor.testing.Compiled;
import dev.jgrad.processor.testing.InMemory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles many generated programs, each with its oracle, in one javac run with the jgrad
 * processor: starting javac is the slow part. A program whose compilation fails is taken out
 * with the reason and the rest compiled again, so one fault does not hide the others.
 */
final class Batch {
  /** A program under a class name of its own. */
  record Unit(String className, Program program) {}

  /**
   * The outcome for a set of units.
   *
   * @param compiled one loaded compilation per unit that compiled (units share them)
   * @param broken the failure of each unit that did not
   */
  record Result(Map<String, Compiled> compiled, Map<String, Failure> broken) {}

  private static final Pattern ID = Pattern.compile("\\[(JG\\d{3})\\]");

  private Batch() {}

  static Result compile(List<Unit> units) {
    Map<String, Compiled> compiled = new LinkedHashMap<>();
    Map<String, Failure> broken = new LinkedHashMap<>();
    compile(units, compiled, broken);
    return new Result(compiled, broken);
  }

  private static void compile(List<Unit> units, Map<String, Compiled> compiled,
      Map<String, Failure> broken) {
    List<Unit> remaining = new ArrayList<>(units);
    while (!remaining.isEmpty()) {
      Compilation c;
      try {
        long t0 = System.nanoTime();
        c = InMemory.compiler().compile(sources(remaining));
        if (Boolean.getBoolean("jgrad.random.timing")) {
          System.out.printf("javac: %d programs in %.2f s on %s%n", remaining.size(),
              (System.nanoTime() - t0) / 1e9, Thread.currentThread().getName());
        }
      } catch (RuntimeException e) {
        // The processor or javac threw: find the program by compiling each alone.
        if (remaining.size() == 1) {
          broken.put(remaining.get(0).className(),
              new Failure(Failure.Kind.CRASH, "compiler", "javac or the processor threw: "
                  + e + (e.getCause() == null ? "" : "\n  caused by " + e.getCause())));
          return;
        }
        for (Unit u : remaining) {
          compile(List.of(u), compiled, broken);
        }
        return;
      }
      if (c.status() == Compilation.Status.SUCCESS) {
        Compiled loaded = Compilations.load(c);
        for (Unit u : remaining) {
          compiled.put(u.className(), loaded);
        }
        return;
      }
      Map<String, Failure> failed = attribute(remaining, c);
      if (failed.isEmpty()) {
        if (remaining.size() == 1) {
          broken.put(remaining.get(0).className(), new Failure(Failure.Kind.HARNESS,
              "unattributed", InMemory.diagnostics(c).toString()));
          return;
        }
        for (Unit u : remaining) {
          compile(List.of(u), compiled, broken);
        }
        return;
      }
      broken.putAll(failed);
      remaining.removeIf(u -> failed.containsKey(u.className()));
    }
  }

  private static List<JavaFileObject> sources(List<Unit> units) {
    List<JavaFileObject> out = new ArrayList<>();
    for (Unit u : units) {
      out.add(InMemory.source(JavaText.PACKAGE + "." + u.className(),
          JavaText.unit(u.className(), u.program())));
      out.add(InMemory.source(JavaText.PACKAGE + "." + oracleName(u.className()),
          OracleText.unit(oracleName(u.className()), u.program())));
    }
    return out;
  }

  static String oracleName(String className) {
    return className + "Oracle";
  }

  /** The units that errors or warnings point into, each with its classified failure. */
  private static Map<String, Failure> attribute(List<Unit> units, Compilation c) {
    Set<String> names = new LinkedHashSet<>();
    for (Unit u : units) {
      names.add(u.className());
    }
    Map<String, List<Diagnostic<? extends JavaFileObject>>> byUnit = new LinkedHashMap<>();
    List<Diagnostic<? extends JavaFileObject>> all = new ArrayList<>(c.errors());
    all.addAll(c.warnings());
    for (Diagnostic<? extends JavaFileObject> d : all) {
      if (d.getSource() == null) {
        continue;
      }
      String file = simpleName(d.getSource().getName());
      for (String suffix : new String[] {"Grad", "Oracle", ""}) {
        if (file.endsWith(suffix)) {
          String unit = file.substring(0, file.length() - suffix.length());
          if (names.contains(unit)) {
            byUnit.computeIfAbsent(unit, k -> new ArrayList<>()).add(d);
            break;
          }
        }
      }
    }
    Map<String, Failure> out = new LinkedHashMap<>();
    byUnit.forEach((unit, diagnostics) -> out.put(unit, classify(unit, diagnostics)));
    return out;
  }

  private static Failure classify(String unit, List<Diagnostic<? extends JavaFileObject>> ds) {
    StringBuilder text = new StringBuilder();
    String id = null;
    JavaFileObject generated = null;
    boolean inOracle = false;
    for (Diagnostic<? extends JavaFileObject> d : ds) {
      String message = d.getMessage(Locale.ROOT);
      String file = simpleName(d.getSource().getName());
      text.append(d.getKind()).append(' ').append(file).append(':').append(d.getLineNumber())
          .append(": ").append(message).append('\n');
      Matcher m = ID.matcher(message);
      if (id == null && m.find()) {
        id = m.group(1);
      }
      if (file.equals(unit + "Grad")) {
        generated = d.getSource();
      }
      inOracle |= file.equals(oracleName(unit));
    }
    if (id != null) {
      return new Failure(Failure.Kind.REFUSED, id, text.toString());
    }
    if (generated != null) {
      // compile-testing hands out generated files only after a successful compilation; the
      // diagnostic still holds the file.
      return new Failure(Failure.Kind.GENERATED_INVALID, "", text + numbered(generated));
    }
    return new Failure(Failure.Kind.HARNESS, inOracle ? "oracle text" : "plain text",
        text.toString());
  }

  private static String numbered(JavaFileObject file) {
    try {
      String[] lines = file.getCharContent(true).toString().split("\n", -1);
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < lines.length; i++) {
        out.append(String.format(Locale.ROOT, "%4d  %s%n", i + 1, lines[i]));
      }
      return out.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String simpleName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.endsWith(".java") ? name.substring(0, name.length() - 5) : name;
  }
}
