package dev.jgrad.processor.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One entry of the hard-case collection {@code /cases/cases.json} on the test classpath (see
 * {@code NOTICE.md} beside it for the fields).
 *
 * @param id a short name such as {@code B02}, used as the class name of the case's source
 * @param kind the kind of fault the case probes
 * @param java the {@code @Differentiable} static methods, without a class around them
 * @param method the entry method
 * @param args the inputs by parameter name, numbers, booleans and (nested) lists
 * @param expectedValue what the plain method returns on {@code args}
 * @param expectedGrad the gradient by parameter name, shaped like the parameter
 * @param note what counts as right, and anything particular to the case
 */
public record HardCase(
    String id,
    String kind,
    String java,
    String method,
    JsonObject args,
    double expectedValue,
    JsonObject expectedGrad,
    String note) {

  /** The package of every case's class; the class itself is named after the case's id. */
  public static final String PACKAGE = "hardcases";

  /** Compilations by case id, shared by every test of a case: compiling is the slow part. */
  private static final Map<String, Compiled> COMPILED = new ConcurrentHashMap<>();

  /** Reads every case, in file order, from the classpath resource {@code /cases/cases.json}. */
  public static List<HardCase> load() {
    try (InputStream in = HardCase.class.getResourceAsStream("/cases/cases.json")) {
      if (in == null) {
        throw new IllegalStateException("cases/cases.json is not on the test classpath");
      }
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
      List<HardCase> cases = new ArrayList<>();
      for (JsonElement e : JsonParser.parseReader(reader).getAsJsonArray()) {
        cases.add(of(e.getAsJsonObject()));
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HardCase of(JsonObject o) {
    JsonObject expected = o.getAsJsonObject("expected");
    return new HardCase(
        o.get("id").getAsString(),
        o.get("kind").getAsString(),
        o.get("java").getAsString(),
        o.get("method").getAsString(),
        o.getAsJsonObject("args"),
        expected.get("value").getAsDouble(),
        expected.getAsJsonObject("grad"),
        o.has("tolerance_note") ? o.get("tolerance_note").getAsString() : "");
  }

  /**
   * The entry method, compiled with the processor (once per case and test run).
   *
   * @throws AssertionError if the case does not compile
   */
  public Differentiated compile() {
    Compiled compiled = COMPILED.computeIfAbsent(id,
        k -> InMemory.compile(InMemory.source(className(), source())));
    return compiled.method(className(), method);
  }

  /** The case's arguments for {@code f}, in parameter order. */
  public Object[] arguments(Differentiated f) {
    return JsonArgs.arguments(args, f);
  }

  /** The parameters that have an expected gradient, in declaration order. */
  public List<String> wrt(Differentiated f) {
    List<String> names = new ArrayList<>(f.parameterNames());
    names.retainAll(expectedGrad.keySet());
    return names;
  }

  /** The expected gradient for {@code parameter}: a Double or an array of its shape. */
  public Object expectedGradient(Differentiated f, String parameter) {
    int index = f.parameterNames().indexOf(parameter);
    return JsonArgs.convert(expectedGrad.get(parameter),
        f.plainMethod().getParameterTypes()[index], "d" + parameter);
  }

  /** The qualified name of the class that holds the case's methods. */
  public String className() {
    return PACKAGE + "." + id;
  }

  /** A compilation unit that puts the case's methods into a class of their own. */
  public String source() {
    return "package " + PACKAGE + ";\n\n"
        + "import dev.jgrad.Differentiable;\n\n"
        + "final class " + id + " {\n"
        + "  private " + id + "() {}\n\n"
        + java.strip().indent(2)
        + "}\n";
  }
}
