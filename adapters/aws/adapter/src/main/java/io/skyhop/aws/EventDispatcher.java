package io.skyhop.aws;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.skyhop.api.Context;
import io.skyhop.core.BoundFunction;
import io.skyhop.core.FunctionFailedException;
import io.skyhop.core.Json;
import java.nio.charset.StandardCharsets;

/**
 * Tells an event's family from its shape and hands it to that family's mapper. Events of a family
 * the function's trigger does not take fail with {@link WrongEventException}; anything that is not
 * an AWS event shape is a direct invocation.
 */
final class EventDispatcher {
  private final BoundFunction function;
  private final String triggerType;
  private final HttpInvoker http;
  private final SqsMapper sqs;
  private final S3Mapper s3;
  private final ScheduleMapper schedule;

  /**
   * Prepares only the mapper of the function's trigger type: classes of other families are never
   * loaded (this code runs on every cold start).
   */
  EventDispatcher(BoundFunction function, Json json) {
    this.function = function;
    this.triggerType = function.def().trigger().type();
    this.http = triggerType.equals("http") ? new HttpInvoker(function, json) : null;
    this.sqs = triggerType.equals("queue") ? new SqsMapper(function, json) : null;
    this.s3 = triggerType.equals("storage") ? new S3Mapper(function, json) : null;
    this.schedule = triggerType.equals("schedule") ? new ScheduleMapper(function, json) : null;
  }

  /**
   * Serves one event.
   *
   * @return the response payload
   * @throws FunctionFailedException when the function threw and the event family has no way to
   *     answer with a failure (schedule, storage, direct invocation)
   */
  byte[] dispatch(byte[] payload, Context context) throws FunctionFailedException {
    JsonElement event = parse(payload);
    EventKind kind = EventKind.of(event);
    if (kind == EventKind.DIRECT) {
      return function.invokeDirect(payload, context);
    }
    if (!triggerType.equals(kind.triggerType())) {
      throw new WrongEventException(function.name(), triggerType, kind.description());
    }
    JsonObject o = event.getAsJsonObject();
    return switch (kind) {
      case API_GATEWAY_V1 -> http.invoke(new RestApiMapper(), o, context);
      case HTTP_API_V2 -> http.invoke(new HttpApiMapper(), o, context);
      case ALB -> http.invoke(new AlbMapper(), o, context);
      case SQS -> sqs.invoke(o, context);
      case S3 -> s3.invoke(o, context);
      case SCHEDULE -> schedule.invoke(o, context);
      case OTHER_EVENTBRIDGE, DIRECT -> throw new IllegalStateException(kind.name());
    };
  }

  private static JsonElement parse(byte[] payload) {
    try {
      return JsonParser.parseString(new String(payload, StandardCharsets.UTF_8));
    } catch (JsonParseException notJson) {
      return null;
    }
  }
}
