import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finalStage, lastArgs } from './dockerfile';
import { DOCKER_DIR, readRepoFile, readYaml, ROOT, run } from './repo-files';

interface Service {
  image?: string;
  build?: { dockerfile?: string };
  restart?: string;
  healthcheck?: unknown;
  environment?: Record<string, unknown>;
}

const COMPOSE = 'docker/docker-compose.yml';
const compose = readYaml(COMPOSE) as { services: Record<string, Service> };
const services = Object.entries(compose.services);
const apps = readdirSync(join(ROOT, 'apps'));
// Names that hold credentials; their values must come from docker/.env, never from this file.
const SECRET_NAME = /KEY|SECRET|PASSWORD|TOKEN|CREDENTIAL/i;
const INTERPOLATED = /^\$\{[A-Z0-9_]+(:?[-?][^}]*)?\}$/;

// Docker's client parses compose files without an engine; only the compose plugin may be missing.
const composeCli = run('docker', ['compose', 'version']);
const hasCompose = composeCli.available && composeCli.status === 0;
if (!hasCompose) console.warn('docker compose not available: checking docker-compose.yml by parsing it instead');

describe.skipIf(!hasCompose)('docker compose config', () => {
  it('accepts the file with the example environment', () => {
    const args = ['compose', '--env-file', 'docker/.env.example', '--profile', 'sim', '-f', COMPOSE, 'config', '-q'];
    const result = run('docker', args);
    expect(result.status, result.output).toBe(0);
  });
});

describe('docker-compose.yml (parsed)', () => {
  it.each(services)('%s has an image or a build', (_name, service) => {
    expect(service.image ?? service.build).toBeDefined();
  });

  // One-shot init jobs (restart: "no") exit by design; everything long-running must say when it is healthy.
  it.each(services.filter(([, s]) => s.restart !== 'no'))('%s has a healthcheck', (_name, service) => {
    const dockerfile = service.build?.dockerfile;
    const fromImage = dockerfile ? lastArgs(finalStage(readRepoFile(dockerfile)), 'HEALTHCHECK') : undefined;
    expect(service.healthcheck ?? fromImage).toBeDefined();
  });

  it.each(services)('%s has no inline secret', (_name, service) => {
    const inline = Object.entries(service.environment ?? {}).filter(
      ([key, value]) => SECRET_NAME.test(key) && !INTERPOLATED.test(String(value)),
    );
    expect(inline).toEqual([]);
  });

  it('requires every secret it interpolates and documents it in .env.example', () => {
    const example = readRepoFile('docker/.env.example');
    const required = [...readRepoFile(COMPOSE).matchAll(/\$\{([A-Z0-9_]+):\?/g)].map((m) => m[1] ?? '');
    expect(required.length).toBeGreaterThan(0);
    for (const name of required) expect(example, name).toMatch(new RegExp(`^${name}=`, 'm'));
    for (const [, name = '', value = ''] of example.matchAll(/^([A-Z0-9_]+)=(.*)$/gm)) {
      if (SECRET_NAME.test(name)) expect(value, `${name} in .env.example must be a placeholder`).toMatch(/replace-me/);
    }
  });

  it('builds every app', () => {
    const built = services.map(([, s]) => s.build?.dockerfile).filter(Boolean);
    expect(built.sort()).toEqual(apps.map((app) => `docker/${app}.Dockerfile`).sort());
  });
});

describe.each(apps)('docker/%s.Dockerfile', (app) => {
  const path = `docker/${app}.Dockerfile`;
  const stage = finalStage(readRepoFile(path));

  it('runs the bundle with plain node, exec form', () => {
    const entrypoint = JSON.parse(lastArgs(stage, 'ENTRYPOINT') ?? 'null') as unknown;
    expect(entrypoint).toEqual(['node', '/app/main.mjs']);
  });

  it('runs as a non-root user', () => {
    const user = lastArgs(stage, 'USER') ?? 'root';
    expect(user.split(':')[0]).not.toMatch(/^(root|0)$/);
  });

  it('has a HEALTHCHECK on /healthz, EXPOSE and its own .dockerignore', () => {
    expect(lastArgs(stage, 'HEALTHCHECK')).toContain('/healthz');
    expect(lastArgs(stage, 'EXPOSE')).toMatch(/^\d+$/);
    expect(existsSync(join(DOCKER_DIR, `${app}.Dockerfile.dockerignore`))).toBe(true);
  });

  it('copies only the bundle into the runtime stage', () => {
    const copies = stage.filter((step) => step.instruction === 'COPY').map((step) => step.args);
    expect(copies).toEqual([`--from=build /src/dist/${app}/ /app/`]);
  });
});
