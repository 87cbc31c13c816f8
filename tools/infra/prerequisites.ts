import { spawnSync } from 'node:child_process';

interface Tool {
  command: string;
  versionArgs: string[];
  install: string;
}

const TOOLS = {
  java: {
    command: 'java',
    versionArgs: ['-version'],
    install: 'Java 17+ (Debian: apt-get install openjdk-17-jre-headless)',
  },
  mvn: { command: 'mvn', versionArgs: ['-v'], install: 'Apache Maven 3.8+ (Debian: apt-get install maven)' },
  go: {
    command: 'go',
    versionArgs: ['version'],
    install: 'Go 1.24+ (https://go.dev/doc/install, or Debian backports golang)',
  },
  setpriv: {
    command: 'setpriv',
    versionArgs: ['--version'],
    install: 'setpriv from util-linux (Debian: apt-get install util-linux); it ties child processes to their parent',
  },
} satisfies Record<string, Tool>;

export type ToolName = keyof typeof TOOLS;

export class MissingPrerequisiteError extends Error {
  constructor(readonly missing: readonly ToolName[]) {
    super(
      `Missing prerequisites for the local infrastructure:\n` +
        missing.map((name) => `  - ${name}: install ${TOOLS[name].install}`).join('\n'),
    );
    this.name = 'MissingPrerequisiteError';
  }
}

/** Fails with one message naming every missing tool and how to install it. */
export function requireTools(names: readonly ToolName[]): void {
  const missing = names.filter((name) => {
    const tool = TOOLS[name];
    const result = spawnSync(tool.command, tool.versionArgs, { stdio: 'ignore' });
    return result.error !== undefined || result.status !== 0;
  });
  if (missing.length > 0) throw new MissingPrerequisiteError(missing);
}
