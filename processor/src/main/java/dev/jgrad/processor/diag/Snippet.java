package dev.jgrad.processor.diag;

import com.github.javaparser.ast.Node;
import com.github.javaparser.printer.DefaultPrettyPrinter;
import com.github.javaparser.printer.configuration.DefaultConfigurationOption;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration.ConfigOption;

/**
 * Source text for a message: the construct without its comments, on one line, and short enough
 * to read.
 */
public final class Snippet {
  private static final int LIMIT = 60;

  private Snippet() {}

  public static String of(Node node) {
    DefaultPrinterConfiguration config = new DefaultPrinterConfiguration();
    config.removeOption(new DefaultConfigurationOption(ConfigOption.PRINT_COMMENTS));
    config.removeOption(new DefaultConfigurationOption(ConfigOption.PRINT_JAVADOC));
    String text = new DefaultPrettyPrinter(config).print(node).replaceAll("\\s+", " ").trim();
    return text.length() > LIMIT ? text.substring(0, LIMIT - 3) + "..." : text;
  }
}
