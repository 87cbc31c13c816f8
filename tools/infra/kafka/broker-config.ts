export interface BrokerPorts {
  port: number;
  controllerPort: number;
}

/** Single-node KRaft (broker + controller) settings sized for a 2-core test machine. */
export function serverProperties(ports: BrokerPorts, dataDir: string): string {
  const lines = [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${String(ports.controllerPort)}`,
    `listeners=PLAINTEXT://127.0.0.1:${String(ports.port)},CONTROLLER://127.0.0.1:${String(ports.controllerPort)}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${String(ports.port)}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${dataDir}`,
    // Topics are provisioned explicitly from the catalog; auto-creation would hide a missing one.
    'auto.create.topics.enable=false',
    'num.partitions=1',
    'default.replication.factor=1',
    'min.insync.replicas=1',
    'offsets.topic.replication.factor=1',
    // The default of 50 partitions makes the first FindCoordinator slow.
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'share.coordinator.state.topic.num.partitions=1',
    'group.initial.rebalance.delay.ms=0',
    'num.network.threads=2',
    'num.io.threads=2',
    'background.threads=2',
    'log.cleaner.dedupe.buffer.size=2097152',
    'log.initial.task.delay.ms=100',
    'log.delete.delay.ms=1000',
  ];
  return `${lines.join('\n')}\n`;
}

/** Console logging at WARN, plus the one INFO line that says the server started. */
export const LOG4J2_PROPERTIES = `status = warn
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.out.ref = OUT
logger.raft.name = kafka.server.KafkaRaftServer
logger.raft.level = INFO
`;

export const JVM_OPTIONS = [
  '-Xms128m',
  '-Xmx512m',
  '-XX:+UseSerialGC',
  '-XX:+ExitOnOutOfMemoryError',
  '-XX:TieredStopAtLevel=1',
  '-Xshare:auto',
  '-Djava.awt.headless=true',
];
