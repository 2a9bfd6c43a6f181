package io.skyhop.runtime.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes that survive a {@code kill -9} or a power cut and are never seen half-done: the content
 * goes to a temporary file next to the target, which is synced, then renamed over the target, and
 * the directory is synced. A reader sees the old file or the new one, whole.
 */
public final class DurableFiles {
  private DurableFiles() {}

  /** Replaces {@code target} with {@code content}, durably. */
  public static void write(Path target, byte[] content) throws IOException {
    Path tmp = tmp(target);
    try (FileChannel channel = create(tmp)) {
      ByteBuffer bytes = ByteBuffer.wrap(content);
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(true);
    }
    commit(tmp, target);
  }

  /** Replaces {@code target} with a copy of {@code source}, durably. */
  public static void copy(Path source, Path target) throws IOException {
    try (InputStream in = Files.newInputStream(source)) {
      write(target, in, Long.MAX_VALUE);
    }
  }

  /**
   * Replaces {@code target} with what {@code in} holds, durably.
   *
   * @return the number of bytes written
   * @throws TooLargeException when {@code in} holds more than {@code limit} bytes (the target is
   *     then unchanged)
   */
  public static long write(Path target, InputStream in, long limit) throws IOException {
    Path tmp = tmp(target);
    long total = 0;
    try (FileChannel channel = create(tmp)) {
      byte[] buffer = new byte[65536];
      int n;
      while ((n = in.read(buffer)) > 0) {
        total += n;
        if (total > limit) {
          throw new TooLargeException(limit);
        }
        ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
      }
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    commit(tmp, target);
    return total;
  }

  /** Deletes {@code file} durably (the directory is synced); whether it existed. */
  public static boolean delete(Path file) throws IOException {
    boolean existed = Files.deleteIfExists(file);
    if (existed) {
      syncDirectory(file.toAbsolutePath().getParent());
    }
    return existed;
  }

  /** Syncs a directory, so renames and deletions in it are on disk. */
  public static void syncDirectory(Path dir) throws IOException {
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    }
  }

  private static Path tmp(Path target) {
    return target.resolveSibling(target.getFileName() + ".tmp");
  }

  private static FileChannel create(Path tmp) throws IOException {
    return FileChannel.open(
        tmp,
        StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE);
  }

  private static void commit(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    syncDirectory(target.toAbsolutePath().getParent());
  }

  /** More bytes than the limit. */
  public static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The limit that was passed. */
    public final long limit;

    TooLargeException(long limit) {
      super("more than " + limit + " bytes");
      this.limit = limit;
    }
  }
}
