package dev.jgrad.processor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * One diagnostic of a compilation, with the text of the line it points at, so that a test can
 * assert both what was said and where.
 *
 * @param kind error, warning, note...
 * @param file the source's name, or "" for a diagnostic without a source
 * @param line 1-based, or -1 (javac's NOPOS) when it has no position
 * @param column 1-based, or -1 when it has no position
 * @param message the message in the root locale
 * @param sourceLine the text of that line without its line break, or "" when there is none
 */
public record Reported(
    Diagnostic.Kind kind, String file, long line, long column, String message,
    String sourceLine) {

  static Reported of(Diagnostic<? extends JavaFileObject> d) {
    JavaFileObject source = d.getSource();
    long line = d.getLineNumber();
    String text = source == null || line < 1 ? "" : lineOf(source, line);
    return new Reported(d.getKind(), source == null ? "" : source.getName(), line,
        d.getColumnNumber(), d.getMessage(Locale.ROOT), text);
  }

  private static String lineOf(JavaFileObject source, long line) {
    try {
      String[] lines = source.getCharContent(true).toString().split("\r\n|\r|\n", -1);
      return line <= lines.length ? lines[(int) line - 1] : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code ERROR Foo.java:12:5: message} and the source line below it, for failure messages. */
  @Override
  public String toString() {
    return kind + " " + file + ":" + line + ":" + column + ": " + message
        + (sourceLine.isEmpty() ? "" : "\n    " + sourceLine.strip());
  }
}
