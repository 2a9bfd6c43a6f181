package io.skyhop.gcp;

import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.SpecVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Set;

/** A CloudEvent as the invoker hands it over, with a JSON data payload. */
record FakeCloudEvent(String id, String type, String source, String subject, String json)
    implements CloudEvent {

  @Override
  public CloudEventData getData() {
    return json == null ? null : () -> json.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public SpecVersion getSpecVersion() {
    return SpecVersion.V1;
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public String getType() {
    return type;
  }

  @Override
  public URI getSource() {
    return URI.create(source);
  }

  @Override
  public String getDataContentType() {
    return "application/json";
  }

  @Override
  public URI getDataSchema() {
    return null;
  }

  @Override
  public String getSubject() {
    return subject;
  }

  @Override
  public OffsetDateTime getTime() {
    return OffsetDateTime.parse("2026-01-31T10:00:00Z");
  }

  @Override
  public Object getAttribute(String name) {
    return null;
  }

  @Override
  public Object getExtension(String name) {
    return null;
  }

  @Override
  public Set<String> getExtensionNames() {
    return Set.of();
  }
}
