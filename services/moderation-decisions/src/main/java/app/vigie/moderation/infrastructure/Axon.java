package app.vigie.moderation.infrastructure;

import app.vigie.contracts.EventPayloads;
import app.vigie.moderation.domain.ModerationCase;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.ClientProxy;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Axon Framework wired into Quarkus by hand (there is no Axon extension): JDBC event store and token store on
 * this service's PostgreSQL database, Jackson for events, snapshots and tokens, Axon's transactions on Quarkus's
 * JTA, tracking event processors for the projections. See docs/adr/0007-axon-on-quarkus.md.
 */
@ApplicationScoped
public class Axon {

    private static final Logger LOG = Logger.getLogger(Axon.class);

    /** Processing groups: the queue the moderators work from, and the integration events sent out. */
    public static final String QUEUE = "case-queue";
    public static final String INTEGRATION = "integration-events";

    /**
     * Events per processor transaction, and per read of the event store: after a burst of openings, a projection
     * catches up with one commit (and one multi-row insert into the queue) per batch of cases.
     */
    @ConfigProperty(name = "vigie.moderation.processor-batch", defaultValue = "500")
    int processorBatch;

    /** Our tables, in snake case (Axon's JDBC defaults are camel-case names). */
    private static final EventSchema EVENTS = EventSchema.builder()
            .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index").eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
            .typeColumn("type").timestampColumn("time_stamp").payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision").payloadColumn("payload").metaDataColumn("meta_data")
            .build();
    private static final TokenSchema TOKENS = TokenSchema.builder()
            .setTokenTable("token_entry").setProcessorNameColumn("processor_name").setSegmentColumn("segment")
            .setTokenColumn("token").setTokenTypeColumn("token_type").setTimestampColumn("timestamp")
            .setOwnerColumn("owner")
            .build();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    jakarta.transaction.TransactionManager jta;
    @Inject
    CaseQueue queue;
    @Inject
    DecisionPublisher publisher;
    @Inject
    app.vigie.moderation.audit.DecisionLog decisionLog;
    @ConfigProperty(name = "vigie.moderation.processors.enabled", defaultValue = "true")
    boolean processorsEnabled;

    private Configuration configuration;

    void start(@Observes StartupEvent event) {
        configuration();
        LOG.infof("Axon started: JDBC event store, processors %s", processorsEnabled ? "running" : "disabled");
    }

    void stop(@Observes ShutdownEvent event) {
        if (configuration != null) {
            configuration.shutdown();
        }
    }

    /** The tracking processor of a processing group, if there is one. */
    public java.util.Optional<org.axonframework.eventhandling.TrackingEventProcessor> processor(String name) {
        return configuration().eventProcessingConfiguration()
                .eventProcessor(name, org.axonframework.eventhandling.TrackingEventProcessor.class);
    }

    @Produces
    @Singleton
    CommandGateway commandGateway() {
        return DefaultCommandGateway.builder().commandBus(configuration().commandBus()).build();
    }

    @Produces
    @Singleton
    EventStore eventStore() {
        return configuration().eventStore();
    }

    /**
     * The configuration, built and started on first use: a message consumer may dispatch a command before Quarkus
     * has sent {@code StartupEvent}, and the command handlers are only subscribed once Axon has started.
     */
    synchronized Configuration configuration() {
        if (configuration == null) {
            configuration = build();
            configuration.start();
        }
        return configuration;
    }

    private Configuration build() {
        TransactionManager transactions = new JtaTransactions(jta);
        Serializer serializer = JacksonSerializer.builder().objectMapper(mapper()).build();
        Configurer configurer = DefaultConfigurer.defaultConfiguration(false)
                .configureTransactionManager(c -> transactions)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureEmbeddedEventStore(c -> JdbcEventStorageEngine.builder()
                        .connectionProvider(dataSource::getConnection)
                        .transactionManager(transactions)
                        .schema(EVENTS)
                        .eventSerializer(serializer)
                        .snapshotSerializer(serializer)
                        // events read per query by the processors (Axon's default is 100)
                        .batchSize(processorBatch)
                        .build())
                // who acted, in which role and request: from each command's metadata into its events' (the history)
                .configureCorrelationDataProviders(c -> java.util.List.of(
                        new org.axonframework.messaging.correlation.MessageOriginProvider(),
                        new org.axonframework.messaging.correlation.SimpleCorrelationDataProvider(
                                app.vigie.moderation.application.Actor.SUBJECT, app.vigie.moderation.application.Actor.ROLE,
                                app.vigie.moderation.application.Actor.REQUEST)))
                .configureCommandBus(c -> commandBus(c, transactions))
                .configureAggregate(ModerationCase.class);
        configurer.eventProcessing(processing -> {
            processing.registerTokenStore(c -> JdbcTokenStore.builder()
                            .connectionProvider(dataSource::getConnection)
                            .schema(TOKENS)
                            .serializer(serializer)
                            .build())
                    .registerDefaultTransactionManager(c -> transactions)
                    // A handler that fails stops its processor, which retries the batch with back-off: Axon's
                    // default would log and go on, and an outbox row or a queue row would be lost for good.
                    .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                    // One thread per processor, up to processor-batch events per transaction. A pooled streaming processor's
                    // coordinator busy-waits on its work queues (ConcurrentLinkedQueue.size) whenever a projection
                    // lags, and took a third of the CPU while cases were being opened at full speed.
                    .usingTrackingEventProcessors()
                    .registerTrackingEventProcessorConfiguration(c -> TrackingEventProcessorConfiguration
                            .forSingleThreadedProcessing().andBatchSize(processorBatch));
            if (processorsEnabled) {
                // the CDI beans themselves, not their client proxies: Axon reads the handler annotations
                processing.registerEventHandler(c -> ClientProxy.unwrap(queue))
                        .registerEventHandler(c -> ClientProxy.unwrap(publisher))
                        .registerEventHandler(c -> ClientProxy.unwrap(decisionLog));
            }
        });
        return configurer.buildConfiguration();
    }

    private static CommandBus commandBus(Configuration c, TransactionManager transactions) {
        SimpleCommandBus bus = SimpleCommandBus.builder().transactionManager(transactions).build();
        bus.registerHandlerInterceptor(new org.axonframework.messaging.interceptors.CorrelationDataInterceptor<>(
                c.correlationDataProviders()));
        return bus;
    }

    private static ObjectMapper mapper() {
        return EventPayloads.mapper().copy();
    }

}
