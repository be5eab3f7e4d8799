package io.charmkit.schema.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;

/**
 * Checks a model's Jakarta Validation constraints with Hibernate Validator, reporting each
 * violation as a {@link Problem} whose path uses the databag's (JSON) names.
 *
 * <p>The validator is built on first use only: a hook that validates nothing pays nothing. It is
 * built quietly (Hibernate Validator would otherwise print its version banner to stderr through
 * java.util.logging) and with {@link ParameterMessageInterpolator}, so no Expression Language
 * implementation is needed, and with English messages whatever the machine's locale.
 */
public final class ModelValidator {

  /** Held so that java.util.logging cannot forget the level set on it. */
  private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate.validator");

  private ModelValidator() {}

  /**
   * Validates {@code model} and returns its problems, sorted by path; empty when it is valid.
   *
   * @param model the record to check
   * @return the problems found
   */
  public static List<Problem> validate(Object model) {
    Set<ConstraintViolation<Object>> violations = Holder.VALIDATOR.validate(model);
    // A record component's annotation can reach both its field and its accessor; a violation
    // found twice is still one problem.
    Set<Problem> problems = new LinkedHashSet<>();
    for (ConstraintViolation<Object> violation : violations) {
      problems.add(new Problem(path(violation.getPropertyPath()), violation.getMessage()));
    }
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Comparator.comparing(Problem::path).thenComparing(Problem::message));
    return sorted;
  }

  private static String path(Path path) {
    StringBuilder out = new StringBuilder();
    for (Path.Node node : path) {
      if (node.isInIterable()) {
        if (node.getIndex() != null) {
          out.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
          out.append('[').append(node.getKey()).append(']');
        }
      }
      String name = node.getName();
      boolean containerElement = node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT;
      if (name != null && !containerElement) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(name);
      }
    }
    return out.toString();
  }

  /** Returns the databag name of a Java property: its {@code @JsonProperty} value, if any. */
  static String wireName(Property property) {
    if (property instanceof JavaBeanProperty bean) {
      // @JsonProperty cannot target a record component, so Java keeps it on the field.
      try {
        Field field = bean.getDeclaringClass().getDeclaredField(property.getName());
        JsonProperty json = field.getAnnotation(JsonProperty.class);
        if (json != null && !json.value().isEmpty()) {
          return json.value();
        }
      } catch (NoSuchFieldException ignored) {
        // A property without a field of its name keeps its Java name.
      }
    }
    return property.getName();
  }

  /** Lazy holder: the factory is built when {@link #validate} is first called. */
  private static final class Holder {
    static final Validator VALIDATOR = build();

    private static Validator build() {
      quietenBootstrap();
      ValidatorFactory factory =
          Validation.byProvider(HibernateValidator.class)
              .configure()
              .locales(Locale.ENGLISH)
              .defaultLocale(Locale.ENGLISH)
              .messageInterpolator(
                  new ParameterMessageInterpolator(Set.of(Locale.ENGLISH), Locale.ENGLISH, false))
              .propertyNodeNameProvider(ModelValidator::wireName)
              .buildValidatorFactory();
      return factory.getValidator();
    }

    private static void quietenBootstrap() {
      // jboss-logging picks a backend by discovery. With an SLF4J provider present (a charm's
      // juju-log logging), Hibernate's messages go there. SLF4J without a provider would print
      // its own "no providers" warning on stderr, so then java.util.logging is used instead.
      if (System.getProperty("org.jboss.logging.provider") == null) {
        System.setProperty("org.jboss.logging.provider", slf4jProviderPresent() ? "slf4j" : "jdk");
      }
      // Whatever the backend, the INFO banner (HV000001) is noise in a hook's output.
      if (HIBERNATE_LOG.getLevel() == null) {
        HIBERNATE_LOG.setLevel(Level.WARNING);
      }
    }

    private static boolean slf4jProviderPresent() {
      ClassLoader loader = ModelValidator.class.getClassLoader();
      try {
        Class<?> spi = Class.forName("org.slf4j.spi.SLF4JServiceProvider", false, loader);
        return ServiceLoader.load(spi, loader).findFirst().isPresent();
      } catch (ClassNotFoundException | ServiceConfigurationError ignored) {
        return false;
      }
    }
  }
}
