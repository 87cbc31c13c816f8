/** The instructions of a Dockerfile's final stage (the image that ships), continuation lines joined. */
export function finalStage(dockerfile: string): { instruction: string; args: string }[] {
  const lines = dockerfile
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const lastFrom = lines.findLastIndex((line) => /^FROM\s/i.test(line));
  return lines.slice(lastFrom).map((line) => {
    const [instruction = '', ...rest] = line.split(/\s+/);
    return { instruction: instruction.toUpperCase(), args: rest.join(' ') };
  });
}

export const lastArgs = (stage: ReturnType<typeof finalStage>, instruction: string): string | undefined =>
  stage.findLast((step) => step.instruction === instruction)?.args;
