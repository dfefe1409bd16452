package dev.jgrad.processor.reverse;

import com.palantir.javapoet.CodeBlock;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java identifiers that occur in generated code. Every generated local has a name unique in
 * its method, so a name that does not occur in a block is certainly not read there; one that
 * occurs may be (comments on lines of their own are skipped: they quote the user's source). The
 * split pair uses this to hand over only what the reverse sweep can read.
 */
final class Identifiers {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private Identifiers() {}

  static Set<String> in(CodeBlock code) {
    Set<String> out = new HashSet<>();
    for (String line : code.toString().split("\n")) {
      // Whole-line comments quote the user's statements; what they name is not read.
      if (line.strip().startsWith("//")) {
        continue;
      }
      Matcher m = IDENTIFIER.matcher(line);
      while (m.find()) {
        out.add(m.group());
      }
    }
    return out;
  }
}
