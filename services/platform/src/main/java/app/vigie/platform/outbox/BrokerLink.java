package app.vigie.platform.outbox;

import app.vigie.contracts.EventTypes;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The relay's own connection to RabbitMQ: one channel in confirm mode, opened lazily and thrown away on any
 * failure so the next relay round starts from a fresh one. It reads the same {@code rabbitmq-*} settings as
 * the SmallRye connector, so a service configures the broker once.
 */
@ApplicationScoped
public class BrokerLink {

    private static final Logger LOG = Logger.getLogger(BrokerLink.class);

    @ConfigProperty(name = "rabbitmq-host", defaultValue = "127.0.0.1")
    String host;
    @ConfigProperty(name = "rabbitmq-port", defaultValue = "5672")
    int port;
    @ConfigProperty(name = "rabbitmq-username", defaultValue = "guest")
    String username;
    @ConfigProperty(name = "rabbitmq-password", defaultValue = "guest")
    String password;
    @ConfigProperty(name = "rabbitmq-virtual-host", defaultValue = "/")
    String virtualHost;
    @ConfigProperty(name = "quarkus.application.name", defaultValue = "vigie")
    String applicationName;

    private Connection connection;
    private Channel channel;

    /** A confirm-mode channel on which {@code vigie.events} is declared; opens one if needed. */
    synchronized Channel channel() throws IOException, TimeoutException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        discard();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(username);
        factory.setPassword(password);
        factory.setVirtualHost(virtualHost);
        factory.setConnectionTimeout(3_000);
        factory.setHandshakeTimeout(3_000);
        // Recovery is ours: a failed round discards the link and the next one reconnects.
        factory.setAutomaticRecoveryEnabled(false);
        connection = factory.newConnection(applicationName + "-outbox-relay");
        channel = connection.createChannel();
        channel.exchangeDeclare(EventTypes.EXCHANGE, "topic", true);
        channel.confirmSelect();
        LOG.infof("outbox relay connected to RabbitMQ %s:%d vhost %s", host, port, virtualHost);
        return channel;
    }

    synchronized void discard() {
        try {
            if (connection != null) {
                connection.abort(1_000);
            }
        } finally {
            connection = null;
            channel = null;
        }
    }

    @PreDestroy
    void close() {
        discard();
    }
}
