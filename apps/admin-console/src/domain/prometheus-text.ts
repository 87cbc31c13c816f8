/** Samples of the named metrics from a Prometheus text exposition (comments and other metrics skipped). */
export function samplesOf(text: string, prefix: string): { name: string; value: string }[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith(prefix))
    .map((line) => {
      const at = line.lastIndexOf(' ');
      return { name: line.slice(0, at), value: line.slice(at + 1) };
    });
}
