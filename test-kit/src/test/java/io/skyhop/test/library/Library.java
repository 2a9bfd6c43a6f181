package io.skyhop.test.library;

import io.skyhop.api.Context;
import io.skyhop.api.Function;
import io.skyhop.api.HttpMethod;
import io.skyhop.api.HttpRequest;
import io.skyhop.api.HttpResponse;
import io.skyhop.api.HttpStatusException;
import io.skyhop.api.HttpTrigger;
import io.skyhop.api.QueueMessage;
import io.skyhop.api.QueueTrigger;
import io.skyhop.api.ScheduleTrigger;
import io.skyhop.api.ScheduledEvent;
import io.skyhop.api.StorageEvent;
import io.skyhop.api.StorageTrigger;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A small library service with every trigger kind, to test the test kit against. */
public class Library {
  private final Map<String, Book> books = new ConcurrentHashMap<>();

  public Library() {
    books.put("111", new Book("111", "Dune", 2));
  }

  @Function(env = "GREETING=Welcome")
  @HttpTrigger(
      path = "/books/{isbn}",
      methods = {HttpMethod.GET})
  public Book get(HttpRequest request, Context context) {
    String isbn = request.pathParam("isbn");
    Book book = books.get(isbn);
    if (book == null) {
      throw new HttpStatusException(404, "No book " + isbn);
    }
    context.logger().info(context.env("GREETING").orElse("?") + " " + isbn);
    return book;
  }

  @Function(name = "add-book")
  @HttpTrigger(
      path = "/books",
      methods = {HttpMethod.POST})
  public HttpResponse add(Book book) {
    books.put(book.isbn(), book);
    return HttpResponse.status(201).header("Location", "/books/" + book.isbn()).body(book).build();
  }

  @Function
  @HttpTrigger(
      path = "/books/search",
      methods = {HttpMethod.GET})
  public List<Book> search(HttpRequest request) {
    List<String> words = request.queryParams("q");
    List<Book> found = new ArrayList<>();
    for (Book book : books.values()) {
      if (words.stream().allMatch(w -> book.title().toLowerCase().contains(w.toLowerCase()))) {
        found.add(book);
      }
    }
    return found;
  }

  @Function
  @HttpTrigger(path = "/crash")
  public String crash() {
    throw new IllegalStateException("the shelves collapsed");
  }

  @Function
  @ScheduleTrigger(cron = "30 2 * * *", timezone = "Europe/Berlin")
  public String inventory(ScheduledEvent event, Context context) {
    context.logger().info("inventory " + event.scheduledTime() + " " + event.timezone());
    return "counted " + books.size();
  }

  @Function
  @QueueTrigger(queue = "returns")
  public int onReturn(Book book, Context context) {
    if (book.copies() < 1) {
      throw new IllegalArgumentException("nothing returned for " + book.isbn());
    }
    context.logger().info("returned " + book.isbn() + " env=" + context.env("SHELF").orElse("-"));
    return book.copies();
  }

  @Function
  @QueueTrigger(queue = "audit")
  public void audit(QueueMessage message) throws IOException {
    if (message.bodyAsString().isBlank()) {
      throw new IOException("empty audit record " + message.id());
    }
  }

  @Function
  @StorageTrigger(bucket = "covers")
  public String onCover(StorageEvent event) {
    return event.key() + " " + event.size();
  }
}
