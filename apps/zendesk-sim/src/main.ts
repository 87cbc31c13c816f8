import { buildSimulator } from './app';
import { loadConfig } from './config';
import { DEMO_ACCOUNT, seedDemo, startActivity } from './application/demo';

const config = loadConfig(process.env);
const { app, control } = buildSimulator({ logger: { level: 'info' } });
const demo = seedDemo(control);
startActivity(control, config.SIM_ACTIVITY_INTERVAL_S * 1000);

await app.listen({ port: config.PORT, host: config.HOST });
const base = `http://${config.HOST}:${config.PORT}`;
app.log.info(`zendesk-sim listening on ${base}`);
// Printed once for a person starting the demo; the sim holds only simulated credentials.
process.stdout.write(
  [
    `Demo account: ${DEMO_ACCOUNT}.zendesk.com (send Host: ${DEMO_ACCOUNT}.zendesk.com to ${base})`,
    `  in a browser: http://${DEMO_ACCOUNT}.zendesk.localhost:${config.PORT}/oauth/authorizations/new?...`,
    `Demo OAuth client id: ${demo.identifier}`,
    `Demo OAuth client secret: ${demo.secret}`,
    `Signed-in admin for consent: ${demo.adminEmail}`,
    `Control API: ${base}/_sim/accounts`,
    '',
  ].join('\n'),
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
