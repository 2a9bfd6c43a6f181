package io.skyhop.runtime.queue;

import io.skyhop.runtime.store.DurableFiles;
import io.skyhop.runtime.worker.Frames;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One queue on disk: a file per message under {@code ready/} (named by sequence number) and dead
 * letters under {@code dead/}. Every write goes to a temporary file that is synced and then renamed
 * into place, and the directory is synced: an acknowledged enqueue survives a {@code kill -9} or a
 * power cut, and a file is never seen half-written.
 */
final class QueueStore {
  private static final int MAGIC = 0x534B5951; // "SKYQ"
  private static final int VERSION = 1;
  private static final String SUFFIX = ".msg";

  private final Path ready;
  private final Path dead;

  QueueStore(Path dir) throws IOException {
    this.ready = Files.createDirectories(dir.resolve("ready"));
    this.dead = Files.createDirectories(dir.resolve("dead"));
  }

  /** Writes a new message durably. */
  void write(StoredMessage message, byte[] body) throws IOException {
    writeDurably(ready, message, body);
  }

  /** Rewrites a message's header (after a failed delivery), keeping its body. */
  void update(StoredMessage message) throws IOException {
    writeDurably(ready, message, body(message));
  }

  /** The body of a ready message. */
  byte[] body(StoredMessage message) throws IOException {
    return read(file(ready, message.seq())).body;
  }

  /** Removes a delivered message. */
  void delete(StoredMessage message) throws IOException {
    Files.deleteIfExists(file(ready, message.seq()));
  }

  /** Moves a message to the dead letters, with its last failure. */
  void deadLetter(StoredMessage message) throws IOException {
    writeDurably(dead, message, body(message));
    Files.deleteIfExists(file(ready, message.seq()));
  }

  /** The ready messages on disk, in sequence order; leftover temporary files are removed. */
  List<StoredMessage> loadReady() throws IOException {
    return load(ready);
  }

  /** The dead letters, in sequence order. */
  List<StoredMessage> loadDead() throws IOException {
    return load(dead);
  }

  /** The body of a dead letter. */
  byte[] deadBody(StoredMessage message) throws IOException {
    return read(file(dead, message.seq())).body;
  }

  /** The highest sequence number used, or 0. */
  long maxSeq() throws IOException {
    long max = 0;
    for (Path dir : List.of(ready, dead)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          String name = f.getFileName().toString();
          if (name.endsWith(SUFFIX)) {
            max = Math.max(max, Long.parseLong(name.substring(0, name.length() - SUFFIX.length())));
          }
        }
      }
    }
    return max;
  }

  private List<StoredMessage> load(Path dir) throws IOException {
    List<StoredMessage> messages = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".tmp")) {
          Files.deleteIfExists(f);
        } else if (name.endsWith(SUFFIX)) {
          try {
            messages.add(read(f).message);
          } catch (IOException e) {
            Files.move(f, f.resolveSibling(name + ".corrupt"), StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
    return messages;
  }

  private static Path file(Path dir, long seq) {
    return dir.resolve(String.format("%019d", seq) + SUFFIX);
  }

  private static void writeDurably(Path dir, StoredMessage m, byte[] body) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(body.length + 256);
    DataOutputStream out = new DataOutputStream(buffer);
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeLong(m.seq());
    Frames.string(out, m.id());
    out.writeLong(m.enqueuedAt());
    out.writeInt(m.attempts());
    out.writeLong(m.notBefore());
    Frames.string(out, m.lastError());
    Frames.map(out, m.attributes());
    Frames.bytes(out, body);
    out.flush();
    DurableFiles.write(file(dir, m.seq()), buffer.toByteArray());
  }

  private record Read(StoredMessage message, byte[] body) {}

  private static Read read(Path file) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)));
    if (in.readInt() != MAGIC || in.readInt() != VERSION) {
      throw new IOException(file + " is not a queue message of this runtime");
    }
    StoredMessage m =
        new StoredMessage(
            in.readLong(),
            Frames.string(in),
            in.readLong(),
            in.readInt(),
            in.readLong(),
            Frames.string(in),
            Frames.map(in));
    return new Read(m, Frames.bytes(in));
  }
}
