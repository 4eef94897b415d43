package app.vigie.platform.testing;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real RabbitMQ of the test run, seen from a test: listen to {@code vigie.events} on a queue of one's own,
 * publish raw messages, and stop or start the broker itself (with {@code rabbitmqctl}) to prove that nothing
 * acknowledged is lost while it is away.
 */
public final class Broker implements AutoCloseable {

    public static final String EXCHANGE = "vigie.events";

    private final Connection connection;
    private final Channel channel;

    private Broker(Connection connection) throws IOException {
        this.connection = connection;
        this.channel = connection.createChannel();
        channel.exchangeDeclare(EXCHANGE, "topic", true);
    }

    public static Broker connect() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(env("VIGIE_RABBITMQ_HOST"));
        factory.setPort(Integer.parseInt(env("VIGIE_RABBITMQ_PORT")));
        factory.setUsername(env("VIGIE_RABBITMQ_USER"));
        factory.setPassword(env("VIGIE_RABBITMQ_PASSWORD"));
        factory.setVirtualHost(env("VIGIE_RABBITMQ_VHOST"));
        try {
            return new Broker(factory.newConnection("vigie-test"));
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("RabbitMQ is not reachable; ./vigie test starts it", e);
        }
    }

    /** A fresh exclusive queue bound to {@code vigie.events} with the given routing-key pattern. */
    public Listener listen(String bindingKey) throws IOException {
        String queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, EXCHANGE, bindingKey);
        Listener listener = new Listener();
        channel.basicConsume(queue, true, (tag, delivery) -> listener.received.add(
                new Delivery(delivery.getEnvelope().getRoutingKey(), delivery.getProperties(),
                        new String(delivery.getBody(), StandardCharsets.UTF_8))), tag -> { });
        return listener;
    }

    public void publish(String routingKey, String json) throws IOException {
        channel.basicPublish(EXCHANGE, routingKey,
                new AMQP.BasicProperties.Builder().contentType("application/json").deliveryMode(2).build(),
                json.getBytes(StandardCharsets.UTF_8));
    }

    /** Number of messages waiting in a queue (e.g. a consumer's dead-letter queue). */
    public long depth(String queue) throws IOException {
        return channel.queueDeclarePassive(queue).getMessageCount();
    }

    @Override
    public void close() {
        try {
            connection.close(2_000);
        } catch (Exception ignored) {
            // the broker may have been stopped by the test
        }
    }

    public record Delivery(String routingKey, AMQP.BasicProperties properties, String body) {
    }

    public static final class Listener {
        private final BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();

        public Delivery next(Duration timeout) throws InterruptedException {
            Delivery delivery = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (delivery == null) {
                throw new AssertionError("no message on vigie.events within " + timeout);
            }
            return delivery;
        }

        public List<Delivery> drain(Duration quiet) throws InterruptedException {
            List<Delivery> all = new ArrayList<>();
            Delivery d;
            while ((d = received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                all.add(d);
            }
            return all;
        }
    }

    /** Stops the RabbitMQ application (the Erlang node stays up), as an outage seen by every client. */
    public static void stopServer() {
        rabbitmqctl("stop_app");
    }

    /** Starts it again and waits until it accepts connections. */
    public static void startServer() {
        rabbitmqctl("start_app");
        rabbitmqctl("await_startup");
    }

    private static void rabbitmqctl(String command) {
        try {
            Process p = new ProcessBuilder("rabbitmqctl", "-q", command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("rabbitmqctl " + command + " failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("rabbitmqctl not available", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name) {
        return Keycloak.env(name);
    }
}
