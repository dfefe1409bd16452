package dev.jgrad.processor.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Loads the class files of one in-memory compilation: the user's classes and the generated ones.
 *
 * <p>Its parent is the test's own loader, so the generated code and the test share one copy of
 * {@code dev.jgrad.runtime} and a generated record can be cast to {@code Gradient} in the test.
 */
final class MemoryClassLoader extends ClassLoader {
  /** Where compile-testing keeps class output: {@code mem:///CLASS_OUTPUT/pkg/Foo.class}. */
  private static final String OUTPUT = "/CLASS_OUTPUT/";

  private final Map<String, byte[]> classes = new HashMap<>();

  MemoryClassLoader(Iterable<JavaFileObject> files, ClassLoader parent) {
    super(parent);
    for (JavaFileObject file : files) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        classes.put(binaryName(file), bytes(file));
      }
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] code = classes.get(name);
    if (code == null) {
      throw new ClassNotFoundException(name + " is not among the compiled classes "
          + classes.keySet());
    }
    return defineClass(name, code, 0, code.length);
  }

  private static String binaryName(JavaFileObject file) {
    String path = file.toUri().getPath();
    int at = path.indexOf(OUTPUT);
    if (at < 0 || !path.endsWith(".class")) {
      throw new IllegalStateException("unexpected class file location " + file.toUri());
    }
    return path.substring(at + OUTPUT.length(), path.length() - ".class".length())
        .replace('/', '.');
  }

  private static byte[] bytes(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
