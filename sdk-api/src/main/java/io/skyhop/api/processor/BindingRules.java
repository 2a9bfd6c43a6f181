package io.skyhop.api.processor;

import io.skyhop.api.HttpTrigger;
import io.skyhop.api.QueueTrigger;
import io.skyhop.api.ScheduleTrigger;
import io.skyhop.api.StorageTrigger;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The rules for parameters and results: at most one payload parameter of a kind the trigger
 * supports, at most one {@code Context}, and a result kind the trigger supports.
 */
final class BindingRules {
  /** How a function's parameters and result bind, as written to the index. */
  record Binding(
      List<String> parameterTypes,
      int payloadIndex,
      String payloadKind,
      int contextIndex,
      String returnKind) {}

  private static final String API = "io.skyhop.api.";

  private final ProcessingEnvironment env;

  BindingRules(ProcessingEnvironment env) {
    this.env = env;
  }

  Binding check(ExecutableElement method, Annotation trigger, List<String> errors) {
    List<String> types = new ArrayList<>();
    int payloadIndex = -1;
    int contextIndex = -1;
    String payloadKind = null;
    List<? extends VariableElement> params = method.getParameters();
    for (int i = 0; i < params.size(); i++) {
      TypeMirror type = params.get(i).asType();
      types.add(binaryName(type));
      String kind = kindOf(type);
      if ("CONTEXT".equals(kind)) {
        if (contextIndex >= 0) {
          errors.add("declares two Context parameters. Fix: keep one");
        }
        contextIndex = i;
        continue;
      }
      if (payloadIndex >= 0) {
        errors.add(
            "has two payload parameters ("
                + params.get(payloadIndex).getSimpleName()
                + ", "
                + params.get(i).getSimpleName()
                + "); a function takes at most one payload plus an optional Context. Fix: wrap"
                + " the values in one class read from the payload");
        continue;
      }
      payloadIndex = i;
      payloadKind = kind;
      String allowed = allowedPayloads(trigger);
      if (kind == null || !allowed.contains("," + kind + ",")) {
        errors.add(
            "parameter '"
                + params.get(i).getSimpleName()
                + "' of type "
                + type
                + " cannot carry the payload of @"
                + trigger.annotationType().getSimpleName()
                + ". Fix: use "
                + describe(trigger));
      }
    }
    String returnKind = returnKind(method.getReturnType());
    if (returnKind == null) {
      errors.add(
          "returns "
              + method.getReturnType()
              + ", which cannot be sent back. Fix: return void, String, byte[], a POJO (written as"
              + " JSON) or, for HTTP functions, HttpResponse");
    } else if ("HTTP_RESPONSE".equals(returnKind) && !(trigger instanceof HttpTrigger)) {
      errors.add(
          "returns HttpResponse but is not an HTTP function. Fix: return void, String, byte[] or"
              + " a POJO");
    }
    return new Binding(types, payloadIndex, payloadKind, contextIndex, returnKind);
  }

  private static String allowedPayloads(Annotation trigger) {
    if (trigger instanceof HttpTrigger) {
      return ",HTTP_REQUEST,STRING,BYTES,JSON,";
    }
    if (trigger instanceof ScheduleTrigger) {
      return ",SCHEDULED_EVENT,";
    }
    if (trigger instanceof QueueTrigger) {
      return ",QUEUE_MESSAGE,QUEUE_MESSAGE_LIST,STRING,BYTES,JSON,";
    }
    if (trigger instanceof StorageTrigger) {
      return ",STORAGE_EVENT,";
    }
    throw new IllegalArgumentException(trigger.toString());
  }

  private static String describe(Annotation trigger) {
    if (trigger instanceof HttpTrigger) {
      return "HttpRequest, String, byte[] or a POJO read from the JSON body";
    }
    if (trigger instanceof ScheduleTrigger) {
      return "ScheduledEvent, or no payload parameter";
    }
    if (trigger instanceof QueueTrigger) {
      return "QueueMessage, List<QueueMessage>, String, byte[] or a POJO read from the JSON body";
    }
    return "StorageEvent, or no payload parameter";
  }

  /** The binding kind of a parameter type; null for types that can never be a payload. */
  private String kindOf(TypeMirror type) {
    if (type.getKind() == TypeKind.ARRAY) {
      return ((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE ? "BYTES" : "JSON";
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return type.getKind().isPrimitive() ? "JSON" : null;
    }
    String name = erasedName(type);
    switch (name) {
      case API + "Context":
        return "CONTEXT";
      case API + "HttpRequest":
        return "HTTP_REQUEST";
      case API + "ScheduledEvent":
        return "SCHEDULED_EVENT";
      case API + "QueueMessage":
        return "QUEUE_MESSAGE";
      case API + "StorageEvent":
        return "STORAGE_EVENT";
      case "java.lang.String":
        return "STRING";
      case "java.util.List":
        List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
        if (args.size() == 1 && erasedName(args.get(0)).equals(API + "QueueMessage")) {
          return "QUEUE_MESSAGE_LIST";
        }
        return "JSON";
      default:
        return name.startsWith(API) ? null : "JSON";
    }
  }

  private String returnKind(TypeMirror type) {
    if (type.getKind() == TypeKind.VOID) {
      return "VOID";
    }
    String kind = kindOf(type);
    if (type.getKind() == TypeKind.DECLARED && erasedName(type).equals(API + "HttpResponse")) {
      return "HTTP_RESPONSE";
    }
    if (kind == null || kind.equals("CONTEXT") || kind.equals("HTTP_REQUEST")) {
      return null;
    }
    return switch (kind) {
      case "STRING", "BYTES" -> kind;
      default -> "JSON";
    };
  }

  private String erasedName(TypeMirror type) {
    TypeMirror erased = env.getTypeUtils().erasure(type);
    if (erased.getKind() == TypeKind.DECLARED) {
      TypeElement element = (TypeElement) ((DeclaredType) erased).asElement();
      return element.getQualifiedName().toString();
    }
    return erased.toString();
  }

  /** The name {@code Class.forName} (or the primitive table) resolves. */
  private String binaryName(TypeMirror type) {
    TypeMirror erased = env.getTypeUtils().erasure(type);
    switch (erased.getKind()) {
      case DECLARED:
        return env.getElementUtils()
            .getBinaryName((TypeElement) ((DeclaredType) erased).asElement())
            .toString();
      case ARRAY:
        return "[" + descriptor(((ArrayType) erased).getComponentType());
      default:
        return erased.toString();
    }
  }

  private String descriptor(TypeMirror type) {
    return switch (type.getKind()) {
      case BYTE -> "B";
      case BOOLEAN -> "Z";
      case CHAR -> "C";
      case SHORT -> "S";
      case INT -> "I";
      case LONG -> "J";
      case FLOAT -> "F";
      case DOUBLE -> "D";
      case ARRAY -> "[" + descriptor(((ArrayType) type).getComponentType());
      default -> "L" + binaryName(type) + ";";
    };
  }
}
