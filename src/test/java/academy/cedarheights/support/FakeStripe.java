package academy.cedarheights.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import academy.cedarheights.billing.gateway.StripeGateway;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.ObjectMapper;

/**
 * Stripe at the wire, with a memory: customers and their cards, monthly prices, subscriptions that bill each month
 * as time passes, invoices drafted, finalized and paid (or declined by the test cards' rules), their payments and
 * refunds — answering the real {@code stripe-java} client in Stripe's JSON and sending the app signed webhook events
 * as Stripe does when a month's invoice is paid or fails. It keeps the book a school's ledger must agree with:
 * every charge (a paid invoice) and every refund. Time is the test's clock.
 */
public final class FakeStripe implements AutoCloseable {

    /** The card every charge succeeds on, the one every charge fails on, and the one that fails after its first. */
    /** The application's webhook secret in tests (application-test.properties). */
    public static final String WEBHOOK_SECRET = "whsec_test_secret_for_cedar_heights";
    public static final String GOOD_CARD = "pm_card_visa";
    public static final String DECLINED_CARD = "pm_card_chargeDeclined";
    public static final String DECLINES_AFTER_FIRST = "pm_card_declinesAfterFirst";

    /** One money movement at the provider: a paid invoice ({@code charge}) or a refund. */
    public record Movement(String kind, String id, String customer, long amount) {
    }

    private final HttpServer server;
    private final ExecutorService answering = Executors.newCachedThreadPool();
    private final Supplier<Instant> clock;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger ids = new AtomicInteger();
    private final String run = "fake" + java.util.UUID.randomUUID().toString().substring(0, 8) + "x";
    private final Map<String, Map<String, Object>> customers = new ConcurrentHashMap<>();
    private final Map<String, Long> prices = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> invoices = new ConcurrentHashMap<>();
    private final Map<String, Integer> charges = new ConcurrentHashMap<>();
    private final Map<String, String[]> idempotent = new ConcurrentHashMap<>();
    private final List<Movement> book = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile URI webhooks;
    private volatile String webhookSecret;
    private volatile Outage outage;
    private final List<Held> held = new java.util.concurrent.CopyOnWriteArrayList<>();

    public FakeStripe(Supplier<Instant> clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        // a thread per request: an answer held back (an outage's timeout, a call in flight) holds no other
        server.setExecutor(answering);
        server.start();
    }

    /**
     * A Stripe the application bills through from now on (the real client, the gateway switched to it), whose events
     * reach the application's webhook signed with the test secret; its clock is the application's moved one.
     */
    public static FakeStripe billing(Api api, SwitchableGateway gateway, MovableClock clock) throws IOException {
        FakeStripe stripe = new FakeStripe(clock::instant);
        stripe.sendEventsTo(api.uri("/api/v1/webhooks/stripe"), WEBHOOK_SECRET);
        gateway.use(new StripeGateway("sk_test_cedar_heights", stripe.baseUrl(), 0, 10_000));
        return stripe;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Where the app takes Stripe's events, and the secret it checks their signature with. */
    public void sendEventsTo(URI endpoint, String secret) {
        this.webhooks = endpoint;
        this.webhookSecret = secret;
    }

    /** A customer with a card on file, as Checkout in setup mode would leave it. */
    public String customerWithCard(String email, String card) {
        String id = next("cus");
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("email", email);
        customer.put("default_payment_method", card);
        customers.put(id, customer);
        return id;
    }

    /** The statuses of a customer's subscriptions ("active", "canceled"). */
    public List<String> subscriptionStatusesOf(String customer) {
        return subscriptions.values().stream().filter(subscription -> customer.equals(subscription.get("customer")))
                .map(subscription -> String.valueOf(subscription.get("status"))).toList();
    }

    /** What the account holds of a customer's person: its name, email and phone, where set. */
    public Map<String, Object> personOf(String customer) {
        Map<String, Object> person = new LinkedHashMap<>();
        for (String field : List.of("name", "email", "phone")) {
            if (customers.get(customer).get(field) != null) {
                person.put(field, customers.get(customer).get(field));
            }
        }
        return person;
    }

    /**
     * The family replaces its card (Checkout in setup mode again): the customer's default is the new one, and the app
     * hears of it as Stripe tells it, by a {@code payment_method.attached} event.
     */
    public void replaceCard(String customer, String card) {
        customers.get(customer).put("default_payment_method", card);
        Map<String, Object> method = new LinkedHashMap<>(paymentMethod(card));
        method.put("customer", customer);
        send("payment_method.attached", method);
    }

    /** Where an invoice stands: draft, open, paid or void. */
    public String invoiceStatus(String id) {
        return (String) invoices.get(id).get("status");
    }

    /** The invoices made for our charge id (a renewal's), newest last. */
    public List<String> invoicesFor(String chargeId) {
        return invoices.values().stream().filter(invoice -> chargeId.equals(((Map<?, ?>) invoice.get("metadata")).get("charge_id")))
                .map(invoice -> (String) invoice.get("id")).toList();
    }

    /** The months a subscription was billed (paid or not) and those it voided, as {@code yyyy-MM status}. */
    public List<String> invoicesOf(String customer) {
        return invoices.values().stream().filter(invoice -> customer.equals(invoice.get("customer")))
                .filter(invoice -> invoice.get("subscription") != null)
                .sorted(java.util.Comparator.comparing(invoice -> (Long) invoice.get("period_start")))
                .map(invoice -> Instant.ofEpochSecond((Long) invoice.get("period_start")).plusSeconds(43_200)
                        .atZone(java.time.ZoneId.of("America/Vancouver")).toLocalDate().toString().substring(0, 7)
                        + " " + invoice.get("status")).toList();
    }

    /** What moved at the provider, in order. */
    public List<Movement> book() {
        synchronized (book) {
            return List.copyOf(book);
        }
    }

    /**
     * Lets time pass at the provider up to now (the test's clock): each live subscription bills every period that
     * began by then, charging its card and telling the app, in order.
     */
    public void billSubscriptionsDue() {
        Instant now = clock.get();
        for (String id : List.copyOf(subscriptions.keySet())) {
            Map<String, Object> subscription = subscriptions.get(id);
            subscription.computeIfPresent("status", (key, status) -> status.equals("trialing")
                    && !Instant.ofEpochSecond((Long) subscription.get("period_end")).isAfter(now) ? "active" : status);
            while (!"canceled".equals(subscription.get("status"))
                    && !Instant.ofEpochSecond((Long) subscription.get("period_end")).isAfter(now)) {
                long start = (Long) subscription.get("period_end");
                long end = Instant.ofEpochSecond(start).atZone(ZoneOffset.UTC).plusMonths(1).toInstant().getEpochSecond();
                subscription.put("period_start", start);
                subscription.put("period_end", end);
                Map<String, Object> invoice = invoice((String) subscription.get("customer"), Map.of(), id,
                        (Long) subscription.get("amount"), "Weekly music lessons", start, end);
                Long pausedUntil = (Long) subscription.get("paused_until");
                if (pausedUntil != null && start < pausedUntil) {
                    invoice.put("status", "void");  // pause_collection with behavior void: the period is not billed
                    continue;
                }
                invoice.put("status", "open");
                String card = (String) (subscription.get("default_payment_method") != null
                        ? subscription.get("default_payment_method")
                        : customers.get(subscription.get("customer")).get("default_payment_method"));
                boolean paid = charge(invoice, card);
                send(paid ? "invoice.paid" : "invoice.payment_failed", invoice);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        answering.shutdownNow();
    }

    /**
     * Stripe down from now on: each request, in turn, is answered 500, answered 429, or not answered at all (held for
     * {@code unanswered}, past the client's read timeout, or until it is back, then dropped). Nothing is made while
     * it is down.
     */
    public void goDown(Duration unanswered) {
        outage = new Outage(unanswered, new AtomicInteger(), new ConcurrentHashMap<>(), new CountDownLatch(1));
    }

    /** Stripe back; what the outage refused, by kind ("500", "429", "timeout"). */
    public Map<String, Integer> comeBack() {
        Outage over = outage;
        outage = null;
        over.back().countDown();
        return over.refused();
    }

    private record Outage(Duration unanswered, AtomicInteger requests, Map<String, Integer> refused,
                          CountDownLatch back) {
    }

    /** A request whose answer is held back: {@link #reached} once it was carried out, answered after {@link #release}. */
    public record Held(String method, String path, CountDownLatch reached, CountDownLatch released) {

        public boolean awaitReached(Duration within) throws InterruptedException {
            return reached.await(within.toMillis(), TimeUnit.MILLISECONDS);
        }

        public void release() {
            released.countDown();
        }
    }

    /**
     * The next {@code method path} request is carried out (its objects made, its events sent) and its answer held
     * until released: the app's call is in flight, as when the app dies between Stripe's work and its reply.
     */
    public Held holdAnswerTo(String method, String path) {
        Held hold = new Held(method, path, new CountDownLatch(1), new CountDownLatch(1));
        held.add(hold);
        return hold;
    }

    /** The prices made at the account, in cents. */
    public List<Long> prices() {
        return List.copyOf(prices.values());
    }

    // -- the API ------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        Outage down = outage;
        if (down != null) {
            refuse(exchange, down);
            return;
        }
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            Map<String, String> body = form(read(exchange.getRequestBody()));
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String[] answer;
            synchronized (this) {
                try {
                    answer = key != null && idempotent.containsKey(key) ? idempotent.get(key) : route(method, path, query, body);
                } catch (RuntimeException broken) {
                    // a fault of the fake, not of the app: say so loudly, as Stripe's own 500 would not
                    broken.printStackTrace();
                    answer = new String[] {"500", "{\"error\": {\"type\": \"api_error\", \"message\": \""
                            + broken + "\"}}"};
                }
                if (key != null && answer[0].startsWith("2")) {
                    idempotent.putIfAbsent(key, answer);
                }
            }
            holdIfAsked(method, path);
            byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Request-Id", "req_" + ids.incrementAndGet());
            exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private void holdIfAsked(String method, String path) {
        for (Held hold : held) {
            if (hold.method().equals(method) && hold.path().equals(path) && held.remove(hold)) {
                hold.reached().countDown();
                try {
                    hold.released().await(5, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
        }
    }

    /** An outage's answer: 500, 429 or none, in turn; Stripe's error bodies. */
    private static void refuse(HttpExchange exchange, Outage down) throws IOException {
        try (exchange) {
            read(exchange.getRequestBody());
            String kind = switch (down.requests().getAndIncrement() % 3) {
                case 0 -> "500";
                case 1 -> "429";
                default -> "timeout";
            };
            down.refused().merge(kind, 1, Integer::sum);
            if (kind.equals("timeout")) {
                // no answer until the client has given up, or Stripe is back: then the connection just closes
                try {
                    down.back().await(down.unanswered().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            byte[] bytes = (kind.equals("500")
                    ? "{\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong on Stripe's end.\"}}"
                    : "{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"rate_limit\", "
                      + "\"message\": \"Too many requests hit the API too quickly.\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(Integer.parseInt(kind), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientGone) {
            // the client timed out first: as with Stripe, nobody hears the answer
        }
    }

    private String[] route(String method, String path, Map<String, String> query, Map<String, String> body) {
        String[] parts = path.substring(1).split("/");
        String resource = parts.length > 1 ? parts[1] : "";
        String id = parts.length > 2 ? parts[2] : null;
        String action = parts.length > 3 ? parts[3] : null;
        return switch (method + " " + resource + (id == null ? "" : id.equals("search") ? " search" : " id")
                + (action == null ? "" : " " + action)) {
            case "POST customers" -> ok(customerCreated(body));
            case "GET customers id" -> customers.containsKey(id) ? ok(customer(id)) : missing(id);
            case "POST customers id" -> {
                if (body.containsKey("invoice_settings[default_payment_method]")) {
                    customers.get(id).put("default_payment_method", body.get("invoice_settings[default_payment_method]"));
                }
                // Stripe unsets a field sent empty
                for (String field : List.of("name", "email", "phone", "description")) {
                    if (body.containsKey(field)) {
                        customers.get(id).put(field, body.get(field).isEmpty() ? null : body.get(field));
                    }
                }
                yield ok(customer(id));
            }
            case "GET payment_methods" -> ok(list(List.of()));
            case "GET payment_methods id" -> ok(paymentMethod(id));
            case "POST products" -> ok(Map.of("id", next("prod"), "object", "product", "name", body.getOrDefault("name", ""),
                    "active", true));
            case "POST prices" -> {
                String price = next("price");
                prices.put(price, Long.parseLong(body.get("unit_amount")));
                yield ok(Map.of("id", price, "object", "price", "unit_amount", prices.get(price), "currency", "cad",
                        "active", true));
            }
            case "POST subscriptions" -> ok(subscriptionCreated(body));
            case "GET subscriptions search" -> ok(search(subscriptions, query.get("query"), this::subscription));
            case "POST subscriptions id" -> {
                if (body.containsKey("default_payment_method")) {
                    subscriptions.get(id).put("default_payment_method", body.get("default_payment_method"));
                }
                if (body.containsKey("pause_collection[resumes_at]")) {
                    subscriptions.get(id).put("paused_until", Long.parseLong(body.get("pause_collection[resumes_at]")));
                }
                yield ok(subscription(id));
            }
            case "DELETE subscriptions id" -> {
                subscriptions.get(id).put("status", "canceled");
                yield ok(subscription(id));
            }
            case "POST invoices" -> ok(invoiceView(invoice(body.get("customer"), metadata(body), null, 0, 
                    body.getOrDefault("description", ""), clock.get().getEpochSecond(), clock.get().getEpochSecond())));
            case "POST invoiceitems" -> {
                Map<String, Object> invoice = invoices.get(body.get("invoice"));
                invoice.put("total", (Long) invoice.get("total") + Long.parseLong(body.get("amount")));
                yield ok(Map.of("id", next("ii"), "object", "invoiceitem", "amount", Long.parseLong(body.get("amount")),
                        "currency", "cad", "customer", body.get("customer")));
            }
            case "POST invoices id void" -> {
                if ("paid".equals(invoices.get(id).get("status"))) {
                    yield new String[] {"400", "{\"error\": {\"type\": \"invalid_request_error\", "
                            + "\"message\": \"You can only pass in open invoices.\"}}"};
                }
                invoices.get(id).put("status", "void");
                yield ok(invoiceView(invoices.get(id)));
            }
            case "POST invoices id finalize" -> {
                invoices.get(id).put("status", "open");
                yield ok(invoiceView(invoices.get(id)));
            }
            case "POST invoices id pay" -> {
                Map<String, Object> invoice = invoices.get(id);
                if ("paid".equals(invoice.get("status"))) {
                    yield ok(invoiceView(invoice));
                }
                String card = body.getOrDefault("payment_method",
                        (String) customers.get(invoice.get("customer")).get("default_payment_method"));
                boolean paid = charge(invoice, card);
                send(paid ? "invoice.paid" : "invoice.payment_failed", invoice);
                yield paid ? ok(invoiceView(invoice)) : declined();
            }
            case "GET invoices search" -> ok(search(invoices, query.get("query"), invoiceId -> invoiceView(invoices.get(invoiceId))));
            case "GET invoices" -> ok(list(invoices.entrySet().stream()
                    .filter(entry -> entry.getValue().get("customer").equals(query.get("customer")))
                    .filter(entry -> query.get("status") == null || query.get("status").equals(entry.getValue().get("status")))
                    .map(entry -> invoiceView(entry.getValue())).toList()));
            case "GET invoice_payments" -> {
                Map<String, Object> invoice = invoices.get(query.get("invoice"));
                yield ok(list(invoice == null || invoice.get("payment_intent") == null ? List.of()
                        : List.of(Map.of("id", "inpay_" + invoice.get("id"), "object", "invoice_payment",
                        "invoice", invoice.get("id"), "status", "paid",
                        "payment", Map.of("type", "payment_intent", "payment_intent", invoice.get("payment_intent"))))));
            }
            case "POST refunds" -> {
                String refund = next("re");
                long amount = Long.parseLong(body.get("amount"));
                String intent = body.get("payment_intent");
                Map<String, Object> invoice = invoices.values().stream()
                        .filter(candidate -> intent.equals(candidate.get("payment_intent"))).findFirst().orElseThrow();
                book.add(new Movement("refund", refund, (String) invoice.get("customer"), amount));
                yield ok(Map.of("id", refund, "object", "refund", "amount", amount, "currency", "cad",
                        "payment_intent", intent, "status", "succeeded"));
            }
            default -> new String[] {"404", "{\"error\": {\"type\": \"invalid_request_error\", \"message\": \"Unrecognized request URL ("
                    + method + ": " + path + ")\"}}"};
        };
    }

    private Map<String, Object> customerCreated(Map<String, String> body) {
        String id = next("cus");
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("email", body.get("email"));
        customer.put("name", body.get("name"));
        customer.put("default_payment_method", null);
        customers.put(id, customer);
        return customer(id);
    }

    private Map<String, Object> customer(String id) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("default_payment_method", customers.get(id).get("default_payment_method"));
        return Map.of("id", id, "object", "customer", "email", String.valueOf(customers.get(id).get("email")),
                "metadata", Map.of(), "invoice_settings", settings, "livemode", false, "created", 1_700_000_000);
    }

    private Map<String, Object> paymentMethod(String id) {
        String last4 = switch (id) {
            case DECLINED_CARD -> "0002";
            case DECLINES_AFTER_FIRST -> "0341";
            default -> "4242";
        };
        return Map.of("id", id, "object", "payment_method", "type", "card",
                "card", Map.of("brand", "visa", "last4", last4, "exp_month", 12, "exp_year", 2031));
    }

    /** A monthly subscription anchored on the given day: its first invoice prorated up to it, charged at once. */
    private Map<String, Object> subscriptionCreated(Map<String, String> body) {
        String id = next("sub");
        long now = clock.get().getEpochSecond();
        boolean trial = body.containsKey("trial_end");
        long anchor = Long.parseLong(trial ? body.get("trial_end") : body.get("billing_cycle_anchor"));
        long monthly = prices.get(body.get("items[0][price]"));
        long periodSeconds = Instant.ofEpochSecond(anchor).atZone(ZoneOffset.UTC).minusMonths(1).toInstant()
                .until(Instant.ofEpochSecond(anchor), java.time.temporal.ChronoUnit.SECONDS);
        long prorated = trial ? 0 : Math.round(monthly * (double) (anchor - now) / periodSeconds);
        Map<String, Object> subscription = new LinkedHashMap<>();
        subscription.put("customer", body.get("customer"));
        subscription.put("default_payment_method", body.get("default_payment_method"));
        subscription.put("amount", monthly);
        subscription.put("metadata", metadata(body));
        subscription.put("status", trial ? "trialing" : "active");
        subscription.put("period_start", now);
        subscription.put("period_end", anchor);
        subscriptions.put(id, subscription);
        Map<String, Object> first = invoice(body.get("customer"), Map.of(), id, prorated, "Weekly music lessons (prorated)",
                now, anchor);
        first.put("status", "open");
        if (trial) {
            first.put("status", "paid");  // Stripe's $0 invoice of a trial, paid by nothing
            send("invoice.paid", first);
        } else {
            send(charge(first, body.get("default_payment_method")) ? "invoice.paid" : "invoice.payment_failed", first);
        }
        Map<String, Object> view = new LinkedHashMap<>(subscription(id));
        view.put("latest_invoice", invoiceView(first));
        return view;
    }

    private Map<String, Object> subscription(String id) {
        Map<String, Object> subscription = subscriptions.get(id);
        return Map.of("id", id, "object", "subscription", "customer", subscription.get("customer"),
                "status", subscription.get("status"), "metadata", subscription.get("metadata"),
                "items", Map.of("object", "list", "data", List.of(Map.of("id", "si_" + id, "object", "subscription_item",
                        "current_period_start", subscription.get("period_start"),
                        "current_period_end", subscription.get("period_end")))));
    }

    private Map<String, Object> invoice(String customer, Map<String, String> metadata, String subscription, long total,
                                        String description, long start, long end) {
        String id = next("in");
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("id", id);
        invoice.put("customer", customer);
        invoice.put("metadata", metadata);
        invoice.put("subscription", subscription);
        invoice.put("total", total);
        invoice.put("description", description);
        invoice.put("period_start", start);
        invoice.put("period_end", end);
        invoice.put("status", "draft");
        invoices.put(id, invoice);
        return invoice;
    }

    private Map<String, Object> invoiceView(Map<String, Object> invoice) {
        Map<String, Object> view = new LinkedHashMap<>();
        long total = (Long) invoice.get("total");
        boolean paid = "paid".equals(invoice.get("status"));
        view.put("id", invoice.get("id"));
        view.put("object", "invoice");
        view.put("customer", invoice.get("customer"));
        view.put("status", invoice.get("status"));
        view.put("total", total);
        view.put("amount_due", total);
        view.put("amount_paid", paid ? total : 0);
        view.put("currency", "cad");
        view.put("description", invoice.get("description"));
        view.put("metadata", invoice.get("metadata"));
        view.put("lines", Map.of("object", "list", "data", List.of(Map.of("id", "il_" + invoice.get("id"),
                "object", "line_item", "amount", total, "description", String.valueOf(invoice.get("description")),
                "period", Map.of("start", invoice.get("period_start"), "end", invoice.get("period_end"))))));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("subscription", invoice.get("subscription"));
        view.put("parent", Map.of("type", "subscription_details", "subscription_details", details));
        return view;
    }

    /** Charges the card as Stripe's test cards behave; a paid invoice goes in the book. */
    private boolean charge(Map<String, Object> invoice, String card) {
        int made = charges.merge(card == null ? "none" : card, 1, Integer::sum);
        boolean declines = card == null || card.equals(DECLINED_CARD) || card.equals(DECLINES_AFTER_FIRST) && made > 1;
        if (declines) {
            return false;
        }
        invoice.put("status", "paid");
        invoice.put("payment_intent", "pi_" + invoice.get("id"));
        book.add(new Movement("charge", (String) invoice.get("id"), (String) invoice.get("customer"),
                (Long) invoice.get("total")));
        return true;
    }

    private static String[] declined() {
        return new String[] {"402", """
                {"error": {"type": "card_error", "code": "card_declined", "decline_code": "generic_decline",
                           "message": "Your card was declined."}}"""};
    }

    private static String[] missing(String id) {
        return new String[] {"404", "{\"error\": {\"type\": \"invalid_request_error\", \"code\": \"resource_missing\", "
                + "\"message\": \"No such object: '" + id + "'\"}}"};
    }

    private static final Pattern METADATA_QUERY = Pattern.compile("metadata\\['(\\w+)'\\]:'([^']*)'");

    private Map<String, Object> search(Map<String, Map<String, Object>> objects, String query,
                                       java.util.function.Function<String, Map<String, Object>> view) {
        Matcher matcher = METADATA_QUERY.matcher(query == null ? "" : query);
        if (!matcher.find()) {
            return list(List.of());
        }
        String field = matcher.group(1);
        String value = matcher.group(2);
        List<Map<String, Object>> found = objects.entrySet().stream()
                .filter(entry -> value.equals(((Map<?, ?>) entry.getValue().get("metadata")).get(field)))
                .map(entry -> view.apply(entry.getKey())).toList();
        Map<String, Object> result = new LinkedHashMap<>(list(found));
        result.put("object", "search_result");
        return result;
    }

    private static Map<String, Object> list(List<?> data) {
        return Map.of("object", "list", "data", data, "has_more", false, "url", "/v1");
    }

    private static Map<String, String> metadata(Map<String, String> body) {
        return body.entrySet().stream().filter(entry -> entry.getKey().startsWith("metadata["))
                .collect(Collectors.toMap(entry -> entry.getKey().substring(9, entry.getKey().length() - 1),
                        Map.Entry::getValue));
    }

    private String[] ok(Object body) {
        return new String[] {"200", json.writeValueAsString(body)};
    }

    /** Ids unique across the fakes of a test JVM, as the app keeps some (customers) deployment-wide. */
    private String next(String prefix) {
        return prefix + "_" + run + ids.incrementAndGet();
    }

    // -- events ---------------------------------------------------------------------------------------------------

    /** A signed event, delivered as Stripe does: POSTed to the app's endpoint, which must answer 200. */
    private void send(String type, Map<String, Object> object) {
        Map<String, Object> view = "invoice".equals(object.get("object")) || object.containsKey("total")
                ? invoiceView(object) : object;
        String event = json.writeValueAsString(Map.of("id", next("evt"), "object", "event",
                "api_version", "2026-07-29.dahlia", "created", clock.get().getEpochSecond(), "livemode", false,
                "pending_webhooks", 1, "type", type, "data", Map.of("object", view)));
        long t = Instant.now().getEpochSecond();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = "t=" + t + ",v1="
                    + HexFormat.of().formatHex(mac.doFinal((t + "." + event).getBytes(StandardCharsets.UTF_8)));
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(webhooks)
                    .header("Content-Type", "application/json").header("Stripe-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("the app refused a Stripe event: " + answer.statusCode() + " " + answer.body());
            }
        } catch (IOException | InterruptedException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("could not deliver a Stripe event", e);
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            values.put(name, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
