/** The standalone web UI process (docker-compose `web` service). */
import { parseConfig } from '../../domain/config.js';
import { buildWebServer } from './server.js';

const config = parseConfig(process.env);
const web = buildWebServer({ config, showOutbox: false });
await web.listen({ host: config.WEB_HOST, port: config.WEB_PORT });
console.log(`web: listening on http://${config.WEB_HOST}:${config.WEB_PORT}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void web.close().then(() => process.exit(0)));
}
